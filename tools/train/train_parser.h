// Training the dependency parser from a CoNLL-U treebank with a dynamic oracle.
#ifndef EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_
#define EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_

#include <string>
#include <vector>

#include "src/model/word_clusters.h"
#include "tools/train/conllu.h"

namespace eventmill::train {

struct ParserTrainingOptions {
  int epochs = 12;
  unsigned seed = 1;
  // From the second epoch on, the parser follows its own prediction with this probability
  // (error exploration), learning to recover from its mistakes.
  double explore = 0.9;
  // Averaged weights smaller than this are dropped: on EWT dev, 1.0 halves the model and
  // doubles its speed at no measurable cost in accuracy (docs/ACCURACY.md).
  float min_weight = 1.0f;
  // Word clusters for features (none: no cluster features); stored in the model.
  model::WordClusters clusters;
};

// `tags[s][i]` is the Penn tag the tagger predicts for word i of sentence s (training
// with predicted tags teaches the parser to cope with tagging errors).
std::string TrainParser(const Treebank& train, const std::vector<std::vector<std::string>>& tags,
                        const ParserTrainingOptions& options, const std::string& description);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_
