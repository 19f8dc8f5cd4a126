// Reading RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), for the
// tools that read third-party tables: the benchmark's corpus, the codebook checks.
#ifndef EVENTMILL_TOOLS_COMMON_CSV_H_
#define EVENTMILL_TOOLS_COMMON_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace eventmill::tools {

// All rows of `data`, the header included.
inline std::vector<std::vector<std::string>> ParseCsv(std::string_view data) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    if (quoted) {
      if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace eventmill::tools

#endif  // EVENTMILL_TOOLS_COMMON_CSV_H_
