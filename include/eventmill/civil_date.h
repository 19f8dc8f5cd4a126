// A calendar day, as event data is dated.
#ifndef EVENTMILL_CIVIL_DATE_H_
#define EVENTMILL_CIVIL_DATE_H_

#include <compare>
#include <cstdint>
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
  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);
  // Days since 1970-01-01 (negative before it), and back; the proleptic Gregorian calendar.
  static CivilDate FromDays(int64_t days);
  int64_t ToDays() const;
  CivilDate AddDays(int64_t days) const { return FromDays(ToDays() + days); }
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int Weekday() const;
  // ISO 8601 week: the week-numbering year (which differs from `year` in the first and
  // last days of some years) and the week 1..53.
  struct IsoWeek {
    int year = 0;
    int week = 0;
  };
  IsoWeek Week() const;
  std::string ToIso() const;  // "YYYY-MM-DD"
  auto operator<=>(const CivilDate&) const = default;
};

}  // namespace eventmill

#endif  // EVENTMILL_CIVIL_DATE_H_
