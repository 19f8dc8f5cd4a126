// Stage "tag": UPOS, XPOS and lemma for every token of every sentence.
#ifndef EVENTMILL_SRC_TAG_TAG_STAGE_H_
#define EVENTMILL_SRC_TAG_TAG_STAGE_H_

#include <memory>
#include <optional>

#include "src/pipeline/stage.h"
#include "src/tag/tagger.h"

namespace eventmill::tag {

class TagStage : public Stage {
 public:
  // Loads models/en_ewt.tagger from the data (built in, or PipelineOptions::data_dir).
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  explicit TagStage(TaggerModel model) : model_(std::move(model)), past_tense_(model_.FindClass("VERB", "VBD")) {}
  std::string_view name() const override { return "tag"; }
  Status Process(Document& doc) const override;

 private:
  TaggerModel model_;
  std::optional<uint16_t> past_tense_;  // the model's (VERB, VBD) class
};

// "Irish guerrillas wounded two British soldiers": an "-ed" word the tagger read as an
// adjective between a noun and a determiner or number is a past tense (in UD English EWT
// train, 81 of 97 "-ed" words there are past tenses, 14 participles, 1 an adjective), unless
// units of time follow ("injured two days ago"). So is one between a plural noun and a name
// ("rebels shelled Kassala"; 4 of 4 in that treebank once dates and "years" are left out:
// "letters dated Jan 6"). The tagger's own lists cannot decide it:
// "wounded" is an adjective all three times it occurs in that treebank.
// `past_tense` is the model's (VERB, VBD) class.
void MarkPastTensesBeforeObjects(const TaggerModel& model, uint16_t past_tense, const TagInput& input, Document& doc,
                                 const Sentence& sentence);

// "has" before a participle is the perfect's auxiliary ("Ethiopia has broken relations"),
// whatever the tagger made of it: with the participle a verb, "has" cannot be the main
// verb. The tagger decides "has" before it sees the word after it.
void MarkPerfectAuxiliaries(Document& doc, const Sentence& sentence);

}  // namespace eventmill::tag

#endif  // EVENTMILL_SRC_TAG_TAG_STAGE_H_
