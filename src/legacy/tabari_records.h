// TABARI's text and project files: the validation records (a "YYMMDD ID" line, the
// story's lead, and a "/* ... */" comment whose "{...}" blocks say what should be coded)
// and the project file that names a coding run's dictionaries and text.
#ifndef EVENTMILL_SRC_LEGACY_TABARI_RECORDS_H_
#define EVENTMILL_SRC_LEGACY_TABARI_RECORDS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/status.h"
#include "src/legacy/tabari_dictionary.h"

namespace eventmill::legacy {

enum class TabariExpect {
  kUnknown,  // no "{...}" block
  kEvents,   // "{ SRC / TGT / CODE }" blocks
  kNone,     // "{---}": nothing is coded
  kComplex,  // "{+++}": too complex to code
  kDiscard,  // "{###}": a discard phrase
  kOption,   // "{ OPTION: ... }" only: the record changes TABARI's settings
};

struct TabariRecord {
  std::string id;    // "DEMO-01"
  std::string text;  // the lead, its line breaks kept
  std::optional<CivilDate> date;
  TabariExpect expect = TabariExpect::kUnknown;
  std::vector<std::string> events;   // "SRC/TGT/CODE", spaces removed
  std::vector<std::string> options;  // "SET: CODE BY SENTENCE"
};

std::vector<TabariRecord> ReadTabariRecords(std::string_view text);

// The files a TABARI project names, relative to the project file's folder.
struct TabariProject {
  std::vector<std::string> actors, agents, verbs;
  std::string options, text;
};
TabariProject ReadTabariProject(std::string_view text);

// The bytes of a file. Fails with kNotFound or kIoError naming it.
Status ReadWholeFile(const std::filesystem::path& path, std::string& out);

// A file a project names (`name` relative to the project file's folder). Fails with
// kNotFound or kIoError naming the file and the project.
Result<std::string> ReadProjectFile(const std::string& project_path, const std::string& name);

// Reads a project file and the .actors, .agents and .verbs files it names. Fails with
// kNotFound or kIoError naming the file that cannot be read; `project` receives the names.
Result<TabariDictionaries> LoadTabariDictionaries(const std::string& project_path, TabariProject* project = nullptr);

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_TABARI_RECORDS_H_
