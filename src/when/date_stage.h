// Stages "document-date" and "event-dates": when the document was written and when each
// of its events happened.
#ifndef EVENTMILL_SRC_WHEN_DATE_STAGE_H_
#define EVENTMILL_SRC_WHEN_DATE_STAGE_H_

#include <optional>

#include "src/pipeline/stage.h"

namespace eventmill::when {

// Runs first: a document without a date of its own takes PipelineOptions::default_date
// (origin "default"), so later stages (a person's role on that day) see it.
class DocumentDateStage : public Stage {
 public:
  explicit DocumentDateStage(const PipelineOptions& options) : default_date_(options.default_date) {}
  std::string_view name() const override { return "document-date"; }
  Status Process(Document& doc) const override;

 private:
  std::optional<CivilDate> default_date_;
};

// Runs last: each event takes the document date (origin "document", precision "day"), or
// stays undated (origin "none") when the document has none. No date is ever invented.
class EventDateStage : public Stage {
 public:
  std::string_view name() const override { return "event-dates"; }
  Status Process(Document& doc) const override;
};

}  // namespace eventmill::when

#endif  // EVENTMILL_SRC_WHEN_DATE_STAGE_H_
