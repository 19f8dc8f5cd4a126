// Sparse linear weights for the perceptron models: feature hash -> (class, weight) pairs.
#ifndef EVENTMILL_SRC_MODEL_SPARSE_WEIGHTS_H_
#define EVENTMILL_SRC_MODEL_SPARSE_WEIGHTS_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "src/model/model_file.h"

namespace eventmill::model {

// 64-bit FNV-1a, continued from `seed`: features are hashed as a template id followed by
// the strings they combine, each ended by a separator byte.
inline uint64_t HashBytes(uint64_t seed, std::string_view bytes) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // separator: ("ab","c") and ("a","bc") differ
  return h * 1099511628211ull;
}
inline uint64_t FeatureSeed(uint32_t template_id) { return (14695981039346656037ull ^ template_id) * 1099511628211ull; }

struct ClassWeight {
  uint16_t cls;
  float weight;
};

// Immutable after construction; lookups are an open-addressing probe.
class SparseWeights {
 public:
  SparseWeights() = default;
  // `features` pairs a feature hash with its non-zero class weights.
  static SparseWeights Build(std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features);

  // Adds the weights of `feature` to scores[cls].
  void AddTo(uint64_t feature, float* scores) const {
    if (keys_.empty()) return;
    size_t mask = keys_.size() - 1;
    for (size_t slot = Mix(feature) & mask;; slot = (slot + 1) & mask) {
      uint64_t key = keys_[slot];
      if (key == feature) {
        for (uint32_t i = begin_[slot]; i < begin_[slot + 1]; ++i) scores[entries_[i].cls] += entries_[i].weight;
        return;
      }
      if (key == kEmpty) return;
    }
  }
  // A copy without the weights whose magnitude is below `min_weight` (smaller and faster
  // models at a measured cost in accuracy).
  SparseWeights Pruned(float min_weight) const;
  size_t feature_count() const { return features_; }
  size_t weight_count() const { return entries_.size(); }

  void Write(ModelWriter& w) const;
  // Fails the reader on malformed data; classes must be below `class_count`.
  static SparseWeights Read(ModelReader& r, size_t class_count);

 private:
  static constexpr uint64_t kEmpty = 0;
  static uint64_t Mix(uint64_t h) { return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull; }
  std::vector<uint64_t> keys_;   // power-of-two table; kEmpty marks a free slot
  std::vector<uint32_t> begin_;  // per slot, first entry; begin_[slot + 1] ends it
  std::vector<ClassWeight> entries_;
  size_t features_ = 0;
};

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_SPARSE_WEIGHTS_H_
