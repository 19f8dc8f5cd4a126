// Runs the behaviour cases in tests/behaviour/cases/*.test: short articles and the events
// eventmill must code from them, no more and no fewer. The file format is described in
// docs/TESTING.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eventmill/pipeline.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string file;
  size_t line = 0;
  std::string name;
  std::optional<CivilDate> date;
  std::string text;
  std::vector<std::string> expected;  // "SOURCE CODE TARGET", sorted
  // Set when the expectations carry dates: "SOURCE CODE TARGET @DATE PRECISION ORIGIN"
  // ("@2021-03-31 day text", "@none none none").
  bool dated = false;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(EVENTMILL_BEHAVIOUR_DIR)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path);
    std::string line;
    size_t number = 0;
    enum { kOutside, kText, kExpect } state = kOutside;
    Case current;
    while (std::getline(in, line)) {
      ++number;
      if (state != kText && (line.empty() || line[0] == '#')) continue;
      if (state == kOutside) {
        if (line.rfind("case: ", 0) != 0) {
          ADD_FAILURE() << path << ":" << number << ": expected 'case: NAME'";
          continue;
        }
        current = Case{path.filename().string(), number, line.substr(6), std::nullopt, "", {}};
        state = kText;
      } else if (state == kText) {
        if (line.rfind("date: ", 0) == 0 && current.text.empty()) {
          current.date = CivilDate::Parse(line.substr(6));
          if (!current.date) ADD_FAILURE() << path << ":" << number << ": bad date";
        } else if (line == "expect:" || line == "expect: none") {
          state = kExpect;
        } else {
          current.text += line + "\n";
        }
      } else if (line == "end") {
        std::sort(current.expected.begin(), current.expected.end());
        cases.push_back(current);
        state = kOutside;
      } else {
        if (line.find(" @") != std::string::npos) current.dated = true;
        current.expected.push_back(line);
      }
    }
    if (state != kOutside) ADD_FAILURE() << path << ": case '" << current.name << "' has no 'end'";
  }
  return cases;
}

TEST(BehaviourTest, EveryCaseCodesExactlyItsEvents) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 30u) << "behaviour cases missing";
  size_t passed = 0;
  for (const Case& c : cases) {
    Document doc;
    doc.meta.id = c.name;
    doc.meta.date = c.date;
    doc.text = c.text;
    ASSERT_TRUE(pipeline->Process(doc).ok());
    std::vector<std::string> coded;
    for (const Event& e : doc.events) {
      // An actor with no code is written by its name in quotes: "Andean Liberation Front".
      auto actor = [&](const std::optional<uint32_t>& m) -> std::string {
        if (!m) return "-";
        const Actor& a = doc.mentions[*m].actor;
        return a.code.empty() ? "\"" + a.name + "\"" : a.code;
      };
      std::string source = actor(e.source);
      std::string target = actor(e.target);
      std::string line = source + " " + e.cameo + " " + target;
      if (c.dated) {
        line += " @" + (e.date ? e.date->ToIso() : std::string("none")) + " " +
                std::string(ToString(e.date_precision)) + " " + std::string(ToString(e.date_origin));
      }
      coded.push_back(line);
    }
    std::sort(coded.begin(), coded.end());
    if (coded == c.expected) {
      ++passed;
      continue;
    }
    std::ostringstream message;
    message << c.file << ":" << c.line << " " << c.name << "\n  text: " << c.text << "  expected:";
    for (const auto& e : c.expected) message << " [" << e << "]";
    message << "\n  coded:   ";
    for (const auto& e : coded) message << " [" << e << "]";
    ADD_FAILURE() << message.str();
  }
  std::cout << "behaviour cases: " << passed << " of " << cases.size() << " passed\n";
}

}  // namespace
}  // namespace eventmill
