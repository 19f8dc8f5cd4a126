// Word clusters: each word that is frequent in an unlabeled corpus belongs to a fine and a
// coarse class of words that occur in similar contexts (Brown et al.'s class-bigram
// objective). The tagger and parser use the classes as features, so what the treebank
// teaches about one word carries over to the words of its class, including words the
// treebank never saw ("Kharkiv" behaves like "Odesa").
#ifndef EVENTMILL_SRC_MODEL_WORD_CLUSTERS_H_
#define EVENTMILL_SRC_MODEL_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <unordered_map>

#include "src/model/model_file.h"

namespace eventmill::model {

class WordClusters {
 public:
  static constexpr uint16_t kUnknown = 0xffff;  // a word outside the clustered vocabulary
  struct Classes {
    uint16_t fine = kUnknown, coarse = kUnknown;
  };

  // `lower` is the lower-cased word (ASCII letters folded), as the tagger and parser see it.
  Classes Of(const std::string& lower) const {
    auto it = classes_.find(lower);
    return it == classes_.end() ? Classes{} : it->second;
  }
  size_t size() const { return classes_.size(); }
  bool empty() const { return classes_.empty(); }

  // A section of a model file: the table a model was trained with travels with it.
  void Write(ModelWriter& w) const;
  // Fails the reader on malformed data.
  static WordClusters Read(ModelReader& r);

  // For the training tool.
  explicit WordClusters(std::unordered_map<std::string, Classes> classes = {}) : classes_(std::move(classes)) {}

 private:
  std::unordered_map<std::string, Classes> classes_;
};

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_WORD_CLUSTERS_H_
