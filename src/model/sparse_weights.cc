#include "src/model/sparse_weights.h"

#include <algorithm>
#include <cmath>

namespace eventmill::model {

SparseWeights SparseWeights::FromQuantized(std::vector<std::pair<uint64_t, std::vector<Entry>>> rows, float scale) {
  SparseWeights w;
  w.scale_ = scale;
  // A feature hashing to the empty marker is dropped (probability 2^-64).
  std::erase_if(rows, [](const auto& r) { return r.first == kEmpty || r.second.empty(); });
  size_t capacity = 16;
  while (capacity * 2 < rows.size() * 3) capacity *= 2;  // load factor at most 2/3
  w.slots_.assign(capacity, Slot{kEmpty, 0, 0});
  const size_t mask = capacity - 1;
  for (auto& [key, entries] : rows) {
    size_t i = Mix(key) & mask;
    while (w.slots_[i].key != kEmpty && w.slots_[i].key != key) i = (i + 1) & mask;
    if (w.slots_[i].key == key) continue;  // duplicate hash: first wins
    w.slots_[i] = {key, static_cast<uint32_t>(w.entries_.size()),
                   static_cast<uint32_t>(w.entries_.size() + entries.size())};
    w.entries_.insert(w.entries_.end(), entries.begin(), entries.end());
    ++w.features_;
  }
  return w;
}

void SparseWeights::AddAll(const uint64_t* features, size_t n, float* scores) const {
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  constexpr size_t kBatch = 32;
  size_t home[kBatch];
  const Slot* found[kBatch];
  for (size_t start = 0; start < n; start += kBatch) {
    const size_t count = std::min(kBatch, n - start);
    for (size_t k = 0; k < count; ++k) {
      home[k] = Mix(features[start + k]) & mask;
      __builtin_prefetch(&slots_[home[k]]);
    }
    for (size_t k = 0; k < count; ++k) {
      found[k] = nullptr;
      for (size_t i = home[k];; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.key == features[start + k]) {
          found[k] = &slot;
          __builtin_prefetch(&entries_[slot.begin]);
          break;
        }
        if (slot.key == kEmpty) break;
      }
    }
    for (size_t k = 0; k < count; ++k) {
      if (!found[k]) continue;
      for (uint32_t e = found[k]->begin; e < found[k]->end; ++e) scores[entries_[e].cls] += entries_[e].weight;
    }
  }
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
  for (const Slot& slot : slots_) {
    if (slot.key == kEmpty) continue;
    std::vector<ClassWeight> row;
    for (uint32_t e = slot.begin; e < slot.end; ++e) row.push_back({entries_[e].cls, entries_[e].weight * scale_});
    rows.emplace_back(slot.key, std::move(row));
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

void SparseWeights::Write(ModelWriter& out) const {
  out.U32(static_cast<uint32_t>(features_));
  out.F32(scale_);
  for (const Slot& slot : slots_) {
    if (slot.key == kEmpty) continue;
    out.U64(slot.key);
    out.U16(static_cast<uint16_t>(slot.end - slot.begin));
    for (uint32_t e = slot.begin; e < slot.end; ++e) {
      out.U16(entries_[e].cls);
      out.U16(static_cast<uint16_t>(entries_[e].weight));
    }
  }
}

SparseWeights SparseWeights::Read(ModelReader& r, size_t class_count) {
  uint32_t n = r.Count(8 + 2);
  float scale = r.F32();
  if (r.ok() && !(scale > 0 && std::isfinite(scale))) r.Fail("bad weight scale");
  std::vector<std::pair<uint64_t, std::vector<Entry>>> rows;
  rows.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
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
