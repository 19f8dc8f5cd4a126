// Repairs of the parse that news text needs and the treebank rarely teaches.
#ifndef EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_
#define EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_

#include "eventmill/document.h"

namespace eventmill::parse {

// "Officials said Tuesday that Russia shelled Kharkiv": news puts a bare day between a
// verb of saying and its "that" clause, and a parser trained on web text hangs the clause on
// the day as a relative clause or complement ("Tuesday that ..."). A "that" clause hung on a time word
// ("Tuesday", "on Friday", "yesterday", "last week") that itself hangs on a verb right
// before it becomes that verb's complement (ccomp). Other clauses are left as parsed.
void RepairClausesOnTimeWords(Document& doc, const Sentence& sentence);

// "Russian police arrested students in Moscow", "Senior officials agreed to expand
// cooperation": the treebank often has a regular "-ed" form after a noun as a participle,
// and a tagger that read it so leaves a sentence with no verb, parsed as a noun phrase
// ("police" the root, "arrested" its modifier). In a sentence with no finite verb and no
// auxiliary outside the clauses after the participle, whose root is a noun, the first participle right after the noun
// phrase that begins the sentence becomes its past-tense main verb, the noun phrase its subject, when the participle is
// plainly active: it has an object (or modifies the noun after it, which becomes its object), a "to" infinitive or a
// clause, and no "by" agent. A headline's passive ("Two journalists killed in Syria") has none of those and is left as
// parsed. So does a past tense the parser hung on a noun before it, the sentence's only finite verb. Up to two asides
// set off by commas may stand between the noun phrase and the verb ("Russia, in a statement on Monday, accused
// Ukraine ..."); one with a preposition becomes the verb's phrase (obl).
void RepairVerblessSentences(Document& doc, const Sentence& sentence);

// "Sudria condemned Norland, the minister said.", "..., the state news agency WFNA said on
// Thursday.": news ends a sentence with its source, and a parser trained on web text often
// hangs that clause's verb on a noun before it as a relative clause, or makes it the root
// and takes the words of the report for its complements. A sentence that ends with a comma,
// a noun phrase and a verb of saying (with only its modifiers after it) gets, as in the
// treebank, the verb of saying as its root, the noun phrase as its subject and the
// report's own top verb as its complement (ccomp), with the report's other top words on
// that verb. Left as parsed when the words before the comma have no verb.
void RepairFinalReportingClauses(Document& doc, const Sentence& sentence);

// "Kenya and Ugandan officials": a word with a coordinating conjunction of its own ("and")
// that the parser did not make a conjunct, right after a word with the same head, is that
// word's conjunct (UD hangs "and" on the second conjunct, and that conjunct on the first).
void RepairStrayConjuncts(Document& doc, const Sentence& sentence);

// "Old foes Gondor and Osgiliath have renewed ties": a verb the parser gave two subjects,
// the first phrase right before the second with nothing between, has one subject, the
// second, that the first describes (nmod:desc, as "President" in "President Bush").
void RepairDescribedSubjects(Document& doc, const Sentence& sentence);

// "Syria says it is willing to withdraw": adjectives of a subject's own readiness
// (willing, ready, prepared, able, determined, eager, keen, reluctant, unwilling) take a
// real subject, never an expletive "it" ("it is important to ..."); a parser that read
// "it" as expletive there is corrected to nsubj.
void RepairReadinessSubjects(Document& doc, const Sentence& sentence);

// "Denmark today accepted a formula", "Israel Friday reimposed blockades": news puts
// "today", "yesterday", "tonight" or a weekday between a subject and its verb, and the parser may take
// the day for the subject and the name for its compound. A day word that is a verb's
// subject with a name or noun compounded on it, right before it, gives the subject back to
// that name (with the name's own dependents) and becomes the verb's time (obl:unmarked).
void RepairSubjectsBeforeDayWords(Document& doc, const Sentence& sentence);

// "The president resigned as the opposition threatened to storm his residence": "as"
// before a clause is a subordinating conjunction, but a parser trained on web text often
// reads it as the preposition of a phrase ("as the opposition") and makes the clause's verb
// a conjunct of the main verb. A phrase "as NOUN ..." whose words are followed at once by a
// finite verb with no subject of its own, hung on the same word as the phrase or on the noun
// as a relative clause, becomes that
// verb's clause (advcl) with "as" its mark and the noun its subject.
void RepairClausesAfterAs(Document& doc, const Sentence& sentence);

// "The Palestinians reject the proposed changes": a present tense after a plural subject
// looks like a noun to a tagger ("reject", "attacks"), and the parser still gives it the
// roles of a verb. A word tagged a common noun that has a subject before it and an object
// after it, and none of a noun's own dependents (determiner, possessive, adjective,
// preposition, compound, number), is a present-tense verb.
void RepairNounsWithVerbRoles(Document& doc, const Sentence& sentence);

}  // namespace eventmill::parse

#endif  // EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_
