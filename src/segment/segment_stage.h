// Stage "segment": sentences and tokens over the text that is not removed.
#ifndef EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_
#define EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_

#include "src/pipeline/stage.h"

namespace eventmill::segment {

// Splits each region between removed spans into sentences and tokens. A line break ends a
// sentence unless the text is wrapped: the next line starts in lower case, or the line
// stops on a function word ("met on"); a blank line always does. Sentences over
// PipelineOptions::max_sentence_bytes are recorded as removed ("oversized-sentence").
class SegmentStage : public Stage {
 public:
  explicit SegmentStage(const PipelineOptions& options) : max_sentence_bytes_(options.max_sentence_bytes) {}
  std::string_view name() const override { return "segment"; }
  Status Process(Document& doc) const override;

 private:
  size_t max_sentence_bytes_;
};

}  // namespace eventmill::segment

#endif  // EVENTMILL_SRC_SEGMENT_SEGMENT_STAGE_H_
