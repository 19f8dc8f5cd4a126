#include "eventmill/document.h"

namespace eventmill {

bool Document::IsRemoved(Span span) const {
  for (const RemovedSpan& r : removed) {
    if (r.span.begin < span.end && span.begin < r.span.end) return true;
  }
  return false;
}

std::string_view ToString(DocumentDateOrigin origin) {
  switch (origin) {
    case DocumentDateOrigin::kNone:
      return "none";
    case DocumentDateOrigin::kMetadata:
      return "metadata";
    case DocumentDateOrigin::kDateline:
      return "dateline";
    case DocumentDateOrigin::kPageHeader:
      return "page-header";
    case DocumentDateOrigin::kDefault:
      return "default";
    case DocumentDateOrigin::kLatestInText:
      return "latest-in-text";
  }
  return "none";
}

bool IsConfident(DocumentDateOrigin origin) {
  return origin == DocumentDateOrigin::kMetadata || origin == DocumentDateOrigin::kDateline ||
         origin == DocumentDateOrigin::kDefault;
}

std::string_view ToString(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

std::string_view ToString(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kNone:
      return "none";
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "none";
}

std::string_view ToString(EventDateOrigin origin) {
  switch (origin) {
    case EventDateOrigin::kNone:
      return "none";
    case EventDateOrigin::kText:
      return "text";
    case EventDateOrigin::kDocument:
      return "document";
  }
  return "none";
}

}  // namespace eventmill
