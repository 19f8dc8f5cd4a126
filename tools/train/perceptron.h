// The averaged perceptron used to train eventmill's tagger and parser.
#ifndef EVENTMILL_TOOLS_TRAIN_PERCEPTRON_H_
#define EVENTMILL_TOOLS_TRAIN_PERCEPTRON_H_

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "src/model/sparse_weights.h"

namespace eventmill::train {

class AveragedPerceptron {
 public:
  // A model file holds at most SparseWeights::kMaxRow classes: a training tool with more
  // stops here rather than write a model that loses rows.
  explicit AveragedPerceptron(size_t classes) : classes_(classes) {
    if (classes > model::SparseWeights::kMaxRow) {
      std::fprintf(stderr, "eventmill-train: %zu classes, more than a model file holds (%zu)\n", classes,
                   model::SparseWeights::kMaxRow);
      std::abort();
    }
  }

  // Current (not averaged) scores, added into `scores` (size = classes).
  void Score(const std::vector<uint64_t>& features, float* scores) const {
    for (uint64_t f : features) {
      auto it = weights_.find(f);
      if (it == weights_.end()) continue;
      for (const Entry& e : it->second) scores[e.cls] += e.weight;
    }
  }

  // Marks one training example seen (the averaging clock).
  void Tick() { ++clock_; }

  // Moves weight towards `truth` and away from `guess` for every feature.
  void Update(const std::vector<uint64_t>& features, uint16_t truth, uint16_t guess) {
    if (truth == guess) return;
    for (uint64_t f : features) {
      auto& row = weights_[f];
      Bump(row, truth, 1.0f);
      Bump(row, guess, -1.0f);
    }
  }

  // Averaged weights, dropping those whose magnitude is below `min_weight`.
  model::SparseWeights Averaged(float min_weight) const {
    std::vector<std::pair<uint64_t, std::vector<model::ClassWeight>>> rows;
    rows.reserve(weights_.size());
    double clock = static_cast<double>(clock_ > 0 ? clock_ : 1);
    size_t weight_count = 0;
    for (const auto& [feature, row] : weights_) {
      std::vector<model::ClassWeight> averaged;
      for (const Entry& e : row) {
        double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
        float avg = static_cast<float>(total / clock);
        if (std::fabs(avg) >= min_weight) averaged.push_back({e.cls, avg});
      }
      weight_count += averaged.size();
      if (!averaged.empty()) rows.emplace_back(feature, std::move(averaged));
    }
    if (weight_count >= model::SparseWeights::kMaxEntries) {
      std::fprintf(stderr, "eventmill-train: %zu weights, more than a model file holds; raise the pruning threshold\n",
                   weight_count);
      std::abort();
    }
    return model::SparseWeights::Build(std::move(rows));
  }

  size_t classes() const { return classes_; }

 private:
  struct Entry {
    uint16_t cls;
    float weight;
    double total;
    int64_t stamp;
  };
  void Bump(std::vector<Entry>& row, uint16_t cls, float delta) {
    for (Entry& e : row) {
      if (e.cls == cls) {
        e.total += static_cast<double>(clock_ - e.stamp) * e.weight;
        e.stamp = clock_;
        e.weight += delta;
        return;
      }
    }
    row.push_back({cls, delta, 0.0, clock_});
  }

  size_t classes_;
  int64_t clock_ = 0;
  std::unordered_map<uint64_t, std::vector<Entry>> weights_;
};

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_PERCEPTRON_H_
