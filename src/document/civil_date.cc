#include "eventmill/civil_date.h"

#include <cstdio>

namespace eventmill {

namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool ParseDigits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

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
