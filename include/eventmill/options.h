// Options for building a Pipeline. Every field has a documented default; a
// default-constructed PipelineOptions codes English news with the data built into eventmill.
#ifndef EVENTMILL_OPTIONS_H_
#define EVENTMILL_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "eventmill/civil_date.h"

namespace eventmill {

struct PipelineOptions {
  // Directory holding data files that replace the built-in ones, laid out like the source
  // tree's data/ folder (codebook/cameo.tsv, actors/countries.tsv, actors/actors.tsv,
  // lexicon/events.txt). A file missing there is taken from the built-in data.
  // Default: empty, all data built in.
  std::string data_dir;

  // Date given to documents that carry none of their own. Default: none, such documents
  // and their events stay undated.
  std::optional<CivilDate> default_date;

  // Sentences longer than this many bytes are not coded (they are kept and reported as
  // removed with reason "oversized-sentence"). Guards against run-on text without sentence
  // punctuation. Default: 20,000 bytes.
  size_t max_sentence_bytes = 20000;

  // A TABARI project file (.project) naming a user's .actors, .agents and .verbs
  // dictionaries: sentences are coded with them the way TABARI reads a sentence. Only
  // events whose codes are CAMEO codes are written. Default: empty, none.
  std::string tabari_project;

  // A PETRARCH configuration file (PETR_config.ini) naming a user's PETRARCH verb, actor,
  // agent and discard dictionaries, looked for beside it, then in the "dictionaries" folder
  // next to its folder (PETRARCH's own layout): sentences are coded with them the way
  // PETRARCH reads a parse, over eventmill's own parse; the file's require_dyad holds. Only
  // CAMEO codes are written. Default: empty, none. Not together with tabari_project.
  std::string petrarch_config;

  // How the TABARI or PETRARCH dictionaries work with eventmill's own: alone (eventmill's
  // actor dictionary and event lexicon are not used) or on top (both code; an event both
  // find is written once). Default: alone.
  enum class TabariUse { kAlone, kOnTop };
  TabariUse tabari_use = TabariUse::kAlone;
};

}  // namespace eventmill

#endif  // EVENTMILL_OPTIONS_H_
