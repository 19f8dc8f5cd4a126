#include "tools/cli/check_petrarch.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/legacy/petrarch_dictionary.h"
#include "src/legacy/petrarch_records.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_records.h"
#include "src/legacy/tabari_text.h"
#include "tools/cli/legacy_lead.h"

namespace eventmill::cli {

int CheckPetrarch(const std::string& records_path, const std::string& dictionaries_dir, bool verbose,
                  std::ostream& out) {
  std::string xml;
  if (Status s = legacy::ReadWholeFile(records_path, xml); !s.ok()) {
    std::cerr << "eventmill: " << s.ToString() << "\n";
    return 1;
  }
  legacy::PetrarchRecordFile file = legacy::ReadPetrarchRecords(AsciiOnly(xml));
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
    const CodedLead lead =
        CodeLead(*pipeline, coder, legacy::TrimSpace(record.text), record.id, records_path, record.date, settings);
    const std::vector<std::string>& coded = lead.events;
    const bool discarded = lead.outcome == legacy::SentenceOutcome::kDiscarded;
    std::vector<std::string> expected = record.events;
    std::sort(expected.begin(), expected.end());
    bool ok = false;
    std::string expected_text;
    switch (record.expect) {
      case legacy::PetrarchExpect::kEvents:
        ok = coded == expected;
        expected_text = JoinEvents(expected);
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
      std::string text_line(legacy::TrimSpace(record.text));
      std::replace(text_line.begin(), text_line.end(), '\n', ' ');
      out << (ok ? "pass " : "FAIL ") << record.id << "\n  text: " << text_line << "\n  expected: " << expected_text
          << "\n  coded:    " << JoinEvents(coded) << (discarded ? " (discarded)" : "") << "\n";
      for (const std::string& e : lead.read_as) out << "  read as:  " << e << "\n";
    }
  }
  for (const auto& [category, counts] : tally) {
    out << category << ": passed " << counts.first << " of " << counts.second << "\n";
  }
  out << "passed " << passed << " of " << scored << " records\n";
  return 0;
}

}  // namespace eventmill::cli
