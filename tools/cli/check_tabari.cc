#include "tools/cli/check_tabari.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_records.h"
#include "src/legacy/tabari_text.h"

namespace eventmill::cli {

namespace {

// TABARI text is Latin-1 or worse in places; the pipeline takes UTF-8 only. Bytes that
// are not ASCII become spaces: the validation records are English.
std::string AsciiOnly(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c < 0x20 && c != '\n' && c != '\t')) c = ' ';
  }
  return out;
}

std::string_view ExpectName(legacy::TabariExpect e) {
  switch (e) {
    case legacy::TabariExpect::kEvents:
      return "events";
    case legacy::TabariExpect::kNone:
      return "no event {---}";
    case legacy::TabariExpect::kComplex:
      return "complex {+++}";
    case legacy::TabariExpect::kDiscard:
      return "discard {###}";
    default:
      return "other";
  }
}

}  // namespace

int CheckTabari(const std::string& project_path, bool verbose, std::ostream& out) {
  legacy::TabariProject files;
  auto loaded = legacy::LoadTabariDictionaries(project_path, &files);
  if (!loaded.ok()) {
    std::cerr << "eventmill: " << loaded.status().ToString() << "\n";
    return 1;
  }
  legacy::TabariDictionaries dictionaries = std::move(loaded).value();
  if (files.text.empty()) {
    std::cerr << "eventmill: " << project_path << ": names no <textfile>\n";
    return 1;
  }
  auto read = legacy::ReadProjectFile(project_path, files.text);
  if (!read.ok()) {
    std::cerr << "eventmill: " << read.status().ToString() << "\n";
    return 1;
  }
  const std::string& text = *read;
  out << "dictionaries: " << dictionaries.actors.size() << " actors, " << dictionaries.agents.size() << " agents, "
      << dictionaries.verbs.size() << " verbs, " << dictionaries.synsets.size() << " synsets ("
      << dictionaries.skipped_lines << " lines not read)\n";
  legacy::TabariCoder coder(std::move(dictionaries));
  // The project's .options file, changed along the way by the records' OPTION commands.
  legacy::TabariOptions settings = coder.dictionaries().options;
  auto pipeline = Pipeline::Create(PipelineOptions{});
  if (!pipeline.ok()) {
    std::cerr << "eventmill: cannot load data: " << pipeline.status().ToString() << "\n";
    return 3;
  }

  std::map<legacy::TabariExpect, std::pair<size_t, size_t>> tally;  // kind -> passed, records
  size_t passed = 0, scored = 0, options = 0;
  for (const legacy::TabariRecord& record : legacy::ReadTabariRecords(AsciiOnly(text))) {
    if (record.id.substr(0, 5) == "FINAL") break;
    if (record.expect == legacy::TabariExpect::kOption) ++options;
    for (const std::string& command : record.options) legacy::ApplyTabariOption(command, settings);
    if (record.expect == legacy::TabariExpect::kOption || record.expect == legacy::TabariExpect::kUnknown) continue;
    std::vector<std::string> coded, explained, rules;
    legacy::SentenceOutcome outcome = legacy::SentenceOutcome::kNoEvent;
    // A record is one story lead, wrapped over several lines: one paragraph.
    std::string paragraph = record.text;
    std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
    auto doc = DocumentFromText(paragraph, record.id, project_path);
    if (doc.ok()) {
      doc->meta.date = record.date;
      if (pipeline->Process(*doc).ok()) {
        for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
          legacy::LegacySentence result = coder.CodeSentence(*doc, s, record.date, settings);
          explained.push_back(coder.Explain(*doc, s, record.date, settings));
          if (result.outcome == legacy::SentenceOutcome::kDiscarded ||
              result.outcome == legacy::SentenceOutcome::kComplex) {
            outcome = result.outcome;
          }
          for (const legacy::LegacyEvent& e : result.events) {
            coded.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
            rules.push_back(coded.back() + " from .verbs line " + std::to_string(e.rule_line));
          }
        }
      }
    }
    std::vector<std::string> expected = record.events;
    std::sort(expected.begin(), expected.end());
    std::sort(coded.begin(), coded.end());
    bool ok = record.expect == legacy::TabariExpect::kEvents ? coded == expected : coded.empty();
    ++scored;
    passed += ok;
    auto& [kind_passed, kind_records] = tally[record.expect];
    kind_passed += ok;
    ++kind_records;
    if (!ok || verbose) {
      auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const std::string& e : v) s += (s.empty() ? "" : " ") + e;
        return s.empty() ? std::string("(none)") : s;
      };
      std::string expected_text =
          record.expect == legacy::TabariExpect::kEvents ? join(expected) : std::string(ExpectName(record.expect));
      std::string text_line(legacy::TrimSpace(record.text));
      std::replace(text_line.begin(), text_line.end(), '\n', ' ');
      out << (ok ? "pass " : "FAIL ") << record.id << "\n  text: " << text_line << "\n  expected: " << expected_text
          << "\n  coded:    " << join(coded)
          << (outcome == legacy::SentenceOutcome::kDiscarded ? " (discarded)"
              : outcome == legacy::SentenceOutcome::kComplex ? " (complex)"
                                                             : "")
          << "\n";
      for (const std::string& e : explained) out << "  read as:  " << e << "\n";
      for (const std::string& r : rules) out << "  rule:     " << r << "\n";
    }
  }
  for (const auto& [kind, counts] : tally) {
    out << ExpectName(kind) << ": passed " << counts.first << " of " << counts.second << "\n";
  }
  out << "(" << options << " records that set TABARI options are not counted)\n";
  out << "passed " << passed << " of " << scored << " records\n";
  return 0;
}

}  // namespace eventmill::cli
