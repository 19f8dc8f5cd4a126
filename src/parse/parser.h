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

namespace eventmill::parse {

// A tagged sentence as the parser sees it.
struct ParseInput {
  std::vector<std::string> lower;  // lower-cased word forms
  std::vector<std::string> tags;   // Penn (XPOS) tags
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
  FeatureInput(const ParseInput& input, const std::vector<std::string>& labels);
  std::vector<uint64_t> word, tag, suffix, label;
};

// Feature hashes of a configuration. Shared by training and parsing.
void ParserFeatures(const FeatureInput& input, const Configuration& c, std::vector<uint64_t>& out);

struct Arc {
  int head;   // word index, -1 for the root
  int label;  // index into labels()
};

class ParserModel {
 public:
  static constexpr std::string_view kKind = "parser";
  static Result<ParserModel> Load(std::string_view bytes, std::string_view name);
  static std::string Serialize(const model::ModelHeader& header, const std::vector<std::string>& labels,
                               const model::SparseWeights& weights);

  std::vector<Arc> Parse(const ParseInput& input) const;
  const std::vector<std::string>& labels() const { return labels_; }
  const model::ModelHeader& header() const { return header_; }
  const model::SparseWeights& weights() const { return weights_; }

 private:
  model::ModelHeader header_;
  std::vector<std::string> labels_;
  model::SparseWeights weights_;
};

}  // namespace eventmill::parse

#endif  // EVENTMILL_SRC_PARSE_PARSER_H_
