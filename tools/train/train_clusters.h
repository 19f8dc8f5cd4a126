// Building word clusters from unlabeled text by the exchange algorithm (Kneser & Ney 1993,
// Martin et al. 1998): words move between classes to maximise the likelihood of a class
// bigram model, the objective of Brown et al. (1992).
#ifndef EVENTMILL_TOOLS_TRAIN_TRAIN_CLUSTERS_H_
#define EVENTMILL_TOOLS_TRAIN_TRAIN_CLUSTERS_H_

#include <string>
#include <vector>

#include "src/model/word_clusters.h"

namespace eventmill::train {

struct ClusterOptions {
  int fine_classes = 256;
  int coarse_classes = 32;
  // Words seen fewer times stay unclustered: their contexts are too few to place them.
  int min_count = 3;
  int iterations = 30;  // at most; it stops when no word moves
};

// Token sequences of a corpus: each inner vector is a sentence or line of lower-cased
// words. Files ending in .conllu give their word forms; .csv files (a header with a "text"
// column, as the Wikinews export) and .md files (Markdown; link targets dropped) are read
// as running text and tokenized by eventmill's tokenizer.
struct Corpus {
  std::vector<std::vector<std::string>> sentences;
  std::string sha256;  // of the input files, in order
};
Corpus ReadCorpus(const std::vector<std::string>& paths, std::string& error);

model::WordClusters BuildClusters(const Corpus& corpus, const ClusterOptions& options);

// The model file holding only a cluster table (kind "clusters"), and reading it back.
std::string SerializeClusters(const model::WordClusters& clusters, const std::string& sha256,
                              const std::string& description);
struct LoadedClusters {
  model::WordClusters clusters;
  model::ModelHeader header;  // the corpus hash and description, for the models' descriptions
};
Result<LoadedClusters> LoadClusters(std::string_view bytes, std::string_view name);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_TRAIN_CLUSTERS_H_
