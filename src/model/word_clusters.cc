#include "src/model/word_clusters.h"

#include <algorithm>
#include <vector>

namespace eventmill::model {

void WordClusters::Write(ModelWriter& w) const {
  // In word order, so the same table always gives the same bytes.
  std::vector<const std::pair<const std::string, Classes>*> entries;
  for (const auto& entry : classes_) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
  w.U32(static_cast<uint32_t>(entries.size()));
  for (const auto* entry : entries) {
    w.Str(entry->first);
    w.U16(entry->second.fine);
    w.U16(entry->second.coarse);
  }
}

WordClusters WordClusters::Read(ModelReader& r) {
  uint32_t n = r.Count(4 + 2 + 2);
  std::unordered_map<std::string, Classes> classes;
  classes.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string word = r.Str();
    Classes c;
    c.fine = r.U16();
    c.coarse = r.U16();
    if (r.ok() && !classes.emplace(std::move(word), c).second) r.Fail("word clustered twice");
  }
  if (!r.ok()) return WordClusters();
  return WordClusters(std::move(classes));
}

}  // namespace eventmill::model
