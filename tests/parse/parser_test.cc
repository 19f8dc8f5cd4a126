#include "src/parse/parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "eventmill/pipeline.h"

namespace eventmill {
namespace {

// The analysis of one sentence: for each word, "form/UPOS/relation/head-form".
class Parsed {
 public:
  explicit Parsed(const std::string& text) {
    static const auto pipeline = Pipeline::Create(PipelineOptions{});
    doc_.text = text;
    EXPECT_TRUE(pipeline->Process(doc_).ok());
  }
  const Token& Word(std::string_view form) const {
    for (const Token& t : doc_.tokens) {
      if (doc_.Slice(t.span) == form) return t;
    }
    ADD_FAILURE() << "no word " << form;
    return doc_.tokens.front();
  }
  std::string HeadOf(std::string_view form) const {
    const Token& t = Word(form);
    return t.head < 0 ? "ROOT" : std::string(doc_.Slice(doc_.tokens[static_cast<size_t>(t.head)].span));
  }
  const Document& doc() const { return doc_; }

 private:
  Document doc_;
};

TEST(ParserTest, FindsSubjectAndObject) {
  Parsed p("The Turkish president criticized Sweden on Monday.");
  EXPECT_EQ(p.Word("criticized").upos, "VERB");
  EXPECT_EQ(p.Word("criticized").lemma, "criticize");
  EXPECT_EQ(p.Word("president").deprel, "nsubj");
  EXPECT_EQ(p.HeadOf("president"), "criticized");
  EXPECT_EQ(p.Word("Sweden").deprel, "obj");
  EXPECT_EQ(p.HeadOf("criticized"), "ROOT");
}

TEST(ParserTest, FindsThePassiveSubjectAndAgent) {
  Parsed p("Two soldiers were killed by rebels near the border.");
  EXPECT_EQ(p.Word("soldiers").deprel, "nsubj:pass");
  EXPECT_EQ(p.HeadOf("soldiers"), "killed");
  EXPECT_EQ(p.HeadOf("rebels"), "killed");
  EXPECT_EQ(p.Word("were").deprel, "aux:pass");
}

TEST(ParserTest, AttachesReportedClausesAndNegation) {
  Parsed p("The spokesman said that Germany did not sign the treaty.");
  EXPECT_EQ(p.HeadOf("sign"), "said");
  EXPECT_EQ(p.Word("sign").deprel, "ccomp");
  EXPECT_EQ(p.HeadOf("Germany"), "sign");
  EXPECT_EQ(p.HeadOf("not"), "sign");
}

TEST(ParserTest, CoordinatesSubjects) {
  Parsed p("France and Germany condemned the attack.");
  EXPECT_EQ(p.Word("France").deprel, "nsubj");
  EXPECT_EQ(p.HeadOf("Germany"), "France");
  EXPECT_EQ(p.Word("Germany").deprel, "conj");
}

TEST(ParserTest, MarksAppositions) {
  Parsed p("The head of the Pentagon, Lloyd Austin, met the Polish defence minister.");
  // UD: the name's first word heads it (the rest is "flat") and is the apposition; the
  // parser may head it by the surname instead (the first name its "compound"), and hang it
  // on "Pentagon" rather than "head". The actor stage reads all of these.
  const std::string name = p.Word("Lloyd").deprel == "appos" ? "Lloyd" : "Austin";
  const std::string other = name == "Lloyd" ? "Austin" : "Lloyd";
  EXPECT_EQ(p.Word(name).deprel, "appos");
  EXPECT_EQ(p.HeadOf(other), name);
  EXPECT_TRUE(p.HeadOf(name) == "head" || p.HeadOf(name) == "Pentagon") << p.HeadOf(name);
  EXPECT_EQ(p.Word("head").deprel, "nsubj");
  EXPECT_EQ(p.HeadOf("minister"), "met");
}

// The repair on its own, over a hand-made parse: the name set off by commas after the
// subject's phrase was taken for a second subject of "met".
TEST(ParserTest, RepairsASecondSubjectIntoAnApposition) {
  parse::ParseInput input;
  input.lower = {"the", "head", "of", "the", "pentagon", ",", "lloyd", "austin", ",", "met", "envoys"};
  input.upos.assign(input.lower.size(), "NOUN");
  input.xpos.assign(input.lower.size(), "NN");
  const std::vector<std::string> labels = {"appos", "case", "det", "flat", "nmod", "nsubj", "obj", "punct", "root"};
  auto label = [&](std::string_view name) {
    return static_cast<int>(std::find(labels.begin(), labels.end(), name) - labels.begin());
  };
  std::vector<parse::Arc> arcs = {{1, label("det")},   {9, label("nsubj")}, {4, label("case")},  {4, label("det")},
                                  {1, label("nmod")},  {4, label("punct")}, {9, label("nsubj")}, {6, label("flat")},
                                  {6, label("punct")}, {-1, label("root")}, {9, label("obj")}};
  parse::RepairAppositions(input, parse::AppositionLabels::From(labels), arcs);
  EXPECT_EQ(arcs[6].head, 1);  // "lloyd" -> "head"
  EXPECT_EQ(arcs[6].label, label("appos"));
  EXPECT_EQ(arcs[5].head, 6);  // the commas go with the apposition
  EXPECT_EQ(arcs[8].head, 6);
  EXPECT_EQ(arcs[1].head, 9);  // "head" stays the subject
  // Two subjects with no commas between them are left alone.
  std::vector<parse::Arc> plain = arcs;
  plain[6] = {9, label("nsubj")};
  input.lower[5] = "and";
  std::vector<parse::Arc> before = plain;
  parse::RepairAppositions(input, parse::AppositionLabels::From(labels), plain);
  for (size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(plain[i].head, before[i].head) << i;
}

TEST(TaggerTest, GivesLemmasAndFeatures) {
  Parsed p("The ministers were talking about stopped talks.");
  EXPECT_EQ(p.Word("ministers").lemma, "minister");
  EXPECT_EQ(p.Word("ministers").feats, "Number=Plur");
  EXPECT_EQ(p.Word("were").lemma, "be");
  EXPECT_NE(p.Word("were").feats.find("Tense=Past"), std::string::npos);
  EXPECT_EQ(p.Word("talking").lemma, "talk");
  EXPECT_EQ(p.Word("stopped").lemma, "stop");
}

// A regular "-ed" verb after its subject, with no other verb in the sentence, is the past
// tense that heads the sentence, not a participle modifying the noun before it; after an
// auxiliary, or as a reduced relative before the finite verb, it is a participle.
TEST(TaggerTest, TellsPastTenseFromParticiple) {
  Parsed attack("Russian troops attacked the town on Sunday.");
  EXPECT_EQ(attack.Word("attacked").xpos, "VBD");
  EXPECT_EQ(attack.HeadOf("attacked"), "ROOT");
  EXPECT_EQ(attack.Word("troops").deprel, "nsubj");
  Parsed arrest("Police arrested two students in the capital.");
  EXPECT_EQ(arrest.Word("arrested").xpos, "VBD");
  Parsed passive("Two students were arrested in the capital.");
  EXPECT_EQ(passive.Word("arrested").xpos, "VBN");
  Parsed perfect("The rebels have attacked the town again.");
  EXPECT_EQ(perfect.Word("attacked").xpos, "VBN");
  Parsed reduced("The students arrested on Monday were released on bail.");
  EXPECT_EQ(reduced.Word("arrested").xpos, "VBN");
  // "has" before a participle is the perfect's auxiliary, never the main verb.
  Parsed broken("Ethiopia has broken relations with Libya.");
  EXPECT_EQ(broken.Word("has").upos, "AUX");
  EXPECT_EQ(broken.HeadOf("broken"), "ROOT");
  EXPECT_EQ(broken.Word("relations").deprel, "obj");
}
TEST(ParserTest, BuildsOneTreePerSentence) {
  Parsed p("Talks ended. The envoys, who met in Doha for three days, left without a deal; officials said nothing.");
  const Document& doc = p.doc();
  for (const Sentence& s : doc.sentences) {
    int roots = 0;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& token = doc.tokens[t];
      roots += token.head < 0;
      EXPECT_EQ(token.head < 0, token.deprel == "root");
      if (token.head >= 0) {
        EXPECT_GE(token.head, static_cast<int32_t>(s.token_begin));
        EXPECT_LT(token.head, static_cast<int32_t>(s.token_end));
      }
      // Following heads from any word reaches the root.
      int32_t node = static_cast<int32_t>(t);
      for (int steps = 0; node >= 0; ++steps) {
        ASSERT_LT(steps, 200) << "cycle";
        node = doc.tokens[static_cast<size_t>(node)].head;
      }
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(ParserTest, ParsesARunOnSentenceInLinearTime) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "the envoy met officials and ";
  text += "left.";
  Parsed p(text);  // 2,000 tokens in one sentence: 4,000 transitions, no blow-up
  ASSERT_EQ(p.doc().sentences.size(), 1u);
  EXPECT_EQ(p.doc().sentences[0].token_end - p.doc().sentences[0].token_begin, 2002u);
}

// Parse scores the feature groups apart (the buffer's once per front word, the stack's once
// per word on top of the stack) and relies on them splitting the templates of kAll, each
// exactly once, and on the stack's staying the same while a word stays on the stack:
// otherwise parsing would score a configuration differently from training.
TEST(ParserFeaturesTest, GroupsSplitTheTemplates) {
  parse::ParseInput input;
  input.lower = {"the", "envoys", "met", "officials", "in", "doha", "today", "."};
  input.upos = {"DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "NOUN", "PUNCT"};
  input.xpos = {"DT", "NNS", "VBD", "NNS", "IN", "NNP", "NN", "."};
  const std::vector<std::string> labels = {"case", "det", "nsubj", "obj", "obl", "punct", "root"};
  auto label = [&](std::string_view name) {
    return static_cast<int>(std::find(labels.begin(), labels.end(), name) - labels.begin());
  };
  const parse::FeatureInput hashed(input, labels, model::WordClusters{});
  parse::Configuration c(static_cast<int>(input.lower.size()));
  // Every kind of move, with children on both sides, and "met" back on top of the stack
  // after each of its right children is attached (s0 again, the same stack below it).
  const std::vector<std::pair<parse::Move, int>> moves = {{parse::Move::kShift, -1},
                                                          {parse::Move::kLeft, label("det")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kLeft, label("nsubj")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kRight, label("obj")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kLeft, label("case")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kRight, label("obl")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kRight, label("obl")},
                                                          {parse::Move::kShift, -1},
                                                          {parse::Move::kRight, label("punct")}};
  std::map<int, std::vector<uint64_t>> stack_of;  // by s0: its kStack features
  int returns = 0;
  for (const auto& [move, label_index] : moves) {
    ASSERT_TRUE(parse::IsValid(c, move));
    parse::Apply(c, move, label_index);
    if (c.stack.empty()) continue;  // never scored
    std::vector<uint64_t> all, part, joined;
    parse::ParserFeatures(hashed, c, part, parse::FeatureGroup::kStack);
    if (auto it = stack_of.find(c.stack.back()); it != stack_of.end()) {
      EXPECT_EQ(it->second, part);
      ++returns;
    }
    stack_of[c.stack.back()] = part;
    parse::ParserFeatures(hashed, c, all, parse::FeatureGroup::kAll);
    for (auto group : {parse::FeatureGroup::kBuffer, parse::FeatureGroup::kStack, parse::FeatureGroup::kState}) {
      parse::ParserFeatures(hashed, c, part, group);
      joined.insert(joined.end(), part.begin(), part.end());
    }
    std::sort(all.begin(), all.end());
    std::sort(joined.begin(), joined.end());
    EXPECT_EQ(all, joined);
  }
  EXPECT_GE(returns, 3);
}

TEST(ParserModelTest, RefusesCorruptModelFiles) {
  EXPECT_FALSE(parse::ParserModel::Load("", "empty").ok());
  EXPECT_FALSE(parse::ParserModel::Load("EVMLMODL\x01\x00\x00\x00", "truncated").ok());
  model::ModelHeader header{"tagger", "hash", "wrong kind"};
  model::ModelWriter w(header);
  EXPECT_FALSE(parse::ParserModel::Load(w.bytes(), "kind").ok());
  model::ModelHeader parser_header{"parser", "hash", "huge count"};
  model::ModelWriter huge(parser_header);
  huge.U32(0xFFFFFFFF);
  auto r = parse::ParserModel::Load(huge.bytes(), "huge");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("exceeds"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
