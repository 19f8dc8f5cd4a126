#include "tools/train/conllu.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "tools/train/sha256.h"

namespace eventmill::train {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

Result<Treebank> ReadConllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Treebank bank;
  bank.sha256 = Sha256Hex(data);
  std::istringstream lines(data);
  std::string line;
  Sentence current;
  size_t number = 0;
  int mwt_end = 0;
  auto finish = [&]() {
    // A head outside the sentence is a broken tree: the sentence is left out.
    const int n = static_cast<int>(current.words.size());
    const bool heads_ok = std::all_of(current.words.begin(), current.words.end(),
                                      [&](const Word& w) { return w.head >= 0 && w.head <= n; });
    if (!current.words.empty() && heads_ok) bank.sentences.push_back(std::move(current));
    current = Sentence{};
    mwt_end = 0;
  };
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) current.id = line.substr(12);
      if (line.rfind("# text = ", 0) == 0) current.text = line.substr(9);
      if (line.rfind("# newpar", 0) == 0 || line.rfind("# newdoc", 0) == 0) current.new_paragraph = true;
      continue;
    }
    auto f = SplitTabs(line);
    if (f.size() != 10) return Status::CorruptData(path + ":" + std::to_string(number) + ": expected 10 columns");
    bool space_after = f[9].find("SpaceAfter=No") == std::string::npos;
    size_t dash = f[0].find('-');
    if (dash != std::string::npos) {
      SurfaceToken t;
      t.form = f[1];
      t.first_word = static_cast<int>(current.words.size());
      t.word_count = std::stoi(f[0].substr(dash + 1)) - std::stoi(f[0].substr(0, dash)) + 1;
      t.space_after = space_after;
      current.tokens.push_back(t);
      mwt_end = std::stoi(f[0].substr(dash + 1));
      continue;
    }
    if (f[0].find('.') != std::string::npos) continue;  // empty nodes of enhanced graphs
    Word w{f[1], f[2], f[3], f[4], f[5], f[7], 0};
    w.head = std::atoi(f[6].c_str());
    int id = std::stoi(f[0]);
    if (id > mwt_end) {
      SurfaceToken t;
      t.form = f[1];
      t.first_word = static_cast<int>(current.words.size());
      t.space_after = space_after;
      current.tokens.push_back(t);
    }
    current.words.push_back(std::move(w));
  }
  finish();
  return bank;
}

bool IsProjective(const Sentence& s) {
  // The parser's root sits after the last word, so head 0 counts as position n + 1.
  int n = static_cast<int>(s.words.size());
  auto head = [&](int d) { return s.words[d - 1].head == 0 ? n + 1 : s.words[d - 1].head; };
  for (int d = 1; d <= n; ++d) {
    int h = head(d);
    int lo = std::min(d, h), hi = std::max(d, h);
    for (int k = lo + 1; k < hi; ++k) {
      int hk = head(k);
      if (hk < lo || hk > hi) return false;
    }
  }
  return true;
}

std::vector<int> ProjectiveHeads(const Sentence& s) {
  // Positions 1..n, the root at n + 1 as in IsProjective.
  const int n = static_cast<int>(s.words.size());
  std::vector<int> head(static_cast<size_t>(n) + 2, 0);
  for (int d = 1; d <= n; ++d) head[d] = s.words[d - 1].head == 0 ? n + 1 : s.words[d - 1].head;
  auto dominates = [&](int h, int k) {
    for (int steps = 0; k != n + 1 && steps <= n; ++steps) {
      if (k == h) return true;
      k = head[k];
    }
    return h == n + 1;
  };
  for (int round = 0; round < n; ++round) {
    int lift = -1, shortest = n + 2;
    for (int d = 1; d <= n; ++d) {
      const int h = head[d], lo = std::min(d, h), hi = std::max(d, h);
      if (h == n + 1 || hi - lo >= shortest) continue;
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominates(h, k)) {
          lift = d, shortest = hi - lo;
          break;
        }
      }
    }
    if (lift < 0) break;
    head[lift] = head[head[lift]];
  }
  std::vector<int> heads(static_cast<size_t>(n));
  for (int d = 1; d <= n; ++d) heads[d - 1] = head[d] == n + 1 ? 0 : head[d];
  return heads;
}

}  // namespace eventmill::train
