// Stage "events": finds event words and assigns source and target actors.
#ifndef EVENTMILL_SRC_EVENTS_EVENT_STAGE_H_
#define EVENTMILL_SRC_EVENTS_EVENT_STAGE_H_

#include <memory>

#include "src/events/lexicon.h"
#include "src/pipeline/stage.h"

namespace eventmill::events {

// A shallow coder over tokens and actor mentions, precision first:
//  - the dependency parse names subject, object and passive agent where it can; otherwise
//    the source is the nearest actor before the event words in the same clause (a "he" or
//    "she" there is the last person named; actors inside an insertion between commas are
//    passed over), the target the first actor after them;
//  - passive voice ("were killed ... by Russian forces", "troops, accused by Kyiv of")
//    swaps them;
//  - "between A and B" gives both actors of a nominal event ("talks between A and B");
//  - coordinated targets ("his Russian and Ukrainian colleagues") give one event each, but
//    "and" before the subject of a new clause joins nothing;
//  - negated, modal (except the future for intents), conditional, asked-for or planned
//    ("urged Russia to stop attacking") and denied ("dismissed reports that") events are
//    not coded, nor questions;
//  - both actors must be specific: a country, an organisation or a named person.
class EventStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  explicit EventStage(Lexicon lexicon) : lexicon_(std::move(lexicon)) {}
  std::string_view name() const override { return "events"; }
  Status Process(Document& doc) const override;

 private:
  Lexicon lexicon_;
};

}  // namespace eventmill::events

#endif  // EVENTMILL_SRC_EVENTS_EVENT_STAGE_H_
