// Stage "segment": sentences and tokens over the text that is not removed.
#ifndef EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_
#define EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_

#include "src/pipeline/stage.h"
#include "src/segment/sentence_model.h"

namespace eventmill::segment {

// Splits each region between removed spans into sentences and tokens. Within a line the
// sentence model decides where sentences end. A line break ends a sentence unless the text
// is wrapped: the next line starts in lower case, or the line stops on a function word
// ("met on"); a blank line always does. Sentences over PipelineOptions::max_sentence_bytes
// are recorded as removed ("oversized-sentence").
class SegmentStage : public Stage {
 public:
  // Loads models/en_ewt.sentences.
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  // An empty `sentences` model splits by punctuation rules alone.
  SegmentStage(const PipelineOptions& options, SentenceModel sentences)
      : max_sentence_bytes_(options.max_sentence_bytes), sentences_(std::move(sentences)) {}
  std::string_view name() const override { return "segment"; }
  Status Process(Document& doc) const override;

 private:
  size_t max_sentence_bytes_;
  SentenceModel sentences_;
};

}  // namespace eventmill::segment

#endif  // EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_
