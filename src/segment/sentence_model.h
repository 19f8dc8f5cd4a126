// Where sentences end inside a line: an averaged-perceptron classifier over each gap
// between two tokens, trained on the sentence boundaries of UD English EWT. It sees the
// rule of EndsSentence (final punctuation, abbreviations) as one feature among the words
// and shapes around the gap, so it keeps the rule where the rule is right and learns the
// boundaries that carry no punctuation: a greeting, a signature, a date line, an e-mail
// header, a headline before its story ("PM Thanks for the note", "Hi all I wanted").
#ifndef EVENTMILL_SRC_SEGMENT_SENTENCE_MODEL_H_
#define EVENTMILL_SRC_SEGMENT_SENTENCE_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"
#include "src/model/model_file.h"
#include "src/model/sparse_weights.h"

namespace eventmill::segment {

// The classes of the classifier.
inline constexpr uint16_t kSentenceGoesOn = 0, kSentenceEnds = 1;

// Whether the classifier looks at the gap after tokens[i] at all: not after a word or
// number followed by a lower-case word, as sentences that start in lower case follow
// punctuation or a line break. Most gaps are these; skipping them saves time.
bool MayEndAfter(const std::vector<Token>& tokens, size_t i, std::string_view text);

// Feature hashes for the gap after tokens[i]; tokens[i + 1] exists and is on the same line.
// `since_start` counts the tokens of the sentence so far (tokens[i] included). Shared by
// training and splitting.
void BoundaryFeatures(const std::vector<Token>& tokens, size_t i, size_t since_start, std::string_view text,
                      std::vector<uint64_t>& out);

class SentenceModel {
 public:
  static constexpr std::string_view kKind = "sentences";
  static Result<SentenceModel> Load(std::string_view bytes, std::string_view name);
  static std::string Serialize(const model::ModelHeader& header, const model::SparseWeights& weights);

  // An empty model: EndsAfter falls back to the punctuation rule alone.
  SentenceModel() = default;
  bool empty() const { return weights_.feature_count() == 0; }

  // Whether a sentence ends after tokens[i], where tokens[i + 1] is on the same line.
  // `scratch` is working memory, so a caller looping over tokens allocates once.
  bool EndsAfter(const std::vector<Token>& tokens, size_t i, size_t since_start, std::string_view text,
                 std::vector<uint64_t>& scratch) const;
  const model::ModelHeader& header() const { return header_; }

 private:
  model::ModelHeader header_;
  model::SparseWeights weights_;
};

}  // namespace eventmill::segment

#endif  // EVENTMILL_SRC_SEGMENT_SENTENCE_MODEL_H_
