// The Document: the one data model every pipeline stage reads and writes.
//
// A Document owns the original text as bytes. Everything found in it (sentences, tokens,
// actor mentions, events, removed boilerplate) refers back to that text by UTF-8 byte
// offsets, so every coded event can be traced to the exact words it came from. Stages
// append to the vectors in pipeline order; a stage never rewrites `text`.
#ifndef EVENTMILL_DOCUMENT_H_
#define EVENTMILL_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/civil_date.h"

namespace eventmill {

// Half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const Span&) const = default;
};

// Where the document date came from.
enum class DocumentDateOrigin {
  kNone,      // the document has no date
  kMetadata,  // the input's own metadata: a JSONL `date` field or a `date YYYY-MM-DD` first line
  kDefault,   // the caller's fallback date (PipelineOptions::default_date, the CLI's --date)
};

struct DocumentMetadata {
  std::string id;     // file name without extension, or the JSONL `id`
  std::string title;  // may be empty
  std::string url;    // may be empty
  std::optional<CivilDate> date;
  DocumentDateOrigin date_origin = DocumentDateOrigin::kNone;
  std::string input;  // where the document was read from: "path" or "path:line"
};

// Text the pipeline must not code, kept so it can be shown and accounted for.
struct RemovedSpan {
  Span span;
  // "metadata", "page-label", "headline-list", "widget", "social-prompt", "appeal",
  // "oversized-sentence"
  std::string reason;
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  std::string lower;  // lower-cased form (ASCII letters folded) used for matching
  // Set by the "tag" stage: Universal POS tag, Penn Treebank tag, lemma.
  std::string upos;
  std::string xpos;
  std::string lemma;
  std::string feats;  // Universal features, "Number=Plur|..."; empty for none
  // Set by the "parse" stage: the head as a token index into Document::tokens (-1 for the
  // sentence root) and the Universal Dependencies relation to it ("nsubj", "obl:tmod").
  int32_t head = -1;
  std::string deprel;
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
};

// A resolved actor: who a mention refers to.
struct Actor {
  std::string code;     // CAMEO actor code: "USAMIL", "IGOWSTNAT", "---GOV"; empty when unknown
  std::string country;  // ISO 3166-1 alpha-3 of a state actor, else empty
  std::string org;      // short name of an international organisation, else empty
  std::string name;     // canonical person name when the mention names a person, else empty
};

struct ActorMention {
  Span span;  // the words of the mention, e.g. "the Russian Minister of Defense Andrei Belousov"
  uint32_t sentence = 0;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  Actor actor;
};

enum class DatePrecision { kNone, kDay, kWeek, kMonth, kYear };

// Where an event's date came from.
enum class EventDateOrigin {
  kNone,      // no date is known
  kText,      // a time expression in the text
  kDocument,  // the document date
};

struct Event {
  uint32_t sentence = 0;
  Span trigger;                    // the words that mark the event ("telephoned", "phone call")
  std::optional<uint32_t> source;  // index into Document::mentions
  std::optional<uint32_t> target;  // index into Document::mentions
  std::string cameo;               // CAMEO event code, resolved against the Codebook
  std::optional<CivilDate> date;
  DatePrecision date_precision = DatePrecision::kNone;
  EventDateOrigin date_origin = EventDateOrigin::kNone;
};

struct Document {
  DocumentMetadata meta;
  std::string text;  // the original text, valid UTF-8
  std::vector<RemovedSpan> removed;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<ActorMention> mentions;
  std::vector<Event> events;

  std::string_view Slice(Span span) const { return std::string_view(text).substr(span.begin, span.end - span.begin); }
  // True when `span` overlaps a removed span.
  bool IsRemoved(Span span) const;
};

std::string_view ToString(DocumentDateOrigin origin);  // "none", "metadata", "default"
std::string_view ToString(DatePrecision precision);    // "none", "day", "week", "month", "year"
std::string_view ToString(EventDateOrigin origin);     // "none", "text", "document"

}  // namespace eventmill

#endif  // EVENTMILL_DOCUMENT_H_
