#include "src/actors/gazetteer.h"

#include <algorithm>
#include <charconv>

#include "src/data/data_files.h"
#include "src/segment/tokenizer.h"

namespace eventmill::actors {

namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

template <typename Number>
bool ParseNumber(std::string_view text, Number& out) {
  if (text.empty()) return true;  // unknown: left at zero
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view text) {
  auto rows = data::ParseTable(text, "places", "eventmill-places", 1);
  if (!rows.ok()) return rows.status();
  Gazetteer gazetteer;
  gazetteer.places_.reserve(rows->size());
  Document scratch;
  for (const data::Row& row : *rows) {
    auto fail = [&](const std::string& why) {
      return Status::CorruptData("places line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 6) return fail("expected name, countries, dominance, population, latitude, longitude");
    Place place;
    for (std::string_view country : data::SplitAlternatives(row.fields[1])) {
      if (country.size() != 3) return fail("expected ISO 3166-1 alpha-3 codes, got '" + std::string(country) + "'");
      place.countries.emplace_back(country);
    }
    if (place.countries.empty()) return fail("no country");
    place.dominant = row.fields[2] == "1";
    if (!ParseNumber(row.fields[3], place.population) || !ParseNumber(row.fields[4], place.latitude) ||
        !ParseNumber(row.fields[5], place.longitude)) {
      return fail("bad number");
    }
    scratch.text = std::string(row.fields[0]);
    scratch.tokens.clear();
    segment::Tokenize(scratch.text, 0, static_cast<uint32_t>(scratch.text.size()), scratch.tokens);
    if (scratch.tokens.empty()) return fail("empty name");
    Name name;
    name.place = static_cast<uint32_t>(gazetteer.places_.size());
    for (const Token& t : scratch.tokens) name.lower.push_back(t.lower);
    gazetteer.by_first_token_[name.lower[0]].push_back(std::move(name));
    gazetteer.places_.push_back(std::move(place));
  }
  for (auto& [first, names] : gazetteer.by_first_token_) {
    std::stable_sort(names.begin(), names.end(),
                     [](const Name& a, const Name& b) { return a.lower.size() > b.lower.size(); });
  }
  return gazetteer;
}

std::optional<PlaceMatch> Gazetteer::LongestMatch(const Document& doc, uint32_t i, uint32_t end) const {
  auto it = by_first_token_.find(doc.tokens[i].lower);
  if (it == by_first_token_.end()) return std::nullopt;
  for (const Name& name : it->second) {
    if (i + name.lower.size() > end) continue;
    bool matches = true;
    for (size_t k = 0; k < name.lower.size() && matches; ++k) {
      const Token& t = doc.tokens[i + k];
      const std::string_view surface = doc.Slice(t.span);
      // Words of a name are capitalised; joining marks ("-", "'") and particles ("al",
      // "de") are as the table writes them.
      matches = t.lower == name.lower[k] && (k > 0 || (!surface.empty() && IsUpperAscii(surface[0])));
    }
    if (matches) return PlaceMatch{i, static_cast<uint32_t>(i + name.lower.size()), name.place};
  }
  return std::nullopt;
}

}  // namespace eventmill::actors
