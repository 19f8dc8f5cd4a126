#include "tools/cli/check_cameo.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "eventmill/eventmill.h"
#include "tools/common/csv.h"

namespace eventmill::cli {

int CheckCameo(const std::string& path, const PipelineOptions& options, bool verbose, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "eventmill: " << path << ": cannot open\n";
    return 1;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto rows = tools::ParseCsv(data);
  if (rows.empty()) {
    std::cerr << "eventmill: " << path << ": empty\n";
    return 1;
  }
  const auto& header = rows[0];
  auto column = [&](std::string_view name) {
    for (size_t i = 0; i < header.size(); ++i) {
      std::string h = header[i];
      std::erase(h, '\xEF');
      std::erase(h, '\xBB');
      std::erase(h, '\xBF');
      if (h == name) return static_cast<long>(i);
    }
    return -1L;
  };
  const long code_column = column("code"), example_column = column("example");
  if (code_column < 0 || example_column < 0) {
    std::cerr << "eventmill: " << path << ": needs columns 'code' and 'example'\n";
    return 1;
  }
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "eventmill: cannot load data: " << pipeline.status().ToString() << "\n";
    return 3;
  }
  struct Tally {
    size_t records = 0, coded = 0, exact = 0, root = 0;
  };
  Tally total;
  std::map<std::string, Tally> by_root;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() <= static_cast<size_t>(std::max(code_column, example_column))) continue;
    const std::string& gold = row[static_cast<size_t>(code_column)];
    std::string example = row[static_cast<size_t>(example_column)];
    if (gold.size() < 3 || example.empty() || example == "NULL") continue;
    auto doc = DocumentFromText(example, gold, path);
    if (!doc.ok() || !pipeline->Process(*doc).ok()) continue;
    // The event with the gold code, else one with the gold root, else the first.
    const Event* best = nullptr;
    auto rank = [&](const Event& e) { return e.cameo == gold ? 2 : e.cameo.substr(0, 2) == gold.substr(0, 2) ? 1 : 0; };
    for (const Event& e : doc->events) {
      if (!best || rank(e) > rank(*best)) best = &e;
    }
    for (Tally* t : {&total, &by_root[gold.substr(0, 2)]}) {
      ++t->records;
      t->coded += best != nullptr;
      t->exact += best && best->cameo == gold;
      t->root += best && best->cameo.substr(0, 2) == gold.substr(0, 2);
    }
    if (verbose && !(best && best->cameo == gold)) {
      out << gold << "\t" << (best ? best->cameo : "-") << "\t" << example << "\n";
    }
  }
  auto pct = [](size_t n, size_t d) {
    std::ostringstream s;
    s.precision(3);
    s << (d ? static_cast<double>(n) / static_cast<double>(d) : 0.0);
    return s.str();
  };
  out << "root\trecords\tcoded\tcode\troot\n";
  for (const auto& [root, t] : by_root) {
    out << root << "\t" << t.records << "\t" << t.coded << "\t" << pct(t.exact, t.records) << "\t"
        << pct(t.root, t.records) << "\n";
  }
  out << "all\t" << total.records << "\t" << total.coded << "\t" << pct(total.exact, total.records) << "\t"
      << pct(total.root, total.records) << "\n";
  out << "on coded records: code " << pct(total.exact, total.coded) << ", root " << pct(total.root, total.coded)
      << "\n";
  out << "passed " << total.exact << " of " << total.records << " records\n";
  return 0;
}

}  // namespace eventmill::cli
