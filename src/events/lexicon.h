// The event lexicon: which words mark which CAMEO event.
#ifndef EVENTMILL_SRC_EVENTS_LEXICON_H_
#define EVENTMILL_SRC_EVENTS_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eventmill/codebook.h"
#include "eventmill/status.h"

namespace eventmill::events {

struct LexiconEntry {
  bool noun = false;
  std::vector<std::string> words;  // lower case; for verbs words[0] is the lemma
  std::string code;                // CAMEO code, checked against the codebook
  bool intent = false;             // not cancelled by a modal or "to"
  bool untargeted = false;         // codes without a target
  bool mutual = false;             // "A and B agreed": coordinated subjects act on each other
  // Codes only when the verb's "that" clause says another actor must act ("Russia said
  // Sudan must return the helicopter" is a demand on Sudan); that clause's subject is the
  // target.
  bool must_clause = false;
  // The possessor of the entry's noun, or who it is "from" or "by", is the target, not the
  // source's own act: "welcomed Chile's decision", "rejected an offer from Peru",
  // "summoned Niger's ambassador".
  bool possessor_target = false;
  // A noun whose "between A and B" names the targets, the source being the actor before it
  // (a mediation between two parties).
  bool between_targets = false;
  // A verb that codes only without an object or clause of its own ("students demonstrated"
  // but not "demonstrated its resolve").
  bool intransitive = false;
  // A verb that codes only without a clause of its own: "agreed to talks", but "agreed
  // (that) the plan should wait" is an opinion.
  bool no_clause = false;
  // A verb that codes only when its object is someone: "released two journalists", "freed
  // the opposition leader", not "released a statement".
  bool actor_object = false;
  // A verb that codes only when negated, as a refusal: "will not accept more refugees",
  // "does not recognise the vote" (12x); the plain verb is not this event.
  bool negated = false;
  // The code when both actors are people ("Biden attacked Trump on taxes" is a verbal
  // attack, 111, not 190): empty, the same code.
  std::string between_people;
  size_t line = 0;  // where it was defined, for messages
};

class Lexicon {
 public:
  // Parses data/lexicon/events.txt. Every code must exist in `codebook`.
  static Result<Lexicon> Parse(std::string_view text, const Codebook& codebook);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // Entries whose first word has the surface form `lower` (an inflection of a verb lemma,
  // or the first word of a noun phrase), most specific (most words) first.
  const std::vector<uint32_t>* EntriesForFirstWord(const std::string& lower) const;
  // True when `lower` is a form of the last word of noun entry `id` (singular or plural).
  bool IsLastNounForm(uint32_t id, const std::string& lower) const;
  // The CAMEO "express intent" code (03x) for a future, offered or promised act of `code`
  // ("will visit" is 036, "offered to send troops" 0334), or the threat (13x) for a
  // conflictual one ("announced it will expel" 136), from the lexicon's `intent` lines (the
  // longest matching code prefix), or null when such an act is not coded.
  const std::string* IntentCodeFor(std::string_view code) const;
  // The code of an appeal (020) or a demand (100) for an act of `act`, as CAMEO names what is
  // asked for with the digits of the intent to do it ("urged Uganda to extradite" 0213 as
  // "offered to extradite" is 0313; "demanded that Israel lift the curfew" 1051), or empty
  // when the act has no such intent code or the codebook no such request code.
  std::string RequestCodeFor(std::string_view request, std::string_view act) const;
  // Whether an act of `code` stands without a target ("Chile released the prisoners",
  // "Iran agreed to resume inspections"), from the lexicon's `target` lines (the longest
  // matching code prefix); acts no line names need one, unless their entry is untargeted.
  bool TargetOptional(std::string_view code) const;

 private:
  std::vector<LexiconEntry> entries_;
  std::vector<std::pair<std::string, std::string>> intents_;  // code prefix -> intent code
  std::vector<std::pair<std::string, bool>> target_rules_;    // code prefix -> target optional
  std::unordered_map<std::string, std::vector<uint32_t>> by_form_;
  std::unordered_set<std::string> codes_;  // the codebook's
};

// Regular inflections of an English verb lemma: lemma, -s, -ed, -ing.
std::vector<std::string> VerbForms(const std::string& lemma);
// Regular plural of an English noun.
std::string NounPlural(const std::string& noun);

}  // namespace eventmill::events

#endif  // EVENTMILL_SRC_EVENTS_LEXICON_H_
