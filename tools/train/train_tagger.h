// Training the tagger and lemmatizer from a CoNLL-U treebank.
#ifndef EVENTMILL_TOOLS_TRAIN_TRAIN_TAGGER_H_
#define EVENTMILL_TOOLS_TRAIN_TRAIN_TAGGER_H_

#include <string>

#include "src/tag/tagger.h"
#include "tools/train/conllu.h"

namespace eventmill::train {

struct TaggerTrainingOptions {
  int epochs = 10;
  unsigned seed = 1;
  // Words seen at least this often with one tag (99% of the time) are tagged by lookup.
  int unambiguous_min_count = 20;
  float min_weight = 0.0f;  // averaged weights smaller than this are dropped
  // Words seen this often take only the classes they were seen with.
  int allowed_min_count = 3;
  // Word clusters for features (none: no cluster features); stored in the model.
  model::WordClusters clusters;
};

// Returns the serialized model file.
std::string TrainTagger(const Treebank& train, const TaggerTrainingOptions& options, const std::string& description);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_TRAIN_TAGGER_H_
