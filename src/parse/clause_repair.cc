#include "src/parse/clause_repair.h"

#include <array>
#include <string_view>

namespace eventmill::parse {

namespace {

bool IsTimeWord(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kWords = {
      "monday",  "tuesday",   "wednesday", "thursday",  "friday",   "saturday", "sunday",
      "today",   "yesterday", "tonight",   "week",      "month",    "year",     "weekend",
      "morning", "evening",   "night",     "january",   "february", "march",    "april",
      "june",    "july",      "august",    "september", "october",  "november", "december"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool HasChild(const Document& doc, const Sentence& s, uint32_t head, std::string_view rel, std::string_view word) {
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (doc.tokens[t].head == static_cast<int32_t>(head) && doc.tokens[t].deprel == rel &&
        doc.tokens[t].lower == word) {
      return true;
    }
  }
  return false;
}

}  // namespace

void RepairClausesOnTimeWords(Document& doc, const Sentence& s) {
  for (uint32_t c = s.token_begin; c < s.token_end; ++c) {
    Token& clause = doc.tokens[c];
    if ((clause.deprel.substr(0, 3) != "acl" && clause.deprel != "ccomp") || clause.head < 0) continue;
    const uint32_t time = static_cast<uint32_t>(clause.head);
    const Token& time_word = doc.tokens[time];
    if (time >= c || !IsTimeWord(time_word.lower) || time_word.head < 0) continue;
    const uint32_t verb = static_cast<uint32_t>(time_word.head);
    // The time word modifies the verb and comes right after it, but for "on", "last" or "this".
    if (verb >= time || doc.tokens[verb].upos != "VERB" || time - verb > 3) continue;
    if (time_word.deprel.substr(0, 3) != "obl" && time_word.deprel != "nmod:tmod") continue;
    if (!HasChild(doc, s, c, "mark", "that")) continue;
    clause.head = static_cast<int32_t>(verb);
    clause.deprel = "ccomp";
  }
}

}  // namespace eventmill::parse
