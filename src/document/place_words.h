// Words for places, shared by the actor stage (a town named next to one: "the city of Tyre",
// "Sindh province") and the event coder (a place a demonym qualifies: "Lebanese villages",
// "the Thai border"), so both know the same places.
#ifndef EVENTMILL_SRC_DOCUMENT_PLACE_WORDS_H_
#define EVENTMILL_SRC_DOCUMENT_PLACE_WORDS_H_

#include <algorithm>
#include <array>
#include <string_view>

#include "eventmill/document.h"

namespace eventmill {

// Whether token t is a word for a place, an administrative area or a building people are
// in, by its lower-cased form or its lemma ("province", "villages").
inline bool IsPlaceWord(const Token& t) {
  static constexpr std::array<std::string_view, 39> kWords = {
      "city",        "town",        "village",   "port",     "capital",    "province", "region",    "district",
      "state",       "governorate", "county",    "area",     "suburb",     "outskirt", "outskirts", "prefecture",
      "oblast",      "border",      "territory", "camp",     "coast",      "water",    "airspace",  "soil",
      "countryside", "enclave",     "base",      "side",     "office",     "school",   "prison",    "jail",
      "hospital",    "street",      "market",    "building", "university", "mosque",   "church"};
  auto known = [&](std::string_view w) { return std::find(kWords.begin(), kWords.end(), w) != kWords.end(); };
  return known(t.lower) || known(t.lemma);
}

}  // namespace eventmill

#endif  // EVENTMILL_SRC_DOCUMENT_PLACE_WORDS_H_
