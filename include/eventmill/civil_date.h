// A calendar day, as event data is dated.
#ifndef EVENTMILL_CIVIL_DATE_H_
#define EVENTMILL_CIVIL_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace eventmill {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31, valid for the month (leap years included)

  // Parses exactly "YYYY-MM-DD" and checks that the day exists.
  static std::optional<CivilDate> Parse(std::string_view iso);
  static bool IsValid(int year, int month, int day);
  std::string ToIso() const;  // "YYYY-MM-DD"
  auto operator<=>(const CivilDate&) const = default;
};

}  // namespace eventmill

#endif  // EVENTMILL_CIVIL_DATE_H_
