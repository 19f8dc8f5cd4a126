// Reading CoNLL-U treebanks for training and evaluation.
#ifndef EVENTMILL_TOOLS_TRAIN_CONLLU_H_
#define EVENTMILL_TOOLS_TRAIN_CONLLU_H_

#include <string>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::train {

struct Word {
  std::string form, lemma, upos, xpos, feats, deprel;
  int head = 0;  // 1-based; 0 is the root
};

// A surface token: one word, or a multiword token ("don't" -> "do", "n't").
struct SurfaceToken {
  std::string form;
  int first_word = 0;  // index into Sentence::words
  int word_count = 1;
  bool space_after = true;
};

struct Sentence {
  std::string id, text;
  bool new_paragraph = false;  // starts a paragraph or document
  std::vector<Word> words;
  std::vector<SurfaceToken> tokens;
};

struct Treebank {
  std::vector<Sentence> sentences;
  std::string sha256;  // of the file's bytes
};

Result<Treebank> ReadConllu(const std::string& path);

// True when the tree has no crossing arcs (the transition system only builds such trees).
bool IsProjective(const Sentence& s);

// Heads (1-based, 0 the root) of a projective tree close to the sentence's: while an arc
// crosses another, the shortest arc over a word its head does not dominate is lifted to the
// head's head (Nivre & Nilsson's lifting, labels kept). Training on lifted trees keeps the
// non-projective sentences' other arcs as evidence instead of dropping the sentence.
std::vector<int> ProjectiveHeads(const Sentence& s);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_CONLLU_H_
