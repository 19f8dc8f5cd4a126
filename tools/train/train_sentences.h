// Training the sentence-boundary classifier (src/segment/sentence_model.h) on the running
// text of a CoNLL-U treebank: its sentences' text joined by spaces within a paragraph, as
// raw text arrives, tokenized by eventmill's tokenizer, with the treebank's boundaries as
// the answers.
#ifndef EVENTMILL_TOOLS_TRAIN_TRAIN_SENTENCES_H_
#define EVENTMILL_TOOLS_TRAIN_TRAIN_SENTENCES_H_

#include <string>

#include "tools/train/conllu.h"

namespace eventmill::train {

struct SentenceTrainingOptions {
  int epochs = 8;
  unsigned seed = 1;
};

// Returns the serialized model file.
std::string TrainSentences(const Treebank& train, const SentenceTrainingOptions& options,
                           const std::string& description);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_TRAIN_SENTENCES_H_
