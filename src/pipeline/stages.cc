// The list of stages, in the order they run. See docs/ARCHITECTURE.md.
#include "src/actors/actor_stage.h"
#include "src/clean/clean_stages.h"
#include "src/events/event_stage.h"
#include "src/legacy/tabari_stage.h"
#include "src/parse/parse_stage.h"
#include "src/pipeline/stage.h"
#include "src/segment/segment_stage.h"
#include "src/tag/tag_stage.h"
#include "src/when/date_stage.h"

namespace eventmill {

Result<std::vector<std::unique_ptr<Stage>>> BuildStages(const StageContext& context) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<when::DocumentDateStage>(context.options));
  stages.push_back(std::make_unique<clean::LineCleanStage>());
  auto segment = segment::SegmentStage::Create(context);
  if (!segment.ok()) return segment.status();
  stages.push_back(std::move(segment).value());
  stages.push_back(std::make_unique<clean::SentenceCleanStage>());
  auto tag = tag::TagStage::Create(context);
  if (!tag.ok()) return tag.status();
  stages.push_back(std::move(tag).value());
  auto parse = parse::ParseStage::Create(context);
  if (!parse.ok()) return parse.status();
  stages.push_back(std::move(parse).value());
  stages.push_back(std::make_unique<when::TimexStage>());
  if (!context.options.tabari_project.empty() && !context.options.petrarch_config.empty()) {
    return Status::InvalidArgument("code with TABARI or with PETRARCH dictionaries, not both");
  }
  const bool tabari = !context.options.tabari_project.empty() || !context.options.petrarch_config.empty();
  if (!tabari || context.options.tabari_use == PipelineOptions::TabariUse::kOnTop) {
    auto actors = actors::ActorStage::Create(context);
    if (!actors.ok()) return actors.status();
    stages.push_back(std::move(actors).value());
    auto events = events::EventStage::Create(context);
    if (!events.ok()) return events.status();
    stages.push_back(std::move(events).value());
  }
  if (tabari) {
    auto legacy = legacy::TabariStage::Create(context);
    if (!legacy.ok()) return legacy.status();
    stages.push_back(std::move(legacy).value());
  }
  stages.push_back(std::make_unique<when::EventDateStage>());
  return stages;
}

}  // namespace eventmill
