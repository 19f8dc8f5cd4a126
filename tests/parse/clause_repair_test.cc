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

TEST(ClauseRepair, AParticipleAfterAnAsideIsTheVerbAndTheAsideItsPhrase) {
  // russia , in a statement , accused ukraine: "accused" hung on "statement" as a modifier.
  Document doc = Parsed({{"russia", "PROPN", 0, "root"},
                         {",", "PUNCT", 4, "punct"},
                         {"in", "ADP", 4, "case"},
                         {"statement", "NOUN", 1, "nmod"},
                         {",", "PUNCT", 6, "punct"},
                         {"accused", "VERB", 4, "acl"},
                         {"ukraine", "PROPN", 6, "obj"}});
  doc.tokens[0].xpos = "NNP";
  doc.tokens[3].xpos = "NN";
  doc.tokens[5].xpos = "VBD";
  RepairVerblessSentences(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[5].head, -1);
  EXPECT_EQ(doc.tokens[0].head, 5);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[3].head, 5);
  EXPECT_EQ(doc.tokens[3].deprel, "obl");
}

TEST(ClauseRepair, APastTenseInsideOneNounPhraseTakesTheNounBeforeItAsSubject) {
  // police arrested students, parsed as one noun phrase headed by "students".
  Document doc =
      Parsed({{"police", "NOUN", 3, "compound"}, {"arrested", "VERB", 3, "amod"}, {"students", "NOUN", 0, "root"}});
  doc.tokens[0].xpos = "NNS";
  doc.tokens[1].xpos = "VBD";
  doc.tokens[2].xpos = "NNS";
  RepairVerblessSentences(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[1].head, -1);
  EXPECT_EQ(doc.tokens[0].head, 1);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[2].head, 1);
  EXPECT_EQ(doc.tokens[2].deprel, "obj");
}

TEST(ClauseRepair, ADayBetweenASubjectAndItsVerbIsNotTheSubject) {
  // the arab league yesterday condemned the attack, with "yesterday" the subject.
  Document doc = Parsed({{"the", "DET", 3, "det"},
                         {"arab", "ADJ", 3, "amod"},
                         {"league", "PROPN", 4, "compound"},
                         {"yesterday", "NOUN", 5, "nsubj"},
                         {"condemned", "VERB", 0, "root"},
                         {"the", "DET", 7, "det"},
                         {"attack", "NOUN", 5, "obj"}});
  RepairSubjectsBeforeDayWords(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[2].head, 4);
  EXPECT_EQ(doc.tokens[2].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[0].head, 2);  // "the" goes with "League"
  EXPECT_EQ(doc.tokens[1].head, 2);
  EXPECT_EQ(doc.tokens[3].head, 4);
  EXPECT_EQ(doc.tokens[3].deprel, "obl:unmarked");
  // A weekday too: "peru friday rejected the plan".
  Document weekday = Parsed({{"peru", "PROPN", 2, "compound"},
                             {"friday", "PROPN", 3, "nsubj"},
                             {"rejected", "VERB", 0, "root"},
                             {"the", "DET", 5, "det"},
                             {"plan", "NOUN", 3, "obj"}});
  RepairSubjectsBeforeDayWords(weekday, weekday.sentences[0]);
  EXPECT_EQ(weekday.tokens[0].deprel, "nsubj");
  EXPECT_EQ(weekday.tokens[1].deprel, "obl:unmarked");
  // A day that is the subject by itself stays so: "yesterday was calm".
  Document alone = Parsed({{"yesterday", "NOUN", 2, "nsubj"}, {"was", "AUX", 3, "cop"}, {"calm", "ADJ", 0, "root"}});
  RepairSubjectsBeforeDayWords(alone, alone.sentences[0]);
  EXPECT_EQ(alone.tokens[0].deprel, "nsubj");
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

// Tags for the verbless-sentence repair: the Penn tag from the universal one and the form.
void Tag(Document& doc, const std::vector<std::string>& xpos) {
  for (size_t i = 0; i < xpos.size(); ++i) doc.tokens[i].xpos = xpos[i];
}

TEST(ClauseRepair, AParticipleAfterTheSubjectOfAVerblessSentenceIsItsVerb) {
  // "police arrested students", parsed as "police" modified by "arrested students".
  Document doc = Parsed({{"police", "NOUN", 0, "root"},
                         {"arrested", "VERB", 3, "amod"},
                         {"students", "NOUN", 1, "obj"},
                         {"in", "ADP", 5, "case"},
                         {"moscow", "PROPN", 3, "nmod"},
                         {".", "PUNCT", 1, "punct"}});
  Tag(doc, {"NNS", "VBN", "NNS", "IN", "NNP", "."});
  RepairVerblessSentences(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[1].head, -1);
  EXPECT_EQ(doc.tokens[1].xpos, "VBD");
  EXPECT_EQ(doc.tokens[0].head, 1);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[2].head, 1);
  EXPECT_EQ(doc.tokens[2].deprel, "obj");
  EXPECT_EQ(doc.tokens[5].head, 1);  // the period goes with the new root
  // "officials agreed to expand ties": a "to" infinitive makes it active too.
  Document agreed = Parsed({{"officials", "NOUN", 0, "root"},
                            {"agreed", "VERB", 1, "acl"},
                            {"to", "PART", 4, "mark"},
                            {"expand", "VERB", 2, "advcl"},
                            {"ties", "NOUN", 4, "obj"}});
  Tag(agreed, {"NNS", "VBN", "TO", "VB", "NNS"});
  RepairVerblessSentences(agreed, agreed.sentences[0]);
  EXPECT_EQ(agreed.tokens[1].head, -1);
  EXPECT_EQ(agreed.tokens[0].head, 1);
}

TEST(ClauseRepair, AParticipleWithAThatClauseOnTheRootIsTheVerb) {
  // "officials agreed that ties should grow", the "that" clause hung on "officials": its
  // finite "should" does not count, and the clause becomes the verb's complement.
  Document doc = Parsed({{"officials", "NOUN", 0, "root"},
                         {"agreed", "VERB", 1, "acl"},
                         {"that", "SCONJ", 6, "mark"},
                         {"ties", "NOUN", 6, "nsubj"},
                         {"should", "AUX", 6, "aux"},
                         {"grow", "VERB", 1, "acl"}});
  Tag(doc, {"NNS", "VBN", "IN", "NNS", "MD", "VB"});
  RepairVerblessSentences(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[1].head, -1);
  EXPECT_EQ(doc.tokens[0].head, 1);
  EXPECT_EQ(doc.tokens[5].head, 1);
  EXPECT_EQ(doc.tokens[5].deprel, "ccomp");
}

TEST(ClauseRepair, LeavesPassiveHeadlinesAndSentencesWithVerbs) {
  // "journalists killed in Syria": no object, no infinitive: a headline's passive.
  Document headline = Parsed({{"journalists", "NOUN", 0, "root"},
                              {"killed", "VERB", 1, "acl"},
                              {"in", "ADP", 4, "case"},
                              {"syria", "PROPN", 2, "obl"}});
  Tag(headline, {"NNS", "VBN", "IN", "NNP"});
  RepairVerblessSentences(headline, headline.sentences[0]);
  EXPECT_EQ(headline.tokens[0].head, -1);
  EXPECT_EQ(headline.tokens[1].xpos, "VBN");
  // "soldiers captured by rebels": a "by" agent.
  Document agent = Parsed({{"soldiers", "NOUN", 0, "root"},
                           {"captured", "VERB", 1, "acl"},
                           {"by", "ADP", 4, "case"},
                           {"rebels", "NOUN", 2, "obl"},
                           {"towns", "NOUN", 2, "obj"}});
  Tag(agent, {"NNS", "VBN", "IN", "NNS", "NNS"});
  RepairVerblessSentences(agent, agent.sentences[0]);
  EXPECT_EQ(agent.tokens[0].head, -1);
  // "the men arrested on Monday were released": a finite verb elsewhere.
  Document finite = Parsed({{"men", "NOUN", 5, "nsubj:pass"},
                            {"arrested", "VERB", 1, "acl"},
                            {"monday", "PROPN", 2, "obl"},
                            {"were", "AUX", 5, "aux:pass"},
                            {"released", "VERB", 0, "root"}});
  Tag(finite, {"NNS", "VBN", "NNP", "VBD", "VBN"});
  RepairVerblessSentences(finite, finite.sentences[0]);
  EXPECT_EQ(finite.tokens[1].head, 0);
  EXPECT_EQ(finite.tokens[4].head, -1);
}

TEST(ClauseRepair, ReadinessTakesARealSubject) {
  // "it is willing to withdraw", "it" read as an expletive; "it is important to talk" keeps it.
  Document doc = Parsed({{"it", "PRON", 3, "expl"},
                         {"is", "AUX", 3, "cop"},
                         {"willing", "ADJ", 0, "root"},
                         {"to", "PART", 5, "mark"},
                         {"withdraw", "VERB", 3, "xcomp"}});
  RepairReadinessSubjects(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  Document important = Parsed({{"it", "PRON", 3, "expl"},
                               {"is", "AUX", 3, "cop"},
                               {"important", "ADJ", 0, "root"},
                               {"to", "PART", 5, "mark"},
                               {"talk", "VERB", 3, "csubj"}});
  RepairReadinessSubjects(important, important.sentences[0]);
  EXPECT_EQ(important.tokens[0].deprel, "expl");
}

TEST(ClauseRepair, AConjunctionMakesItsWordAConjunct) {
  // "Kenya and Ugandan officials", both hung on "officials" with "and" on "Ugandan".
  Document doc = Parsed({{"kenya", "PROPN", 4, "compound"},
                         {"and", "CCONJ", 3, "cc"},
                         {"ugandan", "ADJ", 4, "amod"},
                         {"officials", "NOUN", 5, "nsubj"},
                         {"condemned", "VERB", 0, "root"}});
  RepairStrayConjuncts(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[2].head, 0);
  EXPECT_EQ(doc.tokens[2].deprel, "conj");
  EXPECT_EQ(doc.tokens[3].head, 4);
}

TEST(ClauseRepair, AsBeforeAClauseIsItsConjunction) {
  // "minister resigned as rebels advanced on the city", with "as rebels" a phrase of
  // "resigned" and "advanced" its conjunct.
  Document doc = Parsed({{"minister", "NOUN", 2, "nsubj"},
                         {"resigned", "VERB", 0, "root"},
                         {"as", "ADP", 4, "case"},
                         {"rebels", "NOUN", 2, "obl"},
                         {"advanced", "VERB", 2, "conj"},
                         {"on", "ADP", 7, "case"},
                         {"the", "DET", 7, "det"},
                         {"city", "NOUN", 5, "obl"}});
  doc.tokens[1].xpos = "VBD";
  doc.tokens[4].xpos = "VBD";
  RepairClausesAfterAs(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[4].head, 1);
  EXPECT_EQ(doc.tokens[4].deprel, "advcl");
  EXPECT_EQ(doc.tokens[3].head, 4);
  EXPECT_EQ(doc.tokens[3].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[2].head, 4);
  EXPECT_EQ(doc.tokens[2].deprel, "mark");
  // "served as envoy and signed the accord": a conjunct after "and" is left as parsed.
  Document role = Parsed({{"served", "VERB", 0, "root"},
                          {"as", "ADP", 3, "case"},
                          {"envoy", "NOUN", 1, "obl"},
                          {"and", "CCONJ", 5, "cc"},
                          {"signed", "VERB", 1, "conj"},
                          {"accord", "NOUN", 5, "obj"}});
  role.tokens[4].xpos = "VBD";
  RepairClausesAfterAs(role, role.sentences[0]);
  EXPECT_EQ(role.tokens[4].deprel, "conj");
  EXPECT_EQ(role.tokens[2].deprel, "obl");
}

TEST(ClauseRepair, ANounWithASubjectAndAnObjectIsAVerb) {
  // "Palestinians reject proposed changes", with "reject" tagged a noun.
  Document doc = Parsed({{"palestinians", "PROPN", 2, "nsubj"},
                         {"reject", "NOUN", 0, "root"},
                         {"proposed", "VERB", 4, "amod"},
                         {"changes", "NOUN", 2, "obj"}});
  doc.tokens[1].xpos = "NN";
  RepairNounsWithVerbRoles(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[1].upos, "VERB");
  EXPECT_EQ(doc.tokens[1].xpos, "VBP");
  // A noun with a determiner is a noun, whatever else the parser hung on it.
  Document noun = Parsed({{"rebels", "NOUN", 3, "nsubj"},
                          {"the", "DET", 3, "det"},
                          {"attacks", "NOUN", 0, "root"},
                          {"towns", "NOUN", 3, "obj"}});
  noun.tokens[2].xpos = "NNS";
  RepairNounsWithVerbRoles(noun, noun.sentences[0]);
  EXPECT_EQ(noun.tokens[2].upos, "NOUN");
}

TEST(ClauseRepair, ANounRightBeforeASecondSubjectDescribesIt) {
  // "foes Gondor renewed ties", both subjects of "renewed".
  Document doc = Parsed({{"foes", "NOUN", 3, "nsubj"},
                         {"gondor", "PROPN", 3, "nsubj"},
                         {"renewed", "VERB", 0, "root"},
                         {"ties", "NOUN", 3, "obj"}});
  RepairDescribedSubjects(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[0].head, 1);
  EXPECT_EQ(doc.tokens[0].deprel, "nmod:desc");
  EXPECT_EQ(doc.tokens[1].deprel, "nsubj");
  // Two subjects with a word between them are left to the other repairs.
  Document apart = Parsed({{"foes", "NOUN", 4, "nsubj"},
                           {",", "PUNCT", 1, "punct"},
                           {"gondor", "PROPN", 4, "nsubj"},
                           {"renewed", "VERB", 0, "root"}});
  RepairDescribedSubjects(apart, apart.sentences[0]);
  EXPECT_EQ(apart.tokens[0].head, 3);
}

TEST(ClauseRepair, AFinalReportingClauseTakesTheReportAsItsComplement) {
  // "Sudria condemned Norland, the minister said", with "Norland" taken for a complement of
  // "said".
  Document doc = Parsed({{"sudria", "PROPN", 2, "nsubj"},
                         {"condemned", "VERB", 7, "ccomp"},
                         {"norland", "PROPN", 7, "ccomp"},
                         {",", "PUNCT", 3, "punct"},
                         {"the", "DET", 6, "det"},
                         {"minister", "NOUN", 7, "nsubj"},
                         {"said", "VERB", 0, "root"},
                         {".", "PUNCT", 7, "punct"}});
  for (auto& [index, lemma] : std::vector<std::pair<size_t, std::string>>{{1, "condemn"}, {6, "say"}}) {
    doc.tokens[index].lemma = lemma;
  }
  RepairFinalReportingClauses(doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[6].head, -1);
  EXPECT_EQ(doc.tokens[1].head, 6);
  EXPECT_EQ(doc.tokens[1].deprel, "ccomp");
  EXPECT_EQ(doc.tokens[2].head, 1);
  EXPECT_EQ(doc.tokens[2].deprel, "obj");
  EXPECT_EQ(doc.tokens[5].head, 6);
  EXPECT_EQ(doc.tokens[5].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[3].head, 6);
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
