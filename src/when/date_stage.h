// Stages "document-date", "timex" and "event-dates": when the document was written, the
// time expressions in it, and when each of its events happened.
#ifndef EVENTMILL_SRC_WHEN_DATE_STAGE_H_
#define EVENTMILL_SRC_WHEN_DATE_STAGE_H_

#include <optional>
#include <string_view>

#include "src/pipeline/stage.h"

namespace eventmill::when {

// Runs first, so later stages (a person's role on that day) see the date. A document
// without a date in its metadata takes, in this order: a dateline with a year opening the
// story ("MOSCOW, April 10, 2021 (Reuters) -"); a line near the top holding only a date
// ("Friday, July 19, 2024", origin "page-header": the page's day, maybe not the story's);
// PipelineOptions::default_date (origin "default").
class DocumentDateStage : public Stage {
 public:
  explicit DocumentDateStage(const PipelineOptions& options) : default_date_(options.default_date) {}
  std::string_view name() const override { return "document-date"; }
  Status Process(Document& doc) const override;

 private:
  std::optional<CivilDate> default_date_;
};

// A full date written out on its own: "Friday, July 19, 2024", "19 July 2024",
// "2024-07-19", "July 19, 2024 10:32 am". Exposed for tests.
std::optional<CivilDate> ParseDateLine(std::string_view line);

// Runs after "parse": finds and normalises the time expressions (Document::timexes). A
// document still without a date takes the latest full date its text names, as a lower
// bound (origin "latest-in-text"); deictic words ("today", "on Wednesday") are not
// resolved against such a bound, which may be days or years before the story.
class TimexStage : public Stage {
 public:
  std::string_view name() const override { return "timex"; }
  Status Process(Document& doc) const override;
};

// Runs last. Each event takes the date of the time expression attached (by the parse) to
// its trigger or its clause, else of the nearest one on a clause above it, else, for a
// clause opened by "then" or "at the time", the last date the text named before it; else
// the document date (origin "document"), unless that date is only a bound inferred from
// the text; else none. Expressions that bound an event rather than date it ("since 2014",
// "until Friday", "before March") and durations are never an event's date.
class EventDateStage : public Stage {
 public:
  std::string_view name() const override { return "event-dates"; }
  Status Process(Document& doc) const override;
};

}  // namespace eventmill::when

#endif  // EVENTMILL_SRC_WHEN_DATE_STAGE_H_
