// Part-of-speech tagger and lemmatizer: a greedy averaged-perceptron tagger that predicts
// the UPOS and XPOS of each token together, and a lemmatizer of suffix rules checked
// against the lemmas seen in training, with an exception table.
#ifndef EVENTMILL_SRC_TAG_TAGGER_H_
#define EVENTMILL_SRC_TAG_TAGGER_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eventmill/status.h"
#include "src/model/model_file.h"
#include "src/model/sparse_weights.h"
#include "src/model/word_clusters.h"

namespace eventmill::tag {

// The tagger's view of a sentence: surface forms of its words.
struct TagInput {
  std::vector<std::string_view> words;
  // Per word: seen (lower-cased) at least twice in training. Unknown words get features of
  // their own, so a capitalised unknown word is learnt as a name, not as whatever its
  // suffix suggests ("Norway" is not an adverb like "anyway").
  std::vector<bool> known;
  std::vector<std::string> lower;  // lower-cased words (ASCII letters folded)
  // Per word: a hash of the classes the tag dictionary allows it, or of "unknown". It lets
  // the greedy left-to-right tagger see what the next words can be ("to" + a word that can
  // only be a verb or a noun).
  std::vector<uint64_t> ambiguity;
  // Per word: its word-cluster classes (model::WordClusters::kUnknown outside the table).
  std::vector<model::WordClusters::Classes> clusters;
};

// Whether a Penn tag is that of a finite verb (past, present, modal).
bool IsFiniteVerbTag(std::string_view xpos);

struct TagClass {
  std::string upos, xpos;
};

// The second look: the greedy left-to-right pass sees none of the words after a word, so
// where two classes are told apart by the rest of the sentence, a word the first pass gave
// either is decided again with the whole sentence's first-pass tags. The shipped pair is a
// past tense or a participle ("Russian police arrested students" / "students were
// arrested"); the model format holds any number of pairs.
struct SecondLookPair {
  TagClass first, second;
};
// The pairs, in the order they are applied; a model stores one weight table for each.
const std::vector<SecondLookPair>& SecondLookPairs();

struct SentenceVerbs {
  // Per word, from a sentence's Penn tags: a finite verb before it, one after it, and the
  // tag of the nearest verb before it ("none"). Built once per sentence, so the second look
  // stays linear in the sentence's length.
  explicit SentenceVerbs(const std::vector<std::string_view>& xpos);
  std::vector<bool> finite_before, finite_after;
  std::vector<std::string_view> last_verb;
};
// Feature hashes of word i for the second look: the word, its neighbours' words and tags,
// an auxiliary to its left, the sentence's other verbs, a subject-like noun right before it
// with no verb yet.
void SecondLookFeatures(const TagInput& input, const std::vector<std::string_view>& xpos, const SentenceVerbs& verbs,
                        size_t i, std::vector<uint64_t>& out);

// Feature hashes for word i given the XPOS tags predicted for the two words before it
// ("" before the sentence start). Shared by training and tagging.
void TaggerFeatures(const TagInput& input, size_t i, const std::string& prev1, const std::string& prev2,
                    std::vector<uint64_t>& out);

// The lemma of `word` with Penn tag `xpos` by rule, choosing among candidate stems the one
// in `known` (lemmas seen in training) when there is one.
std::string RuleLemma(std::string_view word, std::string_view xpos, const std::unordered_set<std::string>& known);

// The best-scoring class, among `allowed` when it is given.
uint16_t BestClass(const std::vector<float>& scores, const std::vector<uint16_t>* allowed);

class TaggerModel {
 public:
  static constexpr std::string_view kKind = "tagger";
  static Result<TaggerModel> Load(std::string_view bytes, std::string_view name);

  // Tags one sentence: one class index per word.
  std::vector<uint16_t> Tag(const TagInput& input) const;
  std::string Lemma(std::string_view word, uint16_t cls) const;
  // Universal features ("Number=Plur", "Mood=Ind|Tense=Past|VerbForm=Fin"), or "" for none.
  const std::string& Feats(std::string_view lower_word, uint16_t cls) const;
  const TagClass& tag_class(uint16_t cls) const { return parts_.classes[cls]; }
  // The class of (upos, xpos), if the model has it.
  std::optional<uint16_t> FindClass(std::string_view upos, std::string_view xpos) const;
  size_t class_count() const { return parts_.classes.size(); }
  const model::ModelHeader& header() const { return header_; }

  // For training tools: assembles a model and writes it.
  struct Parts {
    std::vector<TagClass> classes;
    model::SparseWeights weights;
    std::unordered_map<std::string, uint16_t> unambiguous;          // frequent word -> its only class
    std::unordered_map<std::string, std::string> lemma_exceptions;  // "word\txpos" -> lemma
    std::unordered_set<std::string> known_lemmas;
    std::unordered_set<std::string> vocabulary;  // lower-cased training words seen twice or more
    // Lower-cased words seen often enough in training: the only classes they may take.
    std::unordered_map<std::string, std::vector<uint16_t>> allowed;
    // Morphological features: the commonest FEATS of each class, and of a word in a class
    // where that differs ("he" as PRON PRP: Case=Nom|Gender=Masc|...). Empty means "_".
    std::vector<std::string> class_feats;
    std::unordered_map<std::string, std::string> feats_exceptions;  // "lower\tclass" -> FEATS
    model::WordClusters clusters;                                   // the table the weights were trained with
    // The second look's weights, one table per pair of SecondLookPairs() (class 0 is the
    // pair's first, 1 its second).
    std::vector<model::SparseWeights> second_look;
  };
  // The classes word i may take, or nullptr for any.
  const std::vector<uint16_t>* Allowed(std::string_view word) const;
  // Fills input.lower, input.known, input.ambiguity and input.clusters for input.words.
  void Prepare(TagInput& input) const;
  static std::string Serialize(const model::ModelHeader& header, const Parts& parts);
  // What Prepare does, for training tools that hold Parts.
  static void PrepareWith(const Parts& parts, TagInput& input);

 private:
  model::ModelHeader header_;
  Parts parts_;
  // Per pair of SecondLookPairs(): its two class indices, -1 where the model lacks one.
  std::vector<std::pair<int, int>> second_look_classes_;
};

}  // namespace eventmill::tag

#endif  // EVENTMILL_SRC_TAG_TAGGER_H_
