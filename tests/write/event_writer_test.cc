#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "eventmill/output.h"
#include "eventmill/pipeline.h"

namespace eventmill {
namespace {

Document Coded(const Pipeline& pipeline, const std::string& text) {
  auto doc = Document{};
  doc.meta.id = "d1";
  doc.meta.date = CivilDate::Parse("2022-05-04");
  doc.meta.date_origin = DocumentDateOrigin::kMetadata;
  doc.text = text;
  EXPECT_TRUE(pipeline.Process(doc).ok());
  return doc;
}

TEST(AppendJsonStringTest, EscapesControlCharactersAndQuotes) {
  std::string out;
  AppendJsonString(out, "a\"b\\c\nd\te\x01 \u00e9");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 \u00e9\"");
}

TEST(EventWriterTest, WritesTheJsonContract) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  std::string text = "Intro line.\nThe Kremlin accused \"Ukraine\" of shelling.";
  Document doc = Coded(*pipeline, text);
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kJsonl, pipeline->codebook());
  writer.Begin();
  ASSERT_EQ(writer.Write(doc), 1u);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["doc"], "d1");
  EXPECT_EQ(j["doc_date"], "2022-05-04");
  EXPECT_EQ(j["sentence_index"], 1);
  EXPECT_EQ(j["sentence"], "The Kremlin accused \"Ukraine\" of shelling.");
  size_t begin = j["span"][0], end = j["span"][1];
  EXPECT_EQ(text.substr(begin, end - begin), j["sentence"].get<std::string>());
  EXPECT_EQ(j["date"], "2022-05-04");
  EXPECT_EQ(j["date_precision"], "day");
  EXPECT_EQ(j["date_origin"], "document");
  EXPECT_EQ(j["source"]["code"], "RUSGOV");
  EXPECT_EQ(j["source"]["country"], "RUS");
  EXPECT_TRUE(j["source"]["org"].is_null());
  EXPECT_TRUE(j["source"]["name"].is_null());
  EXPECT_EQ(j["source"]["text"], "The Kremlin");
  EXPECT_EQ(j["target"]["code"], "UKR");
  EXPECT_EQ(j["cameo"], "112");
  EXPECT_EQ(j["root"], "11");
  EXPECT_EQ(j["label"], "Accuse");
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), -2.0);
  EXPECT_EQ(j["quad_class"], 3);
  EXPECT_EQ(j["plover"]["type"], "ACCUSE");
  EXPECT_EQ(j["trigger"]["text"], "accused");
}

TEST(EventWriterTest, WritesTsvWithAHeader) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  Document doc = Coded(*pipeline, "Egypt hosted Sudan.\tTabs\nstay inside.");
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kTsv, pipeline->codebook());
  writer.Begin();
  EXPECT_EQ(writer.Write(doc), 1u);
  std::istringstream lines(out.str());
  std::string header, row, extra;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_FALSE(std::getline(lines, extra));
  auto columns = [](const std::string& s) { return std::count(s.begin(), s.end(), '\t') + 1; };
  EXPECT_EQ(columns(header), columns(row));
  EXPECT_EQ(header.substr(0, 13), "doc\tdoc_date\t");
  EXPECT_NE(row.find("\tEGY\t"), std::string::npos);
  EXPECT_NE(row.find("\t043\t04\tHost a visit\t"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
