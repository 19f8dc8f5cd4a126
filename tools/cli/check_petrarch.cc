#include "tools/cli/check_petrarch.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/legacy/petrarch_dictionary.h"
#include "src/legacy/petrarch_records.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_text.h"

namespace eventmill::cli {

namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return buffer.str();
}

// Bytes that are not ASCII become spaces: the records are English, the dictionaries carry
// stray bytes, and the pipeline takes UTF-8 only.
std::string AsciiOnly(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c < 0x20 && c != '\n' && c != '\t')) c = ' ';
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& e : v) s += (s.empty() ? "" : " ") + e;
  return s.empty() ? std::string("(none)") : s;
}

}  // namespace

int CheckPetrarch(const std::string& records_path, const std::string& dictionaries_dir, bool verbose,
                  std::ostream& out) {
  auto xml = ReadWhole(records_path);
  if (!xml.ok()) {
    std::cerr << "eventmill: " << xml.status().ToString() << "\n";
    return 1;
  }
  legacy::PetrarchRecordFile file = legacy::ReadPetrarchRecords(AsciiOnly(*xml));
  legacy::TabariDictionaries dictionaries;
  legacy::PetrarchConfig files;
  files.verbs = file.verbs;
  files.agents = file.agents;
  files.discards = file.discards;
  if (!file.actors.empty()) files.actors.push_back(file.actors);
  if (Status s = legacy::ReadPetrarchDictionaries(dictionaries_dir, files, dictionaries); !s.ok()) {
    std::cerr << "eventmill: " << s.ToString() << " (named by " << records_path << ")\n";
    return 1;
  }
  out << "dictionaries: " << dictionaries.actors.size() << " actors, " << dictionaries.agents.size() << " agents, "
      << dictionaries.verbs.size() << " verb spellings, " << dictionaries.synsets.size() << " synsets, "
      << dictionaries.markers.size() << " discards (" << dictionaries.skipped_lines << " lines not read)\n";
  legacy::TabariOptions settings = legacy::PetrarchCodingOptions();
  legacy::TabariCoder coder(std::move(dictionaries));
  auto pipeline = Pipeline::Create(PipelineOptions{});
  if (!pipeline.ok()) {
    std::cerr << "eventmill: cannot load data: " << pipeline.status().ToString() << "\n";
    return 3;
  }

  std::map<std::string, std::pair<size_t, size_t>> tally;  // category -> passed, records
  size_t passed = 0, scored = 0;
  for (const legacy::PetrarchRecord& record : file.records) {
    if (record.id.starts_with("FINAL")) break;
    for (const auto& [option, value] : record.config) {
      if (option == "require_dyad") settings.require_dyad = value != "false" && value != "False" && value != "FALSE";
    }
    std::vector<std::string> coded, explained;
    bool discarded = false;
    std::string paragraph = record.text;
    std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
    auto doc = DocumentFromText(paragraph, record.id, records_path);
    if (doc.ok()) {
      doc->meta.date = record.date;
      if (pipeline->Process(*doc).ok()) {
        for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
          legacy::LegacySentence result = coder.CodeSentence(*doc, s, record.date, settings);
          explained.push_back(coder.Explain(*doc, s, record.date, settings));
          discarded |= result.outcome == legacy::SentenceOutcome::kDiscarded;
          for (const legacy::LegacyEvent& e : result.events) {
            coded.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
          }
        }
      }
    }
    std::vector<std::string> expected = record.events;
    std::sort(expected.begin(), expected.end());
    std::sort(coded.begin(), coded.end());
    bool ok = false;
    std::string expected_text;
    switch (record.expect) {
      case legacy::PetrarchExpect::kEvents:
        ok = coded == expected;
        expected_text = Join(expected);
        break;
      case legacy::PetrarchExpect::kNone:
        ok = coded.empty();
        expected_text = "no events";
        break;
      case legacy::PetrarchExpect::kError:
        ok = coded.empty() && (discarded || record.error.find("discard") == std::string::npos);
        expected_text = "error " + record.error;
        break;
    }
    ++scored;
    passed += ok;
    auto& [category_passed, category_records] = tally[record.category];
    category_passed += ok;
    ++category_records;
    if (!ok || verbose) {
      std::string text_line(legacy::TrimSpace(paragraph));
      out << (ok ? "pass " : "FAIL ") << record.id << "\n  text: " << text_line << "\n  expected: " << expected_text
          << "\n  coded:    " << Join(coded) << (discarded ? " (discarded)" : "") << "\n";
      for (const std::string& e : explained) out << "  read as:  " << e << "\n";
    }
  }
  for (const auto& [category, counts] : tally) {
    out << category << ": passed " << counts.first << " of " << counts.second << "\n";
  }
  out << "passed " << passed << " of " << scored << " records\n";
  return 0;
}

}  // namespace eventmill::cli
