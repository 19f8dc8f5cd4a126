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

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_PETRARCH_RECORDS_H_
