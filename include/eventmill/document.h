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
// Origins differ in how far the date can be trusted as the day the story was written:
// metadata and a dateline are the story's own; a page header may be the day the page was
// saved; a date inferred from the text is only a lower bound ("the story was written on or
// after the latest day it names").
enum class DocumentDateOrigin {
  kNone,          // the document has no date
  kMetadata,      // the input's own metadata: a JSONL `date` field or a `date YYYY-MM-DD` first line
  kDateline,      // a dateline opening the story: "MOSCOW, April 10, 2021 (Reuters) -"
  kPageHeader,    // a line holding only a date above the story: "Friday, July 19, 2024"
  kDefault,       // the caller's fallback date (PipelineOptions::default_date, the CLI's --date)
  kLatestInText,  // none of the above: the latest full date the text itself names
};

// True when the date is the story's own (metadata, dateline, or the caller's word for it),
// false when it may be another day's (a page header, a bound inferred from the text).
bool IsConfident(DocumentDateOrigin origin);

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

// TIMEX3 types.
enum class TimexType { kDate, kTime, kDuration, kSet };

// A time expression found in the text, normalised against the document date (and, for
// "the day before" or "two days later", against the last day the text named before it).
struct Timex {
  Span span;  // the words: "March 15 last year", "late Tuesday night", "the past five days"
  uint32_t sentence = 0;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  TimexType type = TimexType::kDate;
  // TIMEX3 value: "2021-03-31", "2021-W13", "2021-03", "2021-Q1", "2021-SU", "2021", "198"
  // (the 1980s), "2021-03-31TNI", "2021-03-31T18:00", "P3D", "PT30M", "PXY", "PRESENT_REF",
  // "PAST_REF", "FUTURE_REF". An "X" stands for what the text leaves open: "XXXX-03-26"
  // when no year can be known, "XXXX-WXX-3" for a Wednesday of an undated story.
  std::string value;
  // The calendar day this expression dates, when it names a day, week, month or year that
  // an event can take; empty for durations, sets, vague references and unresolved dates.
  // For a week, month or year it is the first day, and `precision` says which.
  std::optional<CivilDate> date;
  DatePrecision precision = DatePrecision::kNone;
};
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
  std::vector<Timex> timexes;  // in text order
  std::vector<ActorMention> mentions;
  std::vector<Event> events;

  std::string_view Slice(Span span) const { return std::string_view(text).substr(span.begin, span.end - span.begin); }
  // True when `span` overlaps a removed span.
  bool IsRemoved(Span span) const;
};

// "none", "metadata", "dateline", "page-header", "default", "latest-in-text"
std::string_view ToString(DocumentDateOrigin origin);
std::string_view ToString(TimexType type);           // "DATE", "TIME", "DURATION", "SET"
std::string_view ToString(DatePrecision precision);  // "none", "day", "week", "month", "year"
std::string_view ToString(EventDateOrigin origin);   // "none", "text", "document"

}  // namespace eventmill

#endif  // EVENTMILL_DOCUMENT_H_
