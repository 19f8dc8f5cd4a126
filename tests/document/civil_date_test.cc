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

}  // namespace
}  // namespace eventmill
