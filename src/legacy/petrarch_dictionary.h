// Dictionaries in PETRARCH's formats (PETRARCH-1 and PETRARCH-2 verbs, actors, agents,
// discards), read into the same TabariDictionaries that TABARI files give, so one coder
// serves both families. The reader is tolerant like the TABARI one: XML and "#" comments,
// stray bytes and lines no tool writes are skipped and counted, never fatal.
//
// Where PETRARCH reads a phrase differently from TABARI, the phrase is stored the PETRARCH
// way:
// - words are whole words, never stems, and take no endings but the forms PETRARCH itself
//   generates (a verb's regular -S/-ED/-ING forms unless its "{...}" lists them; an agent's
//   plural unless "{}" or "{PLURALS}" says otherwise; a synset member's plural unless the
//   synset's name ends in "_");
// - the words of an agent, verb or discard phrase follow each other at once, whether "_" or
//   a space separates them; in an actor's name, as in TABARI, a space lets a few words come
//   between ("ITHILEN TELEVISION" names "Ithilen state-run television");
// - a verb block ("--- NAME [CODE] ---") gives its code and patterns to every verb listed in
//   it; "+" marks the verb word of a multi-word verb ("WIRE_+TAP", "+CORDON_OFF");
// - PETRARCH-2 groups "{NOUN PHRASE}" and "(PREPOSITIONAL PHRASE)" in patterns are read as
//   their words in order;
// - "!PERSON! = MAN, MEN" substitution lists in agents are expanded;
// - discards ("+" for a whole story) become "###" markers: a sentence that has one is not
//   coded.
#ifndef EVENTMILL_SRC_LEGACY_PETRARCH_DICTIONARY_H_
#define EVENTMILL_SRC_LEGACY_PETRARCH_DICTIONARY_H_

#include <string_view>

#include "eventmill/status.h"
#include "src/legacy/tabari_dictionary.h"

namespace eventmill::legacy {

enum class PetrarchFileKind { kVerbs, kActors, kAgents, kDiscards };

// Adds the entries of one PETRARCH dictionary file to `into`. Never fails on content:
// unreadable lines are counted in skipped_lines.
Status ReadPetrarchFile(std::string_view text, PetrarchFileKind kind, TabariDictionaries& into);

// The settings under which the legacy coder reads a sentence as PETRARCH does: every verb
// the tagger finds codes, roles come from eventmill's parse (not from TABARI's comma and
// clause rules), an agent alone is an actor ("---GOV"), no minimum sentence length, a dyad
// required.
TabariOptions PetrarchCodingOptions();

// The text with "<!-- ... -->" comments blanked (line breaks kept, so line numbers hold).
std::string BlankXmlComments(std::string_view text);

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_PETRARCH_DICTIONARY_H_
