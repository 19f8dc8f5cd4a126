// Stages "clean-lines" and "clean-sentences": text that is not the story.
//
// Scraped pages carry page furniture inside the article: headline lists after "Read more:",
// advertisement markers, weather and date widgets, social-media and donation prompts. No
// event may be coded from them. Both stages record what they take out as RemovedSpan with
// a reason, so nothing is silently lost and the text can still be shown.
#ifndef EVENTMILL_SRC_CLEAN_CLEAN_STAGES_H_
#define EVENTMILL_SRC_CLEAN_CLEAN_STAGES_H_

#include "src/pipeline/stage.h"

namespace eventmill::clean {

// Runs before segmentation, line by line: page labels ("- Advertisement -", "Source link"),
// headline lists introduced by "Read more:" and similar, widgets (a temperature, a lone
// date), social-media prompts.
class LineCleanStage : public Stage {
 public:
  std::string_view name() const override { return "clean-lines"; }
  Status Process(Document& doc) const override;
};

// Runs after segmentation, sentence by sentence: appeals to the reader for donations,
// subscriptions or support ("Your support makes all the difference."). Removed sentences
// leave Document::sentences; their tokens stay in Document::tokens.
class SentenceCleanStage : public Stage {
 public:
  std::string_view name() const override { return "clean-sentences"; }
  Status Process(Document& doc) const override;
};

// The reason a single line is page furniture, or empty when it may be story text.
// Exposed for tests.
std::string_view ClassifyLine(std::string_view line);

}  // namespace eventmill::clean

#endif  // EVENTMILL_SRC_CLEAN_CLEAN_STAGES_H_
