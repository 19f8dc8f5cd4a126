#include "src/legacy/petrarch_records.h"

#include <cctype>
#include <filesystem>

#include "src/legacy/petrarch_dictionary.h"
#include "src/legacy/tabari_dictionary.h"
#include "src/legacy/tabari_records.h"
#include "src/legacy/tabari_text.h"

namespace eventmill::legacy {

namespace {

std::string DecodeEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [name, c] : kEntities) {
        if (s.substr(i, name.size()) == name) {
          out += c;
          i += name.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The value of attribute `name` in a start tag's text: name="v", name = "v" or name='v'.
std::optional<std::string> Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool starts_word = pos == 0 || !std::isalnum(static_cast<unsigned char>(tag[pos - 1]));
    size_t i = pos + name.size();
    pos = i;
    if (!starts_word) continue;
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    const char quote = tag[i];
    size_t end = tag.find(quote, i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return DecodeEntities(tag.substr(i + 1, end - i - 1));
  }
  return std::nullopt;
}

// The text between <name> and </name> inside `s`, or empty.
std::string_view XmlElement(std::string_view s, std::string_view name) {
  std::string open("<"), close("</");
  open.append(name).push_back('>');
  close.append(name).push_back('>');
  size_t begin = s.find(open);
  if (begin == std::string_view::npos) return {};
  begin += open.size();
  size_t end = s.find(close, begin);
  if (end == std::string_view::npos) return {};
  return TrimSpace(s.substr(begin, end - begin));
}

}  // namespace

PetrarchRecordFile ReadPetrarchRecords(std::string_view xml) {
  const std::string text = BlankXmlComments(xml);
  const std::string_view all = text;
  PetrarchRecordFile file;
  std::string_view environment = XmlElement(all, "Environment");
  file.verbs = XmlElement(environment, "Verbfile");
  file.actors = XmlElement(environment, "Actorfile");
  file.agents = XmlElement(environment, "Agentfile");
  file.discards = XmlElement(environment, "Discardfile");

  std::vector<std::pair<std::string, std::string>> config;
  size_t pos = environment.empty() ? 0 : all.find("</Environment>");
  if (pos == std::string_view::npos) pos = 0;
  while (true) {
    size_t sentence = all.find("<Sentence ", pos), setting = all.find("<Config ", pos);
    if (setting < sentence) {
      size_t end = all.find('>', setting);
      if (end == std::string_view::npos) break;
      std::string_view tag = all.substr(setting, end - setting);
      auto option = Attribute(tag, "option");
      auto value = Attribute(tag, "value");
      if (option && value) config.emplace_back(*option, *value);
      pos = end;
      continue;
    }
    if (sentence == std::string_view::npos) break;
    size_t tag_end = all.find('>', sentence);
    size_t end = all.find("</Sentence>", sentence);
    if (tag_end == std::string_view::npos || end == std::string_view::npos) break;
    std::string_view tag = all.substr(sentence, tag_end - sentence);
    std::string_view body = all.substr(tag_end + 1, end - tag_end - 1);
    pos = end;
    PetrarchRecord record;
    record.id = Attribute(tag, "id").value_or("");
    record.category = Attribute(tag, "category").value_or("");
    if (auto date = Attribute(tag, "date")) record.date = ParseTabariDate(*date);
    record.text = DecodeEntities(XmlElement(body, "Text"));
    record.config = std::move(config);
    config.clear();
    size_t coding = 0;
    while ((coding = body.find("<EventCoding", coding)) != std::string_view::npos) {
      size_t close = body.find('>', coding);
      if (close == std::string_view::npos) break;
      std::string_view coding_tag = body.substr(coding, close - coding);
      coding = close;
      if (auto error = Attribute(coding_tag, "error")) {
        record.expect = PetrarchExpect::kError;
        record.error = *error;
      } else if (Attribute(coding_tag, "noevents")) {
        record.expect = PetrarchExpect::kNone;
      } else if (auto code = Attribute(coding_tag, "eventcode")) {
        record.expect = PetrarchExpect::kEvents;
        record.events.push_back(Attribute(coding_tag, "sourcecode").value_or("---") + "/" +
                                Attribute(coding_tag, "targetcode").value_or("---") + "/" + *code);
      }
    }
    file.records.push_back(std::move(record));
  }
  return file;
}

namespace {

bool IsFalse(std::string_view v) {
  std::string lower;
  for (char c : TrimSpace(v)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "false" || lower == "0" || lower == "no";
}

}  // namespace

PetrarchConfig ReadPetrarchConfig(std::string_view ini) {
  PetrarchConfig config;
  for (std::string_view line : SplitLines(ini)) {
    line = TrimSpace(line);
    if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = TrimSpace(line.substr(0, equals));
    const std::string_view value = TrimSpace(line.substr(equals + 1));
    if (key == "verbfile_name") {
      config.verbs = value;
    } else if (key == "agentfile_name") {
      config.agents = value;
    } else if (key == "discardfile_name") {
      config.discards = value;
    } else if (key == "actorfile_list") {
      std::string_view rest = value;
      while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view name = TrimSpace(rest.substr(0, comma));
        if (!name.empty()) config.actors.emplace_back(name);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    } else if (key == "require_dyad") {
      config.require_dyad = !IsFalse(value);
    }
  }
  return config;
}

Status ReadPetrarchDictionaries(const std::string& dir, const PetrarchConfig& files, TabariDictionaries& into) {
  std::vector<std::pair<std::string, PetrarchFileKind>> named{{files.verbs, PetrarchFileKind::kVerbs},
                                                              {files.agents, PetrarchFileKind::kAgents},
                                                              {files.discards, PetrarchFileKind::kDiscards}};
  for (const std::string& actors : files.actors) named.emplace_back(actors, PetrarchFileKind::kActors);
  for (const auto& [name, kind] : named) {
    if (name.empty()) continue;
    std::string bytes;
    if (Status s = ReadWholeFile(std::filesystem::path(dir) / name, bytes); !s.ok()) return s;
    if (Status s = ReadPetrarchFile(bytes, kind, into); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<TabariDictionaries> LoadPetrarchDictionaries(const std::string& config_path) {
  std::string ini;
  if (Status s = ReadWholeFile(config_path, ini); !s.ok()) return s;
  const PetrarchConfig config = ReadPetrarchConfig(ini);
  if (config.verbs.empty() && config.actors.empty()) {
    return Status::InvalidArgument(config_path +
                                   ": names no verbfile_name or actorfile_list: not a PETRARCH configuration file");
  }
  const std::filesystem::path folder = std::filesystem::path(config_path).parent_path();
  std::filesystem::path dir = folder;
  const std::string probe = config.verbs.empty() ? config.actors.front() : config.verbs;
  if (!std::filesystem::exists(dir / probe) && std::filesystem::exists(folder / ".." / "dictionaries" / probe)) {
    dir = folder / ".." / "dictionaries";
  }
  TabariDictionaries dictionaries;
  if (Status s = ReadPetrarchDictionaries(dir.string(), config, dictionaries); !s.ok()) {
    return Status(s.code(), s.message() + " (named by " + config_path + ")");
  }
  dictionaries.options = PetrarchCodingOptions();
  dictionaries.options.require_dyad = config.require_dyad;
  return dictionaries;
}

}  // namespace eventmill::legacy
