// The gazetteer: towns, cities and regions by name, with the country each lies in
// (data/actors/places.tsv, built from GeoNames by tools/data/build_places.py).
#ifndef EVENTMILL_SRC_ACTORS_GAZETTEER_H_
#define EVENTMILL_SRC_ACTORS_GAZETTEER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::actors {

struct Place {
  std::vector<std::string> countries;  // ISO3, the most populous place of the name first
  std::vector<uint32_t> populations;   // of each country's place of the name; 0 for a region
  bool dominant = false;               // the first is far more populous than any other
  uint32_t population = 0;             // of the first; 0 for regions
  double latitude = 0, longitude = 0;  // of the first, when known
};

struct PlaceMatch {
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t place = 0;
};

// Immutable once parsed; shared by every thread that codes with it.
class Gazetteer {
 public:
  static Result<Gazetteer> Parse(std::string_view places);

  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }

  // The longest place name starting at tokens[i] (within [i, end)), its first word
  // capitalised; later words are compared without case ("Kafr el-Sheikh").
  std::optional<PlaceMatch> LongestMatch(const Document& doc, uint32_t i, uint32_t end) const;

 private:
  // A name as its tokens, lower-cased: the first, and the others joined by '\x1f'.
  struct Name {
    std::string first;
    std::string rest;
    uint32_t tokens = 1;
    uint32_t place = 0;
  };
  std::vector<Place> places_;
  std::vector<Name> names_;  // by first token, then longest first
};

}  // namespace eventmill::actors

#endif  // EVENTMILL_SRC_ACTORS_GAZETTEER_H_
