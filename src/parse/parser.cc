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
      right_count(words + 1, 0),
      left_labels(words + 1, 0),
      right_labels(words + 1, 0) {
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
    c.left_labels[h] |= uint64_t{1} << (label & 63);
  } else {
    if (c.right1[h] == -1 || d > c.right1[h]) {
      c.right2[h] = c.right1[h];
      c.right1[h] = d;
    } else if (c.right2[h] == -1 || d > c.right2[h]) {
      c.right2[h] = d;
    }
    ++c.right_count[h];
    c.right_labels[h] |= uint64_t{1} << (label & 63);
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

FeatureInput::FeatureInput(const ParseInput& input, const std::vector<std::string>& labels,
                           const model::WordClusters& clusters) {
  const size_t n = input.lower.size();
  word.resize(n);
  tag.resize(n);
  upos.resize(n);
  suffix.resize(n);
  fine.resize(n);
  coarse.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = input.lower[i];
    model::WordClusters::Classes c = clusters.Of(input.lower[i]);
    fine[i] = (c.fine + 1ull) * 0xc2b2ae3d27d4eb4full;
    coarse[i] = (c.coarse + 1ull) * 0x165667b19e3779f9ull;
    word[i] = model::HashBytes(1, w);
    upos[i] = model::HashBytes(5, input.upos[i]);
    tag[i] = model::HashBytes(upos[i], input.xpos[i]);
    suffix[i] = model::HashBytes(3, w.size() > 3 ? w.substr(w.size() - 3) : w);
  }
  for (const std::string& l : labels) label.push_back(model::HashBytes(4, l));
}

void ParserFeatures(const FeatureInput& in, const Configuration& c, std::vector<uint64_t>& out, FeatureGroup group) {
  out.clear();
  const bool all = group == FeatureGroup::kAll;
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
  auto u = [&](int i) { return value(in.upos, i); };
  auto sfx = [&](int i) { return value(in.suffix, i); };
  auto cf = [&](int i) { return value(in.fine, i); };
  auto cc = [&](int i) { return value(in.coarse, i); };
  auto l = [&](int i) -> uint64_t {
    if (i < 0 || i >= c.n || c.label[static_cast<size_t>(i)] < 0) return kNoLabel;
    return in.label[static_cast<size_t>(c.label[static_cast<size_t>(i)])];
  };
  auto child = [&](const std::vector<int>& v, int i) { return i >= 0 && i <= c.n ? v[static_cast<size_t>(i)] : -2; };
  auto count = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i >= 0 && i <= c.n ? static_cast<uint64_t>(std::min(v[static_cast<size_t>(i)], 5)) : 99;
  };
  auto labels_of = [&](const std::vector<uint64_t>& v, int i) -> uint64_t {
    return i >= 0 && i <= c.n ? v[static_cast<size_t>(i)] * 0x9e3779b97f4a7c15ull : kNone;
  };

  // Every template has a fixed number, the seed of its hash (the models are trained with
  // these numbers: renumbering a template means retraining). The templates are grouped by
  // what they look at, and a group's arguments are computed only when it is asked for.
  auto f = [&](uint64_t id, auto... values) {
    uint64_t h = id * 0x9e3779b97f4a7c15ull;
    ((h = Combine(h, values)), ...);
    out.push_back(h);
  };
  if (all || group == FeatureGroup::kBuffer) {
    // The buffer's first words: they hold while b0 stays.
    f(1);  // bias
    f(9, w(b0));
    f(10, p(b0));
    f(11, w(b0), p(b0));
    f(12, w(b1));
    f(13, p(b1));
    f(14, w(b1), p(b1));
    f(15, p(b2));
    f(17, sfx(b0));
    f(22, p(b0), p(b1));
    f(23, p(b0), p(b1), p(b2));
    f(78, w(b0), p(b1), p(b2));  // lookahead words
    f(80, cf(b0));
    f(81, cf(b1));
    f(88, u(b0));
    f(89, u(b0), u(b1), u(b2));
  }
  if (all || group == FeatureGroup::kStack) {
    // While s0 stays on the stack, nothing below it changes, and its left children came
    // while it was b0: these templates look at s0's word and left children, at s1 and its
    // children, and at s2 only (not at b0, nor at s0's right children).
    const int s0l = child(c.left1, s0), s0l2 = child(c.left2, s0), s1r = child(c.right1, s1), s1l = child(c.left1, s1);
    f(2, w(s0));
    f(3, p(s0));
    f(4, w(s0), p(s0));
    f(5, w(s1));
    f(6, p(s1));
    f(7, w(s1), p(s1));
    f(8, p(s2));
    f(16, sfx(s0));
    f(26, p(s1), p(s0));
    f(27, w(s1), w(s0));
    f(28, p(s2), p(s1), p(s0));
    f(35, p(s1), p(s1r), p(s0));
    f(36, p(s1), p(s0), p(s0l));
    f(38, p(s1), p(s1l), p(s0));
    f(39, l(s0l));
    f(41, p(s0l));
    f(43, w(s0l));
    f(48, l(s1r));
    f(49, p(s1r));
    f(50, p(s0l2));
    f(53, p(s0), p(s0l), p(s0l2));
    f(56, p(s0), l(s0l), l(s0l2));
    f(68, w(s0), count(c.left_count, s0));
    f(69, p(s0), count(c.left_count, s0));
    f(74, p(s0), labels_of(c.left_labels, s0));
    f(77, p(s1), labels_of(c.right_labels, s1), p(s0));
    f(79, cf(s0));
    f(90, u(s0));
    f(91, u(s1), u(s0));
  }
  if (!all && group != FeatureGroup::kState) return;
  uint64_t dist = 98;
  if (s0 >= 0) {
    int d = b0 - s0;
    dist = d >= 10 ? 10 : d >= 5 ? 5 : static_cast<uint64_t>(d);
  }
  const int s0l = child(c.left1, s0), s0r = child(c.right1, s0), s0r2 = child(c.right2, s0);
  const int b0l = child(c.left1, b0), b0l2 = child(c.left2, b0);
  // Pairs and triples.
  f(18, w(s0), w(b0));
  f(19, w(s0), p(s0), p(b0));
  f(20, p(s0), w(b0), p(b0));
  f(21, p(s0), p(b0));
  f(24, p(s0), p(b0), p(b1));
  f(25, p(s1), p(s0), p(b0));
  f(29, w(s1), p(s0), p(b0));
  f(30, p(s1), w(s0), p(b0));
  f(31, p(s1), p(s0), w(b0));
  // Children of the stack top and the buffer front.
  f(32, p(s0), p(s0l), p(b0));
  f(33, p(s0), p(s0r), p(b0));
  f(34, p(s0), p(b0), p(b0l));
  f(37, p(s1), p(s0), p(s0r));
  f(40, l(s0r));
  f(42, p(s0r));
  f(44, w(s0r));
  f(45, l(b0l));
  f(46, p(b0l));
  f(47, w(b0l));
  f(51, p(s0r2));
  f(52, p(b0l2));
  f(54, p(s0), p(s0r), p(s0r2));
  f(55, p(b0), p(b0l), p(b0l2));
  f(57, p(s0), l(s0r), l(s0r2));
  f(58, p(b0), l(b0l), l(b0l2));
  f(59, w(s0), l(s0r));
  f(60, w(b0), l(b0l));
  // Distance and valency.
  f(61, dist, w(s0));
  f(62, dist, p(s0));
  f(63, dist, w(b0));
  f(64, dist, p(b0));
  f(65, dist, p(s0), p(b0));
  f(66, w(s0), count(c.right_count, s0));
  f(67, p(s0), count(c.right_count, s0));
  f(70, w(b0), count(c.left_count, b0));
  f(71, p(b0), count(c.left_count, b0));
  f(72, p(s1), p(s0), p(b0), p(b1));
  f(73, std::min<uint64_t>(c.stack.size(), 6), p(b0));
  // Label sets: which relations a head already has.
  f(75, p(s0), labels_of(c.right_labels, s0));
  f(76, p(b0), labels_of(c.left_labels, b0));
  // Word clusters: lexical evidence that carries to words of the same class.
  f(82, cf(s0), p(b0));
  f(83, p(s0), cf(b0));
  f(84, cf(s0), cf(b0));
  f(85, cc(s0), cc(b0));
  f(86, cc(s1), cc(s0), p(b0));
  f(87, p(s0), cc(b0), cc(b1));
  // Universal tags alone: evidence shared by the Penn tags of one universal class.
  f(92, u(s0), u(b0));
  f(93, u(s1), u(s0), u(b0));
  f(94, u(s0), u(b0), u(b1));
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
  m.clusters_ = model::WordClusters::Read(r);
  m.apposition_labels_ = AppositionLabels::From(m.labels_);
  if (r.ok() && !r.AtEnd()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return m;
}

std::string ParserModel::Serialize(const model::ModelHeader& header, const std::vector<std::string>& labels,
                                   const model::SparseWeights& weights, const model::WordClusters& clusters) {
  model::ModelWriter w(header);
  w.U32(static_cast<uint32_t>(labels.size()));
  for (const std::string& label : labels) w.Str(label);
  weights.Write(w);
  clusters.Write(w);
  return w.bytes();
}

std::vector<Arc> ParserModel::Parse(const ParseInput& input) const {
  const int n = static_cast<int>(input.lower.size());
  const int labels = static_cast<int>(labels_.size());
  const int classes = 2 * labels + 1;
  Configuration c(n);
  std::vector<uint64_t> features;
  std::vector<float> scores(static_cast<size_t>(classes));
  const FeatureInput hashed(input, labels_, clusters_);
  // The scores of the buffer templates hold while the buffer's front stays (through every
  // LEFT and RIGHT): computed once per front word. Those of the stack templates hold while
  // s0 stays on the stack, and a word leaves the stack only to take its head: computed once
  // per word, the first time it is s0. Weights are integers, so the sums are exact and the
  // parse is the same as scoring all templates at once.
  const size_t width = static_cast<size_t>(classes);
  std::vector<float> buffer_scores(width), stack_scores(width * static_cast<size_t>(n));
  std::vector<char> stack_scored(static_cast<size_t>(n), 0);
  int scored_front = -1;
  while (!c.Terminal()) {
    if (c.stack.empty()) {  // SHIFT is the only move: no need to score (training never updates here either)
      Apply(c, Move::kShift, -1);
      continue;
    }
    if (c.buffer != scored_front) {
      ParserFeatures(hashed, c, features, FeatureGroup::kBuffer);
      std::fill(buffer_scores.begin(), buffer_scores.end(), 0.0f);
      weights_.AddAll(features.data(), features.size(), buffer_scores.data());
      scored_front = c.buffer;
    }
    const size_t s0 = static_cast<size_t>(c.stack.back());
    float* stack = &stack_scores[s0 * width];
    if (!stack_scored[s0]) {
      ParserFeatures(hashed, c, features, FeatureGroup::kStack);
      weights_.AddAll(features.data(), features.size(), stack);
      stack_scored[s0] = 1;
    }
    for (size_t k = 0; k < width; ++k) scores[k] = buffer_scores[k] + stack[k];
    ParserFeatures(hashed, c, features, FeatureGroup::kState);
    weights_.AddAll(features.data(), features.size(), scores.data());
    // Classes are SHIFT, then the LEFTs, then the RIGHTs: the valid ones are ranges, tried in
    // class order (ties go to the lower class, as in training).
    int best = -1;
    float best_score = -std::numeric_limits<float>::infinity();
    auto consider = [&](int from, int to) {
      for (int cls = from; cls < to; ++cls) {
        if (scores[cls] > best_score) best = cls, best_score = scores[cls];
      }
    };
    if (IsValid(c, Move::kShift)) consider(0, 1);
    if (IsValid(c, Move::kLeft)) consider(1, labels + 1);
    if (IsValid(c, Move::kRight)) consider(labels + 1, classes);
    Apply(c, MoveOf(best, labels), LabelOf(best, labels));
  }
  std::vector<Arc> arcs(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) arcs[i] = {c.head[i] == n ? -1 : c.head[i], c.label[i]};
  // Punctuation heads nothing in UD: a word the parser hung on a comma or a quote goes to
  // the punctuation's own head (a dependent lifted to its grandparent keeps the tree
  // projective). Heads are resolved from the top, so a chain of punctuation is climbed.
  for (int i = 0; i < n; ++i) {
    int head = arcs[i].head;
    for (int step = 0; step < n && head >= 0 && input.upos[static_cast<size_t>(head)] == "PUNCT"; ++step) {
      head = arcs[static_cast<size_t>(head)].head;
    }
    if (head >= 0 && head != arcs[i].head && head != i) arcs[i].head = head;
  }
  RepairAppositions(input, apposition_labels_, arcs);
  return arcs;
}

SubtreeSpans::SubtreeSpans(const std::vector<int>& heads) : first(heads.size()), last(heads.size()) {
  const int n = static_cast<int>(heads.size());
  std::vector<int> order;
  std::vector<std::vector<int>> children(heads.size());
  for (int i = 0; i < n; ++i) {
    first[static_cast<size_t>(i)] = last[static_cast<size_t>(i)] = i;
    const int h = heads[static_cast<size_t>(i)];
    if (h < 0) {
      order.push_back(i);
    } else {
      children[static_cast<size_t>(h)].push_back(i);
    }
  }
  for (size_t k = 0; k < order.size(); ++k) {
    for (int child : children[static_cast<size_t>(order[k])]) order.push_back(child);
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (const int h = heads[static_cast<size_t>(*it)]; h >= 0) {
      first[static_cast<size_t>(h)] = std::min(first[static_cast<size_t>(h)], first[static_cast<size_t>(*it)]);
      last[static_cast<size_t>(h)] = std::max(last[static_cast<size_t>(h)], last[static_cast<size_t>(*it)]);
    }
  }
}

AppositionLabels AppositionLabels::From(const std::vector<std::string>& labels) {
  auto index = [&](std::string_view name) {
    auto it = std::find(labels.begin(), labels.end(), name);
    return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
  };
  return {index("nsubj"), index("appos"), index("punct")};
}

void RepairAppositions(const ParseInput& input, const AppositionLabels& labels, std::vector<Arc>& arcs) {
  const int n = static_cast<int>(arcs.size());
  if (labels.nsubj < 0 || labels.appos < 0 || labels.punct < 0) return;
  // Most sentences have no head with two subjects: nothing to do.
  std::vector<int> subjects(static_cast<size_t>(n) + 1, 0);
  bool twice = false;
  for (const Arc& arc : arcs) {
    if (arc.label != labels.nsubj) continue;
    const size_t head = arc.head < 0 ? static_cast<size_t>(n) : static_cast<size_t>(arc.head);
    twice = twice || ++subjects[head] > 1;
  }
  if (!twice) return;
  std::vector<int> heads(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) heads[static_cast<size_t>(i)] = arcs[static_cast<size_t>(i)].head;
  const SubtreeSpans spans(heads);
  const std::vector<int>&first = spans.first, &last = spans.last;
  // Subjects of each head, in order; a later one set off by commas right after an earlier
  // one's phrase is that phrase's apposition ("The head of the Pentagon, Lloyd Austin, met").
  std::vector<int> previous_subject(static_cast<size_t>(n) + 1, -1);
  for (int i = 0; i < n; ++i) {
    if (arcs[i].label != labels.nsubj) continue;
    const size_t head = arcs[i].head < 0 ? static_cast<size_t>(n) : static_cast<size_t>(arcs[i].head);
    const int a = previous_subject[head];
    previous_subject[head] = i;
    if (a < 0) continue;
    // The commas may hang on either phrase already.
    const int comma_before = first[i] - 1;
    const int comma_after = input.lower[last[i]] == "," ? last[i] : last[i] + 1;
    if (comma_before < 0 || (comma_before != last[a] + 1 && comma_before != last[a]) || comma_after >= n ||
        input.lower[comma_before] != "," || input.lower[comma_after] != "," || comma_after == i) {
      continue;
    }
    // Commas without dependents only, so re-hanging them cannot make a cycle.
    if (first[comma_before] != comma_before || last[comma_before] != comma_before ||
        first[comma_after] != comma_after || last[comma_after] != comma_after) {
      continue;
    }
    arcs[i] = {a, labels.appos};
    arcs[comma_before] = {i, labels.punct};
    arcs[comma_after] = {i, labels.punct};
    previous_subject[head] = a;
  }
}

}  // namespace eventmill::parse
