#include "eventmill/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eventmill/eventmill.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

TEST(PipelineTest, ListsItsStagesInOrder) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::vector<std::string_view> expected = {"document-date", "clean-lines", "segment", "clean-sentences",
                                            "tag",           "parse",       "timex",   "actors",
                                            "events",        "event-dates"};
  EXPECT_EQ(pipeline->StageNames(), expected);
  EXPECT_STREQ(Version(), "0.1.0");
}

TEST(PipelineTest, DefaultDateFillsOnlyUndatedDocuments) {
  PipelineOptions options;
  options.default_date = CivilDate::Parse("2020-06-01");
  auto pipeline = Pipeline::Create(options);
  Document undated;
  undated.text = "Egypt hosted Sudan.";
  ASSERT_TRUE(pipeline->Process(undated).ok());
  EXPECT_EQ(undated.meta.date->ToIso(), "2020-06-01");
  EXPECT_EQ(undated.meta.date_origin, DocumentDateOrigin::kDefault);
  ASSERT_EQ(undated.events.size(), 1u);
  EXPECT_EQ(undated.events[0].date_origin, EventDateOrigin::kDocument);

  Document dated;
  dated.text = "Egypt hosted Sudan.";
  dated.meta.date = CivilDate::Parse("2019-01-01");
  dated.meta.date_origin = DocumentDateOrigin::kMetadata;
  ASSERT_TRUE(pipeline->Process(dated).ok());
  EXPECT_EQ(dated.meta.date->ToIso(), "2019-01-01");
}

TEST(PipelineTest, UndatedDocumentsGiveUndatedEvents) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  Document doc;
  doc.text = "Egypt hosted Sudan.";
  ASSERT_TRUE(pipeline->Process(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_FALSE(doc.events[0].date);
  EXPECT_EQ(doc.events[0].date_origin, EventDateOrigin::kNone);
  EXPECT_EQ(doc.events[0].date_precision, DatePrecision::kNone);
}

class DataDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("eventmill_data_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));  // two test runs at once (two checkouts) must not share it
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "lexicon");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DataDirTest, ReplacesBuiltInFilesFromADirectory) {
  std::ofstream(dir_ / "lexicon" / "events.txt") << "# eventmill-lexicon\t1\nverb\tscold\t111\n";
  PipelineOptions options;
  options.data_dir = dir_.string();
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Document doc;
  doc.text = "Norway scolded Sweden. Egypt hosted Sudan.";
  ASSERT_TRUE(pipeline->Process(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);  // only the replacement lexicon's verb
  EXPECT_EQ(doc.events[0].cameo, "111");
}

TEST(PipelineTest, RefusesAMissingDataDirectory) {
  PipelineOptions options;
  options.data_dir = "/nonexistent/eventmill-data";
  auto pipeline = Pipeline::Create(options);
  ASSERT_FALSE(pipeline.ok());
  EXPECT_EQ(pipeline.status().code(), StatusCode::kNotFound);
}

TEST_F(DataDirTest, ReportsACorruptDataFile) {
  std::ofstream(dir_ / "lexicon" / "events.txt") << "# eventmill-lexicon\t1\nverb\tscold\t999\n";
  PipelineOptions options;
  options.data_dir = dir_.string();
  auto pipeline = Pipeline::Create(options);
  ASSERT_FALSE(pipeline.ok());
  EXPECT_EQ(pipeline.status().code(), StatusCode::kCorruptData);
  EXPECT_NE(pipeline.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
