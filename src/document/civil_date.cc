#include "eventmill/civil_date.h"

#include <cstdio>

namespace eventmill {

namespace {

bool ParseDigits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

bool CivilDate::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int CivilDate::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

namespace {

// Days from 0001-01-01 to the first day of `year`.
int64_t DaysBeforeYear(int64_t year) {
  const int64_t y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}

constexpr int64_t kEpochDays = 719162;  // DaysBeforeYear(1970)

}  // namespace

int64_t CivilDate::ToDays() const {
  int64_t days = DaysBeforeYear(year) - kEpochDays;
  for (int m = 1; m < month; ++m) days += DaysInMonth(year, m);
  return days + day - 1;
}

CivilDate CivilDate::FromDays(int64_t days) {
  // A year estimate from the mean Gregorian year, corrected by at most a step either way.
  int64_t year = 1970 + (days * 400) / 146097;
  while (DaysBeforeYear(year) - kEpochDays > days) --year;
  while (DaysBeforeYear(year + 1) - kEpochDays <= days) ++year;
  int64_t rest = days - (DaysBeforeYear(year) - kEpochDays);
  CivilDate date{static_cast<int>(year), 1, 1};
  while (rest >= DaysInMonth(date.year, date.month)) rest -= DaysInMonth(date.year, date.month++);
  date.day = static_cast<int>(rest) + 1;
  return date;
}

int CivilDate::Weekday() const {
  const int64_t days = ToDays();               // 1970-01-01 was a Thursday (4)
  const int64_t w = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

CivilDate::IsoWeek CivilDate::Week() const {
  // The week belongs to the year of its Thursday.
  const CivilDate thursday = AddDays(4 - Weekday());
  const int64_t first = CivilDate{thursday.year, 1, 1}.ToDays();
  return IsoWeek{thursday.year, static_cast<int>((thursday.ToDays() - first) / 7) + 1};
}

bool CivilDate::IsValid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::optional<CivilDate> CivilDate::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  CivilDate date;
  if (!ParseDigits(iso.substr(0, 4), date.year) || !ParseDigits(iso.substr(5, 2), date.month) ||
      !ParseDigits(iso.substr(8, 2), date.day)) {
    return std::nullopt;
  }
  if (!IsValid(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::string CivilDate::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace eventmill
