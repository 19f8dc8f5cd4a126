#include "tools/train/train_clusters.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <unordered_map>

#include "src/segment/tokenizer.h"
#include "tools/common/csv.h"
#include "tools/train/conllu.h"
#include "tools/train/sha256.h"

namespace eventmill::train {

namespace {

std::string AsciiLower(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Each line of `text` as a token sequence.
void AddRunningText(std::string_view text, Corpus& corpus) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::vector<Token> tokens;
    segment::Tokenize(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(eol), tokens);
    if (!tokens.empty()) {
      std::vector<std::string> words;
      for (const Token& t : tokens) words.push_back(AsciiLower(text.substr(t.span.begin, t.span.size())));
      corpus.sentences.push_back(std::move(words));
    }
    pos = eol + 1;
  }
}

// Markdown to its visible text: "[label](target "title")" becomes "label", emphasis marks,
// list bullets, headings and YAML front matter go.
std::string MarkdownText(std::string_view md) {
  std::string out;
  size_t i = 0;
  if (md.substr(0, 4) == "---\n") {
    size_t end = md.find("\n---", 4);
    i = end == std::string_view::npos ? md.size() : md.find('\n', end + 4);
    if (i == std::string_view::npos) i = md.size();
  }
  for (; i < md.size(); ++i) {
    char c = md[i];
    if (c == ']' && i + 1 < md.size() && md[i + 1] == '(') {
      int depth = 0;
      size_t j = i + 1;
      for (; j < md.size() && md[j] != '\n'; ++j) {
        if (md[j] == '(') ++depth;
        if (md[j] == ')' && --depth == 0) break;
      }
      i = j;
      continue;
    }
    if (c == '[' || c == '*' || c == '#') continue;
    out += c;
  }
  return out;
}

// x log x, tabulated for the counts that occur most.
class XLogX {
 public:
  explicit XLogX(size_t size) : table_(size) {
    for (size_t x = 1; x < size; ++x) table_[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }
  double operator()(int64_t x) const {
    if (x <= 0) return 0;
    if (static_cast<size_t>(x) < table_.size()) return table_[static_cast<size_t>(x)];
    return static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

struct Neighbour {
  uint32_t word;
  int64_t count;
};

// One exchange clustering of words 0..movable-1 into `classes` classes; words from
// `movable` on (the rare-word and sentence-boundary symbols) keep classes of their own.
std::vector<int> Exchange(const std::vector<std::vector<Neighbour>>& right,
                          const std::vector<std::vector<Neighbour>>& left, size_t movable, int classes, int iterations,
                          const char* name) {
  const size_t words = right.size();
  const int total_classes = classes + static_cast<int>(words - movable);
  const size_t K = static_cast<size_t>(total_classes);
  std::vector<int> cls(words);
  for (size_t w = 0; w < words; ++w)
    cls[w] = w < movable ? static_cast<int>(w % static_cast<size_t>(classes)) : classes + static_cast<int>(w - movable);
  std::vector<int64_t> bigram(K * K, 0), as_left(K, 0), as_right(K, 0);
  std::vector<int64_t> word_left(words, 0), word_right(words, 0);  // a word's count as left / right item
  int64_t tokens = 0;
  for (size_t w = 0; w < words; ++w) {
    for (const Neighbour& n : right[w]) {
      bigram[static_cast<size_t>(cls[w]) * K + static_cast<size_t>(cls[n.word])] += n.count;
      word_left[w] += n.count;
      word_right[n.word] += n.count;
      tokens += n.count;
    }
  }
  for (size_t w = 0; w < words; ++w) {
    as_left[static_cast<size_t>(cls[w])] += word_left[w];
    as_right[static_cast<size_t>(cls[w])] += word_right[w];
  }
  const XLogX f(static_cast<size_t>(std::min<int64_t>(tokens + 1, 1 << 22)));
  std::vector<int64_t> right_by_class(K, 0), left_by_class(K, 0);
  std::vector<size_t> touched_right, touched_left;
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < movable; ++w) {
      const size_t a = static_cast<size_t>(cls[w]);
      // The word's bigrams by the class of the other word; bigrams with itself apart.
      int64_t self = 0;
      touched_right.clear();
      touched_left.clear();
      for (const Neighbour& n : right[w]) {
        if (n.word == w) {
          self += n.count;
          continue;
        }
        size_t d = static_cast<size_t>(cls[n.word]);
        if (right_by_class[d] == 0) touched_right.push_back(d);
        right_by_class[d] += n.count;
      }
      for (const Neighbour& n : left[w]) {
        if (n.word == w) continue;
        size_t c = static_cast<size_t>(cls[n.word]);
        if (left_by_class[c] == 0) touched_left.push_back(c);
        left_by_class[c] += n.count;
      }
      // Take the word out of its class.
      auto shift = [&](size_t b, int64_t sign) {
        for (size_t d : touched_right) bigram[b * K + d] += sign * right_by_class[d];
        for (size_t c : touched_left) bigram[c * K + b] += sign * left_by_class[c];
        bigram[b * K + b] += sign * self;
        as_left[b] += sign * word_left[w];
        as_right[b] += sign * word_right[w];
      };
      shift(a, -1);
      // The gain in log likelihood of putting it into class b.
      auto gain = [&](size_t b) {
        double g = 0;
        for (size_t d : touched_right) {
          if (d == b) continue;
          int64_t x = bigram[b * K + d];
          g += f(x + right_by_class[d]) - f(x);
        }
        for (size_t c : touched_left) {
          if (c == b) continue;
          int64_t x = bigram[c * K + b];
          g += f(x + left_by_class[c]) - f(x);
        }
        int64_t x = bigram[b * K + b];
        g += f(x + right_by_class[b] + left_by_class[b] + self) - f(x);
        g -= f(as_left[b] + word_left[w]) - f(as_left[b]);
        g -= f(as_right[b] + word_right[w]) - f(as_right[b]);
        return g;
      };
      size_t best = a;
      double best_gain = gain(a);
      for (size_t b = 0; b < static_cast<size_t>(classes); ++b) {
        if (b == a) continue;
        double g = gain(b);
        if (g > best_gain + 1e-9) best = b, best_gain = g;
      }
      shift(best, +1);
      if (best != a) ++moved;
      cls[w] = static_cast<int>(best);
      for (size_t d : touched_right) right_by_class[d] = 0;
      for (size_t c : touched_left) left_by_class[c] = 0;
    }
    double likelihood = 0;
    for (size_t i = 0; i < K * K; ++i) likelihood += f(bigram[i]);
    for (size_t c = 0; c < K; ++c) likelihood -= f(as_left[c]) + f(as_right[c]);
    std::cerr << "clusters (" << name << ", " << classes << " classes): iteration " << it + 1 << ", " << moved
              << " words moved, log likelihood " << likelihood << "\n";
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

Corpus ReadCorpus(const std::vector<std::string>& paths, std::string& error) {
  Corpus corpus;
  std::string hashes;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      std::vector<std::string> inside;
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file()) inside.push_back(entry.path().string());
      }
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else {
      files.push_back(path);
    }
  }
  for (const std::string& file : files) {
    auto ends = [&](std::string_view s) { return file.size() >= s.size() && file.ends_with(s); };
    std::string bytes = ReadAll(file);
    if (bytes.empty()) {
      error = file + ": empty or unreadable";
      return corpus;
    }
    hashes += Sha256Hex(bytes);
    if (ends(".conllu")) {
      auto bank = ReadConllu(file);
      if (!bank.ok()) {
        error = bank.status().ToString();
        return corpus;
      }
      for (const Sentence& s : bank->sentences) {
        std::vector<std::string> words;
        for (const Word& w : s.words) words.push_back(AsciiLower(w.form));
        corpus.sentences.push_back(std::move(words));
      }
    } else if (ends(".csv")) {
      auto rows = tools::ParseCsv(bytes);
      if (rows.empty()) continue;
      auto column = std::find(rows[0].begin(), rows[0].end(), "text");
      if (column == rows[0].end()) {
        error = file + ": no \"text\" column";
        return corpus;
      }
      size_t k = static_cast<size_t>(column - rows[0].begin());
      for (size_t r = 1; r < rows.size(); ++r) {
        if (k < rows[r].size()) AddRunningText(rows[r][k], corpus);
      }
    } else if (ends(".md")) {
      AddRunningText(MarkdownText(bytes), corpus);
    } else {
      error = file + ": not .conllu, .csv or .md";
      return corpus;
    }
  }
  corpus.sha256 = Sha256Hex(hashes);
  return corpus;
}

model::WordClusters BuildClusters(const Corpus& corpus, const ClusterOptions& options) {
  // Vocabulary by frequency (ties by spelling), so the result does not depend on hash order.
  std::unordered_map<std::string, int64_t> counts;
  for (const auto& s : corpus.sentences) {
    for (const std::string& w : s) ++counts[w];
  }
  std::vector<std::pair<std::string, int64_t>> vocabulary;
  for (const auto& [w, n] : counts) {
    if (n >= options.min_count) vocabulary.emplace_back(w, n);
  }
  std::sort(vocabulary.begin(), vocabulary.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string, uint32_t> id;
  for (size_t i = 0; i < vocabulary.size(); ++i) id.emplace(vocabulary[i].first, static_cast<uint32_t>(i));
  const uint32_t rare = static_cast<uint32_t>(vocabulary.size()), boundary = rare + 1;
  const size_t words = vocabulary.size() + 2;

  std::map<std::pair<uint32_t, uint32_t>, int64_t> pairs;
  for (const auto& s : corpus.sentences) {
    uint32_t prev = boundary;
    for (const std::string& w : s) {
      auto it = id.find(w);
      uint32_t cur = it == id.end() ? rare : it->second;
      ++pairs[{prev, cur}];
      prev = cur;
    }
    ++pairs[{prev, boundary}];
  }
  std::vector<std::vector<Neighbour>> right(words), left(words);
  for (const auto& [pair, n] : pairs) {
    right[pair.first].push_back({pair.second, n});
    left[pair.second].push_back({pair.first, n});
  }
  std::cerr << "clusters: " << corpus.sentences.size() << " sentences, " << vocabulary.size() << " words seen "
            << options.min_count << "+ times, " << pairs.size() << " distinct bigrams\n";
  std::vector<int> fine = Exchange(right, left, vocabulary.size(), options.fine_classes, options.iterations, "fine");
  std::vector<int> coarse =
      Exchange(right, left, vocabulary.size(), options.coarse_classes, options.iterations, "coarse");
  std::unordered_map<std::string, model::WordClusters::Classes> classes;
  for (size_t i = 0; i < vocabulary.size(); ++i) {
    classes[vocabulary[i].first] = {static_cast<uint16_t>(fine[i]), static_cast<uint16_t>(coarse[i])};
  }
  return model::WordClusters(std::move(classes));
}

std::string SerializeClusters(const model::WordClusters& clusters, const std::string& sha256,
                              const std::string& description) {
  model::ModelWriter w(model::ModelHeader{"clusters", sha256, description});
  clusters.Write(w);
  return w.bytes();
}

Result<LoadedClusters> LoadClusters(std::string_view bytes, std::string_view name) {
  auto reader = model::ModelReader::Open(bytes, "clusters", name);
  if (!reader.ok()) return reader.status();
  LoadedClusters loaded{model::WordClusters::Read(*reader), reader->header()};
  if (reader->ok() && !reader->AtEnd()) reader->Fail("trailing bytes");
  if (!reader->ok()) return reader->status();
  return loaded;
}

}  // namespace eventmill::train
