#include "src/when/date_stage.h"

namespace eventmill::when {

Status DocumentDateStage::Process(Document& doc) const {
  if (!doc.meta.date && default_date_) {
    doc.meta.date = default_date_;
    doc.meta.date_origin = DocumentDateOrigin::kDefault;
  }
  return Status::Ok();
}

Status EventDateStage::Process(Document& doc) const {
  for (Event& event : doc.events) {
    if (event.date) continue;  // dated by an earlier stage
    if (doc.meta.date) {
      event.date = doc.meta.date;
      event.date_precision = DatePrecision::kDay;
      event.date_origin = EventDateOrigin::kDocument;
    } else {
      event.date_precision = DatePrecision::kNone;
      event.date_origin = EventDateOrigin::kNone;
    }
  }
  return Status::Ok();
}

}  // namespace eventmill::when
