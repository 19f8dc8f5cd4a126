#include "src/legacy/tabari_records.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/legacy/tabari_dictionary.h"
#include "src/legacy/tabari_text.h"

namespace eventmill::legacy {

namespace {

bool IsRecordHeader(std::string_view l) {
  return l.size() > 7 && std::all_of(l.begin(), l.begin() + 6, [](char c) { return c >= '0' && c <= '9'; }) &&
         (l[6] == ' ' || l[6] == '\t') && !TrimSpace(l.substr(7)).empty();
}

// One "{...}" block of a record's comment.
void AddBlock(std::string_view inside, TabariRecord& record) {
  inside = TrimSpace(inside);
  if (inside.empty()) return;
  if (inside.substr(0, 7) == "OPTION:") {
    record.options.emplace_back(TrimSpace(inside.substr(7)));
    if (record.expect == TabariExpect::kUnknown) record.expect = TabariExpect::kOption;
  } else if (inside == "---") {
    record.expect = TabariExpect::kNone;
  } else if (inside == "+++") {
    record.expect = TabariExpect::kComplex;
  } else if (inside == "###") {
    record.expect = TabariExpect::kDiscard;
  } else if (std::count(inside.begin(), inside.end(), '/') == 2) {
    record.expect = TabariExpect::kEvents;
    std::string event;
    for (char c : inside) {
      if (!std::isspace(static_cast<unsigned char>(c))) event += c;
    }
    record.events.push_back(std::move(event));
  }
}

}  // namespace

std::vector<TabariRecord> ReadTabariRecords(std::string_view text) {
  std::vector<TabariRecord> records;
  bool in_record = false, in_comment = false;
  for (std::string_view l : SplitLines(text)) {
    if (!in_comment && IsRecordHeader(l)) {
      records.emplace_back();
      records.back().id = std::string(TrimSpace(l.substr(7)));
      records.back().date = ParseTabariDate(l.substr(0, 6));
      in_record = true;
      continue;
    }
    if (!in_record) continue;
    TabariRecord& record = records.back();
    if (!in_comment) {
      size_t open = l.find("/*");
      record.text += std::string(l.substr(0, open)) + "\n";
      if (open == std::string_view::npos) continue;
      in_comment = true;
      l.remove_prefix(open + 2);
    }
    size_t close = l.find("*/");
    std::string_view comment = l.substr(0, close);
    for (size_t b = comment.find('{'); b != std::string_view::npos; b = comment.find('{', b + 1)) {
      size_t e = comment.find('}', b);
      // An unclosed block ("{ OPTION: SET: MINIMUM WORDS = 4  */") runs to the comment's end.
      AddBlock(comment.substr(b + 1, e == std::string_view::npos ? std::string_view::npos : e - b - 1), record);
      if (e == std::string_view::npos) break;
    }
    if (close != std::string_view::npos) in_comment = in_record = false;
  }
  return records;
}

TabariProject ReadTabariProject(std::string_view text) {
  TabariProject project;
  for (std::string_view l : SplitLines(text)) {
    l = TrimSpace(l);
    if (l.size() < 3 || l[0] != '<') continue;
    size_t close = l.find('>');
    if (close == std::string_view::npos) continue;
    std::string_view tag = l.substr(1, close - 1);
    std::string value(TrimSpace(l.substr(close + 1)));
    if (value.empty()) continue;
    // TABARI reads the first letters only: <actorfile> and <actorsfile> alike.
    if (tag.substr(0, 5) == "actor") project.actors.push_back(value);
    if (tag.substr(0, 5) == "agent") project.agents.push_back(value);
    if (tag.substr(0, 4) == "verb") project.verbs.push_back(value);
    if (tag == "optionsfile") project.options = value;
    if (tag == "textfile") project.text = value;
  }
  return project;
}

namespace {}  // namespace

Status ReadWholeFile(const std::filesystem::path& path, std::string& out) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return Status::NotFound(path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) return Status::IoError(path.string() + ": cannot read");
  out = buffer.str();
  return Status::Ok();
}

Result<std::string> ReadProjectFile(const std::string& project_path, const std::string& name) {
  std::string bytes;
  const std::filesystem::path path = std::filesystem::path(project_path).parent_path() / name;
  if (Status s = ReadWholeFile(path, bytes); !s.ok()) {
    return Status(s.code(), s.message() + " (named by " + project_path + ")");
  }
  return bytes;
}

Result<TabariDictionaries> LoadTabariDictionaries(const std::string& project_path, TabariProject* project) {
  std::string text;
  if (Status s = ReadWholeFile(project_path, text); !s.ok()) return s;
  TabariProject files = ReadTabariProject(text);
  if (files.actors.empty() && files.verbs.empty()) {
    return Status::InvalidArgument(project_path + ": names no <actorsfile> or <verbsfile>: not a TABARI project");
  }
  TabariDictionaries dictionaries;
  for (const auto& [kind, names] :
       {std::pair{"actors", &files.actors}, std::pair{"agents", &files.agents}, std::pair{"verbs", &files.verbs}}) {
    for (const std::string& name : *names) {
      auto bytes = ReadProjectFile(project_path, name);
      if (!bytes.ok()) return bytes.status();
      if (Status s = ReadTabariFile(*bytes, kind, dictionaries); !s.ok()) return s;
    }
  }
  if (!files.options.empty()) {
    auto bytes = ReadProjectFile(project_path, files.options);
    if (!bytes.ok()) return bytes.status();
    dictionaries.options = ReadTabariOptions(*bytes);
  }
  if (project) *project = std::move(files);
  return dictionaries;
}

}  // namespace eventmill::legacy
