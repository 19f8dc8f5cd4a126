#include "src/parse/clause_repair.h"

#include <gtest/gtest.h>

#include "eventmill/pipeline.h"
#include "eventmill/reader.h"

namespace eventmill::parse {
namespace {

// A sentence with the parse given word by word: form, UPOS, head (1-based, 0 root), relation.
Document Parsed(const std::vector<std::tuple<std::string, std::string, int, std::string>>& words) {
  Document doc;
  for (const auto& [form, upos, head, rel] : words) {
    Token t;
    t.lower = form;
    t.upos = upos;
    t.head = head - 1;
    t.deprel = rel;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({Span{0, 0}, 0, static_cast<uint32_t>(words.size())});
  return doc;
}

TEST(ClauseRepair, ThatClauseOnADayGoesToTheVerb) {
  // officials said Tuesday that Russia shelled Kharkiv, with "shelled" hung on "Tuesday".
  Document doc = Parsed({{"officials", "NOUN", 2, "nsubj"},
                         {"said", "VERB", 0, "root"},
                         {"tuesday", "PROPN", 2, "obl:unmarked"},
                         {"that", "SCONJ", 6, "mark"},
                         {"russia", "PROPN", 6, "nsubj"},
                         {"shelled", "VERB", 3, "acl:relcl"},
                         {"kharkiv", "PROPN", 6, "obj"}});
  RepairClausesOnTimeWords(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[5].head, 1);
  EXPECT_EQ(doc.tokens[5].deprel, "ccomp");
}

TEST(ClauseRepair, LeavesRelativeClausesOnOtherNounsAndWithoutThat) {
  // "the report that Russia shelled Kharkiv": a noun, not a time word.
  Document doc = Parsed({{"officials", "NOUN", 2, "nsubj"},
                         {"denied", "VERB", 0, "root"},
                         {"reports", "NOUN", 2, "obj"},
                         {"that", "SCONJ", 6, "mark"},
                         {"russia", "PROPN", 6, "nsubj"},
                         {"shelled", "VERB", 3, "acl"}});
  RepairClausesOnTimeWords(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[5].head, 2);
  // "the week Russia shelled Kharkiv": no "that".
  Document week = Parsed({{"officials", "NOUN", 2, "nsubj"},
                          {"recalled", "VERB", 0, "root"},
                          {"week", "NOUN", 2, "obj"},
                          {"russia", "PROPN", 5, "nsubj"},
                          {"shelled", "VERB", 3, "acl:relcl"}});
  RepairClausesOnTimeWords(week, week.sentences[0]);
  EXPECT_EQ(week.tokens[4].head, 2);
}

TEST(ClauseRepair, ThePipelineCodesTheReportedClause) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  auto doc = DocumentFromText("Egyptian officials demanded Friday that Israel withdraw its troops.", "t", "t");
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(pipeline->Process(*doc).ok());
  int withdraw = -1, demanded = -1;
  for (size_t t = 0; t < doc->tokens.size(); ++t) {
    if (doc->tokens[t].lower == "withdraw") withdraw = static_cast<int>(t);
    if (doc->tokens[t].lower == "demanded") demanded = static_cast<int>(t);
  }
  ASSERT_GE(withdraw, 0);
  EXPECT_EQ(doc->tokens[static_cast<size_t>(withdraw)].head, demanded);
  EXPECT_EQ(doc->tokens[static_cast<size_t>(withdraw)].deprel, "ccomp");
}

}  // namespace
}  // namespace eventmill::parse
