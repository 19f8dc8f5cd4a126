#include "src/model/sparse_weights.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace eventmill::model {

namespace {
constexpr size_t kLargePage = size_t{2} << 20;
}  // namespace

void* AllocateLarge(size_t bytes) {
#ifdef __linux__
  if (bytes >= kLargePage) {
    const size_t rounded = (bytes + kLargePage - 1) / kLargePage * kLargePage;
    void* p = std::aligned_alloc(kLargePage, rounded);
    if (!p) throw std::bad_alloc();
    madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without large pages it still works
    return p;
  }
#endif
  void* p = std::malloc(bytes > 0 ? bytes : 1);
  if (!p) throw std::bad_alloc();
  return p;
}

void FreeLarge(void* p, size_t) { std::free(p); }

SparseWeights SparseWeights::FromQuantized(std::vector<std::pair<uint64_t, std::vector<Entry>>> rows, float scale) {
  SparseWeights w;
  w.scale_ = scale;
  // A feature hashing to the empty marker is dropped (probability 2^-64).
  std::erase_if(rows, [](const auto& r) { return r.first == kEmpty || r.second.empty(); });
  // Slots depend on insertion order (linear probing): insert by key, so the same weights
  // give the same table and the same file whatever order the trainer's hash map produced.
  // Files are written in key order, so loading a model only checks.
  auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(rows.begin(), rows.end(), by_key)) std::sort(rows.begin(), rows.end(), by_key);
  for (const auto& row : rows) {
    for (const Entry& e : row.second) w.classes_ = std::max<size_t>(w.classes_, e.cls + size_t{1});
  }
  // Dense from a quarter of the classes on: a vector add over all classes then costs
  // less than the scattered adds, at most twice the memory of the sparse row.
  const size_t dense_from = std::max<size_t>(8, w.classes_ / 4);
  size_t capacity = 16;
  while (capacity * 2 < rows.size() * 3) capacity *= 2;  // load factor at most 2/3
  w.slots_.assign(capacity, Slot{0, 0});
  w.full_keys_.assign(capacity, kEmpty);
  const size_t mask = capacity - 1;
  for (auto& [key, entries] : rows) {
    // Callers check both limits first (Build and Read fail on them); a row past them
    // cannot be addressed by a slot.
    if (entries.size() > kMaxRow || w.entries_.size() + entries.size() >= kMaxEntries ||
        std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.cls >= kMaxRow; })) {
      continue;
    }
    const uint32_t short_key = KeyOf(key);
    size_t i = Mix(key) & mask;
    bool clash = false;
    while (w.slots_[i].key != 0) {
      // Two features whose high halves agree on one probe path cannot both be told apart:
      // the first wins (about one pair in a billion).
      if (w.slots_[i].key == short_key) clash = true;
      i = (i + 1) & mask;
    }
    if (clash) continue;
    if (entries.size() == 1) {
      w.slots_[i] = {short_key, static_cast<uint32_t>(static_cast<uint16_t>(entries[0].weight)) << 16 |
                                    static_cast<uint32_t>(entries[0].cls) << 8};
    } else if (entries.size() >= dense_from && w.dense_.size() / w.classes_ + 1 < (size_t{1} << 24)) {
      w.slots_[i] = {short_key, static_cast<uint32_t>(w.dense_.size() / w.classes_) << 8 | 0xff};
      const size_t start = w.dense_.size();
      w.dense_.resize(start + w.classes_, 0);
      for (const Entry& e : entries) w.dense_[start + e.cls] = e.weight;
    } else {
      w.slots_[i] = {short_key, static_cast<uint32_t>(w.entries_.size() << 8 | entries.size())};
      w.entries_.insert(w.entries_.end(), entries.begin(), entries.end());
    }
    w.full_keys_[i] = key;
    w.weight_count_ += entries.size();
    ++w.features_;
  }
  return w;
}

void SparseWeights::AddAll(const uint64_t* features, size_t n, float* scores) const {
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  constexpr size_t kBatch = 128;
  size_t home[kBatch];
  uint32_t rows[kBatch];
  for (size_t start = 0; start < n; start += kBatch) {
    const size_t count = std::min(kBatch, n - start);
    for (size_t k = 0; k < count; ++k) {
      home[k] = Mix(features[start + k]) & mask;
      __builtin_prefetch(&slots_[home[k]]);
    }
    for (size_t k = 0; k < count; ++k) {
      rows[k] = 0;
      const uint32_t key = KeyOf(features[start + k]);
      for (size_t i = home[k];; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.key == key) {
          rows[k] = slot.row;
          if (IsDense(slot.row)) {
            __builtin_prefetch(&dense_[(slot.row >> 8) * classes_]);
          } else if (!IsInline(slot.row)) {
            __builtin_prefetch(&entries_[slot.row >> 8]);
          }
          break;
        }
        if (slot.key == 0) break;
      }
    }
    for (size_t k = 0; k < count; ++k) {
      const uint32_t row = rows[k];
      if (IsInline(row)) {
        // rows[k] == 0 (no such feature) adds 0 to class 0.
        scores[(row >> 8) & 0xff] += static_cast<float>(static_cast<int16_t>(row >> 16));
        continue;
      }
      if (IsDense(row)) {
        const int16_t* dense = &dense_[(row >> 8) * classes_];
        for (size_t c = 0; c < classes_; ++c) scores[c] += static_cast<float>(dense[c]);
        continue;
      }
      const uint32_t begin = row >> 8, end = begin + (row & 0xff);
      for (uint32_t e = begin; e < end; ++e) scores[entries_[e].cls] += entries_[e].weight;
    }
  }
}

std::vector<SparseWeights::Entry> SparseWeights::RowAt(size_t i) const {
  const uint32_t row = slots_[i].row;
  if (IsInline(row)) return {Entry{static_cast<uint16_t>((row >> 8) & 0xff), static_cast<int16_t>(row >> 16)}};
  if (IsDense(row)) {
    std::vector<Entry> entries;
    for (size_t c = 0; c < classes_; ++c) {
      int16_t weight = dense_[(row >> 8) * classes_ + c];
      if (weight != 0) entries.push_back({static_cast<uint16_t>(c), weight});
    }
    return entries;
  }
  return std::vector<Entry>(entries_.begin() + (row >> 8), entries_.begin() + (row >> 8) + (row & 0xff));
}

SparseWeights SparseWeights::Build(std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features) {
  float largest = 0;
  for (const auto& [key, row] : features) {
    for (const ClassWeight& cw : row) largest = std::max(largest, std::fabs(cw.weight));
  }
  const float scale = largest > 0 ? largest / 32767.0f : 1.0f;
  std::vector<std::pair<uint64_t, std::vector<Entry>>> rows;
  rows.reserve(features.size());
  for (const auto& [key, row] : features) {
    std::vector<Entry> entries;
    for (const ClassWeight& cw : row) {
      long q = std::lround(cw.weight / scale);
      if (q != 0) entries.push_back({cw.cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    rows.emplace_back(key, std::move(entries));
  }
  return FromQuantized(std::move(rows), scale);
}

std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> SparseWeights::Rows() const {
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> rows;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].key == 0) continue;
    std::vector<ClassWeight> row;
    for (const Entry& e : RowAt(i)) row.push_back({e.cls, e.weight * scale_});
    rows.emplace_back(full_keys_[i], std::move(row));
  }
  return rows;
}

SparseWeights SparseWeights::Pruned(float min_weight) const {
  auto rows = Rows();
  for (auto& [key, row] : rows) {
    std::erase_if(row, [&](const ClassWeight& cw) { return std::fabs(cw.weight) < min_weight; });
  }
  return Build(std::move(rows));
}

SparseWeights SparseWeights::Average(const std::vector<SparseWeights>& models, float min_weight) {
  // Ordered by feature and class, summed in the models' order: the same models always
  // give the same weights.
  std::map<uint64_t, std::map<uint16_t, double>> sums;
  for (const SparseWeights& m : models) {
    for (const auto& [key, row] : m.Rows()) {
      for (const ClassWeight& cw : row) sums[key][cw.cls] += cw.weight;
    }
  }
  const double count = static_cast<double>(models.empty() ? 1 : models.size());
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> rows;
  for (const auto& [key, row] : sums) {
    std::vector<ClassWeight> kept;
    for (const auto& [cls, sum] : row) {
      const float mean = static_cast<float>(sum / count);
      if (std::fabs(mean) >= min_weight) kept.push_back({cls, mean});
    }
    if (!kept.empty()) rows.emplace_back(key, std::move(kept));
  }
  return Build(std::move(rows));
}

void SparseWeights::Write(ModelWriter& out) const {
  out.U32(static_cast<uint32_t>(features_));
  out.F32(scale_);
  std::vector<size_t> used;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].key != 0) used.push_back(i);
  }
  std::sort(used.begin(), used.end(), [&](size_t a, size_t b) { return full_keys_[a] < full_keys_[b]; });
  for (size_t i : used) {
    std::vector<Entry> row = RowAt(i);
    out.U64(full_keys_[i]);
    out.U16(static_cast<uint16_t>(row.size()));
    for (const Entry& e : row) {
      out.U16(e.cls);
      out.U16(static_cast<uint16_t>(e.weight));
    }
  }
}

SparseWeights SparseWeights::Read(ModelReader& r, size_t class_count) {
  // A slot holds the class of a one-weight row in 8 bits.
  if (class_count > kMaxRow) r.Fail("more classes than a model file holds");
  uint32_t n = r.Count(8 + 2);
  float scale = r.F32();
  if (r.ok() && !(scale > 0 && std::isfinite(scale))) r.Fail("bad weight scale");
  std::vector<std::pair<uint64_t, std::vector<Entry>>> rows;
  rows.reserve(n);
  size_t total = 0;
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
    total += count;
    if (count > kMaxRow || count > class_count || total >= kMaxEntries) {
      r.Fail("weight row beyond the format's limits");
      break;
    }
    std::vector<Entry> row;
    row.reserve(std::min<size_t>(count, class_count));
    for (uint16_t k = 0; k < count && r.ok(); ++k) {
      Entry e{r.U16(), static_cast<int16_t>(r.U16())};
      if (e.cls >= class_count) r.Fail("class index out of range");
      row.push_back(e);
    }
    rows.emplace_back(key, std::move(row));
  }
  if (!r.ok()) return {};
  return FromQuantized(std::move(rows), scale);
}

}  // namespace eventmill::model
