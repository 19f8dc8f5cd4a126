#include "src/data/data_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace eventmill::data {

struct EmbeddedFile {
  const char* name;
  const char* bytes;
  size_t size;
};
// Defined in the embedded_data.cc that the build generates from data/.
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

Result<std::string> Load(const std::string& data_dir, std::string_view name) {
  if (!data_dir.empty()) {
    std::filesystem::path path = std::filesystem::path(data_dir) / std::string(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream contents;
      contents << in.rdbuf();
      if (!in.good() && !in.eof()) return Status::IoError("cannot read " + path.string());
      return contents.str();
    }
  }
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (name == kEmbeddedFiles[i].name) {
      return std::string(kEmbeddedFiles[i].bytes, kEmbeddedFiles[i].size);
    }
  }
  return Status::NotFound("no data file " + std::string(name));
}

std::vector<std::string_view> BuiltInNames() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) names.emplace_back(kEmbeddedFiles[i].name);
  return names;
}

Result<std::vector<Row>> ParseTable(std::string_view text, std::string_view name, std::string_view magic, int version) {
  std::vector<Row> rows;
  size_t line_number = 0;
  size_t pos = 0;
  bool header_seen = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!header_seen) {
      std::string expected = "# " + std::string(magic) + "\t" + std::to_string(version);
      if (line != expected) {
        return Status::CorruptData(std::string(name) + ": first line must be '" + expected + "'");
      }
      header_seen = true;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    Row row;
    row.line = line_number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  if (!header_seen) return Status::CorruptData(std::string(name) + ": empty data file");
  return rows;
}

std::vector<std::string_view> SplitAlternatives(std::string_view field) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string_view::npos) bar = field.size();
    if (bar > start) parts.push_back(field.substr(start, bar - start));
    start = bar + 1;
  }
  return parts;
}

}  // namespace eventmill::data
