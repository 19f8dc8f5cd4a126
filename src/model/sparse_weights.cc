#include "src/model/sparse_weights.h"

#include <algorithm>
#include <cmath>

namespace eventmill::model {

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
  size_t capacity = 16;
  while (capacity * 2 < rows.size() * 3) capacity *= 2;  // load factor at most 2/3
  w.slots_.assign(capacity, Slot{0, 0});
  w.full_keys_.assign(capacity, kEmpty);
  const size_t mask = capacity - 1;
  for (auto& [key, entries] : rows) {
    // Callers check both limits first (Build and Read fail on them); a row past them
    // cannot be addressed by a slot.
    if (entries.size() > kMaxRow || w.entries_.size() + entries.size() >= kMaxEntries) continue;
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
    w.slots_[i] = {short_key, static_cast<uint32_t>(w.entries_.size() << 8 | entries.size())};
    w.full_keys_[i] = key;
    w.entries_.insert(w.entries_.end(), entries.begin(), entries.end());
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
          __builtin_prefetch(&entries_[slot.row >> 8]);
          break;
        }
        if (slot.key == 0) break;
      }
    }
    for (size_t k = 0; k < count; ++k) {
      const uint32_t begin = rows[k] >> 8, end = begin + (rows[k] & 0xff);
      for (uint32_t e = begin; e < end; ++e) scores[entries_[e].cls] += entries_[e].weight;
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
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].key == 0) continue;
    std::vector<ClassWeight> row;
    const uint32_t begin = slots_[i].row >> 8, end = begin + (slots_[i].row & 0xff);
    for (uint32_t e = begin; e < end; ++e) row.push_back({entries_[e].cls, entries_[e].weight * scale_});
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

void SparseWeights::Write(ModelWriter& out) const {
  out.U32(static_cast<uint32_t>(features_));
  out.F32(scale_);
  std::vector<size_t> used;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].key != 0) used.push_back(i);
  }
  std::sort(used.begin(), used.end(), [&](size_t a, size_t b) { return full_keys_[a] < full_keys_[b]; });
  for (size_t i : used) {
    const uint32_t begin = slots_[i].row >> 8, end = begin + (slots_[i].row & 0xff);
    out.U64(full_keys_[i]);
    out.U16(static_cast<uint16_t>(end - begin));
    for (uint32_t e = begin; e < end; ++e) {
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
