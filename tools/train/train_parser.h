// Training the dependency parser from a CoNLL-U treebank with a dynamic oracle.
#ifndef EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_
#define EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_

#include <string>
#include <vector>

#include "src/model/word_clusters.h"
#include "src/tag/tagger.h"
#include "tools/train/conllu.h"

namespace eventmill::train {

struct ParserTrainingOptions {
  int epochs = 12;
  // The parser is the mean of `members` perceptrons, each trained on its own shuffles of
  // the data (seeds seed, seed + 1, ...), trained in parallel on the machine's cores. The
  // mean parses better than any one member (docs/ACCURACY.md) at the same cost.
  int members = 4;
  unsigned seed = 1;
  // From the second epoch on, the parser follows its own prediction with this probability
  // (error exploration), learning to recover from its mistakes.
  double explore = 0.9;
  // Mean weights smaller than this are dropped: on EWT dev, 1.0 halves the model and
  // doubles its speed at no measurable cost in accuracy (docs/ACCURACY.md).
  float min_weight = 1.0f;
  // Word clusters for features (none: no cluster features); stored in the model.
  model::WordClusters clusters;
};

// `tags[s][i]` is the (UPOS, XPOS) the tagger predicts for word i of sentence s (training
// with predicted tags teaches the parser to cope with tagging errors).
std::string TrainParser(const Treebank& train, const std::vector<std::vector<tag::TagClass>>& tags,
                        const ParserTrainingOptions& options, const std::string& description);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_TRAIN_PARSER_H_
