// Scoring eventmill's tagger and parser against a gold treebank, CoNLL 2018 style.
#ifndef EVENTMILL_TOOLS_TRAIN_EVALUATE_H_
#define EVENTMILL_TOOLS_TRAIN_EVALUATE_H_

#include <string>

#include "src/parse/parser.h"
#include "src/segment/sentence_model.h"
#include "src/tag/tagger.h"
#include "tools/train/conllu.h"

namespace eventmill::train {

struct Scores {
  size_t gold_words = 0, system_words = 0;
  size_t words = 0, upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;  // correct counts
  size_t gold_sentences = 0, system_sentences = 0, sentences = 0;
  double seconds = 0;  // time spent segmenting, tagging and parsing
  // F1 of a correct count (equals accuracy when the words are the gold ones).
  double F1(size_t correct) const;
};

// Tags and parses the gold words of each sentence.
Scores EvaluateGoldTokens(const tag::TaggerModel& tagger, const parse::ParserModel& parser, const Treebank& gold);

// Rebuilds the treebank's running text from its sentences' text, then segments, tags and
// parses it as eventmill does with any article; words are aligned by character spans
// (multiword tokens by their word forms). LAS compares universal relations.
Scores EvaluateRawText(const segment::SentenceModel& sentences, const tag::TaggerModel& tagger,
                       const parse::ParserModel& parser, const Treebank& gold);

std::string FormatScores(const std::string& title, const Scores& scores);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_EVALUATE_H_
