#include "src/parse/parser.h"

#include <algorithm>
#include <limits>

namespace eventmill::parse {

Configuration::Configuration(int words)
    : n(words),
      head(words, -1),
      label(words, -1),
      left1(words + 1, -1),
      left2(words + 1, -1),
      right1(words + 1, -1),
      right2(words + 1, -1),
      left_count(words + 1, 0),
      right_count(words + 1, 0) {
  stack.reserve(words);
}

bool IsValid(const Configuration& c, Move move) {
  switch (move) {
    case Move::kShift:
      return c.buffer < c.n;
    case Move::kLeft:
      return !c.stack.empty() && (c.buffer < c.n || c.stack.size() == 1);
    case Move::kRight:
      return c.stack.size() >= 2;
  }
  return false;
}

namespace {

void Attach(Configuration& c, int h, int d, int label) {
  c.head[d] = h;
  c.label[d] = label;
  if (d < h) {
    // Left children arrive right to left: the newest is nearer... keep the outermost two.
    if (c.left1[h] == -1 || d < c.left1[h]) {
      c.left2[h] = c.left1[h];
      c.left1[h] = d;
    } else if (c.left2[h] == -1 || d < c.left2[h]) {
      c.left2[h] = d;
    }
    ++c.left_count[h];
  } else {
    if (c.right1[h] == -1 || d > c.right1[h]) {
      c.right2[h] = c.right1[h];
      c.right1[h] = d;
    } else if (c.right2[h] == -1 || d > c.right2[h]) {
      c.right2[h] = d;
    }
    ++c.right_count[h];
  }
}

}  // namespace

void Apply(Configuration& c, Move move, int label) {
  switch (move) {
    case Move::kShift:
      c.stack.push_back(c.buffer++);
      break;
    case Move::kLeft: {
      int d = c.stack.back();
      c.stack.pop_back();
      Attach(c, c.buffer, d, label);
      break;
    }
    case Move::kRight: {
      int d = c.stack.back();
      c.stack.pop_back();
      Attach(c, c.stack.back(), d, label);
      break;
    }
  }
}

namespace {

// Hash combination for features built from precomputed value hashes.
inline uint64_t Combine(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

constexpr uint64_t kNone = 0x6e6f6e65ull;     // no such position ("none")
constexpr uint64_t kNoChild = 0x6e6f6368ull;  // no such child
constexpr uint64_t kRoot = 0x726f6f74ull;     // the root position
constexpr uint64_t kNoLabel = 0x6e6f6c62ull;

}  // namespace

FeatureInput::FeatureInput(const ParseInput& input, const std::vector<std::string>& labels) {
  const size_t n = input.lower.size();
  word.resize(n);
  tag.resize(n);
  suffix.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = input.lower[i];
    word[i] = model::HashBytes(1, w);
    tag[i] = model::HashBytes(2, input.tags[i]);
    suffix[i] = model::HashBytes(3, w.size() > 3 ? w.substr(w.size() - 3) : w);
  }
  for (const std::string& l : labels) label.push_back(model::HashBytes(4, l));
}

void ParserFeatures(const FeatureInput& in, const Configuration& c, std::vector<uint64_t>& out) {
  out.clear();
  auto st = [&](size_t k) { return c.stack.size() > k ? c.stack[c.stack.size() - 1 - k] : -2; };
  const int s0 = st(0), s1 = st(1), s2 = st(2);
  const int b0 = c.buffer, b1 = c.buffer + 1 <= c.n ? c.buffer + 1 : -2, b2 = c.buffer + 2 <= c.n ? c.buffer + 2 : -2;
  auto value = [&](const std::vector<uint64_t>& v, int i) -> uint64_t {
    if (i == -2) return kNone;
    if (i == -1) return kNoChild;
    if (i >= c.n) return kRoot;
    return v[static_cast<size_t>(i)];
  };
  auto w = [&](int i) { return value(in.word, i); };
  auto p = [&](int i) { return value(in.tag, i); };
  auto sfx = [&](int i) { return value(in.suffix, i); };
  auto l = [&](int i) -> uint64_t {
    if (i < 0 || i >= c.n || c.label[static_cast<size_t>(i)] < 0) return kNoLabel;
    return in.label[static_cast<size_t>(c.label[static_cast<size_t>(i)])];
  };
  auto child = [&](const std::vector<int>& v, int i) { return i >= 0 && i <= c.n ? v[static_cast<size_t>(i)] : -2; };
  auto count = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i >= 0 && i <= c.n ? static_cast<uint64_t>(std::min(v[static_cast<size_t>(i)], 5)) : 99;
  };
  uint64_t dist = 98;
  if (s0 >= 0) {
    int d = b0 - s0;
    dist = d >= 10 ? 10 : d >= 5 ? 5 : static_cast<uint64_t>(d);
  }
  const int s0l = child(c.left1, s0), s0l2 = child(c.left2, s0), s0r = child(c.right1, s0), s0r2 = child(c.right2, s0);
  const int s1r = child(c.right1, s1), s1l = child(c.left1, s1), b0l = child(c.left1, b0), b0l2 = child(c.left2, b0);

  uint64_t t = 0;
  auto seed = [&]() { return (++t) * 0x9e3779b97f4a7c15ull; };
  auto f1 = [&](uint64_t a) { out.push_back(Combine(seed(), a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(Combine(Combine(seed(), a), b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t d) { out.push_back(Combine(Combine(Combine(seed(), a), b), d)); };
  auto f4 = [&](uint64_t a, uint64_t b, uint64_t d, uint64_t e) {
    out.push_back(Combine(Combine(Combine(Combine(seed(), a), b), d), e));
  };
  out.push_back(seed());  // bias
  // Single words.
  f1(w(s0));
  f1(p(s0));
  f2(w(s0), p(s0));
  f1(w(s1));
  f1(p(s1));
  f2(w(s1), p(s1));
  f1(p(s2));
  f1(w(b0));
  f1(p(b0));
  f2(w(b0), p(b0));
  f1(w(b1));
  f1(p(b1));
  f2(w(b1), p(b1));
  f1(p(b2));
  f1(sfx(s0));
  f1(sfx(b0));
  // Pairs and triples.
  f2(w(s0), w(b0));
  f3(w(s0), p(s0), p(b0));
  f3(p(s0), w(b0), p(b0));
  f3(w(s0), p(s0), w(b0));
  f3(w(s0), w(b0), p(b0));
  f2(p(s0), p(b0));
  f2(p(b0), p(b1));
  f3(p(b0), p(b1), p(b2));
  f3(p(s0), p(b0), p(b1));
  f3(p(s1), p(s0), p(b0));
  f2(p(s1), p(s0));
  f2(w(s1), w(s0));
  f3(p(s2), p(s1), p(s0));
  f3(w(s1), p(s0), p(b0));
  f3(p(s1), w(s0), p(b0));
  f3(p(s1), p(s0), w(b0));
  // Children of the stack top and the buffer front.
  f3(p(s0), p(s0l), p(b0));
  f3(p(s0), p(s0r), p(b0));
  f3(p(s0), p(b0), p(b0l));
  f3(p(s1), p(s1r), p(s0));
  f3(p(s1), p(s0), p(s0l));
  f3(p(s1), p(s0), p(s0r));
  f3(p(s1), p(s1l), p(s0));
  f1(l(s0l));
  f1(l(s0r));
  f1(p(s0l));
  f1(p(s0r));
  f1(w(s0l));
  f1(w(s0r));
  f1(l(b0l));
  f1(p(b0l));
  f1(w(b0l));
  f1(l(s1r));
  f1(p(s1r));
  f1(p(s0l2));
  f1(p(s0r2));
  f1(p(b0l2));
  f3(p(s0), p(s0l), p(s0l2));
  f3(p(s0), p(s0r), p(s0r2));
  f3(p(b0), p(b0l), p(b0l2));
  f3(p(s0), l(s0l), l(s0l2));
  f3(p(s0), l(s0r), l(s0r2));
  f3(p(b0), l(b0l), l(b0l2));
  f2(w(s0), l(s0r));
  f2(w(b0), l(b0l));
  // Distance and valency.
  f2(dist, w(s0));
  f2(dist, p(s0));
  f2(dist, w(b0));
  f2(dist, p(b0));
  f3(dist, w(s0), w(b0));
  f3(dist, p(s0), p(b0));
  f2(w(s0), count(c.right_count, s0));
  f2(p(s0), count(c.right_count, s0));
  f2(w(s0), count(c.left_count, s0));
  f2(p(s0), count(c.left_count, s0));
  f2(w(b0), count(c.left_count, b0));
  f2(p(b0), count(c.left_count, b0));
  f4(p(s1), p(s0), p(b0), p(b1));
  f2(std::min<uint64_t>(c.stack.size(), 6), p(b0));
}

Result<ParserModel> ParserModel::Load(std::string_view bytes, std::string_view name) {
  auto reader = model::ModelReader::Open(bytes, kKind, name);
  if (!reader.ok()) return reader.status();
  model::ModelReader& r = *reader;
  ParserModel m;
  m.header_ = r.header();
  uint32_t labels = r.Count(4);
  for (uint32_t i = 0; i < labels && r.ok(); ++i) m.labels_.push_back(r.Str());
  if (r.ok() && (labels == 0 || 2 * labels + 1 > UINT16_MAX)) r.Fail("bad label count");
  m.weights_ = model::SparseWeights::Read(r, 2 * static_cast<size_t>(labels) + 1);
  if (r.ok() && !r.AtEnd()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return m;
}

std::string ParserModel::Serialize(const model::ModelHeader& header, const std::vector<std::string>& labels,
                                   const model::SparseWeights& weights) {
  model::ModelWriter w(header);
  w.U32(static_cast<uint32_t>(labels.size()));
  for (const std::string& label : labels) w.Str(label);
  weights.Write(w);
  return w.bytes();
}

std::vector<Arc> ParserModel::Parse(const ParseInput& input) const {
  const int n = static_cast<int>(input.lower.size());
  const int labels = static_cast<int>(labels_.size());
  const int classes = 2 * labels + 1;
  Configuration c(n);
  std::vector<uint64_t> features;
  std::vector<float> scores(static_cast<size_t>(classes));
  const FeatureInput hashed(input, labels_);
  while (!c.Terminal()) {
    ParserFeatures(hashed, c, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    weights_.AddAll(features.data(), features.size(), scores.data());
    int best = -1;
    float best_score = -std::numeric_limits<float>::infinity();
    for (int cls = 0; cls < classes; ++cls) {
      if (scores[cls] > best_score && IsValid(c, MoveOf(cls, labels))) {
        best = cls;
        best_score = scores[cls];
      }
    }
    Apply(c, MoveOf(best, labels), LabelOf(best, labels));
  }
  std::vector<Arc> arcs(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) arcs[i] = {c.head[i] == n ? -1 : c.head[i], c.label[i]};
  return arcs;
}

}  // namespace eventmill::parse
