#include "src/actors/gazetteer.h"

#include <algorithm>
#include <charconv>

#include "src/actors/actor_dictionary.h"
#include "src/data/data_files.h"
#include "src/segment/tokenizer.h"

namespace eventmill::actors {

namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

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
  gazetteer.names_.reserve(rows->size());
  Document scratch;
  for (const data::Row& row : *rows) {
    auto fail = [&](const std::string& why) {
      return Status::CorruptData("places line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 7) {
      return fail("expected name, countries, dominance, population, latitude, longitude, populations");
    }
    Place place;
    for (std::string_view country : data::SplitAlternatives(row.fields[1])) {
      if (country.size() != 3) return fail("expected ISO 3166-1 alpha-3 codes, got '" + std::string(country) + "'");
      place.countries.emplace_back(country);
    }
    if (place.countries.empty()) return fail("no country");
    for (std::string_view number : data::SplitAlternatives(row.fields[6])) {
      uint32_t population = 0;
      if (!ParseNumber(number, population)) return fail("bad population '" + std::string(number) + "'");
      place.populations.push_back(population);
    }
    if (place.populations.size() != place.countries.size()) return fail("one population a country");
    place.dominant = row.fields[2] == "1";
    if (!ParseNumber(row.fields[3], place.population) || !ParseNumber(row.fields[4], place.latitude) ||
        !ParseNumber(row.fields[5], place.longitude)) {
      return fail("bad number");
    }
    // Most names are ASCII words and spaces, which the tokenizer splits at the spaces; the
    // others (hyphens, apostrophes) go through the tokenizer itself.
    const std::string_view spelling = row.fields[0];
    std::vector<std::string> tokens;
    if (std::all_of(spelling.begin(), spelling.end(), [](char c) { return IsAsciiLetter(c) || c == ' '; })) {
      tokens = LowerWords(spelling);
    } else {
      scratch.text = std::string(spelling);
      scratch.tokens.clear();
      segment::Tokenize(scratch.text, 0, static_cast<uint32_t>(scratch.text.size()), scratch.tokens);
      for (const Token& t : scratch.tokens) tokens.push_back(t.lower);
    }
    if (tokens.empty()) return fail("empty name");
    Name name;
    name.place = static_cast<uint32_t>(gazetteer.places_.size());
    name.tokens = static_cast<uint32_t>(tokens.size());
    name.first = std::move(tokens[0]);
    for (size_t k = 1; k < tokens.size(); ++k) {
      if (k > 1) name.rest += '\x1f';
      name.rest += tokens[k];
    }
    gazetteer.names_.push_back(std::move(name));
    gazetteer.places_.push_back(std::move(place));
  }
  std::stable_sort(gazetteer.names_.begin(), gazetteer.names_.end(), [](const Name& a, const Name& b) {
    return a.first != b.first ? a.first < b.first : a.tokens > b.tokens;
  });
  return gazetteer;
}

std::optional<PlaceMatch> Gazetteer::LongestMatch(const Document& doc, uint32_t i, uint32_t end) const {
  const Token& first = doc.tokens[i];
  const std::string_view surface = doc.Slice(first.span);
  if (surface.empty() || !IsUpperAscii(surface[0])) return std::nullopt;
  auto it = std::lower_bound(names_.begin(), names_.end(), first.lower,
                             [](const Name& n, const std::string& w) { return n.first < w; });
  for (; it != names_.end() && it->first == first.lower; ++it) {
    if (i + it->tokens > end) continue;
    // The later words, one by one against the joined rest.
    std::string_view rest = it->rest;
    bool matches = true;
    for (uint32_t k = 1; k < it->tokens && matches; ++k) {
      const size_t cut = rest.find('\x1f');
      const std::string_view word = rest.substr(0, cut);
      matches = doc.tokens[i + k].lower == word;
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    }
    if (matches) return PlaceMatch{i, i + it->tokens, it->place};
  }
  return std::nullopt;
}

}  // namespace eventmill::actors
