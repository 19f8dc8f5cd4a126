// PETRARCH's validation records: an XML file whose <Environment> names the dictionaries,
// whose <Sentence> elements hold a story's text, date and expected <EventCoding>s, and whose
// <Config> elements change settings for the records after them. Read by a tolerant scanner,
// not a validating XML parser: the files in use are not all well-formed.
#ifndef EVENTMILL_SRC_LEGACY_PETRARCH_RECORDS_H_
#define EVENTMILL_SRC_LEGACY_PETRARCH_RECORDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/status.h"
#include "src/legacy/tabari_dictionary.h"

namespace eventmill::legacy {

enum class PetrarchExpect {
  kEvents,  // one or more <EventCoding sourcecode=... targetcode=... eventcode=...>
  kNone,    // <EventCoding noevents="True">
  kError,   // <EventCoding error="...">: the coder should refuse the record
};

struct PetrarchRecord {
  std::string id, category;
  std::string text;  // entities decoded, white space as in the file
  std::optional<CivilDate> date;
  PetrarchExpect expect = PetrarchExpect::kNone;
  // "SRC/TGT/CODE"; a quoted source or target ("\"INJURY TOLL\"") is an actor the
  // dictionaries do not know, named by its words.
  std::vector<std::string> events;
  std::string error;  // kError: "storydiscard", "sentencediscard", "dateline", ...
  // <Config option value> elements met since the previous record, in order.
  std::vector<std::pair<std::string, std::string>> config;
};

struct PetrarchRecordFile {
  // The <Environment>'s dictionary file names, relative to a dictionaries folder.
  std::string verbs, actors, agents, discards;
  std::vector<PetrarchRecord> records;
};

PetrarchRecordFile ReadPetrarchRecords(std::string_view xml);

// The parts of PETRARCH's configuration file (PETR_config.ini) that say what is coded: the
// [Dictionaries] it names and the require_dyad option.
struct PetrarchConfig {
  std::string verbs, agents, discards;
  std::vector<std::string> actors;  // actorfile_list: comma-separated
  bool require_dyad = true;
};
PetrarchConfig ReadPetrarchConfig(std::string_view ini);

// Reads the named PETRARCH dictionaries (empty names are skipped) from folder `dir` into
// `into`. Fails with kNotFound or kIoError naming the file.
Status ReadPetrarchDictionaries(const std::string& dir, const PetrarchConfig& files, TabariDictionaries& into);

// Reads a PETRARCH configuration file and the dictionaries it names, looked for in the
// file's folder, then in the "dictionaries" folder beside it (PETRARCH's own data/config and
// data/dictionaries). The dictionaries' options are PetrarchCodingOptions() with the file's
// require_dyad.
Result<TabariDictionaries> LoadPetrarchDictionaries(const std::string& config_path);

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_PETRARCH_RECORDS_H_
