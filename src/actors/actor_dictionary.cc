#include "src/actors/actor_dictionary.h"

#include <algorithm>
#include <array>

#include "src/data/data_files.h"
#include "src/segment/tokenizer.h"

namespace eventmill::actors {

namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

uint8_t CaseRule(std::string_view surface) {
  if (surface.empty() || !IsUpperAscii(surface[0])) {
    // Non-ASCII capitals ("Élysée") are compared without case.
    return 0;
  }
  size_t letters = 0, capitals = 0;
  for (char c : surface) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++letters;
      if (IsUpperAscii(c)) ++capitals;
    }
  }
  return letters >= 2 && letters == capitals ? 2 : 1;
}

std::string Plural(const std::string& word) {
  if (word.empty() || word.back() == 's') return word;
  if (word.size() >= 3 && word.compare(word.size() - 3, 3, "man") == 0) return word.substr(0, word.size() - 3) + "men";
  if (word.back() == 'y' && word.size() > 1 &&
      std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos) {
    return word.substr(0, word.size() - 1) + "ies";
  }
  if (word.back() == 'h' || word.back() == 'x') return word + "es";
  return word + "s";
}

Result<CivilDate> ParseDate(std::string_view text, size_t line) {
  auto date = CivilDate::Parse(text);
  if (!date) {
    return Status::CorruptData("actors line " + std::to_string(line) + ": bad date '" + std::string(text) + "'");
  }
  return *date;
}

}  // namespace

std::vector<std::string> LowerWords(std::string_view phrase) {
  std::vector<std::string> words;
  std::string word;
  for (char c : phrase) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += IsUpperAscii(c) ? static_cast<char>(c + 32) : c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

Status ActorDictionary::AddPhrase(std::string_view text, uint32_t entry) {
  Document scratch;
  scratch.text = std::string(text);
  segment::Tokenize(scratch.text, 0, static_cast<uint32_t>(scratch.text.size()), scratch.tokens);
  if (scratch.tokens.empty()) return Status::CorruptData("empty actor phrase");
  Phrase phrase;
  phrase.entry = entry;
  for (const Token& t : scratch.tokens) {
    phrase.lower.push_back(t.lower);
    phrase.surface.emplace_back(scratch.Slice(t.span));
    phrase.case_rule.push_back(CaseRule(phrase.surface.back()));
  }
  auto& bucket = by_first_token_[phrase.lower[0]];
  for (const Phrase& p : bucket) {
    if (p.lower == phrase.lower && p.case_rule == phrase.case_rule) return Status::Ok();  // first entry wins
  }
  bucket.push_back(std::move(phrase));
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Phrase& a, const Phrase& b) { return a.lower.size() > b.lower.size(); });
  return Status::Ok();
}

Result<ActorDictionary> ActorDictionary::Parse(std::string_view countries, std::string_view actors) {
  ActorDictionary dict;
  std::vector<std::string> demonym_plurals;  // lower-cased, generated below
  auto country_rows = data::ParseTable(countries, "countries", "eventmill-countries", 1);
  if (!country_rows.ok()) return country_rows.status();
  for (const data::Row& row : *country_rows) {
    if (row.fields.size() < 4 || row.fields[0].size() != 3) {
      return Status::CorruptData("countries line " + std::to_string(row.line) + ": expected ISO3 and 3 lists");
    }
    EntryKind kinds[] = {EntryKind::kCountry, EntryKind::kDemonym, EntryKind::kPlace};
    for (int column = 1; column <= 3; ++column) {
      if (row.fields[column].empty()) continue;
      Entry entry;
      entry.kind = kinds[column - 1];
      entry.country = std::string(row.fields[0]);
      uint32_t id = static_cast<uint32_t>(dict.entries_.size());
      dict.entries_.push_back(entry);
      for (std::string_view phrase : data::SplitAlternatives(row.fields[column])) {
        Status s = dict.AddPhrase(phrase, id);
        if (!s.ok()) return s;
      }
      // The plural of a demonym names the people, who act as their country:
      // "Palestinians", "Iraqis" (not "the French" or "the Chinese": no plural in -s).
      if (column != 2) continue;
      std::vector<std::string> plurals;
      for (std::string_view phrase : data::SplitAlternatives(row.fields[column])) {
        if (phrase.size() > 3 && phrase.find(' ') == std::string_view::npos &&
            (phrase.back() == 'n' || phrase.back() == 'i')) {
          plurals.push_back(std::string(phrase) + "s");
          std::string lower;
          for (char c : plurals.back()) lower += IsUpperAscii(c) ? static_cast<char>(c + 32) : c;
          demonym_plurals.push_back(std::move(lower));
        }
      }
      if (plurals.empty()) continue;
      Entry people;
      people.kind = EntryKind::kCountry;
      people.country = std::string(row.fields[0]);
      const uint32_t people_id = static_cast<uint32_t>(dict.entries_.size());
      dict.entries_.push_back(people);
      for (const std::string& plural : plurals) {
        Status s = dict.AddPhrase(plural, people_id);
        if (!s.ok()) return s;
      }
    }
  }

  auto rows = data::ParseTable(actors, "actors", "eventmill-actors", 1);
  if (!rows.ok()) return rows.status();
  std::unordered_map<std::string, uint32_t> person_ids, group_ids;
  for (const data::Row& row : *rows) {
    auto fail = [&](const std::string& why) {
      return Status::CorruptData("actors line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 3) return fail("expected kind, code and phrases");
    std::string_view kind = row.fields[0];
    std::string_view code = row.fields[1];
    auto field = [&](size_t i) { return i < row.fields.size() ? row.fields[i] : std::string_view(); };
    // FROM and TO of a role or a group's period; TO empty: still; FROM empty (groups only):
    // always.
    auto read_period = [&](std::string_view from, std::string_view to, bool open_start, Role& into) -> Status {
      into.from = CivilDate{1, 1, 1};
      if (!open_start || !from.empty()) {
        auto date = ParseDate(from, row.line);
        if (!date.ok()) return date.status();
        into.from = *date;
      }
      if (!to.empty()) {
        auto date = ParseDate(to, row.line);
        if (!date.ok()) return date.status();
        into.to = *date;
      }
      return Status::Ok();
    };
    if (kind == "role") {
      auto it = person_ids.find(std::string(field(2)));
      if (it == person_ids.end()) return fail("role for unknown person '" + std::string(field(2)) + "'");
      Role role;
      role.code = std::string(code);
      if (Status s = read_period(field(3), field(4), /*open_start=*/false, role); !s.ok()) return s;
      role.title = std::string(field(5));
      auto& roles = dict.entries_[it->second].roles;
      roles.push_back(std::move(role));
      std::sort(roles.begin(), roles.end(), [](const Role& a, const Role& b) { return a.from > b.from; });
      continue;
    }
    Entry entry;
    if (kind == "country") {
      entry.kind = EntryKind::kCountry;
      entry.country = std::string(code);
    } else if (kind == "demonym") {
      entry.kind = EntryKind::kDemonym;
      entry.country = std::string(code);
    } else if (kind == "place") {
      entry.kind = EntryKind::kPlace;
      entry.country = std::string(code);
      entry.sector = std::string(field(3));
    } else if (kind == "group") {
      // One row a period: its country and sector from FROM (empty: always) to TO (empty:
      // still). Later rows of a group (same first phrase) add periods to it.
      if (code.size() != 3 || field(3).empty()) return fail("expected a group's ISO3 code and sector");
      Role period;
      period.code = std::string(code) + std::string(field(3));
      if (Status s = read_period(field(4), field(5), /*open_start=*/true, period); !s.ok()) return s;
      const std::string name(data::SplitAlternatives(row.fields[2]).empty()
                                 ? std::string_view()
                                 : data::SplitAlternatives(row.fields[2])[0]);
      if (auto it = group_ids.find(name); it != group_ids.end()) {
        auto& periods = dict.entries_[it->second].roles;
        periods.push_back(std::move(period));
        std::sort(periods.begin(), periods.end(), [](const Role& a, const Role& b) { return a.from > b.from; });
        continue;
      }
      group_ids[name] = static_cast<uint32_t>(dict.entries_.size());
      entry.kind = EntryKind::kGroup;
      entry.country = std::string(code);
      entry.sector = std::string(field(3));
      entry.roles.push_back(std::move(period));
    } else if (kind == "org") {
      entry.kind = EntryKind::kOrganization;
      entry.org_code = std::string(code);
      entry.org_name = std::string(field(3));
      if (entry.org_name.empty()) return fail("organisation without a short name");
    } else if (kind == "agent") {
      entry.kind = EntryKind::kAgent;
      entry.sector = std::string(code);
    } else if (kind == "person") {
      entry.kind = EntryKind::kPerson;
      entry.country = std::string(code);
    } else {
      return fail("unknown kind '" + std::string(kind) + "'");
    }
    if ((entry.kind != EntryKind::kAgent && entry.kind != EntryKind::kOrganization) && entry.country.size() != 3) {
      return fail("expected an ISO 3166-1 alpha-3 code, got '" + std::string(code) + "'");
    }
    uint32_t id = static_cast<uint32_t>(dict.entries_.size());
    auto phrases = data::SplitAlternatives(row.fields[2]);
    if (phrases.empty()) return fail("no phrases");
    if (entry.kind == EntryKind::kPerson) {
      entry.name = std::string(phrases[0]);
      person_ids[entry.name] = id;
      // Surname: the last word of the canonical name ("Austin", "Jean-Pierre").
      std::string surname = entry.name.substr(entry.name.rfind(' ') + 1);
      std::string lower;
      for (char c : surname) lower += IsUpperAscii(c) ? static_cast<char>(c + 32) : c;
      dict.people_by_surname_[lower].push_back(id);
      // An Arabic surname with its article ("al-Bashir", "el-Sisi") is also written, and
      // split by the tokenizer, without it: "President Bashir".
      for (std::string_view article : {"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"}) {
        if (lower.size() > article.size() + 1 && lower.starts_with(article)) {
          dict.people_by_surname_[lower.substr(article.size())].push_back(id);
        }
      }
    }
    dict.entries_.push_back(std::move(entry));
    for (std::string_view phrase : phrases) {
      Status s = dict.AddPhrase(phrase, id);
      if (!s.ok()) return fail(s.message());
      if (dict.entries_[id].kind == EntryKind::kPerson) dict.person_names_.emplace_back(LowerWords(phrase), id);
      if (dict.entries_[id].kind == EntryKind::kAgent) {
        std::string plural(phrase);
        size_t last = plural.rfind(' ') + 1;
        plural = plural.substr(0, last) + Plural(plural.substr(last));
        if (plural != phrase) {
          s = dict.AddPhrase(plural, id);
          if (!s.ok()) return fail(s.message());
        }
      }
    }
  }
  // Single-word country names and demonyms long enough to be told apart when misspelt.
  for (const auto& [first, phrases] : dict.by_first_token_) {
    for (const Phrase& phrase : phrases) {
      const EntryKind kind = dict.entries_[phrase.entry].kind;
      if (phrase.lower.size() == 1 && phrase.lower[0].size() >= 6 && phrase.case_rule[0] == 1 &&
          (kind == EntryKind::kCountry || kind == EntryKind::kDemonym)) {
        dict.country_words_.emplace_back(phrase.lower[0], phrase.entry);
      }
    }
  }
  std::sort(dict.country_words_.begin(), dict.country_words_.end());
  // Demonyms' generated plurals are matched through their singular ("Argentinians"), and
  // would let a place close to a plural pass ("the Americas").
  std::erase_if(dict.country_words_, [&](const std::pair<std::string, uint32_t>& w) {
    return std::find(demonym_plurals.begin(), demonym_plurals.end(), w.first) != demonym_plurals.end();
  });
  return dict;
}

bool ActorDictionary::Matches(const Phrase& phrase, const Document& doc, uint32_t i, uint32_t end) const {
  if (i + phrase.lower.size() > end) return false;
  for (size_t k = 0; k < phrase.lower.size(); ++k) {
    const Token& t = doc.tokens[i + k];
    if (t.lower != phrase.lower[k]) return false;
    std::string_view surface = doc.Slice(t.span);
    if (phrase.case_rule[k] == 1 && !IsUpperAscii(surface[0])) return false;
    if (phrase.case_rule[k] == 2 && surface != phrase.surface[k]) return false;
  }
  return true;
}

std::optional<Match> ActorDictionary::LongestMatch(const Document& doc, uint32_t i, uint32_t end,
                                                   const std::vector<uint32_t>& known_people) const {
  const Token& first = doc.tokens[i];
  auto it = by_first_token_.find(first.lower);
  if (it != by_first_token_.end()) {
    for (const Phrase& phrase : it->second) {  // longest first
      if (Matches(phrase, doc, i, end)) {
        return Match{i, static_cast<uint32_t>(i + phrase.lower.size()), phrase.entry};
      }
    }
  }
  // A capitalised surname of a person already named in full in this document.
  if (!known_people.empty() && IsUpperAscii(doc.Slice(first.span)[0])) {
    auto s = people_by_surname_.find(first.lower);
    if (s != people_by_surname_.end()) {
      std::optional<uint32_t> found;
      for (uint32_t id : s->second) {
        if (std::find(known_people.begin(), known_people.end(), id) == known_people.end()) continue;
        if (found) return std::nullopt;  // two known people share the surname: ambiguous
        found = id;
      }
      if (found) return Match{i, i + 1, *found};
    }
  }
  return std::nullopt;
}

namespace {

// Edits (insert, delete, substitute, swap neighbours) between a and b, or more than `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<size_t> two(b.size() + 1), one(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) one[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({one[j] + 1, row[j - 1] + 1, one[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], two[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    two.swap(one);
    one.swap(row);
  }
  return one[b.size()];
}

}  // namespace

std::optional<uint32_t> ActorDictionary::FuzzyPerson(const std::vector<std::string>& words) const {
  std::optional<uint32_t> found;
  size_t found_distance = SIZE_MAX;
  bool tie = false;
  for (const auto& [name, id] : person_names_) {
    if (name.size() != words.size() || words.size() < 2) continue;
    size_t total = 0;
    bool exact = false, close = true;
    for (size_t k = 0; k < words.size() && close; ++k) {
      size_t limit = name[k].size() >= 8 ? 2 : 1;
      size_t d = EditDistance(words[k], name[k], limit);
      close = d <= limit && words[k].size() >= 2;
      exact = exact || d == 0;
      total += d;
    }
    if (!close || !exact || total == 0) continue;
    if (total < found_distance) {
      found = id;
      found_distance = total;
      tie = false;
    } else if (total == found_distance && *found != id) {
      tie = true;  // two people as close: say nothing
    }
  }
  if (tie) return std::nullopt;
  return found;
}

std::optional<uint32_t> ActorDictionary::FuzzyCountryWord(const std::string& lower) const {
  // Real places one edit away from a country's name ("Columbia", District of and British).
  static constexpr std::array<std::string_view, 1> kNotMisspellings = {"columbia"};
  if (lower.size() < 6 ||
      std::find(kNotMisspellings.begin(), kNotMisspellings.end(), lower) != kNotMisspellings.end()) {
    return std::nullopt;
  }
  std::optional<uint32_t> found;
  for (const auto& [word, id] : country_words_) {
    // A misspelling keeps its first letter ("Siberia" is not Liberia, "Kerman" not German)
    // and its ending: no other or missing last letter ("the Americas" are not American, the
    // "Antarctic" no Antarctica) and no letter added at the end but a demonym's plural
    // ("Indiana" is not Indian; "Argentinians" are Argentinian).
    if (lower[0] != word[0] || EditDistance(lower, word, 1) != 1) continue;
    const std::string_view stem(word.data(), word.size() - 1);
    if (lower.size() <= word.size() && lower.starts_with(stem)) continue;
    if (lower.size() == word.size() + 1 && lower.starts_with(word) &&
        (lower.back() != 's' || entries_[id].kind != EntryKind::kDemonym)) {
      continue;
    }
    if (found && entries_[*found].country != entries_[id].country) return std::nullopt;  // two countries: in doubt
    if (!found) found = id;
  }
  return found;
}

std::optional<uint32_t> ActorDictionary::PersonNamed(std::string_view name) const {
  const size_t space = name.rfind(' ');
  std::string surname;
  for (char c : name.substr(space == std::string_view::npos ? 0 : space + 1)) {
    surname += IsUpperAscii(c) ? static_cast<char>(c + 32) : c;
  }
  auto s = people_by_surname_.find(surname);
  if (s == people_by_surname_.end()) return std::nullopt;
  for (uint32_t id : s->second) {
    if (entries_[id].name == name) return id;
  }
  return std::nullopt;
}

std::optional<uint32_t> ActorDictionary::PersonInOfficeBySurname(const std::string& lower_surname,
                                                                 const CivilDate& date) const {
  auto s = people_by_surname_.find(lower_surname);
  if (s == people_by_surname_.end()) return std::nullopt;
  // Leaders of states and governments, whom news names by surname alone.
  static constexpr std::array<std::string_view, 12> kLeaders = {
      "President",      "Prime Minister", "Chancellor", "Premier", "King",  "Emir",
      "Supreme Leader", "Head of State",  "Sultan",     "Leader",  "Queen", "General Secretary"};
  std::optional<uint32_t> found;
  for (uint32_t id : s->second) {
    const Role* role = RoleOn(entries_[id], date, "");
    if (!role) continue;
    if (std::find(kLeaders.begin(), kLeaders.end(), role->title) == kLeaders.end() &&
        !role->title.starts_with("President of") && !role->title.ends_with(" President")) {
      continue;
    }
    if (found && *found != id) return std::nullopt;  // two leaders of that name
    found = id;
  }
  return found;
}

std::optional<uint32_t> ActorDictionary::PersonBySurnameAndTitle(const std::string& lower_surname,
                                                                 const std::string& title,
                                                                 const std::optional<CivilDate>& date) const {
  auto s = people_by_surname_.find(lower_surname);
  if (s == people_by_surname_.end() || title.empty()) return std::nullopt;
  // Who held the office at all, and who held it on the date.
  std::optional<uint32_t> found, found_on_date;
  bool ambiguous = false, ambiguous_on_date = false;
  for (uint32_t id : s->second) {
    bool held = false, held_on_date = false;
    for (const Role& role : entries_[id].roles) {
      std::string office;
      for (char c : role.title) office += IsUpperAscii(c) ? static_cast<char>(c + 32) : c;
      const bool match = office == title || (office.size() > title.size() &&
                                             office.compare(office.size() - title.size(), title.size(), title) == 0 &&
                                             office[office.size() - title.size() - 1] == ' ');
      held = held || match;
      held_on_date = held_on_date || (match && date && role.from <= *date && (!role.to || *date <= *role.to));
    }
    if (held) {
      ambiguous = ambiguous || (found && *found != id);
      found = id;
    }
    if (held_on_date) {
      ambiguous_on_date = ambiguous_on_date || (found_on_date && *found_on_date != id);
      found_on_date = id;
    }
  }
  // Two people who held the office ("President Assad"): the one in office on the date.
  if (found_on_date && !ambiguous_on_date) return found_on_date;
  if (ambiguous) return std::nullopt;
  return found;
}

std::string ActorDictionary::OrgNameOfCode(std::string_view code) const {
  std::string best;
  size_t best_length = 0;
  for (const Entry& e : entries_) {
    if (e.kind == EntryKind::kOrganization && e.org_code.size() > best_length &&
        code.substr(0, e.org_code.size()) == e.org_code) {
      best = e.org_name;
      best_length = e.org_code.size();
    }
  }
  return best;
}

const Role* ActorDictionary::RoleOn(const Entry& person, const std::optional<CivilDate>& date,
                                    std::string_view sector) const {
  if (person.roles.empty()) return nullptr;
  if (!date) {
    if (!sector.empty()) {
      for (const Role& role : person.roles) {
        if (role.code.size() >= sector.size() &&
            role.code.compare(role.code.size() - sector.size(), sector.size(), sector) == 0) {
          return &role;
        }
      }
    }
    return &person.roles.front();
  }
  for (const Role& role : person.roles) {
    if (role.from <= *date && (!role.to || *date <= *role.to)) return &role;
  }
  return nullptr;
}

}  // namespace eventmill::actors
