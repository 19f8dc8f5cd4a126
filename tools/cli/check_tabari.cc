#include "tools/cli/check_tabari.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_records.h"
#include "src/legacy/tabari_text.h"
#include "tools/cli/legacy_lead.h"

namespace eventmill::cli {

namespace {

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

struct StoryPosition {
  bool valid = false;
  std::string story;
};

// The story a record ID belongs to under a FORWARD mask aligned with the ID's end: the
// characters under its "N"s ("^^*****NNN*SSS" and FRWD-001-002: story 001).
StoryPosition StoryOf(std::string_view id, std::string_view mask) {
  StoryPosition p;
  if (mask.empty() || id.empty()) return p;
  for (size_t k = 0; k < mask.size(); ++k) {
    const size_t from_end = mask.size() - k;
    if (from_end > id.size()) continue;
    const char c = id[id.size() - from_end];
    if (mask[k] == 'N') p.story += c;
  }
  p.valid = !p.story.empty();
  return p;
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
  StoryPosition story;
  struct {
    std::string actor, original;  // what the next sentence of the story gets; the story's first source
  } forwarding;
  size_t passed = 0, scored = 0, options = 0;
  for (const legacy::TabariRecord& record : legacy::ReadTabariRecords(AsciiOnly(text))) {
    if (record.id.substr(0, 5) == "FINAL") break;
    if (record.expect == legacy::TabariExpect::kOption) ++options;
    for (const std::string& command : record.options) legacy::ApplyTabariOption(command, settings);
    if (record.expect == legacy::TabariExpect::kOption || record.expect == legacy::TabariExpect::kUnknown) continue;
    // FORWARD: a later sentence of the same story gets the actor of the sentence before it,
    // or, when that one was itself forwarded, the story's first (TABARI's manual).
    const StoryPosition position = StoryOf(record.id, settings.forward_mask);
    const bool continues = position.valid && story.valid && position.story == story.story;
    if (!continues) forwarding = {};
    story = position;
    const CodedLead lead = CodeLead(*pipeline, coder, legacy::TrimSpace(record.text), record.id, project_path,
                                    record.date, settings, continues ? &forwarding.actor : nullptr);
    if (lead.first_source) {
      if (!continues) forwarding.original = lead.first_source->actor_code;
      forwarding.actor = lead.first_source->pronoun ? forwarding.original : lead.first_source->actor_code;
    }
    const std::vector<std::string>& coded = lead.events;
    std::vector<std::string> expected = record.events;
    std::sort(expected.begin(), expected.end());
    bool ok = record.expect == legacy::TabariExpect::kEvents ? coded == expected : coded.empty();
    ++scored;
    passed += ok;
    auto& [kind_passed, kind_records] = tally[record.expect];
    kind_passed += ok;
    ++kind_records;
    if (!ok || verbose) {
      std::string expected_text = record.expect == legacy::TabariExpect::kEvents
                                      ? JoinEvents(expected)
                                      : std::string(ExpectName(record.expect));
      std::string text_line(legacy::TrimSpace(record.text));
      std::replace(text_line.begin(), text_line.end(), '\n', ' ');
      out << (ok ? "pass " : "FAIL ") << record.id << "\n  text: " << text_line << "\n  expected: " << expected_text
          << "\n  coded:    " << JoinEvents(coded)
          << (lead.outcome == legacy::SentenceOutcome::kDiscarded ? " (discarded)"
              : lead.outcome == legacy::SentenceOutcome::kComplex ? " (complex)"
                                                                  : "")
          << "\n";
      for (const std::string& e : lead.read_as) out << "  read as:  " << e << "\n";
      for (const std::string& r : lead.rules) out << "  rule:     " << r << "\n";
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
