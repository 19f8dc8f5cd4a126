#include "tools/train/train_parser.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <random>
#include <thread>

#include "src/parse/parser.h"
#include "tools/train/perceptron.h"

namespace eventmill::train {

namespace {

// The number of gold arcs that become unreachable if `cls` is applied (Goldberg & Nivre's
// dynamic oracle for arc-hybrid; exact for projective trees). gold_head uses n for the root.
int Cost(const parse::Configuration& c, int cls, int labels, const std::vector<int>& gold_head,
         const std::vector<int>& gold_label) {
  parse::Move move = parse::MoveOf(cls, labels);
  int label = parse::LabelOf(cls, labels);
  const int b = c.buffer;
  int cost = 0;
  if (move == parse::Move::kShift) {
    for (size_t k = 0; k < c.stack.size(); ++k) {
      int s = c.stack[k];
      if (gold_head[s] == b) ++cost;
      if (gold_head[b] == s && k + 1 != c.stack.size()) ++cost;
    }
    return cost;
  }
  const int s0 = c.stack.back();
  for (int d = b; d < c.n; ++d) cost += gold_head[d] == s0;  // s0 loses its buffer dependents
  const int h = gold_head[s0];
  if (move == parse::Move::kLeft) {
    const int s1 = c.stack.size() >= 2 ? c.stack[c.stack.size() - 2] : -1;
    if (h != b && (h == s1 || h > b)) ++cost;
    if (h == b && gold_label[s0] != label) ++cost;
  } else {
    const int s1 = c.stack[c.stack.size() - 2];
    if (h != s1 && h >= b) ++cost;
    if (h == s1 && gold_label[s0] != label) ++cost;
  }
  return cost;
}

}  // namespace

namespace {

struct ParserExample {
  parse::ParseInput input;
  std::vector<int> gold_head, gold_label;  // the root is n
};

// The perceptron over the examples: from the second epoch on it follows its own predictions
// and learns from the dynamic oracle's cheapest move where it errs.
AveragedPerceptron TrainPerceptron(const std::vector<ParserExample>& examples, const std::vector<std::string>& labels,
                                   const ParserTrainingOptions& options) {
  const int L = static_cast<int>(labels.size());
  const int classes = 2 * L + 1;
  AveragedPerceptron perceptron(static_cast<size_t>(classes));
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<uint64_t> features;
  std::vector<float> scores(static_cast<size_t>(classes));
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct_heads = 0, words = 0;
    for (size_t index : order) {
      const ParserExample& example = examples[index];
      const auto& gold_head = example.gold_head;
      const int n = static_cast<int>(gold_head.size());
      parse::Configuration c(n);
      const parse::FeatureInput hashed(example.input, labels, options.clusters);
      while (!c.Terminal()) {
        parse::ParserFeatures(hashed, c, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(features, scores.data());
        int predicted = -1, best_gold = -1;
        float predicted_score = -std::numeric_limits<float>::infinity(), gold_score = predicted_score;
        int predicted_cost = 0;
        for (int cls = 0; cls < classes; ++cls) {
          if (!parse::IsValid(c, parse::MoveOf(cls, L))) continue;
          int cost = Cost(c, cls, L, gold_head, example.gold_label);
          if (scores[cls] > predicted_score) predicted = cls, predicted_score = scores[cls], predicted_cost = cost;
          if (cost == 0 && scores[cls] > gold_score) best_gold = cls, gold_score = scores[cls];
        }
        if (best_gold < 0) best_gold = predicted;  // no zero-cost move: cannot happen on projective trees
        perceptron.Tick();
        if (predicted_cost > 0)
          perceptron.Update(features, static_cast<uint16_t>(best_gold), static_cast<uint16_t>(predicted));
        int next = (epoch > 0 && coin(rng) < options.explore) ? predicted : best_gold;
        parse::Apply(c, parse::MoveOf(next, L), parse::LabelOf(next, L));
      }
      for (int i = 0; i < n; ++i) correct_heads += c.head[i] == gold_head[i];
      words += static_cast<size_t>(n);
    }
    std::fprintf(stderr, "parser (seed %u) epoch %d: training UAS %.2f%%\n", options.seed, epoch + 1,
                 100.0 * static_cast<double>(correct_heads) / static_cast<double>(words));
  }
  return perceptron;
}

}  // namespace

std::string TrainParser(const Treebank& train, const std::vector<std::vector<tag::TagClass>>& tags,
                        const ParserTrainingOptions& options, const std::string& description) {
  std::map<std::string, int> label_index;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) label_index.emplace(w.deprel, 0);
  }
  std::vector<std::string> labels;
  for (auto& [name, index] : label_index) {
    index = static_cast<int>(labels.size());
    labels.push_back(name);
  }
  const int L = static_cast<int>(labels.size());

  // Every sentence, its tree made projective (the transition system builds only those).
  std::vector<ParserExample> examples;
  size_t lifted = 0;
  for (size_t index = 0; index < train.sentences.size(); ++index) {
    const Sentence& s = train.sentences[index];
    const int n = static_cast<int>(s.words.size());
    ParserExample example;
    std::vector<int> heads = ProjectiveHeads(s);
    for (int i = 0; i < n; ++i) {
      std::string lower = s.words[i].form;
      for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      example.input.lower.push_back(std::move(lower));
      example.input.upos.push_back(tags[index][i].upos);
      example.input.xpos.push_back(tags[index][i].xpos);
      example.gold_head.push_back(heads[i] == 0 ? n : heads[i] - 1);
      example.gold_label.push_back(label_index.at(s.words[i].deprel));
      lifted += heads[i] != s.words[i].head;
    }
    examples.push_back(std::move(example));
  }
  std::fprintf(stderr, "parser: %zu training sentences, %zu arcs lifted to make them projective, %d labels\n",
               examples.size(), lifted, L);

  // The members, trained in parallel (each reads the examples and writes only its own
  // weights), then averaged in seed order: the model does not depend on the thread count.
  const int members = std::max(1, options.members);
  std::vector<model::SparseWeights> member_weights(static_cast<size_t>(members));
  const int threads = std::max(1, std::min(members, static_cast<int>(std::thread::hardware_concurrency())));
  for (int first = 0; first < members; first += threads) {
    std::vector<std::thread> workers;
    for (int m = first; m < std::min(members, first + threads); ++m) {
      workers.emplace_back([&, m] {
        ParserTrainingOptions member = options;
        member.seed = options.seed + static_cast<unsigned>(m);
        member_weights[static_cast<size_t>(m)] = TrainPerceptron(examples, labels, member).Averaged(0.0f);
      });
    }
    for (std::thread& worker : workers) worker.join();
  }
  model::SparseWeights weights = model::SparseWeights::Average(member_weights, options.min_weight);
  std::fprintf(stderr, "parser: %zu features, %zu weights\n", weights.feature_count(), weights.weight_count());
  model::ModelHeader header{std::string(parse::ParserModel::kKind), train.sha256, description};
  return parse::ParserModel::Serialize(header, labels, weights, options.clusters);
}

}  // namespace eventmill::train
