// Clauses over a parsed sentence: where a coordination of actors ends and a new clause
// begins. Used by the actor stage (titles shared across "and") and the event coder (actors
// joined across "and"), so both read a sentence the same way.
#ifndef EVENTMILL_SRC_DOCUMENT_CLAUSES_H_
#define EVENTMILL_SRC_DOCUMENT_CLAUSES_H_

#include <cstdint>
#include <optional>

#include "eventmill/document.h"

namespace eventmill {

// Whether token t is a verb that carries tense and so can have a subject of its own:
// a past or present form ("condemned", "says"), a modal ("will"), or a past participle
// that is the sentence's root or has an object (the tagger often reads "condemned" as VBN).
bool IsFiniteVerb(const Document& doc, uint32_t t);

// The verb whose subject mention m is: its subject in the parse (nsubj, nsubj:pass), else
// by English word order the finite verb right after it ("... and France condemned"),
// skipping adverbs, when the parse attaches m as nothing else than a conjunct; for an
// auxiliary ("France has condemned") the verb it belongs to.
std::optional<uint32_t> SubjectVerbOf(const Document& doc, const Sentence& s, const ActorMention& m);

// Whether `second`, coordinated after `first` ("A and B", "A, B"), is instead the subject
// of a new clause: it is the subject of its own finite verb (see SubjectVerbOf) while
// `first` belongs to another verb, as its object ("Russia bombed Ukraine and France
// condemned the strikes") or right after a verb that takes no clause ("bombed Ukraine and
// French officials condemned ...", which the parser may read as "[Ukraine and French]
// officials"). A coordinated subject ("France and Germany condemned", "Czech and Slovak
// officials met") and the start of a reported clause ("said Ukraine and France condemned")
// are not new clauses.
bool StartsNewClause(const Document& doc, const Sentence& s, const ActorMention& first, const ActorMention& second);

}  // namespace eventmill

#endif  // EVENTMILL_SRC_DOCUMENT_CLAUSES_H_
