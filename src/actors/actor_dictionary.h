// The actor dictionary: phrases that name countries, organisations, sectors and people,
// and the dated roles that give a person an actor code.
#ifndef EVENTMILL_SRC_ACTORS_ACTOR_DICTIONARY_H_
#define EVENTMILL_SRC_ACTORS_ACTOR_DICTIONARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::actors {

// kGroup: an armed or political group that CAMEO codes as its country with a sector of its
// own ("Taliban" AFG REB); its sector wins over an agent's ("Taliban fighters" is AFGREB).
enum class EntryKind : uint8_t { kCountry, kDemonym, kPlace, kOrganization, kAgent, kPerson, kGroup };

struct Role {
  std::string code;  // "USAMIL"
  CivilDate from;
  std::optional<CivilDate> to;  // none while in office
  std::string title;
};

struct Entry {
  EntryKind kind = EntryKind::kCountry;
  std::string country;      // ISO3 for country, demonym, place and person entries
  std::string sector;       // agents, places and groups: "GOV", "MIL", "REB", ...
  std::string org_code;     // organisations: "IGOWSTNAT"
  std::string org_name;     // organisations: "NATO"
  std::string name;         // persons: canonical name
  std::vector<Role> roles;  // persons, latest first
};

// One phrase as tokens, with the case rule of each token.
struct Phrase {
  std::vector<std::string> lower;
  // Per token: 0 any case, 1 first letter must be capital, 2 exact spelling (acronyms).
  std::vector<uint8_t> case_rule;
  std::vector<std::string> surface;
  uint32_t entry = 0;
};

struct Match {
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t entry = 0;
};

// The words of a phrase, split at spaces, with ASCII letters lower-cased: "Antony Blinken"
// -> {"antony", "blinken"}.
std::vector<std::string> LowerWords(std::string_view phrase);

class ActorDictionary {
 public:
  // `countries` is data/actors/countries.tsv, `actors` data/actors/actors.tsv.
  static Result<ActorDictionary> Parse(std::string_view countries, std::string_view actors);

  const Entry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }

  // The longest phrase that starts at tokens[i] (within [i, end)), if any. Surnames of
  // people in `known_people` (entry ids) also match, for "Austin" after "Lloyd Austin".
  std::optional<Match> LongestMatch(const Document& doc, uint32_t i, uint32_t end,
                                    const std::vector<uint32_t>& known_people) const;

  // The person whose name or alias these lower-cased words spell with small errors
  // ("anthony blinkin" -> Antony Blinken, "dmytro kuliba" -> Dmytro Kuleba): the same number
  // of words, each within one edit (two for words of eight letters or more), at least one
  // word exact, and no other person as close. None when in doubt.
  std::optional<uint32_t> FuzzyPerson(const std::vector<std::string>& lower_words) const;

  // The one person whose surname is `lower_surname` and who held an office called `title`
  // (lower case; the office's name or its last words: "president", "prime minister",
  // "minister" for a foreign minister): "President Mugabe". Of several such people, the one
  // who held it on `date` ("President Assad" in 1995 and in 2015); none when no one, or more
  // than one and not one alone on the date, fits.
  std::optional<uint32_t> PersonBySurnameAndTitle(const std::string& lower_surname, const std::string& title,
                                                  const std::optional<CivilDate>& date) const;

  // The country or demonym entry a capitalised word misspells by one edit ("ethopia" ->
  // Ethiopia, "phillippines" -> the Philippines), for words of six letters or more; none
  // when two countries are as close, or for real places so close ("Columbia").
  std::optional<uint32_t> FuzzyCountryWord(const std::string& lower) const;
  // The one person of surname `lower_surname` leading a state or government on `date`
  // ("Putin" in 2000, "Bush" in 2005 is George W. Bush); none when no one or more than one
  // does. Ministers are left out: their surnames are too often places ("Austin").
  std::optional<uint32_t> PersonInOfficeBySurname(const std::string& lower_surname, const CivilDate& date) const;
  // The person whose canonical name is `name` ("Donald Trump"), if the dictionary has one.
  std::optional<uint32_t> PersonNamed(std::string_view name) const;
  // The short name of the organisation whose code starts `code` ("IGOWSTNAT" -> "NATO").
  std::string OrgNameOfCode(std::string_view code) const;

  // The role of a person valid on `date`. With no date: the most recent role in `sector`
  // when the mention names one ("Defence Minister Shoigu"), else the most recent role.
  const Role* RoleOn(const Entry& person, const std::optional<CivilDate>& date, std::string_view sector) const;

 private:
  Status AddPhrase(std::string_view text, uint32_t entry);
  bool Matches(const Phrase& phrase, const Document& doc, uint32_t i, uint32_t end) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<Phrase>> by_first_token_;  // longest first
  std::unordered_map<std::string, std::vector<uint32_t>> people_by_surname_;
  std::vector<std::pair<std::vector<std::string>, uint32_t>> person_names_;
  std::vector<std::pair<std::string, uint32_t>>
      country_words_;  // lower-cased, for FuzzyCountryWord  // every spelling, lower-cased words
};

}  // namespace eventmill::actors

#endif  // EVENTMILL_SRC_ACTORS_ACTOR_DICTIONARY_H_
