#include "src/actors/actor_stage.h"

#include <algorithm>
#include <array>

#include "src/data/data_files.h"
#include "src/document/clauses.h"
#include "src/document/organization_words.h"
#include "src/document/place_words.h"

namespace eventmill::actors {

namespace {

// A matched dictionary phrase or a captured unknown name.
struct Piece {
  uint32_t begin = 0;
  uint32_t end = 0;
  const Entry* entry = nullptr;  // null for a captured name
  std::string name;              // a captured name's, when not its text (an acronym's full name)
  // A name the dictionary does not know, followed by a title in apposition that says who
  // the person is ("Zalmay Khalilzad, a US peace envoy,").
  bool takes_apposition = false;
  // A demonym after "ethnic": a people, who are of the country where they are said to be
  // ("ethnic Albanians in southern Serbia"), else of the demonym's.
  bool ethnic = false;
};

bool IsCapitalised(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

// Participles that place people before "in": "a newspaper based in Beirut", "troops
// stationed in Kosovo".
constexpr std::array<std::string_view, 4> kLocatedWords = {"based", "stationed", "operating", "living"};

// Words that may stand between two pieces of one mention.
bool IsConnector(const std::string& w) {
  static constexpr std::array<std::string_view, 8> kConnectors = {"the",  "'s",    "of",     "for",
                                                                  "head", "chief", "leader", "'"};
  return std::find(kConnectors.begin(), kConnectors.end(), w) != kConnectors.end();
}

// Whether the people an agent piece names are of the country where they are said to be
// ("protesters in Lima"): not troops, who are often abroad, nor diplomats, who are posted
// abroad ("the military attaché in Kiev", "its embassy in Israel").
bool IsLocal(const Document& doc, const Piece& agent) {
  static constexpr std::array<std::string_view, 12> kPostedAbroad = {
      "diplomat", "diplomats", "ambassador", "ambassadors", "envoy",   "envoys",
      "embassy",  "embassies", "delegation", "delegations", "attaché", "attache"};
  if (agent.entry->sector == "MIL") return false;
  for (uint32_t t = agent.begin; t < agent.end; ++t) {
    if (std::find(kPostedAbroad.begin(), kPostedAbroad.end(), doc.tokens[t].lower) != kPostedAbroad.end()) return false;
  }
  return true;
}

// A capitalised name standing alone that the dictionary does not spell: the surname of the
// one known person in office on the document's date, in a document that names their country
// ("Putin said" in a story about Russia; not "Khan" in a story about London, who is someone
// else), or a country's name or demonym misspelt by one letter ("Ethopia"). Alone: no
// capitalised word right before it (another first name: "Jeb Bush") or after it ("Bush
// Street"), and not the last name of someone else the document names in full
// (`others_names`: "Usman Khan ... Khan"). `countries_named`: the countries of the
// document's actors.
std::optional<Match> LoneNameMatch(const ActorDictionary& dictionary, const Document& doc, const Sentence& s,
                                   uint32_t i, const std::vector<std::string>& countries_named,
                                   const std::vector<std::string>& others_names) {
  const Token& token = doc.tokens[i];
  const std::string_view surface = doc.Slice(token.span);
  if (token.kind != TokenKind::kWord || surface.size() < 4 || !IsCapitalised(surface) ||
      (surface.size() > 1 && surface[1] >= 'A' && surface[1] <= 'Z') ||
      (token.upos != "PROPN" && token.upos != "ADJ")) {
    return std::nullopt;
  }
  if (i > s.token_begin && IsCapitalised(doc.Slice(doc.tokens[i - 1].span)) &&
      doc.tokens[i - 1].kind == TokenKind::kWord) {
    return std::nullopt;
  }
  if (i + 1 < s.token_end && IsCapitalised(doc.Slice(doc.tokens[i + 1].span)) &&
      doc.tokens[i + 1].kind == TokenKind::kWord) {
    return std::nullopt;
  }
  // Nor before the particles of a longer name ("Ahmed al-Assadi", "Ursula von der Leyen").
  static constexpr std::array<std::string_view, 12> kNameParticles = {"al",  "el",  "bin", "ibn", "abu", "de",
                                                                      "van", "von", "da",  "di",  "du",  "bint"};
  if (i + 1 < s.token_end) {
    const std::string& next = doc.tokens[i + 1].lower;
    if (std::find(kNameParticles.begin(), kNameParticles.end(), next) != kNameParticles.end() ||
        next.starts_with("al-") || next.starts_with("el-")) {
      return std::nullopt;
    }
  }
  if (token.upos == "PROPN" && doc.meta.date &&
      std::find(others_names.begin(), others_names.end(), token.lower) == others_names.end()) {
    if (auto id = dictionary.PersonInOfficeBySurname(token.lower, *doc.meta.date);
        id && std::find(countries_named.begin(), countries_named.end(), dictionary.entry(*id).country) !=
                  countries_named.end()) {
      return Match{i, i + 1, *id};
    }
  }
  if (auto id = dictionary.FuzzyCountryWord(token.lower)) return Match{i, i + 1, *id};
  return std::nullopt;
}

// Whether a place name the gazetteer knows, at [begin, end), is spoken of as a place: after
// a preposition of place or motion ("in Kirkuk", "from Juba", "in northern Kirkuk"), after
// or before a word for a place ("the city of Tyre", "the regional capital Juba", "Sindh
// province"), joined to a place just named ("in Kirkuk and Erbil"), or as what a verb acts
// on ("shelled Gorazde"); never inside a longer capitalised name ("President Jackson",
// "Hamilton Smith"), nor naming a facility ("Waterloo station"). A town's name is too often a
// person's or a firm's to be taken alone.
bool InPlaceContext(const Document& doc, const Sentence& s, uint32_t begin, uint32_t end,
                    const std::vector<Piece>& pieces) {
  static constexpr std::array<std::string_view, 15> kPrepositions = {
      "in",      "at",     "near",   "outside", "from",    "to",  "into",   "toward",
      "towards", "around", "across", "inside",  "through", "via", "between"};
  auto one_of = [](const std::string& w, const auto& set) { return std::find(set.begin(), set.end(), w) != set.end(); };
  auto capitalised_word = [&](uint32_t t) {
    return doc.tokens[t].kind == TokenKind::kWord && IsCapitalised(doc.Slice(doc.tokens[t].span));
  };
  // A station, street or airport named after a place is not that place ("at Waterloo
  // station" is in London).
  static constexpr std::array<std::string_view, 20> kFacilities = {
      "station", "airport", "street", "road",   "avenue", "square", "bridge", "hospital", "university", "college",
      "stadium", "hotel",   "prison", "mosque", "church", "palace", "club",   "school",   "highway",    "boulevard"};
  if (end < s.token_end && one_of(doc.tokens[end].lower, kFacilities)) return false;
  if (end < s.token_end && capitalised_word(end) && !IsPlaceWord(doc.tokens[end])) return false;
  if (end < s.token_end && IsPlaceWord(doc.tokens[end])) return true;
  if (begin == s.token_begin) return false;
  // A capitalised word before it makes a longer name, unless it is a preposition or a word
  // for a place that starts the sentence or a title ("In Kirkuk, ...", "Province of ...").
  if (capitalised_word(begin - 1) && !IsPlaceWord(doc.tokens[begin - 1]) &&
      !one_of(doc.tokens[begin - 1].lower, kPrepositions)) {
    return false;
  }
  // Back over up to two lower-case modifiers: "in northern Kirkuk", "in war-torn Mogadishu".
  uint32_t t = begin;
  for (int skipped = 0; t > s.token_begin && skipped < 2; ++skipped) {
    const Token& before = doc.tokens[t - 1];
    if (before.upos != "ADJ" || capitalised_word(t - 1)) break;
    --t;
  }
  if (t == s.token_begin) return false;
  const std::string& before = doc.tokens[t - 1].lower;
  if (one_of(before, kPrepositions) || IsPlaceWord(doc.tokens[t - 1])) return true;
  if (before == "of" && t >= s.token_begin + 2 && IsPlaceWord(doc.tokens[t - 2])) return true;
  if ((before == "and" || before == "or" || before == ",") && !pieces.empty() && pieces.back().end + 1 == t &&
      pieces.back().entry && pieces.back().entry->kind == EntryKind::kPlace) {
    return true;
  }
  const Token& token = doc.tokens[begin];
  return token.deprel == "obj" && token.head >= 0 && doc.tokens[static_cast<uint32_t>(token.head)].upos == "VERB";
}

// The state a place of `country` belonged to on `date`, for states that seceded from another
// (Juba was Sudan's before South Sudan's independence on 2011-07-09); `country` itself
// otherwise, or with no date.
const std::string& StateOn(const std::string& country, const std::optional<CivilDate>& date) {
  struct Secession {
    std::string_view state;
    CivilDate since;
    std::string predecessor;
  };
  static const std::array<Secession, 5> kSecessions = {{{"SSD", {2011, 7, 9}, "SDN"},
                                                        {"XKX", {2008, 2, 17}, "SRB"},
                                                        {"MNE", {2006, 6, 3}, "SRB"},
                                                        {"TLS", {2002, 5, 20}, "IDN"},
                                                        {"ERI", {1993, 5, 24}, "ETH"}}};
  if (!date) return country;
  for (const Secession& secession : kSecessions) {
    if (secession.state == country && *date < secession.since) return secession.predecessor;
  }
  return country;
}

// The place entry (its country's) for a gazetteer name at token i spoken of as a place, or
// null; `place_end` is set to one past the name's last token. `place_entries`: one entry per
// country.
const Entry* PlaceAt(const Gazetteer& gazetteer, const std::unordered_map<std::string, Entry>& place_entries,
                     const Document& doc, const Sentence& s, uint32_t i,
                     const std::vector<std::string>& countries_named, const std::vector<std::string>& others_names,
                     const std::vector<Piece>& pieces, uint32_t& place_end) {
  const auto match = gazetteer.LongestMatch(doc, i, s.token_end);
  if (!match || !InPlaceContext(doc, s, match->token_begin, match->token_end, pieces)) return nullptr;
  // Not the surname of someone the document names in full ("Usman Khan ... Khan").
  if (match->token_end == i + 1 &&
      std::find(others_names.begin(), others_names.end(), doc.tokens[i].lower) != others_names.end()) {
    return nullptr;
  }
  // Of the countries with a place of that name, the first named (`countries_named` lists the
  // sentence's own first), else the one whose place dominates ("Lagos": Nigeria;
  // "Greenville" only in a story naming Liberia or the United States).
  const Place& place = gazetteer.place(match->place);
  const std::string* country = nullptr;
  for (const std::string& named : countries_named) {
    auto it = std::find(place.countries.begin(), place.countries.end(), named);
    if (it != place.countries.end()) {
      country = &*it;
      break;
    }
  }
  // A dominant town of a country the document does not name, in a document that names
  // others, is more likely a namesake the table lacks (a county, a district) than a visit
  // abroad ("arrested in Norfolk" in a story about Britain); a large city stands.
  constexpr uint32_t kLargeCity = 1000000;
  if (!country && place.dominant && (countries_named.empty() || place.population >= kLargeCity)) {
    country = &place.countries[0];
  }
  if (!country) return nullptr;
  auto it = place_entries.find(StateOn(*country, doc.meta.date));
  if (it == place_entries.end()) return nullptr;
  place_end = match->token_end;
  return &it->second;
}

// Capitalised words that are not names even after a title.
bool IsNotAName(const std::string& w) {
  static constexpr std::array<std::string_view, 22> kStop = {"the", "he",   "she",   "it",   "they", "on",  "in", "at",
                                                             "for", "and",  "but",   "said", "says", "was", "is", "has",
                                                             "had", "will", "would", "to",   "of",   "who"};
  return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

// The piece that covers token t, if any.
const Piece* PieceCovering(const std::vector<Piece>& pieces, uint32_t t) {
  for (const Piece& p : pieces) {
    if (p.begin <= t && t < p.end) return &p;
  }
  return nullptr;
}

// Adds `added` to a sentence's pieces, keeping them in text order; of two that begin
// together the shorter comes first (a leading country word before the name it begins).
void MergePieces(std::vector<Piece>& pieces, const std::vector<Piece>& added) {
  if (added.empty()) return;
  pieces.insert(pieces.end(), added.begin(), added.end());
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
}

// An acronym a document gives an organisation the dictionary does not know: "(RUF)".
struct Acronym {
  std::string acronym, name;
  const Entry* country = nullptr;  // of a leading country word of the name
};

// Names of organisations the dictionary does not know, kept with their name (and the country
// of a leading country word: "Nigerian Union of Teachers" is Nigeria's), so that no named
// actor is lost: a run of two or more capitalised words, joined by "of", "for", "the", "and"
// or a hyphen, with a word for an organisation, and a word the dictionary does not cover. A
// run holding a known person or organisation is left to the dictionary. An acronym in
// brackets after the name ("(RUF)") stands for it later in the document (`acronyms`).
void AddUnknownOrganizations(const Document& doc, const Sentence& s, std::vector<Piece>& pieces,
                             std::vector<Acronym>& acronyms) {
  auto given_acronym = [&](uint32_t t) {
    const std::string_view surface = doc.Slice(doc.tokens[t].span);
    return std::find_if(acronyms.begin(), acronyms.end(), [&](const Acronym& a) { return a.acronym == surface; });
  };
  auto capitalised = [&](uint32_t t) {
    return t < s.token_end && doc.tokens[t].kind == TokenKind::kWord && IsCapitalised(doc.Slice(doc.tokens[t].span)) &&
           !IsNotAName(doc.tokens[t].lower) && given_acronym(t) == acronyms.end();
  };
  auto covering = [&](uint32_t t) { return PieceCovering(pieces, t); };
  std::vector<Piece> added;
  for (uint32_t t = s.token_begin; t < s.token_end;) {
    // An acronym this document gave an organisation.
    const auto given = given_acronym(t);
    if (given != acronyms.end() && !covering(t)) {
      if (given->country) added.push_back({t, t + 1, given->country, {}, false, false});
      added.push_back({t, t + 1, nullptr, given->name, false, false});
      ++t;
      continue;
    }
    if (!capitalised(t)) {
      ++t;
      continue;
    }
    uint32_t end = t + 1;
    while (true) {
      if (capitalised(end)) {
        ++end;
        continue;
      }
      uint32_t skip = end;
      const std::string_view w = skip < s.token_end ? std::string_view(doc.tokens[skip].lower) : std::string_view();
      if (w == "of" || w == "for" || w == "and" || w == "-") {
        ++skip;
        if (skip < s.token_end && doc.tokens[skip].lower == "the") ++skip;
        if (capitalised(skip)) {
          end = skip + 1;
          continue;
        }
      }
      break;
    }
    size_t words = 0;
    bool organization = false, uncovered = false, known = false;
    for (uint32_t k = t; k < end; ++k) {
      if (!capitalised(k)) continue;
      ++words;
      organization = organization || IsOrganizationWord(doc.tokens[k].lower);
      const Piece* p = covering(k);
      if (!p) {
        uncovered = true;
      } else if (!p->entry || p->entry->kind == EntryKind::kPerson || p->entry->kind == EntryKind::kOrganization ||
                 p->entry->kind == EntryKind::kGroup || p->begin < t || p->end > end) {
        known = true;
      }
    }
    // A run after "Capitalised," may be the end of a longer name ("United Nations
    // Educational, Scientific and Cultural Organization"): its start is not known.
    const bool cut = t >= s.token_begin + 2 && doc.tokens[t - 1].lower == "," && capitalised(t - 2);
    if (words < 2 || !organization || !uncovered || known || cut) {
      t = end;
      continue;
    }
    // A leading country word stays, and gives the name its country.
    const Piece* lead = covering(t);
    const bool country_lead =
        lead && (lead->entry->kind == EntryKind::kCountry || lead->entry->kind == EntryKind::kDemonym ||
                 lead->entry->kind == EntryKind::kPlace);
    const Entry* lead_entry = country_lead ? lead->entry : nullptr;
    std::erase_if(pieces, [&](const Piece& p) { return p.begin >= t && p.end <= end && p.entry != lead_entry; });
    const uint32_t name_end = end;
    if (end + 2 < s.token_end && doc.tokens[end].lower == "(" && doc.tokens[end + 2].lower == ")") {
      const std::string_view acronym = doc.Slice(doc.tokens[end + 1].span);
      bool upper = acronym.size() >= 2;
      for (char c : acronym) upper = upper && ((c >= 'A' && c <= 'Z') || c == '-' || c == '/');
      if (upper) {
        acronyms.push_back({std::string(acronym),
                            std::string(doc.Slice({doc.tokens[t].span.begin, doc.tokens[end - 1].span.end})),
                            lead_entry});
        // The bracketed acronym is part of the name's mention.
        end += 3;
      }
    }
    added.push_back({t, end, nullptr,
                     std::string(doc.Slice({doc.tokens[t].span.begin, doc.tokens[name_end - 1].span.end})), false,
                     false});
    t = end;
  }
  MergePieces(pieces, added);
}

// A person the dictionary does not know, named in full and then described by a title in
// apposition: "Zalmay Khalilzad, a US peace envoy,", "Ahmed al-Assadi, a spokesman for the
// PMF,". The name (two or three capitalised words, or an Arabic "al-" name) becomes a captured
// name the title joins (see the joining of pieces), so the person acts with the title's code.
void AddApposedPeople(const Document& doc, const Sentence& s, std::vector<Piece>& pieces) {
  auto covered = [&](uint32_t t) { return PieceCovering(pieces, t) != nullptr; };
  auto name_word = [&](uint32_t t) {
    const Token& token = doc.tokens[t];
    const std::string_view surface = doc.Slice(token.span);
    return token.kind == TokenKind::kWord && !covered(t) && !IsNotAName(token.lower) &&
           (token.upos == "PROPN" || surface.starts_with("al-") || surface.starts_with("el-")) &&
           (IsCapitalised(surface) || surface.starts_with("al-") || surface.starts_with("el-"));
  };
  std::vector<Piece> added;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (!name_word(t) || !IsCapitalised(doc.Slice(doc.tokens[t].span))) continue;
    if (t > s.token_begin && doc.tokens[t - 1].kind == TokenKind::kWord &&
        IsCapitalised(doc.Slice(doc.tokens[t - 1].span))) {
      continue;  // not the start of the name
    }
    uint32_t end = t + 1;
    while (end < s.token_end && end - t < 4 && name_word(end)) ++end;
    if (end - t < 2 || end - t > 3 || end + 1 >= s.token_end || doc.tokens[end].lower != ",") continue;
    uint32_t title = end + 1;
    const std::string& article = doc.tokens[title].lower;
    if (article == "a" || article == "an" || article == "the") ++title;
    // The title: a piece for an office or a sector, or a country right before one.
    auto piece = std::find_if(pieces.begin(), pieces.end(), [&](const Piece& p) { return p.begin == title; });
    auto office = pieces.end();
    for (auto p = piece; p != pieces.end() && p->begin <= title + 3 && office == pieces.end(); ++p) {
      if (p->entry && p->entry->kind == EntryKind::kAgent) office = p;
    }
    if (piece == pieces.end() || office == pieces.end()) continue;
    // A title followed by a name is that person's, in a list: "Nancy Pelosi, United States
    // President Donald Trump".
    if (office->end < s.token_end && doc.tokens[office->end].kind == TokenKind::kWord &&
        IsCapitalised(doc.Slice(doc.tokens[office->end].span)) && !IsNotAName(doc.tokens[office->end].lower)) {
      continue;
    }
    added.push_back({t, end, nullptr, {}, true, false});
    t = end;
  }
  MergePieces(pieces, added);
}

// "Russia-backed", "US-led", "Iranian-made": a name joined by a hyphen to a lower-case
// word modifies what follows; it is not an actor of the sentence. ("Russia-Ukraine talks"
// joins two names and keeps both.)
bool InHyphenCompound(const Document& doc, const Sentence& s, uint32_t begin, uint32_t end) {
  auto joined_lower = [&](uint32_t hyphen, uint32_t word) {
    const Token& h = doc.tokens[hyphen];
    const Token& w = doc.tokens[word];
    if (doc.Slice(h.span) != "-") return false;
    bool touching = word > hyphen ? h.span.end == w.span.begin : w.span.end == h.span.begin;
    std::string_view text = doc.Slice(w.span);
    return touching && !text.empty() && text[0] >= 'a' && text[0] <= 'z';
  };
  // "Vietnamese-led forces", "the US-led coalition": who leads is named.
  bool after = end + 1 < s.token_end && doc.tokens[end].span.begin == doc.tokens[end - 1].span.end &&
               joined_lower(end, end + 1) && doc.tokens[end + 1].lower != "led";
  bool before = begin >= s.token_begin + 2 && doc.tokens[begin].span.begin == doc.tokens[begin - 1].span.end &&
                joined_lower(begin - 1, begin - 2);
  return after || before;
}

// "Czech and Slovak officials": a bare country coordinated with a titled one shares the
// title (both are officials), so "Czech" is CZEGOV like "Slovak officials" is SVKGOV. Not
// when the titled one begins a clause of its own: in "Russia bombed Ukraine and French
// officials condemned ...", Ukraine is no official.
void ShareTitleAcrossCoordination(Document& doc, size_t first) {
  for (size_t m = first; m + 1 < doc.mentions.size(); ++m) {
    Actor& bare = doc.mentions[m].actor;
    const ActorMention& next = doc.mentions[m + 1];
    if (bare.country.empty() || bare.code != bare.country || !bare.name.empty()) continue;
    if (next.actor.country.empty() || next.actor.code.size() <= 3 || !next.actor.name.empty()) continue;
    // Not a place in a phrase of its own: "In Kirkuk, Iraqi police ...".
    const uint32_t begin = doc.mentions[m].token_begin;
    if (begin > doc.sentences[doc.mentions[m].sentence].token_begin && doc.tokens[begin - 1].upos == "ADP") continue;
    uint32_t gap = doc.mentions[m].token_end;
    bool coordinated = next.token_begin == gap + 1 && (doc.tokens[gap].lower == "and" ||
                                                       doc.tokens[gap].lower == "or" || doc.tokens[gap].lower == ",");
    // Only when the second begins with its country word: "Slovak officials", not "the Slovak envoy's".
    if (coordinated && doc.tokens[next.token_begin].lower != "the" &&
        !StartsNewClause(doc, doc.sentences[next.sentence], doc.mentions[m], next)) {
      bare.code = bare.country + next.actor.code.substr(3);
    }
  }
}

// "The diplomat said ...", "the minister added": a definite title with no country and no
// name refers to the last person named, in this sentence or the two before, whose office
// has that sector (a diplomat or minister GOV, a general MIL).
void ResolveDefiniteTitle(const ActorDictionary& dictionary, const Document& doc, ActorMention& mention) {
  const Actor& a = mention.actor;
  if (!a.country.empty() || !a.org.empty() || !a.name.empty() || a.code.size() <= 3 ||
      a.code.compare(0, 3, "---") != 0) {
    return;
  }
  if (doc.tokens[mention.token_begin].lower != "the") return;
  // An office held by one person at a time names that office's holder, as the earlier
  // mention wrote it or the dictionary knows it ("President Trump ... the president"; not
  // Mayor Bowser): "the president" is no anaphor for the last official named.
  static constexpr std::array<std::string_view, 9> kSingleOffices = {
      "president", "king", "queen", "chancellor", "mayor", "governor", "premier", "emir", "prime"};
  std::string_view office;
  for (uint32_t t = mention.token_begin; t < mention.token_end && office.empty(); ++t) {
    const auto it = std::find(kSingleOffices.begin(), kSingleOffices.end(), doc.tokens[t].lower);
    if (it != kSingleOffices.end()) office = *it;
  }
  const std::string sector = a.code.substr(3);
  for (size_t m = doc.mentions.size(); m-- > 0;) {
    const ActorMention& earlier = doc.mentions[m];
    if (earlier.sentence + 2 < mention.sentence) break;
    const Actor& e = earlier.actor;
    if (e.name.empty() || e.code.size() <= sector.size()) continue;
    if (e.code.compare(e.code.size() - sector.size(), sector.size(), sector) != 0) continue;
    if (!office.empty()) {
      bool holds = false;
      for (uint32_t t = earlier.token_begin; t < earlier.token_end && !holds; ++t) {
        holds = doc.tokens[t].lower == office;
      }
      if (const auto id = dictionary.PersonNamed(e.name); !holds && id) {
        if (const Role* role = dictionary.RoleOn(dictionary.entry(*id), doc.meta.date, "")) {
          std::string title;
          for (char c : role->title) title += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
          holds = title.find(office) != std::string::npos;
        }
      }
      if (!holds) continue;
    }
    mention.actor = e;
    return;
  }
}

// Whether the title that is the last of `pieces` is another country's than `person`'s: a
// country right before it ("Ukrainian Foreign Minister", "Ukraine's President"), not one
// a word further away ("Russia met President Obama").
bool OtherCountryTitle(const Document& doc, const std::vector<Piece>& pieces, const Entry& person) {
  const size_t title = pieces.size() - 1;
  if (title == 0) return false;
  const Piece& before = pieces[title - 1];
  if (!before.entry || before.entry->country.empty() || before.entry->country == person.country) return false;
  const uint32_t gap_begin = before.end, gap_end = pieces[title].begin;
  if (gap_begin == gap_end) return true;
  return gap_end == gap_begin + 1 && (doc.tokens[gap_begin].lower == "'s" || doc.tokens[gap_begin].lower == "\u2019s");
}

Actor Resolve(const ActorDictionary& dict, const std::vector<Piece>& group, const Document& doc,
              uint32_t sentence_begin) {
  Actor actor;
  std::string sector, org_code;
  bool group_sector = false;  // set by a group: no agent or place changes it
  const Entry* person = nullptr;
  for (const Piece& p : group) {
    if (!p.entry) {
      if (actor.name.empty()) {
        actor.name = !p.name.empty()
                         ? p.name
                         : std::string(doc.Slice({doc.tokens[p.begin].span.begin, doc.tokens[p.end - 1].span.end}));
      }
      continue;
    }
    const Entry& e = *p.entry;
    switch (e.kind) {
      case EntryKind::kPerson:
        if (!person) person = &e;
        break;
      case EntryKind::kOrganization:
        if (org_code.empty()) {
          org_code = e.org_code;
          actor.org = e.org_name;
        }
        break;
      case EntryKind::kAgent:
        if (sector.empty()) sector = e.sector;
        break;
      case EntryKind::kGroup: {
        // The period valid on the document's date (the Taliban are AFGREB until August
        // 2021 and AFGGOV since; without a date, the latest). Its sector wins over an
        // agent's and a country's ("Afghan Taliban fighters", "Yemen's Houthi rebels").
        const Role* period = dict.RoleOn(e, doc.meta.date, "");
        const std::string& code = period ? period->code : e.roles.front().code;
        if (actor.country.empty() || actor.country == code.substr(0, 3)) {
          actor.country = code.substr(0, 3);
          sector = code.substr(3);
          group_sector = true;
        }
        break;
      }
      default:                // country, demonym, place
        if (p.ethnic) break;  // below, when no other country is named
        if (actor.country.empty()) actor.country = e.country;
        if (sector.empty() && !group_sector) sector = e.sector;
        break;
    }
  }
  for (const Piece& p : group) {
    if (p.ethnic && actor.country.empty()) actor.country = p.entry->country;
  }
  if (person) {
    actor.name = person->name;
    if (const Role* role = dict.RoleOn(*person, doc.meta.date, sector)) {
      actor.code = role->code;
      if (role->code.compare(0, 3, "IGO") == 0 || role->code.compare(0, 3, "NGO") == 0) {
        actor.country.clear();
        actor.org = dict.OrgNameOfCode(role->code);
      } else {
        actor.country = role->code.substr(0, 3);
        actor.org.clear();
      }
    } else {
      // No office on the date: the office the text gives ("President Laurent Gbagbo" in a
      // story the dictionary dates before his term), unless the text says it is past
      // ("former president", "ousted", "the late").
      actor.country = person->country;
      actor.code = person->country;
      static constexpr std::array<std::string_view, 6> kPast = {"former", "ousted", "ex", "late", "deposed", "exiled"};
      bool past = false;
      const uint32_t first = group.front().begin;
      for (uint32_t t = std::max(first, sentence_begin + 3) - 3; t < group.back().end; ++t) {
        past = past || std::find(kPast.begin(), kPast.end(), doc.tokens[t].lower) != kPast.end();
      }
      if (!sector.empty() && !past) actor.code = person->country + sector;
    }
    return actor;
  }
  if (!org_code.empty()) {
    actor.code = org_code + sector;
  } else if (!actor.country.empty()) {
    actor.code = actor.country + sector;
  } else if (!sector.empty()) {
    actor.code = "---" + sector;
  }
  return actor;
}

}  // namespace

const Entry* ActorStage::PlaceOfNamedCountry(const Entry& entry, const Document& doc, const Match& match,
                                             const std::vector<std::string>& countries_named) const {
  if (entry.kind != EntryKind::kPlace || !entry.sector.empty()) return &entry;
  // A capital of a state that did not yet exist is its predecessor's city ("Juba" in 1990).
  if (const std::string& state = StateOn(entry.country, doc.meta.date); state != entry.country) {
    auto it = place_entries_.find(state);
    if (it != place_entries_.end()) return &it->second;
  }
  auto has = [&](const std::string& c) {
    return std::find(countries_named.begin(), countries_named.end(), c) != countries_named.end();
  };
  if (has(entry.country)) return &entry;
  const auto place = gazetteer_.LongestMatch(doc, match.token_begin, match.token_end);
  if (!place || place->token_end != match.token_end) return &entry;
  // Only a city of its own, not a namesake town ("Washington" in a story naming Britain).
  constexpr uint32_t kCity = 100000;
  const Place& named = gazetteer_.place(place->place);
  for (size_t k = 0; k < named.countries.size(); ++k) {
    const std::string& c = named.countries[k];
    if (c != entry.country && has(c) && named.populations[k] >= kCity) {
      auto it = place_entries_.find(c);
      if (it != place_entries_.end()) return &it->second;
    }
  }
  return &entry;
}

const Entry* ActorStage::LeadersCountry(const Document& doc, const Sentence& s, uint32_t i) const {
  static constexpr std::array<std::string_view, 4> kGovernments = {"administration", "government", "regime", "cabinet"};
  const Token& token = doc.tokens[i];
  if (i + 1 >= s.token_end || token.upos != "PROPN" || !IsCapitalised(doc.Slice(token.span))) return nullptr;
  const std::string& next = doc.tokens[i + 1].lower;
  if (std::find(kGovernments.begin(), kGovernments.end(), next) == kGovernments.end()) return nullptr;
  // The surname alone: not the end of a longer name ("George Bush administration" is
  // matched as the person).
  if (i > s.token_begin && doc.tokens[i - 1].upos == "PROPN") return nullptr;
  for (std::string_view title : {"president", "prime minister"}) {
    if (auto id = dictionary_.PersonBySurnameAndTitle(token.lower, std::string(title), doc.meta.date)) {
      auto it = place_entries_.find(dictionary_.entry(*id).country);
      return it == place_entries_.end() ? nullptr : &it->second;
    }
  }
  return nullptr;
}

void TakeTheOnlyCountry(Document& doc, const std::vector<std::string>& countries_named) {
  // Agents who act at home. Not refugees, spies or diplomats, so often foreign, nor a
  // government or army official named but unknown ("Foreign Minister Antonia Quarles" may
  // be the guest of the one country named).
  static constexpr std::array<std::string_view, 14> kDomestic = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB",
                                                                 "UAF", "CVL", "MED", "EDU", "BUS", "LAB", "AGR"};
  std::string only;
  auto note = [&](const std::string& country) {
    if (country.empty()) return true;
    if (!only.empty() && country != only) return false;
    only = country;
    return true;
  };
  for (const std::string& country : countries_named) {
    if (!note(country)) return;
  }
  for (const ActorMention& m : doc.mentions) {
    if (!note(m.actor.country)) return;
  }
  if (only.empty()) return;
  for (ActorMention& m : doc.mentions) {
    Actor& a = m.actor;
    if (!a.country.empty() || !a.org.empty() || a.code.size() != 6 || a.code.compare(0, 3, "---") != 0) continue;
    const std::string_view sector = std::string_view(a.code).substr(3);
    if (std::find(kDomestic.begin(), kDomestic.end(), sector) == kDomestic.end()) continue;
    if (!a.name.empty() && (sector == "GOV" || sector == "MIL")) continue;
    a.country = only;
    a.code = only + a.code.substr(3);
  }
}

ActorStage::ActorStage(ActorDictionary dictionary, Gazetteer gazetteer)
    : dictionary_(std::move(dictionary)), gazetteer_(std::move(gazetteer)) {
  for (size_t p = 0; p < gazetteer_.size(); ++p) {
    for (const std::string& country : gazetteer_.place(static_cast<uint32_t>(p)).countries) {
      Entry& entry = place_entries_[country];
      entry.kind = EntryKind::kPlace;
      entry.country = country;
    }
  }
}

Result<std::unique_ptr<Stage>> ActorStage::Create(const StageContext& context) {
  auto countries = data::Load(context.options.data_dir, "actors/countries.tsv");
  if (!countries.ok()) return countries.status();
  auto actors = data::Load(context.options.data_dir, "actors/actors.tsv");
  if (!actors.ok()) return actors.status();
  auto dict = ActorDictionary::Parse(*countries, *actors);
  if (!dict.ok()) return dict.status();
  auto places = data::Load(context.options.data_dir, "actors/places.tsv");
  if (!places.ok()) return places.status();
  auto gazetteer = Gazetteer::Parse(*places);
  if (!gazetteer.ok()) return gazetteer.status();
  return std::unique_ptr<Stage>(new ActorStage(std::move(dict).value(), std::move(gazetteer).value()));
}

Status ActorStage::Process(Document& doc) const {
  // People named in full anywhere in the document; their surnames then match alone.
  std::vector<uint32_t> known_people;
  std::vector<std::string> countries_named;
  // ... by names of countries, peoples and their institutions, not of places.
  std::vector<std::string> countries_named_not_by_places;
  std::vector<Acronym> acronyms;  // of organisations the dictionary does not know: "RUF"
  // Last names of people the dictionary does not know, named in full ("Usman Khan"): alone,
  // such a name is theirs, not a leader's of that surname.
  std::vector<std::string> others_names;
  auto word = [&](uint32_t t) {
    return doc.tokens[t].kind == TokenKind::kWord && IsCapitalised(doc.Slice(doc.tokens[t].span));
  };
  // Where each sentence's countries start in countries_named.
  std::vector<size_t> sentence_countries(doc.sentences.size() + 1, 0);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    sentence_countries[si] = countries_named.size();
    uint32_t matched_until = s.token_begin;
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      auto m = dictionary_.LongestMatch(doc, i, s.token_end, {});
      if (!m) {
        if (const Entry* country = LeadersCountry(doc, s, i)) {
          countries_named.push_back(country->country);
          countries_named_not_by_places.push_back(country->country);
        }
        // After a name, not after a capitalised first word ("In Kirkuk ...").
        if (i > s.token_begin && i - 1 >= matched_until && word(i) && word(i - 1) &&
            doc.tokens[i - 1].upos == "PROPN") {
          others_names.push_back(doc.tokens[i].lower);
        }
        ++i;
        continue;
      }
      matched_until = m->token_end;
      if (dictionary_.entry(m->entry).kind == EntryKind::kPerson) known_people.push_back(m->entry);
      if (const std::string& country = dictionary_.entry(m->entry).country; !country.empty()) {
        // A capital of a state that did not yet exist names its predecessor ("Juba" in 1990),
        // as its mention will; the state's own name names the state.
        const bool place = dictionary_.entry(m->entry).kind == EntryKind::kPlace;
        const std::string& state = place ? StateOn(country, doc.meta.date) : country;
        countries_named.push_back(state);
        if (dictionary_.entry(m->entry).kind != EntryKind::kPlace) countries_named_not_by_places.push_back(state);
      }
      i = m->token_end;
    }
  }
  sentence_countries[doc.sentences.size()] = countries_named.size();
  // The document's countries once each, in the order first named.
  std::vector<std::string> distinct_countries;
  for (const std::string& c : countries_named) {
    if (std::find(distinct_countries.begin(), distinct_countries.end(), c) == distinct_countries.end()) {
      distinct_countries.push_back(c);
    }
  }

  for (uint32_t sentence_index = 0; sentence_index < doc.sentences.size(); ++sentence_index) {
    const Sentence& s = doc.sentences[sentence_index];
    const size_t first_mention_of_sentence = doc.mentions.size();
    // The countries the sentence names first, then the document's: a place shared by two
    // countries is the one its own sentence names ("a court in Antioquia, Colombia").
    std::vector<std::string> countries_near(
        countries_named.begin() + static_cast<long>(sentence_countries[sentence_index]),
        countries_named.begin() + static_cast<long>(sentence_countries[sentence_index + 1]));
    countries_near.insert(countries_near.end(), distinct_countries.begin(), distinct_countries.end());
    std::vector<Piece> pieces;
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      auto m = dictionary_.LongestMatch(doc, i, s.token_end, known_people);
      // "the Bush administration", "the Assad regime": a leader's surname alone before a
      // word for a government names that leader's country, not the leader ("the Bush
      // administration" of 1990 is another Bush's), before a surname alone is read as a
      // leader in office.
      if (!m) {
        if (const Entry* country = LeadersCountry(doc, s, i)) {
          pieces.push_back({i, i + 1, country, {}, false, false});
          ++i;
          continue;
        }
      }
      if (!m) m = LoneNameMatch(dictionary_, doc, s, i, countries_named, others_names);
      if (!m) {
        uint32_t place_end = i;
        if (const Entry* place =
                PlaceAt(gazetteer_, place_entries_, doc, s, i, countries_near, others_names, pieces, place_end)) {
          pieces.push_back({i, place_end, place, {}, false, false});
          i = place_end;
          continue;
        }
        ++i;
        continue;
      }
      const Entry& entry = dictionary_.entry(m->entry);
      i = m->token_end;
      if (InHyphenCompound(doc, s, m->token_begin, m->token_end)) continue;
      // Titles that are also plain adjectives name no one as adjectives: "a general strike",
      // "an official visit", "marine life" (unlike "military officials").
      if (entry.kind == EntryKind::kAgent && m->token_end == m->token_begin + 1 &&
          doc.tokens[m->token_begin].upos == "ADJ") {
        static constexpr std::array<std::string_view, 3> kAdjectiveTitles = {"general", "official", "marine"};
        const std::string& lower = doc.tokens[m->token_begin].lower;
        if (std::find(kAdjectiveTitles.begin(), kAdjectiveTitles.end(), lower) != kAdjectiveTitles.end()) continue;
      }
      pieces.push_back({m->token_begin,
                        m->token_end,
                        PlaceOfNamedCountry(entry, doc, *m, countries_named_not_by_places),
                        {},
                        false,
                        (entry.kind == EntryKind::kDemonym || entry.kind == EntryKind::kCountry) &&
                            m->token_begin > s.token_begin && doc.tokens[m->token_begin - 1].lower == "ethnic"});
      // A title followed by a name the dictionary does not know: "Foreign Minister Anthony Blinkin".
      if (entry.kind != EntryKind::kAgent) continue;
      uint32_t j = i;
      // A word the dictionary knows as a title ends the name, unless it is also a surname,
      // after a first name, and the last capitalised word: "Defence Secretary Tom King" (not
      // "Senate Majority Leader").
      auto name_word = [&](uint32_t t) {
        static constexpr std::array<std::string_view, 8> kTitleSurnames = {"king",  "bishop", "major",   "prince",
                                                                           "judge", "knight", "marshal", "duke"};
        const auto known = dictionary_.LongestMatch(doc, t, s.token_end, known_people);
        if (!known) return true;
        return t > i && known->token_end == t + 1 &&
               std::find(kTitleSurnames.begin(), kTitleSurnames.end(), doc.tokens[t].lower) != kTitleSurnames.end() &&
               !(t + 1 < s.token_end && IsCapitalised(doc.Slice(doc.tokens[t + 1].span)));
      };
      while (j < s.token_end && j - i < 4 && doc.tokens[j].kind == TokenKind::kWord &&
             IsCapitalised(doc.Slice(doc.tokens[j].span)) && !IsNotAName(doc.tokens[j].lower) && name_word(j)) {
        ++j;
      }
      if (j - i == 1) {
        // A title and a surname alone: "President Mugabe", "Prime Minister Hashimoto", when
        // one known person of that surname held that office.
        std::string title;
        for (uint32_t t = m->token_begin; t < m->token_end; ++t) {
          if (!title.empty()) title += ' ';
          title += doc.tokens[t].lower;
        }
        if (auto id = dictionary_.PersonBySurnameAndTitle(doc.tokens[i].lower, title, doc.meta.date)) {
          const Entry* person = &dictionary_.entry(*id);
          // Not when the title names another country than theirs ("Ukrainian President Bush").
          if (OtherCountryTitle(doc, pieces, *person)) person = nullptr;
          if (person) {
            pieces.push_back({i, j, person, {}, false, false});
            i = j;
          }
        }
      }
      if (j - i >= 2) {
        // A misspelt known person ("Foreign Minister Anthony Blinkin"), unless the title
        // names another country than theirs ("Ukrainian Foreign Minister ...").
        std::vector<std::string> words;
        for (uint32_t t = i; t < j; ++t) words.push_back(doc.tokens[t].lower);
        const Entry* person = nullptr;
        if (auto id = dictionary_.FuzzyPerson(words)) {
          person = &dictionary_.entry(*id);
          if (OtherCountryTitle(doc, pieces, *person)) person = nullptr;
        }
        pieces.push_back({i, j, person, {}, false, false});
        i = j;
      }
    }

    AddUnknownOrganizations(doc, s, pieces, acronyms);
    AddApposedPeople(doc, s, pieces);

    // Join pieces into mentions.
    size_t k = 0;
    while (k < pieces.size()) {
      std::vector<Piece> group = {pieces[k]};
      bool has_person = !pieces[k].entry || pieces[k].entry->kind == EntryKind::kPerson;
      // A title or office can take a person in apposition; a bare country cannot
      // ("... of Ukraine and the United States, Andrei Taran and Lloyd Austin").
      bool has_title =
          pieces[k].entry && (pieces[k].entry->kind == EntryKind::kAgent || pieces[k].entry->kind == EntryKind::kPlace);
      size_t next = k + 1;
      for (; next < pieces.size(); ++next) {
        const Piece& p = pieces[next];
        bool is_person = !p.entry || p.entry->kind == EntryKind::kPerson;
        uint32_t gap_begin = group.back().end;
        bool joins = true;
        bool comma = false;
        int adjectives = 0;
        bool linked_by_preposition = false;
        // People of no named country where they are: "demonstrators in Baghdad", "opposition
        // groups in Zimbabwe", "rebels in the Ivory Coast" are that country's. The "in", after
        // at most one noun ("groups").
        uint32_t located_at = UINT32_MAX;
        const bool people = group.size() == 1 && group[0].entry &&
                            ((group[0].entry->kind == EntryKind::kAgent && IsLocal(doc, group[0])) || group[0].ethnic);
        if (people && p.entry && (p.entry->kind == EntryKind::kCountry || p.entry->kind == EntryKind::kPlace)) {
          for (uint32_t t = gap_begin; t < p.begin && t <= gap_begin + 1; ++t) {
            if (doc.tokens[t].lower == "in") located_at = t;
          }
          // At most two words of direction between "in" and the place: "in southern Serbia",
          // "in Christian east Beirut".
          if (located_at != UINT32_MAX && p.begin > located_at + 3) located_at = UINT32_MAX;
        }
        // "Zalmay Khalilzad, a US peace envoy": the title after a captured name.
        const bool apposed_title =
            group.size() == 1 && group[0].takes_apposition && !is_person && p.begin > gap_begin &&
            doc.tokens[gap_begin].lower == "," &&
            (p.begin == gap_begin + 1 || (p.begin == gap_begin + 2 && (doc.tokens[gap_begin + 1].lower == "a" ||
                                                                       doc.tokens[gap_begin + 1].lower == "an" ||
                                                                       doc.tokens[gap_begin + 1].lower == "the")));
        for (uint32_t t = gap_begin; t < p.begin && joins && !apposed_title; ++t) {
          const Token& token = doc.tokens[t];
          if (token.lower == ",") {
            comma = true;
          } else if (p.entry && p.entry->kind == EntryKind::kAgent && p.begin == gap_begin + 2 &&
                     doc.tokens[gap_begin].lower == "-" && doc.tokens[gap_begin + 1].lower == "led") {
            // "Vietnamese-led forces" are the leader's.
            break;
          } else if (p.entry && p.entry->kind == EntryKind::kAgent && !has_title &&
                     (token.upos == "ADJ" || token.xpos == "VBN" || token.xpos == "VBG" || token.upos == "ADV" ||
                      (token.upos == "NOUN" && (token.deprel == "compound" || token.deprel == "amod"))) &&
                     !IsCapitalised(doc.Slice(token.span)) && ++adjectives <= 2) {
            // Modifiers before a title stay inside one phrase: "Iran's religious leader",
            // "Peru's acting president", "Nigerian junior foreign minister", "the U.N. war
            // crimes court" (never between two names: "Egypt hosted Sudan", nor after a
            // title: "Turkish police detained journalists")
          } else if (p.entry && p.entry->kind == EntryKind::kAgent && !has_title && t + 1 == p.begin &&
                     t == gap_begin && IsCapitalised(doc.Slice(token.span)) &&
                     (token.upos == "PROPN" || token.upos == "NOUN" || token.upos == "ADJ") &&
                     (doc.tokens[p.begin].lower == "minister" || doc.tokens[p.begin].lower == "ministry" ||
                      doc.tokens[p.begin].lower == "secretary")) {
            // A portfolio between a country and a minister: "Serbian Labour Minister", "Kenyan
            // Finance Minister".
          } else if (t == located_at ||
                     (t + 1 == located_at &&
                      (token.upos == "NOUN" ||
                       std::find(kLocatedWords.begin(), kLocatedWords.end(), token.lower) != kLocatedWords.end())) ||
                     (located_at != UINT32_MAX && t > located_at && t <= located_at + 2 &&
                      ((!IsCapitalised(doc.Slice(token.span)) && token.upos == "NOUN") || token.upos == "ADJ"))) {
            linked_by_preposition = true;
          } else if (!IsConnector(token.lower)) {
            joins = false;
          } else if (token.lower == "of" || token.lower == "for") {
            linked_by_preposition = true;
          }
        }
        // "Sudan of arming rebels" is no phrase: modifiers join only "X's [mod] title".
        if (adjectives > 0 && linked_by_preposition) joins = false;
        // Across a comma only as an apposition naming the person: "the head of the Pentagon, Lloyd Austin".
        if (comma) joins = joins && is_person && !has_person && has_title && p.begin == gap_begin + 1;
        if (apposed_title) joins = true;
        if (!joins || (is_person && has_person)) break;
        has_person = has_person || is_person;
        has_title =
            has_title || (p.entry && (p.entry->kind == EntryKind::kAgent || p.entry->kind == EntryKind::kPlace));
        group.push_back(p);
      }
      k = next;
      Actor actor = Resolve(dictionary_, group, doc, s.token_begin);
      if (actor.code.empty() && actor.name.empty()) continue;
      ActorMention mention;
      mention.sentence = sentence_index;
      mention.token_begin = group.front().begin;
      if (mention.token_begin > s.token_begin && doc.tokens[mention.token_begin - 1].lower == "the") {
        --mention.token_begin;
      }
      mention.token_end = group.back().end;
      mention.span = {doc.tokens[mention.token_begin].span.begin, doc.tokens[mention.token_end - 1].span.end};
      mention.actor = std::move(actor);
      ResolveDefiniteTitle(dictionary_, doc, mention);
      doc.mentions.push_back(std::move(mention));
    }
    ShareTitleAcrossCoordination(doc, first_mention_of_sentence);
  }
  TakeTheOnlyCountry(doc, countries_named);
  return Status::Ok();
}

}  // namespace eventmill::actors
