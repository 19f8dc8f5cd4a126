#include "src/model/sparse_weights.h"

#include <algorithm>

namespace eventmill::model {

SparseWeights SparseWeights::Build(std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features) {
  SparseWeights w;
  // A feature hashing to the empty marker is dropped (probability 2^-64).
  std::erase_if(features, [](const auto& f) { return f.first == kEmpty || f.second.empty(); });
  size_t capacity = 16;
  while (capacity < features.size() * 2) capacity *= 2;
  w.keys_.assign(capacity, kEmpty);
  std::vector<uint32_t> index_of_slot(capacity, UINT32_MAX);
  for (uint32_t i = 0; i < features.size(); ++i) {
    size_t mask = capacity - 1;
    size_t slot = Mix(features[i].first) & mask;
    while (w.keys_[slot] != kEmpty && w.keys_[slot] != features[i].first) slot = (slot + 1) & mask;
    if (w.keys_[slot] == features[i].first) continue;  // duplicate hash: first wins
    w.keys_[slot] = features[i].first;
    index_of_slot[slot] = i;
  }
  w.begin_.assign(capacity + 1, 0);
  for (size_t slot = 0; slot < capacity; ++slot) {
    w.begin_[slot] = static_cast<uint32_t>(w.entries_.size());
    if (index_of_slot[slot] == UINT32_MAX) continue;
    const auto& row = features[index_of_slot[slot]].second;
    w.entries_.insert(w.entries_.end(), row.begin(), row.end());
    ++w.features_;
  }
  w.begin_[capacity] = static_cast<uint32_t>(w.entries_.size());
  return w;
}

SparseWeights SparseWeights::Pruned(float min_weight) const {
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> rows;
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == kEmpty) continue;
    std::vector<ClassWeight> row;
    for (uint32_t i = begin_[slot]; i < begin_[slot + 1]; ++i) {
      if (entries_[i].weight >= min_weight || entries_[i].weight <= -min_weight) row.push_back(entries_[i]);
    }
    if (!row.empty()) rows.emplace_back(keys_[slot], std::move(row));
  }
  return Build(std::move(rows));
}

void SparseWeights::Write(ModelWriter& out) const {
  out.U32(static_cast<uint32_t>(features_));
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == kEmpty) continue;
    out.U64(keys_[slot]);
    out.U16(static_cast<uint16_t>(begin_[slot + 1] - begin_[slot]));
    for (uint32_t i = begin_[slot]; i < begin_[slot + 1]; ++i) {
      out.U16(entries_[i].cls);
      out.F32(entries_[i].weight);
    }
  }
}

SparseWeights SparseWeights::Read(ModelReader& r, size_t class_count) {
  uint32_t n = r.Count(8 + 2);
  std::vector<std::pair<uint64_t, std::vector<ClassWeight>>> features;
  features.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
    std::vector<ClassWeight> row;
    row.reserve(std::min<size_t>(count, class_count));
    for (uint16_t k = 0; k < count && r.ok(); ++k) {
      ClassWeight cw{r.U16(), r.F32()};
      if (cw.cls >= class_count) r.Fail("class index out of range");
      row.push_back(cw);
    }
    features.emplace_back(key, std::move(row));
  }
  if (!r.ok()) return {};
  return Build(std::move(features));
}

}  // namespace eventmill::model
