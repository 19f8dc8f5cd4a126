#include "eventmill/civil_date.h"

#include <gtest/gtest.h>

#include "eventmill/status.h"

namespace eventmill {
namespace {

TEST(CivilDateTest, ParsesIsoDates) {
  auto d = CivilDate::Parse("2021-04-02");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2021);
  EXPECT_EQ(d->month, 4);
  EXPECT_EQ(d->day, 2);
  EXPECT_EQ(d->ToIso(), "2021-04-02");
}

TEST(CivilDateTest, KnowsLeapYears) {
  EXPECT_TRUE(CivilDate::Parse("2024-02-29"));
  EXPECT_TRUE(CivilDate::Parse("2000-02-29"));
  EXPECT_FALSE(CivilDate::Parse("2023-02-29"));
  EXPECT_FALSE(CivilDate::Parse("1900-02-29"));
}

TEST(CivilDateTest, RejectsMalformedDates) {
  for (const char* bad : {"2021-4-02", "2021-13-01", "2021-00-10", "2021-04-31", "20210402", "2021-04-02x", "",
                          "abcd-ef-gh", "2021/04/02"}) {
    EXPECT_FALSE(CivilDate::Parse(bad)) << bad;
  }
}

TEST(CivilDateTest, OrdersByDay) {
  EXPECT_LT(*CivilDate::Parse("2020-12-31"), *CivilDate::Parse("2021-01-01"));
  EXPECT_EQ(*CivilDate::Parse("2021-01-01"), *CivilDate::Parse("2021-01-01"));
}

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<std::string> value = std::string("seven");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "seven");
  Result<std::string> error = Status::NotFound("gone");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(error.status().ToString(), "not found: gone");
  Result<std::string> misuse = Status::Ok();
  EXPECT_FALSE(misuse.ok());
  EXPECT_EQ(misuse.status().code(), StatusCode::kInternal);
}

TEST(CivilDateTest, CountsDaysAndWeekdays) {
  EXPECT_EQ((CivilDate{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((CivilDate{1969, 12, 31}).ToDays(), -1);
  EXPECT_EQ((CivilDate{2000, 3, 1}).ToDays() - (CivilDate{2000, 2, 28}).ToDays(), 2);  // 2000 was leap
  EXPECT_EQ((CivilDate{1900, 3, 1}).ToDays() - (CivilDate{1900, 2, 28}).ToDays(), 1);  // 1900 was not
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(CivilDate::FromDays(d).ToDays(), d);
  EXPECT_EQ((CivilDate{2021, 3, 31}).Weekday(), 3);  // a Wednesday
  EXPECT_EQ((CivilDate{2024, 7, 19}).Weekday(), 5);  // a Friday
  EXPECT_EQ((CivilDate{2024, 2, 28}).AddDays(1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ((CivilDate{2023, 12, 31}).AddDays(1), (CivilDate{2024, 1, 1}));
}

TEST(CivilDateTest, NumbersIsoWeeks) {
  EXPECT_EQ((CivilDate{2021, 1, 1}).Week().year, 2020);
  EXPECT_EQ((CivilDate{2021, 1, 1}).Week().week, 53);
  EXPECT_EQ((CivilDate{2021, 1, 4}).Week().week, 1);
  EXPECT_EQ((CivilDate{2024, 12, 30}).Week().year, 2025);
  EXPECT_EQ((CivilDate{2024, 12, 30}).Week().week, 1);
  EXPECT_EQ((CivilDate{2021, 3, 31}).Week().week, 13);
}

}  // namespace
}  // namespace eventmill
