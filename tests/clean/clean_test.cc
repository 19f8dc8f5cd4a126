#include <gtest/gtest.h>

#include "eventmill/pipeline.h"
#include "src/clean/clean_stages.h"

namespace eventmill {
namespace {

TEST(ClassifyLineTest, RecognisesPageFurniture) {
  EXPECT_EQ(clean::ClassifyLine("- Advertisement -"), "page-label");
  EXPECT_EQ(clean::ClassifyLine("Source link"), "page-label");
  EXPECT_EQ(clean::ClassifyLine("Read more:"), "headline-list");
  EXPECT_EQ(clean::ClassifyLine("RELATED STORIES"), "headline-list");
  EXPECT_EQ(clean::ClassifyLine("21.4 C"), "widget");
  EXPECT_EQ(clean::ClassifyLine("-3\u00B0C"), "widget");
  EXPECT_EQ(clean::ClassifyLine("Tuesday, March 3, 2020"), "widget");
  EXPECT_EQ(clean::ClassifyLine("Follow our page on Facebook for the latest news!"), "social-prompt");
}

TEST(ClassifyLineTest, LeavesStoryTextAlone) {
  EXPECT_EQ(clean::ClassifyLine("The minister said talks would resume on March 3, 2020."), "");
  EXPECT_EQ(clean::ClassifyLine("Read more about the summit in our report."), "");
  EXPECT_EQ(clean::ClassifyLine("- Two soldiers were wounded near the border."), "");
  EXPECT_EQ(clean::ClassifyLine("The army said 12 C-130 planes had landed."), "");
}

Document CodeText(const std::string& text) {
  static const auto pipeline = Pipeline::Create(PipelineOptions{});
  Document doc;
  doc.text = text;
  EXPECT_TRUE(pipeline->Process(doc).ok());
  return doc;
}

TEST(CleanStagesTest, RemovesHeadlineListsButKeepsTheStoryAfterThem) {
  Document doc = CodeText(
      "France accused Iran of hostile acts.\nRead more:\n- Germany condemns Poland over border\n"
      "- Spain hosts Italy for talks\nBrazil praised Chile on Monday.\n");
  std::vector<std::string> sentences;
  for (const Sentence& s : doc.sentences) sentences.emplace_back(doc.Slice(s.span));
  EXPECT_EQ(sentences,
            (std::vector<std::string>{"France accused Iran of hostile acts.", "Brazil praised Chile on Monday."}));
  size_t listed = 0;
  for (const RemovedSpan& r : doc.removed) listed += r.reason == "headline-list";
  EXPECT_EQ(listed, 3u);  // the label and both headlines
  for (const Event& e : doc.events) {
    const std::string& source = doc.mentions[*e.source].actor.country;
    EXPECT_TRUE(source == "FRA" || source == "BRA") << source << " coded from a headline list";
  }
}

TEST(CleanStagesTest, RemovesAppealsInsideAParagraph) {
  Document doc =
      CodeText("Your donation keeps our reporters in the field.Two days later, Egypt hosted Sudan for talks.");
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.sentences[0].span), "Two days later, Egypt hosted Sudan for talks.");
  bool appeal = false;
  for (const RemovedSpan& r : doc.removed) appeal = appeal || r.reason == "appeal";
  EXPECT_TRUE(appeal);
}

TEST(CleanStagesTest, KeepsQuotedSupportBetweenLeaders) {
  Document doc = CodeText("\u201CWe support you,\u201D the Polish president told his Ukrainian counterpart.");
  EXPECT_EQ(doc.sentences.size(), 1u);
}

}  // namespace
}  // namespace eventmill
