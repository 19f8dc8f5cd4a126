// Stage "actors": finds who is named in each sentence and resolves it to an actor code.
#ifndef EVENTMILL_SRC_ACTORS_ACTOR_STAGE_H_
#define EVENTMILL_SRC_ACTORS_ACTOR_STAGE_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/actors/actor_dictionary.h"
#include "src/actors/gazetteer.h"
#include "src/pipeline/stage.h"

namespace eventmill::actors {

// Matches dictionary phrases (longest first), then joins neighbouring pieces into one
// mention: "the Russian Minister of Defense Andrei Belousov", "the Ministry of Defense of
// Ukraine", "the head of the Pentagon, Lloyd Austin". A person's code is the role valid on
// the document date; a title followed by an unknown name ("Foreign Minister Anthony
// Blinkin") keeps that name with the sector's code. A surname alone matches a person
// named in full elsewhere in the same document. A town, city or region the gazetteer knows
// is its country's place where the sentence speaks of it as a place ("shelled Juba").
// "Police in Lagos arrested ...; the government said ...": in a document that names one
// country and no other (by its actors, or by any name of it, as in "Kenya-based"), agents
// who act at home named with no country ("the government", "police", "opposition
// leaders", "protesters") are that country's. Not refugees, spies or diplomats, often
// foreign, nor a named official the dictionary does not know. A document naming two
// countries or more leaves them without one: who "the army" is there is for the reader to
// tell, not a guess.
void TakeTheOnlyCountry(Document& doc, const std::vector<std::string>& countries_named);

class ActorStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  ActorStage(ActorDictionary dictionary, Gazetteer gazetteer);
  std::string_view name() const override { return "actors"; }
  Status Process(Document& doc) const override;

 private:
  // A place of the dictionary (a capital) that shares its name with a place of another
  // country the document names, when it does not name the capital's own ("Tripoli" in a
  // story about Lebanon), is that other country's place; any other entry is itself.
  const Entry* PlaceOfNamedCountry(const Entry& entry, const Document& doc, const Match& match,
                                   const std::vector<std::string>& countries_named) const;

  // The country entry of the leader whose surname is token i when a word for a government
  // follows it ("the Bush administration", "the Assad regime", "the Netanyahu government"),
  // else null. The leader is the one president or prime minister of that surname, the one in
  // office on the document's date when several were.
  const Entry* LeadersCountry(const Document& doc, const Sentence& sentence, uint32_t i) const;

  ActorDictionary dictionary_;
  Gazetteer gazetteer_;
  // One place entry per country of the gazetteer, for the pieces its names make.
  std::unordered_map<std::string, Entry> place_entries_;
};

}  // namespace eventmill::actors

#endif  // EVENTMILL_SRC_ACTORS_ACTOR_STAGE_H_
