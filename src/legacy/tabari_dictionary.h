// Dictionaries in TABARI's formats (.actors, .agents, .verbs), so users can code with the
// dictionaries they already own. The reader is tolerant: old files carry stray bytes,
// comments in several styles and lines no current tool writes; what cannot be read is
// skipped and counted, never fatal.
//
// A TABARI phrase is a sequence of upper-case words. A word written without a trailing
// "_" is a stem and matches every word it begins ("ARGENTIN" matches "Argentina",
// "Argentinian"); with it, only itself. Words joined by "_" must follow each other at once;
// words separated by a space may have other words between them ("AL GORE" matches Al "The
// Weasel" Gore, "AL_GORE" only Al Gore and Al-Gore).
#ifndef EVENTMILL_SRC_LEGACY_TABARI_DICTIONARY_H_
#define EVENTMILL_SRC_LEGACY_TABARI_DICTIONARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/status.h"

namespace eventmill::legacy {

// One element of a phrase or a verb pattern.
enum class ElementKind : uint8_t {
  kWord,          // a dictionary word
  kSynset,        // "&NAME": any member of the synset
  kAlternatives,  // "{ A | B C }": any of the phrases
  kSource,        // "$": the source actor (patterns)
  kTarget,        // "+": the target actor (patterns)
  kCompound,      // "%": a compound actor, source and target of each other (patterns)
  kSkip,          // "^": exactly one word, any (patterns)
  kVerb,          // "*": where the verb stands (patterns)
};

struct Element {
  ElementKind kind = ElementKind::kWord;
  std::string word;                                // kWord: lower case, without the trailing "_"
  bool exact = false;                              // kWord: written with a trailing "_" (not a stem); still takes the
                                                   // regular endings -S, -ES, -ED, -EN, -ING
  bool no_endings = false;                         // kWord: written with a trailing "=": itself only
  uint32_t synset = 0;                             // kSynset: index into TabariDictionaries::synsets
  std::vector<std::vector<Element>> alternatives;  // kAlternatives
  bool joined_to_next = false;                     // "_" before the next element: no word between
};

using Phrase = std::vector<Element>;

// An actor code, valid between two dates (both inclusive; none: open).
struct DatedCode {
  std::string code;  // "USAGOV"; "---" codes nothing, "###" discards the sentence
  std::optional<CivilDate> from, to;
};

struct TabariActor {
  std::vector<Phrase> phrases;  // the name and its synonyms ("+" lines)
  std::vector<DatedCode> codes;
};

// "POLICE_ [~COP]": an agent's code is appended to the actor it goes with ("Arnor police"
// is ARNCOP); "[NGM~]" is put before it.
struct TabariAgent {
  Phrase phrase;
  std::string code;
  bool before_actor = false;
};

struct TabariPattern {
  Phrase before;                      // the elements before "*", in text order
  Phrase after;                       // the elements after "*"
  bool verb_joined_to_after = false;  // "*_TALKS"
  std::string code;                   // "064"; "032:033" codes a pair (the second from target to source)
  size_t line = 0;                    // in its .verbs file, for telling users which rule coded
};

struct TabariVerb {
  Phrase root;                // "ABANDON", "BRUSH ASIDE REPORTS": the verb and words after it
  std::vector<Phrase> forms;  // "{ BROKE_ BROKEN_ }": irregular forms, each standing for the root's first word
  std::string code;           // the code without a pattern; "---" for none
  std::vector<TabariPattern> patterns;
  size_t line = 0;  // in its .verbs file
};

struct Synset {
  std::string name;  // without the "&"
  std::vector<Phrase> members;
};

// The settings of TABARI's .options file that change what is coded (its manual, chapter
// 8). Defaults are TABARI's.
struct TabariOptions {
  // Which events a sentence gives: the first of each conjunction-delimited clause, the
  // first of the sentence, or all.
  enum class CodeBy { kClause, kSentence, kAll };
  CodeBy code_by = CodeBy::kClause;
  // COMPLEX: a sentence that meets an active condition is too complex and not coded.
  // Counts of n or more (0: inactive).
  int complex_verbs = 0, complex_actors = 0, complex_pronouns = 0, complex_conjunctions = 0, complex_commas = 0;
  bool no_actor_prior = false;  // no actor before the first verb
  bool no_actor_after = false;  // no actor after the first verb
  bool no_verb = false;
  // DEFAULT: codes for a source or target that is not found; with `source_prior` the
  // default source also stands in whenever no actor precedes the verb, with
  // `target_after` the default target whenever none follows it.
  std::string default_source, default_target;
  bool default_source_prior = false, default_target_after = false;
  // COMMA: a comma-delimited clause is dropped when its word count n has MIN < n <= MAX;
  // the first clause of a sentence uses BMIN/BMAX (never, by default), the last EMIN/EMAX.
  bool comma_on = true;
  int comma_min = 2, comma_max = 10, comma_begin_min = 128, comma_begin_max = 0, comma_end_min = 2, comma_end_max = 10;
  // CONVERT AGENTS: an agent with no actor becomes an actor of its own ("~COP").
  bool convert_agents = false;
  // PETRARCH's spelling of such an actor: "---" and the agent's code ("---GOV").
  bool agents_as_null_country = false;
  // MINIMUM WORDS: a sentence of fewer words (a comma counts as one) is not coded.
  int minimum_words = 8;
  // FORWARD: the mask that finds the story ("N") and sentence ("S") numbers in a record ID,
  // aligned with the ID's end ("^^*****NNN*SSS" reads FRWD-001-002 as story 001, sentence
  // 002). Set, a pronoun before every actor of a sentence stands for the actor forwarded
  // from the story's sentences before it. Empty: off.
  std::string forward_mask;
  // Roles from eventmill's parse, the way PETRARCH reads them (off for TABARI, whose
  // dictionaries expect its shallow reading): only a word the tagger calls a verb codes,
  // every such verb of the sentence is tried, the source is found in the verb's subject (a
  // passive verb's "by" phrase; for an infinitive, a conjunct or a participle, the subject
  // of the verb or noun it hangs from) and the target among its objects and complements,
  // never inside a clause with a subject of its own. A pattern's "$" and "+" still win.
  bool roles_from_parse = false;
  // PETRARCH's require_dyad: an event needs both a source and a target. When false, a
  // missing side is coded "---".
  bool require_dyad = true;
};

// Everything read from a set of TABARI dictionary files. Immutable once read.
struct TabariDictionaries {
  std::vector<TabariActor> actors;
  std::vector<TabariAgent> agents;
  std::vector<TabariVerb> verbs;
  std::vector<Synset> synsets;
  std::vector<Phrase> nouns, adjectives;  // <NOUN> and <ADJECTIVE> lists: words that are not verbs
  // Phrases of the .verbs <TIME> list coded "###" (the sentence is discarded) or "+++" (too
  // complex); the list's time shifts are not used.
  std::vector<std::pair<Phrase, std::string>> markers;
  TabariOptions options;     // the project's .options file
  size_t skipped_lines = 0;  // lines that could not be read

  // The synset named `name` (without "&"), or -1.
  int FindSynset(std::string_view name) const;
  // Appends an empty synset named `name` and returns its index.
  uint32_t AddSynset(std::string name);
  std::unordered_map<std::string, uint32_t> synset_index;  // name -> index into synsets
};

// Applies one options command ("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR", "SET: CODE BY
// SENTENCE", "DEFAULT: SOURCE [X] PRIOR", "COMMA: OFF"). Returns false for a command that
// is not one of these (TABARI has many about output and screens; they change nothing here).
bool ApplyTabariOption(std::string_view command, TabariOptions& options);
// Every command of an .options file; comments start with "#" or "//".
TabariOptions ReadTabariOptions(std::string_view text);

// Adds the entries of one file to `into`. `kind` is "actors", "agents" or "verbs" (the
// file's role in a TABARI project). Fails only for an unknown kind; unreadable lines are
// counted in skipped_lines. Synsets may be used before they are defined.
Status ReadTabariFile(std::string_view text, std::string_view kind, TabariDictionaries& into);

// One phrase in TABARI's notation ("ARNOR_", "&TIETYPES TIES", "{ A | B C }", "$ * +").
// Synsets it names that are not yet in `d` are added empty. False for an empty phrase or
// unbalanced braces.
bool ParsePhrase(std::string_view text, TabariDictionaries& d, Phrase& out);
// The inside of one code block: "USAGOV 991201-010114", "HOB < 950601", "HOBREB > 990816",
// "GON". False for a block with no code or an unreadable date.
bool ParseDatedCode(std::string_view block, DatedCode& out);

// Splits a parsed pattern at its "*" into the elements before and after the verb. False
// when it has no "*".
bool SplitAtVerb(Phrase all, TabariPattern& pattern);

// An agent's code block: "~COP" (after the actor's code), "NGO~" (before it), or a bare
// code. False when no code is left.
bool ParseAgentCode(std::string_view block, TabariAgent& agent);

// A TABARI date: YYMMDD (years before 30 are 20YY) or YYYYMMDD.
std::optional<CivilDate> ParseTabariDate(std::string_view digits);

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_TABARI_DICTIONARY_H_
