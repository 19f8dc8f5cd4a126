#include "src/tag/tag_stage.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "eventmill/pipeline.h"
#include "src/data/data_files.h"

namespace eventmill {
namespace {

// A sentence as the tagger might have left it: words with UPOS tags.
struct Tagged {
  Document doc;
  Sentence sentence;
  tag::TagInput input;
};

Tagged Make(const std::vector<std::pair<std::string, std::string>>& words) {
  Tagged t;
  for (const auto& [word, upos] : words) {
    if (!t.doc.text.empty()) t.doc.text += ' ';
    Token token;
    token.span = {static_cast<uint32_t>(t.doc.text.size()), static_cast<uint32_t>(t.doc.text.size() + word.size())};
    t.doc.text += word;
    token.lower = word;
    for (char& c : token.lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    token.upos = upos;
    token.xpos = upos == "ADJ" ? "JJ" : "";
    t.doc.tokens.push_back(token);
  }
  t.sentence.token_begin = 0;
  t.sentence.token_end = static_cast<uint32_t>(t.doc.tokens.size());
  t.sentence.span = {0, static_cast<uint32_t>(t.doc.text.size())};
  for (const Token& token : t.doc.tokens) t.input.words.push_back(t.doc.Slice(token.span));
  return t;
}

const tag::TaggerModel& Model() {
  static const tag::TaggerModel model =
      std::move(tag::TaggerModel::Load(*data::Load("", "models/en_ewt.tagger"), "models/en_ewt.tagger")).value();
  return model;
}

TEST(TagStageTest, AnEdWordBetweenANounAndItsObjectIsAPastTense) {
  Tagged t = Make({{"Guerrillas", "NOUN"}, {"wounded", "ADJ"}, {"two", "NUM"}, {"soldiers", "NOUN"}});
  Model().Prepare(t.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), t.input, t.doc, t.sentence);
  EXPECT_EQ(t.doc.tokens[1].upos, "VERB");
  EXPECT_EQ(t.doc.tokens[1].xpos, "VBD");
  EXPECT_EQ(t.doc.tokens[1].lemma, "wound");
}

TEST(TagStageTest, NotBeforeUnitsOfTimeNorWithoutANounBefore) {
  Tagged time = Make({{"people", "NOUN"}, {"injured", "ADJ"}, {"two", "NUM"}, {"days", "NOUN"}, {"ago", "ADV"}});
  Model().Prepare(time.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), time.input, time.doc, time.sentence);
  EXPECT_EQ(time.doc.tokens[1].upos, "ADJ");
  Tagged adjective = Make({{"the", "DET"}, {"wounded", "ADJ"}, {"the", "DET"}, {"soldiers", "NOUN"}});
  Model().Prepare(adjective.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), adjective.input, adjective.doc,
                                   adjective.sentence);
  EXPECT_EQ(adjective.doc.tokens[1].upos, "ADJ");
}

TEST(TagStageTest, AnEdWordBetweenAPluralAndANameIsAPastTenseButNotBeforeADate) {
  Tagged t = Make({{"rebels", "NOUN"}, {"shelled", "ADJ"}, {"Kassala", "PROPN"}});
  t.doc.tokens[0].xpos = "NNS";
  Model().Prepare(t.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), t.input, t.doc, t.sentence);
  EXPECT_EQ(t.doc.tokens[1].upos, "VERB");
  Tagged date = Make({{"letters", "NOUN"}, {"dated", "ADJ"}, {"Jan", "PROPN"}, {"6", "NUM"}});
  date.doc.tokens[0].xpos = "NNS";
  Model().Prepare(date.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), date.input, date.doc, date.sentence);
  EXPECT_EQ(date.doc.tokens[1].upos, "ADJ");
  Tagged singular = Make({{"man", "NOUN"}, {"named", "ADJ"}, {"Ali", "PROPN"}});
  singular.doc.tokens[0].xpos = "NN";
  Model().Prepare(singular.input);
  tag::MarkPastTensesBeforeObjects(Model(), *Model().FindClass("VERB", "VBD"), singular.input, singular.doc,
                                   singular.sentence);
  EXPECT_EQ(singular.doc.tokens[1].upos, "ADJ");
}

TEST(TagStageTest, BracesAreTaggedAsTheParenthesesTheyStandFor) {
  static const auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  Document doc;
  doc.text = "{Chile agreed to resume talks with Peru.}";
  ASSERT_TRUE(pipeline->Process(doc).ok());
  ASSERT_GE(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens.front().upos, "PUNCT");
  EXPECT_EQ(doc.tokens.front().lemma, "{");
  EXPECT_EQ(doc.tokens.back().upos, "PUNCT");
  EXPECT_EQ(doc.tokens[2].upos, "VERB");  // "agreed"
}

}  // namespace
}  // namespace eventmill
