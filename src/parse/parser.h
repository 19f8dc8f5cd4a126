// Dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron, with
// the root after the last word (so exactly one word attaches to it). Linear in sentence
// length: 2n transitions, each scored once.
#ifndef EVENTMILL_SRC_PARSE_PARSER_H_
#define EVENTMILL_SRC_PARSE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"
#include "src/model/model_file.h"
#include "src/model/sparse_weights.h"
#include "src/model/word_clusters.h"

namespace eventmill::parse {

// A tagged sentence as the parser sees it.
struct ParseInput {
  std::vector<std::string> lower;  // lower-cased word forms
  std::vector<std::string> upos;   // universal tags, as the tagger predicts them
  std::vector<std::string> xpos;   // Penn tags, as the tagger predicts them
};

// The parser state. Words are 0..n-1; n is the root.
struct Configuration {
  explicit Configuration(int words);
  int n;
  std::vector<int> stack;
  int buffer = 0;  // the first buffer word; n when only the root is left
  std::vector<int> head, label;
  std::vector<int> left1, left2, right1, right2;  // outermost children, -1 if none
  std::vector<int> left_count, right_count;
  // The labels of each word's left and right children so far, one bit per label index
  // (mod 64): Zhang & Nivre's label-set features ("already has an nsubj").
  std::vector<uint64_t> left_labels, right_labels;
  bool Terminal() const { return stack.empty() && buffer == n; }
};

enum class Move { kShift, kLeft, kRight };

// Transition classes: 0 is SHIFT, 1..L are LEFT with label l-1, L+1..2L are RIGHT.
inline Move MoveOf(int cls, int labels) { return cls == 0 ? Move::kShift : cls <= labels ? Move::kLeft : Move::kRight; }
inline int LabelOf(int cls, int labels) { return cls == 0 ? -1 : (cls - 1) % labels; }

bool IsValid(const Configuration& c, Move move);
void Apply(Configuration& c, Move move, int label);

// A sentence's words, tags and labels hashed once, so each transition's features are
// combinations of integers rather than of strings.
struct FeatureInput {
  FeatureInput(const ParseInput& input, const std::vector<std::string>& labels, const model::WordClusters& clusters);
  // `tag` is the pair (UPOS, XPOS): the pair tells ADP from SCONJ under IN and AUX from
  // VERB under VB*, which Penn tags alone do not. `upos` is the universal tag alone.
  std::vector<uint64_t> word, tag, upos, suffix, label;
  std::vector<uint64_t> fine, coarse;  // word-cluster classes
};

// Which templates ParserFeatures emits: all of them; those of the buffer's first words only
// (they hold while the buffer's front stays); those that hold while s0 stays on the stack
// (s0's word and left children, s1 and its children, s2: nothing below s0 changes while it
// is there, and its left children came while it was b0); or the rest.
enum class FeatureGroup { kAll, kBuffer, kStack, kState };

// Feature hashes of a configuration. Shared by training and parsing.
void ParserFeatures(const FeatureInput& input, const Configuration& c, std::vector<uint64_t>& out,
                    FeatureGroup group = FeatureGroup::kAll);

struct Arc {
  int head;   // word index, -1 for the root
  int label;  // index into labels()
};

// The first and last word of every word's subtree, given each word's head (-1 for the
// root), children before heads: linear in the sentence. Trees from the parser are
// projective, so a subtree is the contiguous span [first, last].
struct SubtreeSpans {
  explicit SubtreeSpans(const std::vector<int>& heads);
  std::vector<int> first, last;
};

// Repairs a parse where one head took two subjects and the second, set off by commas
// right after the first's phrase, is an apposition to it ("The head of the Pentagon, Lloyd
// Austin, met ..."). A clause has one subject; a greedy parser that missed the apposition
// gives it a second.
struct AppositionLabels {
  int nsubj = -1, appos = -1, punct = -1;  // indices into a parser's labels, -1 if absent
  static AppositionLabels From(const std::vector<std::string>& labels);
};
void RepairAppositions(const ParseInput& input, const AppositionLabels& labels, std::vector<Arc>& arcs);

class ParserModel {
 public:
  static constexpr std::string_view kKind = "parser";
  static Result<ParserModel> Load(std::string_view bytes, std::string_view name);
  static std::string Serialize(const model::ModelHeader& header, const std::vector<std::string>& labels,
                               const model::SparseWeights& weights, const model::WordClusters& clusters);

  std::vector<Arc> Parse(const ParseInput& input) const;
  const std::vector<std::string>& labels() const { return labels_; }
  const model::ModelHeader& header() const { return header_; }
  const model::SparseWeights& weights() const { return weights_; }
  const model::WordClusters& clusters() const { return clusters_; }

 private:
  model::ModelHeader header_;
  std::vector<std::string> labels_;
  model::SparseWeights weights_;
  model::WordClusters clusters_;  // the table the weights were trained with
  AppositionLabels apposition_labels_;
};

}  // namespace eventmill::parse

#endif  // EVENTMILL_SRC_PARSE_PARSER_H_
