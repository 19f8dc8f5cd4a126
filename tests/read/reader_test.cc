#include "eventmill/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "src/read/utf8.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

TEST(Utf8Test, AcceptsValidAndFindsInvalid) {
  EXPECT_EQ(read::FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(read::FindInvalidUtf8("Kyiv \u2014 \u041a\u0438\u0457\u0432 \U0001F600"), std::string_view::npos);
  EXPECT_EQ(read::FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(read::FindInvalidUtf8("\xc0\xaf"), 0u);          // overlong slash
  EXPECT_EQ(read::FindInvalidUtf8("x\xed\xa0\x80"), 1u);     // surrogate
  EXPECT_EQ(read::FindInvalidUtf8("\xe2\x80"), 0u);          // truncated
  EXPECT_EQ(read::FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
}

TEST(ReaderTest, TakesTheDateHeaderAndKeepsOffsets) {
  auto doc = DocumentFromText(" date 2021-04-02 The minister spoke.\nSecond line.", "a", "a.txt");
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(doc->meta.date);
  EXPECT_EQ(doc->meta.date->ToIso(), "2021-04-02");
  EXPECT_EQ(doc->meta.date_origin, DocumentDateOrigin::kMetadata);
  ASSERT_EQ(doc->removed.size(), 1u);
  EXPECT_EQ(doc->Slice(doc->removed[0].span), " date 2021-04-02 ");
  EXPECT_EQ(doc->removed[0].reason, "metadata");
  EXPECT_EQ(doc->text.substr(0, 5), " date");  // the text is the file, unchanged
}

TEST(ReaderTest, LeavesTextWithoutHeaderUndated) {
  auto doc = DocumentFromText("The date of the meeting is unknown.", "b", "b.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->meta.date);
  EXPECT_TRUE(doc->removed.empty());
  auto bad_date = DocumentFromText("date 2021-02-30 text", "c", "c.txt");
  ASSERT_TRUE(bad_date.ok());
  EXPECT_FALSE(bad_date->meta.date);
}

TEST(ReaderTest, RefusesBinaryInvalidAndEmptyText) {
  auto binary = DocumentFromText(std::string("PK\x03\x04\0\0", 6), "z", "z.txt");
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
  auto invalid = DocumentFromText("caf\xe9 au lait", "l", "l.txt");
  ASSERT_FALSE(invalid.ok());
  EXPECT_NE(invalid.status().message().find("UTF-8"), std::string::npos);
  auto empty = DocumentFromText(" \n\t\n", "e", "e.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
}

TEST(ReaderTest, ReadsJsonLines) {
  auto doc = DocumentFromJsonLine(
      R"({"id": "x1", "date": "2022-03-01T10:00:00Z", "title": "T", "url": "https://example.org/a", "text": "Body."})",
      "f.jsonl:1");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->meta.id, "x1");
  EXPECT_EQ(doc->meta.title, "T");
  EXPECT_EQ(doc->meta.url, "https://example.org/a");
  EXPECT_EQ(doc->meta.date->ToIso(), "2022-03-01");
  EXPECT_EQ(doc->text, "Body.");
  auto numeric_id = DocumentFromJsonLine(R"({"id": 42, "text": "Body."})", "f.jsonl:2");
  ASSERT_TRUE(numeric_id.ok());
  EXPECT_EQ(numeric_id->meta.id, "42");
}

TEST(ReaderTest, ExplainsBadJsonLines) {
  EXPECT_FALSE(DocumentFromJsonLine("{not json", "f:1").ok());
  EXPECT_FALSE(DocumentFromJsonLine("[1,2]", "f:1").ok());
  EXPECT_FALSE(DocumentFromJsonLine(R"({"id": "a"})", "f:1").ok());
  EXPECT_FALSE(DocumentFromJsonLine(R"({"text": 5})", "f:1").ok());
  EXPECT_FALSE(DocumentFromJsonLine(R"({"text": "x", "date": "yesterday"})", "f:1").ok());
  EXPECT_FALSE(DocumentFromJsonLine(R"({"text": "x", "title": ["a"]})", "f:1").ok());
  // A number out of range is a parse failure of its own kind: still an error, never a throw.
  EXPECT_FALSE(DocumentFromJsonLine(R"({"text": "x", "n": 1e999})", "f:1").ok());
}

class ReadInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("eventmill_reader_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    Write(dir_ / "a.txt", "date 2020-01-02 First article.");
    Write(dir_ / "sub" / "b.jsonl",
          "{\"id\":\"b1\",\"text\":\"One.\"}\n\n{\"id\":\"b2\",\"text\":7}\n{\"id\":\"b3\",\"text\":\"Three.\"}\n");
    Write(dir_ / "c.txt", std::string("\x7f"
                                      "ELF\0\0\0",
                                      7));
    Write(dir_ / "picture.png", "not an input");
    Write(dir_ / ".hidden.txt", "hidden");
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  fs::path dir_;
};

TEST_F(ReadInputsTest, WalksDirectoriesAndReportsEachBadInput) {
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  ReadInputs(
      {dir_.string(), (dir_ / "missing").string()}, ReaderOptions{}, [&](Document&& d) { ids.push_back(d.meta.id); },
      [&](const InputError& e) { errors.push_back(e.input + " " + e.status.ToString()); });
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b1", "b3"}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("c.txt"), std::string::npos);
  EXPECT_NE(errors[0].find("binary"), std::string::npos);
  EXPECT_NE(errors[1].find("b.jsonl:3"), std::string::npos);
  EXPECT_NE(errors[2].find("missing"), std::string::npos);
  EXPECT_NE(errors[2].find("no such file"), std::string::npos);
}

TEST_F(ReadInputsTest, ReportsSymlinkLoopsAndGoesOn) {
  fs::create_directories(dir_ / "loop");
  fs::create_symlink(dir_ / "loop" / "b", dir_ / "loop" / "a");
  fs::create_symlink(dir_ / "loop" / "a", dir_ / "loop" / "b");
  std::vector<std::string> ids, errors;
  ReadInputs(
      {(dir_ / "loop").string(), (dir_ / "a.txt").string()}, ReaderOptions{},
      [&](Document&& d) { ids.push_back(d.meta.id); }, [&](const InputError& e) { errors.push_back(e.input); });
  EXPECT_EQ(ids, std::vector<std::string>{"a"});
  EXPECT_FALSE(errors.empty());
}

TEST_F(ReadInputsTest, RefusesInputsOverTheSizeLimit) {
  ReaderOptions options;
  options.max_input_bytes = 10;
  std::vector<std::string> errors;
  ReadInputs(
      {(dir_ / "a.txt").string()}, options, [](Document&&) {},
      [&](const InputError& e) { errors.push_back(e.status.message()); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("too large"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
