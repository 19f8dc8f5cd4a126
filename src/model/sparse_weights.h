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

// Immutable after construction. Weights are stored as 16-bit integers in units of
// scale(); scores from AddTo are in those units, which leaves every argmax unchanged.
class SparseWeights {
 public:
  SparseWeights() = default;
  // `features` pairs a feature hash with its non-zero class weights.
  static SparseWeights Build(std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features);

  // Adds the weights of `feature` to scores[cls].
  void AddTo(uint64_t feature, float* scores) const {
    if (slots_.empty()) return;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Mix(feature) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.key == feature) {
        for (uint32_t e = slot.begin; e < slot.end; ++e) scores[entries_[e].cls] += entries_[e].weight;
        return;
      }
      if (slot.key == kEmpty) return;
    }
  }
  // Adds the weights of every feature in [features, features + n) to scores. Faster than
  // AddTo one by one: the table lookups are prefetched together, so their cache misses
  // overlap instead of queueing.
  void AddAll(const uint64_t* features, size_t n, float* scores) const;

  // A copy without the weights whose magnitude is below `min_weight` (smaller and faster
  // models at a measured cost in accuracy).
  SparseWeights Pruned(float min_weight) const;
  size_t feature_count() const { return features_; }
  size_t weight_count() const { return entries_.size(); }
  float scale() const { return scale_; }

  void Write(ModelWriter& w) const;
  // Fails the reader on malformed data; classes must be below `class_count`.
  static SparseWeights Read(ModelReader& r, size_t class_count);

 private:
  static constexpr uint64_t kEmpty = 0;
  static uint64_t Mix(uint64_t h) { return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull; }
  struct Slot {
    uint64_t key;  // kEmpty marks a free slot
    uint32_t begin, end;
  };
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> Rows() const;
  static SparseWeights FromQuantized(std::vector<std::pair<uint64_t, std::vector<Entry>>> rows, float scale);

  std::vector<Slot> slots_;  // power-of-two open-addressing table
  std::vector<Entry> entries_;
  size_t features_ = 0;
  float scale_ = 1.0f;
};

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_SPARSE_WEIGHTS_H_
