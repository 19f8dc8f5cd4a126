// eventmill's data files: built into the binary, or replaced from a directory.
//
// Every data file is a UTF-8 text table whose first line names its format and version
// ("# eventmill-codebook<TAB>1"); loaders check it, so a file of one kind is never read as
// another and an old file is refused with a clear message rather than misread.
#ifndef EVENTMILL_SRC_DATA_DATA_FILES_H_
#define EVENTMILL_SRC_DATA_DATA_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::data {

// The contents of data file `name` ("codebook/cameo.tsv"): from `data_dir` when it is set
// and holds the file, else the built-in copy.
Result<std::string> Load(const std::string& data_dir, std::string_view name);

// Names of the built-in data files.
std::vector<std::string_view> BuiltInNames();

// A row of a data table with the line it came from, for error messages.
struct Row {
  size_t line = 0;
  std::vector<std::string_view> fields;
};

// Splits a data table into rows of tab-separated fields, skipping blank lines and `#`
// comments, after checking that the first line is `# <magic><TAB><version>`.
// `name` is used in error messages.
Result<std::vector<Row>> ParseTable(std::string_view text, std::string_view name, std::string_view magic, int version);

// Splits "a|b|c" into its non-empty parts.
std::vector<std::string_view> SplitAlternatives(std::string_view field);

}  // namespace eventmill::data

#endif  // EVENTMILL_SRC_DATA_DATA_FILES_H_
