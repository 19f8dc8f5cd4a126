// Time expressions and their values, on sentences written for eventmill's tests.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/when/date_stage.h"

namespace eventmill {
namespace {

class TimexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = Pipeline::Create(PipelineOptions{});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    pipeline_ = new Pipeline(std::move(created).value());
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  // The expressions of `text` as "words=VALUE", with the document dated `date` ("" for none).
  static std::vector<std::string> Find(const std::string& text, const std::string& date) {
    Document doc;
    doc.text = text;
    if (!date.empty()) {
      doc.meta.date = CivilDate::Parse(date);
      doc.meta.date_origin = DocumentDateOrigin::kMetadata;
    }
    EXPECT_TRUE(pipeline_->Process(doc).ok());
    std::vector<std::string> found;
    for (const Timex& t : doc.timexes) found.push_back(std::string(doc.Slice(t.span)) + "=" + t.value);
    return found;
  }
  static std::string One(const std::string& text, const std::string& date) {
    auto found = Find(text, date);
    return found.size() == 1 ? found[0] : "(" + std::to_string(found.size()) + " found)";
  }

  static Pipeline* pipeline_;
};

Pipeline* TimexTest::pipeline_ = nullptr;

// 2021-04-02 was a Friday.
constexpr const char* kFriday = "2021-04-02";

TEST_F(TimexTest, WeekdaysFollowTheTense) {
  EXPECT_EQ(One("The ministers spoke on Wednesday.", kFriday), "Wednesday=2021-03-31");
  EXPECT_EQ(One("The ministers will speak on Wednesday.", kFriday), "Wednesday=2021-04-07");
  EXPECT_EQ(One("The ministers spoke on Friday.", kFriday), "Friday=2021-04-02");
  EXPECT_EQ(One("The ministers met last Friday.", kFriday), "last Friday=2021-03-26");
  EXPECT_EQ(One("The ministers meet next Monday.", kFriday), "next Monday=2021-04-05");
  EXPECT_EQ(One("The ministers are meeting on Monday.", kFriday), "Monday=2021-04-05");
  EXPECT_EQ(One("The ministers spoke on Thursday, April 1.", kFriday), "Thursday, April 1=2021-04-01");
}

TEST_F(TimexTest, DayAndMonthInBothOrders) {
  EXPECT_EQ(One("Violations peaked on 26 March.", kFriday), "26 March=2021-03-26");
  EXPECT_EQ(One("Violations peaked on March 26.", kFriday), "March 26=2021-03-26");
  EXPECT_EQ(One("Violations peaked on March 26, 2019.", kFriday), "March 26, 2019=2019-03-26");
  EXPECT_EQ(One("Violations peaked on the 26th of March.", kFriday), "the 26th of March=2021-03-26");
  EXPECT_EQ(One("Violations peaked on 26 March.", ""), "26 March=XXXX-03-26");
  EXPECT_EQ(One("The summit is planned for 26 March.", "2020-12-20"), "26 March=2021-03-26");
  EXPECT_EQ(One("Talks were held on 26 December.", "2021-01-03"), "26 December=2020-12-26");
}

TEST_F(TimexTest, YearsAndRelativePeriods) {
  EXPECT_EQ(One("The war began in 2014.", kFriday), "2014=2014");
  EXPECT_EQ(One("The deal was signed last year.", kFriday), "last year=2020");
  EXPECT_EQ(One("The deal will be signed next month.", kFriday), "next month=2021-05");
  EXPECT_EQ(One("The truce was agreed in July last year.", kFriday), "July last year=2020-07");
  EXPECT_EQ(One("The talks took place on March 15 last year.", kFriday), "March 15 last year=2020-03-15");
  EXPECT_EQ(One("The talks took place earlier this week.", kFriday), "earlier this week=2021-W13");
  EXPECT_EQ(One("The army withdrew in the 1990s.", kFriday), "the 1990s=199");
  EXPECT_EQ(One("Profits fell in the first quarter of 2009.", kFriday), "the first quarter of 2009=2009-Q1");
  EXPECT_EQ(One("The army has held the town since 2014.", kFriday), "2014=2014");
}

TEST_F(TimexTest, DaysNamedFromTheLastDay) {
  EXPECT_EQ(Find("The law passed on April 10. The vote came the day before.", "2021-04-12"),
            (std::vector<std::string>{"April 10=2021-04-10", "the day before=2021-04-09"}));
  EXPECT_EQ(Find("The law passed on April 10. On the eve, protesters gathered.", "2021-04-12"),
            (std::vector<std::string>{"April 10=2021-04-10", "the eve=2021-04-09"}));
  EXPECT_EQ(One("Protests began yesterday.", kFriday), "yesterday=2021-04-01");
  EXPECT_EQ(One("Protests began today.", kFriday), "today=2021-04-02");
  EXPECT_EQ(One("Shelling began 7-10 days ago.", kFriday), "7-10 days ago=2021-W12");
  EXPECT_EQ(One("Shelling began three weeks ago.", kFriday), "three weeks ago=2021-03-12");
}

TEST_F(TimexTest, TimesOfDay) {
  EXPECT_EQ(One("Shelling resumed late Tuesday night.", kFriday), "late Tuesday night=2021-03-30TNI");
  EXPECT_EQ(One("Shelling resumed this morning.", kFriday), "this morning=2021-04-02TMO");
  EXPECT_EQ(One("Shelling resumed at 18:00 UTC today.", kFriday), "18:00 UTC today=2021-04-02T18:00Z");
  EXPECT_EQ(One("Shelling resumed at 6:40 p.m.", kFriday), "6:40 p.m.=2021-04-02T18:40");
}

TEST_F(TimexTest, DurationsAndSets) {
  EXPECT_EQ(One("The siege lasted 12 years.", kFriday), "12 years=P12Y");
  EXPECT_EQ(One("The siege lasted nearly five months.", kFriday), "nearly five months=P5M");
  EXPECT_EQ(One("Prices rose over the past five trading days.", kFriday), "the past five trading days=P5D");
  EXPECT_EQ(One("They signed a 20-year lease.", kFriday), "20-year=P20Y");
  EXPECT_EQ(One("The talks took two and a half hours.", kFriday), "two and a half hours=PT2.5H");
  EXPECT_EQ(One("Inspectors visit every week.", kFriday), "every week=P1W");
  EXPECT_EQ(One("The aid is worth $40 million a year.", kFriday), "a year=P1Y");
  EXPECT_EQ(One("Tension has risen recently.", kFriday), "recently=PAST_REF");
}

TEST_F(TimexTest, WordsThatAreNotTimes) {
  EXPECT_TRUE(Find("Protesters march on the capital.", kFriday).empty());
  EXPECT_TRUE(Find("The minister may resign.", kFriday).empty());
  EXPECT_TRUE(Find("About a quarter of the troops left.", kFriday).empty());
  EXPECT_TRUE(Find("Police arrested 2000 protesters.", kFriday).empty());
  EXPECT_TRUE(Find("The spring offensive failed.", kFriday).empty());
}

TEST_F(TimexTest, IsoWeeksAtTheTurnOfTheYear) {
  // 2021-01-01 (a Friday) belongs to week 53 of 2020; 2024-12-30 to week 1 of 2025.
  EXPECT_EQ(One("The talks took place this week.", "2021-01-01"), "this week=2020-W53");
  EXPECT_EQ(One("The talks take place this week.", "2024-12-30"), "this week=2025-W01");
  EXPECT_EQ(One("The talks took place last week.", "2021-01-08"), "last week=2020-W53");
}

TEST_F(TimexTest, LeapYears) {
  EXPECT_EQ(One("The vote was held on February 29.", "2024-03-05"), "February 29=2024-02-29");
  EXPECT_EQ(One("The vote was held a year ago.", "2024-02-29"), "a year ago=2023");
  EXPECT_EQ(One("The vote was held yesterday.", "2024-03-01"), "yesterday=2024-02-29");
}

TEST(DocumentDateTest, ReadsDateLines) {
  EXPECT_EQ(when::ParseDateLine("Friday, July 19, 2024"), (CivilDate{2024, 7, 19}));
  EXPECT_EQ(when::ParseDateLine("19 July 2024"), (CivilDate{2024, 7, 19}));
  EXPECT_EQ(when::ParseDateLine("2024-07-19"), (CivilDate{2024, 7, 19}));
  EXPECT_EQ(when::ParseDateLine("Published: Jul 19, 2024 10:32 am"), (CivilDate{2024, 7, 19}));
  EXPECT_FALSE(when::ParseDateLine("July 19 talks"));
  EXPECT_FALSE(when::ParseDateLine("February 30, 2024"));
}

TEST(DocumentDateTest, TakesPageHeaderDatelineOrLatestDate) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  auto run = [&](const std::string& text) {
    Document doc;
    doc.text = text;
    EXPECT_TRUE(pipeline->Process(doc).ok());
    return std::pair{doc.meta.date ? doc.meta.date->ToIso() : "none", std::string(ToString(doc.meta.date_origin))};
  };
  EXPECT_EQ(run("21 C\nFriday, July 19, 2024\n\nThe ministers spoke on Tuesday.\n"),
            (std::pair<std::string, std::string>{"2024-07-19", "page-header"}));
  EXPECT_EQ(run("NAIROBI, March 3, 2021 (Reuters) - The ministers spoke on Tuesday.\n"),
            (std::pair<std::string, std::string>{"2021-03-03", "dateline"}));
  EXPECT_EQ(run("The ministers spoke on Tuesday. They last met on 3 March 2019.\n"),
            (std::pair<std::string, std::string>{"2019-03-03", "latest-in-text"}));
  EXPECT_EQ(run("The ministers spoke on Tuesday.\n"), (std::pair<std::string, std::string>{"none", "none"}));
}

}  // namespace
}  // namespace eventmill
