// Words that end the names of organisations, shared by the actor stage (a name it does not
// know is kept as an organisation's: "Nigerian Union of Teachers") and the event coder (a
// pronoun "he" or "she" stands for a person, not for "the Homeland Union").
#ifndef EVENTMILL_SRC_DOCUMENT_ORGANIZATION_WORDS_H_
#define EVENTMILL_SRC_DOCUMENT_ORGANIZATION_WORDS_H_

#include <algorithm>
#include <array>
#include <string_view>

namespace eventmill {

// Whether lower-cased word `w` names a kind of organisation: "front", "union", "party", ...
inline bool IsOrganizationWord(std::string_view w) {
  static constexpr std::array<std::string_view, 32> kWords = {
      "front",        "union",        "party",         "movement",   "association", "committee", "council",
      "organization", "organisation", "forum",         "coalition",  "league",      "alliance",  "federation",
      "congress",     "agency",       "commission",    "foundation", "brigade",     "brigades",  "tigers",
      "group",        "network",      "society",       "institute",  "army",        "forces",    "front's",
      "watch",        "syndicate",    "confederation", "bloc"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace eventmill

#endif  // EVENTMILL_SRC_DOCUMENT_ORGANIZATION_WORDS_H_
