// Coding with TABARI dictionaries, over eventmill's own tokens and sentences.
//
// It reads a sentence the way TABARI's manual describes (chapters 5 to 8), so that
// dictionaries written for TABARI code as their authors meant. In order: words as TABARI
// cuts them (clitics kept on their word, hyphens blank); actor phrases become single actors,
// an agent next to one composing its code ("Arnor police" -> ARNCOP); compound actors ("A,
// B and C"); pronouns; comma-delimited clauses dropped by length; the COMPLEX filter of the
// options; then, clause by conjunction-delimited clause, the first word that is a verb of
// the dictionary (not a noun by its determiner, capital letter or the noun list), its
// longest matching pattern (else its own code), and the source and target: the pattern's
// "$", "+" or "%", else TABARI's default searches (first actor before the verb; first
// actor after it with another code, else before it), passive voice swapping them and the
// options' DEFAULT codes standing in. "A and B" gives an event for each; "X:Y" also codes Y
// from the target back to the source; "?" codes only where nothing else does. A "###" in
// an actor, verb or <TIME> phrase discards the sentence, a "+++" leaves it uncoded.
//
// With TabariOptions::roles_from_parse (PETRARCH dictionaries, PetrarchCodingOptions()) the
// same dictionaries are read the way PETRARCH reads a parse instead: verbs are the words
// eventmill's tagger calls verbs, and source and target come from eventmill's dependency
// parse (subject, objects, "by" phrase, coordinations), TABARI's searches standing in only
// where the parse names no subject.
#ifndef EVENTMILL_SRC_LEGACY_TABARI_CODER_H_
#define EVENTMILL_SRC_LEGACY_TABARI_CODER_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/document.h"
#include "src/legacy/tabari_dictionary.h"

namespace eventmill::legacy {

// One actor of an event: its code and the words that named it.
struct LegacyActor {
  std::string code;
  uint32_t token_begin = 0, token_end = 0;  // into Document::tokens
  std::string actor_code;                   // the actor's own code, without an agent's ("FOR" of "FORGOV")
  bool pronoun = false;                     // named by a pronoun ("he", "it")
};

struct LegacyEvent {
  uint32_t sentence = 0;
  LegacyActor source, target;
  std::string code;
  Span trigger;          // the verb
  size_t rule_line = 0;  // the .verbs line of the verb or pattern that gave the code
};

enum class SentenceOutcome { kCoded, kNoEvent, kDiscarded, kComplex };

struct LegacySentence {
  SentenceOutcome outcome = SentenceOutcome::kNoEvent;
  std::vector<LegacyEvent> events;
};

class TabariCoder {
 public:
  explicit TabariCoder(TabariDictionaries dictionaries);

  // Codes one sentence of a segmented document (doc.sentences[sentence]). `date` picks the
  // actor codes valid on it; without one an actor's undated code, else its first, is used.
  // With `forwarded` (TABARI's FORWARD), a pronoun before every actor of the sentence stands
  // for that actor code ("He has also asked Gondor ..." after a sentence about Fornost).
  LegacySentence CodeSentence(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                              const TabariOptions& options = {}, const std::string* forwarded = nullptr) const;

  // The sentence as the coder reads it, for finding out why it coded what it did: words and
  // actors ("Arnor=[ARN]") after compounds, pronouns and comma-delimited clauses.
  std::string Explain(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                      const TabariOptions& options = {}, const std::string* forwarded = nullptr) const;

  const TabariDictionaries& dictionaries() const { return d_; }

  struct Unit;  // a word or a whole actor of a sentence, as patterns see it

 private:
  struct PhraseRef {
    uint32_t entry;   // index into actors, agents or verbs
    uint32_t phrase;  // which of the entry's phrases (actors) or forms (verbs: 0 is the root)
  };
  // Looked up with string_view keys: every prefix of every word, without copying it.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using PhraseIndex = std::unordered_map<std::string, std::vector<PhraseRef>, WordHash, std::equal_to<>>;
  // Whether `lower` is a listed noun (kind 0) or adjective (kind 1).
  bool IsListed(const std::string& lower, uint32_t kind) const;
  std::vector<Unit> Units(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                          const TabariOptions& options, bool& discard, bool& complex) const;
  // Units() after compound actors, pronouns and comma-delimited clauses.
  std::vector<Unit> Prepare(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                            const TabariOptions& options, const std::string* forwarded, bool& discard, bool& complex,
                            bool& all_capitals, size_t& commas_dropped, size_t& word_count) const;
  // The length TABARI orders patterns by (longest first).
  size_t TextLength(const Phrase& phrase, int depth = 0) const;
  // Phrases whose first word matches `lower` (exactly or as a stem).
  template <typename F>
  void ForFirstWord(const PhraseIndex& index, const std::string& lower, F&& f) const;

  TabariDictionaries d_;
  PhraseIndex actors_by_first_, agents_by_first_, verbs_by_first_;
  PhraseIndex nouns_by_first_;  // one-word <NOUN> and <ADJECTIVE> entries (entry 0: noun, 1: adjective)
};

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_TABARI_CODER_H_
