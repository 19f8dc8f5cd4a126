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

// The large weight tables are allocated on 2 MiB pages where the system allows it:
// lookups land anywhere in tables of several megabytes, and with 4 KiB pages most of them
// also miss the TLB. Small arrays and other systems use the ordinary allocator.
void* AllocateLarge(size_t bytes);
void FreeLarge(void* p, size_t bytes);

template <typename T>
struct LargePageAllocator {
  using value_type = T;
  LargePageAllocator() = default;
  template <typename U>
  explicit LargePageAllocator(const LargePageAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateLarge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeLarge(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const LargePageAllocator<U>&) const {
    return true;
  }
};

struct ClassWeight {
  uint16_t cls;
  float weight;
};

// Immutable after construction. Weights are stored as 16-bit integers in units of
// scale(); scores from AddTo are in those units, which leaves every argmax unchanged.
class SparseWeights {
 public:
  // Limits of the format: a row holds at most one weight per class, and a model at most
  // 255 classes and 2^24 weights in all. Read fails on larger data; trainers check first.
  static constexpr size_t kMaxRow = 255;
  static constexpr size_t kMaxEntries = size_t{1} << 24;

  SparseWeights() = default;
  // `features` pairs a feature hash with its non-zero class weights; rows past the limits
  // above are not stored.
  static SparseWeights Build(std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features);

  // Adds the weights of `feature` to scores[cls].
  void AddTo(uint64_t feature, float* scores) const { AddAll(&feature, 1, scores); }
  // Adds the weights of every feature in [features, features + n) to scores. Faster than
  // AddTo one by one: the table lookups are prefetched together, so their cache misses
  // overlap instead of queueing.
  void AddAll(const uint64_t* features, size_t n, float* scores) const;

  // A copy without the weights whose magnitude is below `min_weight` (smaller and faster
  // models at a measured cost in accuracy).
  SparseWeights Pruned(float min_weight) const;
  // The mean of several models' weights over the same classes (a feature missing from one
  // counts as 0 there), without the means whose magnitude is below `min_weight`. Models
  // trained on different shuffles of the data err in different places; their mean errs
  // less than any of them, at the cost of one model.
  static SparseWeights Average(const std::vector<SparseWeights>& models, float min_weight);
  size_t feature_count() const { return features_; }
  size_t weight_count() const { return weight_count_; }
  float scale() const { return scale_; }

  void Write(ModelWriter& w) const;
  // Fails the reader on malformed data; classes must be below `class_count`, itself at
  // most kMaxRow.
  static SparseWeights Read(ModelReader& r, size_t class_count);

 private:
  static constexpr uint64_t kEmpty = 0;
  static uint64_t Mix(uint64_t h) { return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull; }
  // 8 bytes, so the table is half as large in cache: the key's high 32 bits (a feature
  // absent from the model matches one by chance once in 4 billion lookups), and the row.
  // A row of one weight is stored in the slot itself, saving a second cache miss:
  // weight << 16 | class << 8 (low byte 0). A row with weights for a good part of the
  // classes (the bias, frequent tags) is stored dense, all classes in order, and added
  // with vector instructions instead of one scattered add per weight: its index into
  // dense_ << 8 | 0xff. Any other row is a 24-bit start into entries_ and an 8-bit length
  // (rows hold at most one weight per class and models at most 255 classes, and a row of
  // 255 weights is dense, so the length is never 0xff).
  struct Slot {
    uint32_t key;  // 0 marks a free slot; keys are never 0 (see KeyOf)
    uint32_t row;
  };
  static bool IsInline(uint32_t row) { return (row & 0xff) == 0; }
  static bool IsDense(uint32_t row) { return (row & 0xff) == 0xff; }
  static uint32_t KeyOf(uint64_t h) {
    uint32_t k = static_cast<uint32_t>(h >> 32);
    return k == 0 ? 1 : k;
  }
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> Rows() const;
  static SparseWeights FromQuantized(std::vector<std::pair<uint64_t, std::vector<Entry>>> rows, float scale);

  std::vector<Slot, LargePageAllocator<Slot>> slots_;        // power-of-two open-addressing table, indexed by Mix(hash)
  std::vector<uint64_t> full_keys_;                          // per slot, the whole hash: kept for Write and Pruned
  std::vector<Entry, LargePageAllocator<Entry>> entries_;    // sparse rows of two weights or more
  std::vector<int16_t, LargePageAllocator<int16_t>> dense_;  // dense rows, classes_ weights each
  size_t classes_ = 0;                                       // 1 + the largest class with a weight
  // The row of slots_[i]: its weights, wherever they are stored.
  std::vector<Entry> RowAt(size_t i) const;
  size_t features_ = 0;
  size_t weight_count_ = 0;
  float scale_ = 1.0f;
};

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_SPARSE_WEIGHTS_H_
