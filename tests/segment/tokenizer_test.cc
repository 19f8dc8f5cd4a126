#include "src/segment/tokenizer.h"

#include <gtest/gtest.h>

#include "eventmill/pipeline.h"

namespace eventmill {
namespace {

std::vector<std::string> Tokens(const std::string& text) {
  std::vector<Token> tokens;
  segment::Tokenize(text, 0, static_cast<uint32_t>(text.size()), tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

using Words = std::vector<std::string>;

TEST(TokenizerTest, SplitsPunctuationAndKeepsAbbreviations) {
  EXPECT_EQ(Tokens("Gen. Smith met U.S. envoys, then left."),
            (Words{"Gen.", "Smith", "met", "U.S.", "envoys", ",", "then", "left", "."}));
  EXPECT_EQ(Tokens("Mr. J. Doe arrived"), (Words{"Mr.", "J.", "Doe", "arrived"}));
}

TEST(TokenizerTest, KeepsNumbersMoneyAndHyphens) {
  EXPECT_EQ(Tokens("$ 2 billion and $125 million, 2.5 percent"),
            (Words{"$", "2", "billion", "and", "$", "125", "million", ",", "2.5", "percent"}));
  // Every currency sign comes off its amount, as "$" does; so does the number sign.
  EXPECT_EQ(Tokens("\u00A3400bn, \u20AC2bn and \u20B4150 for the #1 donor"),
            (Words{"\u00A3", "400", "bn", ",", "\u20AC", "2", "bn", "and", "\u20B4", "150", "for", "the", "#", "1",
                   "donor"}));
  EXPECT_EQ(Tokens("over 18+ only"), (Words{"over", "18", "+", "only"}));
  // Hyphens split as in Universal Dependencies, except after attached prefixes.
  EXPECT_EQ(Tokens("a Russia-backed pro-government force"),
            (Words{"a", "Russia", "-", "backed", "pro-government", "force"}));
  EXPECT_EQ(Tokens("an anti-tank e-mail"), (Words{"an", "anti-tank", "e-mail"}));
}

TEST(TokenizerTest, SplitsQuotesDashesAndPossessives) {
  EXPECT_EQ(Tokens("\u201CWe agree,\u201D the minister\u2019s aide said \u2013 twice."),
            (Words{"\u201C", "We", "agree", ",", "\u201D", "the", "minister", "\u2019s", "aide", "said", "\u2013",
                   "twice", "."}));
  EXPECT_EQ(Tokens("Kyiv's army didn't move"), (Words{"Kyiv", "'s", "army", "did", "n't", "move"}));
  EXPECT_EQ(Tokens("I'm sure we'll see they've gone, you'd say; we cannot wait"),
            (Words{"I", "'m", "sure", "we", "'ll", "see", "they", "'ve", "gone", ",", "you", "'d", "say", ";", "we",
                   "can", "not", "wait"}));
  EXPECT_EQ(Tokens("It\u2019s fine"), (Words{"It", "\u2019s", "fine"}));
}

TEST(TokenizerTest, SeparatesAFullStopAfterAnAbbreviation) {
  EXPECT_EQ(Tokens("signed by Acme Corp.. Then"), (Words{"signed", "by", "Acme", "Corp.", ".", "Then"}));
  EXPECT_EQ(Tokens("sent to the U.S.. Then"), (Words{"sent", "to", "the", "U.S.", ".", "Then"}));
  EXPECT_EQ(Tokens("wait.. then"), (Words{"wait", "..", "then"}));
  EXPECT_EQ(Tokens("<< File: a.doc >>"), (Words{"<<", "File", ":", "a.doc", ">>"}));
}

TEST(TokenizerTest, SeparatesSentencesRunTogether) {
  EXPECT_EQ(Tokens("all the difference.A week later"), (Words{"all", "the", "difference", ".", "A", "week", "later"}));
  EXPECT_EQ(Tokens("see example.com now"), (Words{"see", "example.com", "now"}));
}

TEST(TokenizerTest, TreatsUnicodeSeparatorsAsSpace) {
  EXPECT_EQ(Tokens("Russia\u2028accused\u202FUkraine\u0085today"), (Words{"Russia", "accused", "Ukraine", "today"}));
}

TEST(TokenizerTest, KeepsUrlsWhole) {
  EXPECT_EQ(Tokens("at https://example.org/a?b=1."), (Words{"at", "https://example.org/a?b=1", "."}));
  EXPECT_EQ(Tokens("call 713-853-3242 b/c and/or"), (Words{"call", "713-853-3242", "b/c", "and", "/", "or"}));
}

TEST(TokenizerTest, LowerCasesAndFoldsApostrophes) {
  std::string text = "NATO\u2019s";
  std::vector<Token> tokens;
  segment::Tokenize(text, 0, static_cast<uint32_t>(text.size()), tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].lower, "nato");
  EXPECT_EQ(tokens[1].lower, "'s");
}

// Sentences through the whole pipeline's segment stage.
std::vector<std::string> Sentences(const std::string& text) {
  static const auto pipeline = Pipeline::Create(PipelineOptions{});
  Document doc;
  doc.text = text;
  EXPECT_TRUE(pipeline->Process(doc).ok());
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

TEST(SentenceSplitTest, SplitsOnFinalPunctuationNotAbbreviations) {
  EXPECT_EQ(Sentences("Gen. Smith arrived in the U.S. on Monday. He left on Friday."),
            (Words{"Gen. Smith arrived in the U.S. on Monday.", "He left on Friday."}));
  EXPECT_EQ(Sentences("Aid came from the U.S. The minister thanked them."),
            (Words{"Aid came from the U.S.", "The minister thanked them."}));
}

TEST(SentenceSplitTest, KeepsClosingQuotesWithTheSentence) {
  EXPECT_EQ(Sentences("He said: \u201CWe will stay.\u201D Then he left."),
            (Words{"He said: \u201CWe will stay.\u201D", "Then he left."}));
}

TEST(SentenceSplitTest, TreatsLinesAsBoundariesUnlessWrapped) {
  EXPECT_EQ(Sentences("Talks resume in Geneva\nThe ministers met on Monday."),
            (Words{"Talks resume in Geneva", "The ministers met on Monday."}));
  EXPECT_EQ(Sentences("The ministers met on\nMonday in Geneva."), (Words{"The ministers met on\nMonday in Geneva."}));
  EXPECT_EQ(Sentences("The ministers met on\nthe border."), (Words{"The ministers met on\nthe border."}));
}

TEST(SentenceSplitTest, DropsOversizedSentences) {
  PipelineOptions options;
  options.max_sentence_bytes = 40;
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok());
  Document doc;
  doc.text = "Short one. " + std::string(100, 'a') + " b c d.";
  ASSERT_TRUE(pipeline->Process(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 1u);
  bool reported = false;
  for (const RemovedSpan& r : doc.removed) reported = reported || r.reason == "oversized-sentence";
  EXPECT_TRUE(reported);
}

}  // namespace
TEST(TokenizerTest, SplitsNumbersFromUnitsAndRangesButNotTelephoneNumbers) {
  EXPECT_EQ(Tokens("at 5pm, 1,350kg and $8K"), (Words{"at", "5", "pm", ",", "1,350", "kg", "and", "$", "8", "K"}));
  EXPECT_EQ(Tokens("the 21st and the 1970s"), (Words{"the", "21st", "and", "the", "1970s"}));
  EXPECT_EQ(Tokens("in 1969-1970, aged 13-17, won 2-1"),
            (Words{"in", "1969", "-", "1970", ",", "aged", "13", "-", "17", ",", "won", "2", "-", "1"}));
  EXPECT_EQ(Tokens("call 853-3242 or 713-853-5025, TX 77388-5746"),
            (Words{"call", "853-3242", "or", "713-853-5025", ",", "TX", "77388-5746"}));
  EXPECT_EQ(Tokens("in the '90s, dated 01-Feb-02"), (Words{"in", "the", "'90s", ",", "dated", "01-Feb-02"}));
}

TEST(TokenizerTest, KeepsEmailAddressesAndSplitsGluedPunctuation) {
  EXPECT_EQ(Tokens("\"Jane Doe\"<jane.doe@Example.ORG> wrote"),
            (Words{"\"", "Jane", "Doe", "\"", "<", "jane.doe@Example.ORG", ">", "wrote"}));
  EXPECT_EQ(Tokens("Fax(281)528-8636;Web"), (Words{"Fax", "(", "281", ")", "528-8636", ";", "Web"}));
  EXPECT_EQ(Tokens("global warming\u2014the report said"),
            (Words{"global", "warming", "\u2014", "the", "report", "said"}));
  EXPECT_EQ(Tokens("see <http://example.com/a.htm> and soccer, etc. Then alot more"),
            (Words{"see", "<", "http://example.com/a.htm", ">", "and", "soccer", ",", "etc", ".", "Then", "a", "lot",
                   "more"}));
  EXPECT_EQ(Tokens("*****Notice***** it was great- really"),
            (Words{"*****", "Notice", "*****", "it", "was", "great", "-", "really"}));
}

TEST(TokenizerTest, SplitsContractionsWrittenWithoutApostrophe) {
  EXPECT_EQ(Tokens("its a deal, its army, thats fine, lets go"),
            (Words{"it", "s", "a", "deal", ",", "its", "army", ",", "that", "s", "fine", ",", "let", "s", "go"}));
}

}  // namespace eventmill
