#include "src/events/event_stage.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "src/data/data_files.h"

namespace eventmill {
namespace {

// A Document written token by token with its tags, tree and actor mentions, so the coder
// is tested on exactly the parse given here and not on what the shipped parser makes of it.
class HandParsed {
 public:
  // Appends a word; `head` is an index into the words added so far or later (-1: root).
  void Word(const std::string& word, const std::string& upos, const std::string& xpos, const std::string& lemma,
            int32_t head, const std::string& deprel) {
    if (!doc_.text.empty()) doc_.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(doc_.text.size()), static_cast<uint32_t>(doc_.text.size() + word.size())};
    t.kind = upos == "PUNCT" ? TokenKind::kPunct : TokenKind::kWord;
    t.lower = word;
    for (char& c : t.lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    t.upos = upos;
    t.xpos = xpos;
    t.lemma = lemma;
    t.head = head;
    t.deprel = deprel;
    doc_.text += word;
    doc_.tokens.push_back(std::move(t));
  }

  // Makes the last `words` words a mention of country `code` (its first three letters).
  void MentionLast(const std::string& code, uint32_t words = 1) {
    ActorMention m;
    m.sentence = 0;
    m.token_end = static_cast<uint32_t>(doc_.tokens.size());
    m.token_begin = m.token_end - words;
    m.span = {doc_.tokens[m.token_begin].span.begin, doc_.tokens.back().span.end};
    m.actor.code = code;
    m.actor.country = code.substr(0, 3);
    doc_.mentions.push_back(std::move(m));
  }

  uint32_t size() const { return static_cast<uint32_t>(doc_.tokens.size()); }

  Document& Finish() {
    Sentence s;
    s.span = {0, static_cast<uint32_t>(doc_.text.size())};
    s.token_begin = 0;
    s.token_end = size();
    doc_.sentences = {s};
    return doc_;
  }

 private:
  Document doc_;
};

// Distinct three-letter codes for the i-th made-up country.
std::string Code(size_t i) {
  std::string code = "AAA";
  code[2] = static_cast<char>('A' + i % 26);
  code[1] = static_cast<char>('A' + (i / 26) % 26);
  code[0] = static_cast<char>('A' + (i / 676) % 26);
  return code;
}

// The word for the i-th made-up country: "C12".
std::string Name(char letter, int i) {
  std::string name(1, letter);
  name += std::to_string(i);
  return name;
}

std::unique_ptr<Stage> EventCoder() {
  static const Codebook codebook = std::move(Codebook::Parse(*data::Load("", "codebook/cameo.tsv"))).value();
  PipelineOptions options;
  auto stage = events::EventStage::Create(StageContext{options, codebook});
  EXPECT_TRUE(stage.ok()) << stage.status().ToString();
  return std::move(stage).value();
}

// Every event points into its sentence, at two different mentions, and no event is coded twice.
void ExpectSaneEvents(const Document& doc) {
  std::set<std::tuple<std::string, std::optional<uint32_t>, std::optional<uint32_t>>> seen;
  for (const Event& e : doc.events) {
    ASSERT_TRUE(e.source.has_value());
    ASSERT_LT(*e.source, doc.mentions.size());
    ASSERT_EQ(e.sentence, 0u);
    EXPECT_LE(e.trigger.end, doc.text.size());
    if (e.target) {
      ASSERT_LT(*e.target, doc.mentions.size());
      EXPECT_NE(*e.target, e.source);
    }
    EXPECT_TRUE(seen.insert(std::make_tuple(e.cameo, e.source, e.target)).second) << "coded twice";
  }
}

struct Coded {
  std::string source, cameo, target;
  bool operator==(const Coded&) const = default;
};

std::vector<Coded> CodedEvents(const Document& doc) {
  std::vector<Coded> out;
  for (const Event& e : doc.events) {
    out.push_back({doc.mentions[*e.source].actor.code, e.cameo, e.target ? doc.mentions[*e.target].actor.code : "-"});
  }
  return out;
}

// "Russia bombed Ukraine and French officials condemned the strikes ." as the shipped
// parser read it: "[Ukraine and French] officials" is the subject of "condemned", itself a
// complement of "bombed". Ukraine is still what was bombed, and the officials condemn.
TEST(EventStageTest, AndBeforeTheSubjectOfANewClauseJoinsNoActors) {
  HandParsed p;
  p.Word("Russia", "PROPN", "NNP", "Russia", 1, "nsubj");
  p.MentionLast("RUS");
  p.Word("bombed", "VERB", "VBD", "bomb", -1, "root");
  p.Word("Ukraine", "PROPN", "NNP", "Ukraine", 5, "compound");
  p.MentionLast("UKR");
  p.Word("and", "CCONJ", "CC", "and", 4, "cc");
  p.Word("French", "ADJ", "JJ", "French", 2, "conj");
  p.Word("officials", "NOUN", "NNS", "official", 6, "nsubj");
  p.MentionLast("FRAGOV", 2);
  p.Word("condemned", "VERB", "VBD", "condemn", 1, "ccomp");
  p.Word("the", "DET", "DT", "the", 8, "det");
  p.Word("strikes", "NOUN", "NNS", "strike", 6, "obj");
  p.Word(".", "PUNCT", ".", ".", 1, "punct");
  Document& doc = p.Finish();

  ASSERT_TRUE(EventCoder()->Process(doc).ok());
  EXPECT_EQ(CodedEvents(doc), (std::vector<Coded>{{"RUS", "195", "UKR"}, {"FRAGOV", "111", "-"}}));
}

// "Russia bombed Ukraine and France condemned the strikes ." parsed with France as a
// conjunct of the object and "condemned" as an open complement of "bombed".
TEST(EventStageTest, TheActorBeforeAFiniteVerbIsItsSubject) {
  HandParsed p;
  p.Word("Russia", "PROPN", "NNP", "Russia", 1, "nsubj");
  p.MentionLast("RUS");
  p.Word("bombed", "VERB", "VBD", "bomb", -1, "root");
  p.Word("Ukraine", "PROPN", "NNP", "Ukraine", 1, "obj");
  p.MentionLast("UKR");
  p.Word("and", "CCONJ", "CC", "and", 4, "cc");
  p.Word("France", "PROPN", "NNP", "France", 2, "conj");
  p.MentionLast("FRA");
  p.Word("condemned", "VERB", "VBD", "condemn", 1, "xcomp");
  p.Word("the", "DET", "DT", "the", 7, "det");
  p.Word("strikes", "NOUN", "NNS", "strike", 5, "obj");
  p.Word(".", "PUNCT", ".", ".", 1, "punct");
  Document& doc = p.Finish();

  ASSERT_TRUE(EventCoder()->Process(doc).ok());
  EXPECT_EQ(CodedEvents(doc), (std::vector<Coded>{{"RUS", "195", "UKR"}, {"FRA", "111", "-"}}));
}

// "C0 and C1 and ... and C799 attacked T0 and attacked T1 and ... attacked T799 .", with
// UD's flat coordination: every conjunct hangs from the first one, every later verb from
// the first verb, so each verb seeks the 800 coordinated subjects through its head.
TEST(EventStageTest, CodesAVeryLongCoordinationSanely) {
  constexpr int kCountries = 800;
  constexpr int kVerbs = 800;
  HandParsed p;
  const int32_t first_verb = 2 * kCountries - 1;
  for (int i = 0; i < kCountries; ++i) {
    if (i > 0) p.Word("and", "CCONJ", "CC", "and", static_cast<int32_t>(p.size() + 1), "cc");
    p.Word(Name('C', i), "PROPN", "NNP", "C", i == 0 ? first_verb : 0, i == 0 ? "nsubj" : "conj");
    p.MentionLast(Code(i));
  }
  for (int k = 0; k < kVerbs; ++k) {
    if (k > 0) p.Word("and", "CCONJ", "CC", "and", static_cast<int32_t>(p.size() + 1), "cc");
    const int32_t verb = static_cast<int32_t>(p.size());
    p.Word("attacked", "VERB", "VBD", "attack", k == 0 ? -1 : first_verb, k == 0 ? "root" : "conj");
    p.Word(Name('T', k), "PROPN", "NNP", "T", verb, "obj");
    p.MentionLast(Code(kCountries + k));
  }
  p.Word(".", "PUNCT", ".", ".", first_verb, "punct");
  Document& doc = p.Finish();

  ASSERT_TRUE(EventCoder()->Process(doc).ok());
  ExpectSaneEvents(doc);
  // One attack per verb, by the first of the coordinated subjects, on that verb's object.
  ASSERT_EQ(doc.events.size(), static_cast<size_t>(kVerbs));
  for (int k = 0; k < kVerbs; ++k) {
    EXPECT_EQ(doc.events[k].source, 0u);
    EXPECT_EQ(doc.events[k].target, static_cast<uint32_t>(kCountries + k));
    EXPECT_EQ(doc.events[k].cameo, "190");
  }
}

// "C0 and C1 and ... and C799 met ." : a mutual event of 800 coordinated subjects.
TEST(EventStageTest, CodesAVeryLongMutualSubjectSanely) {
  constexpr int kCountries = 800;
  HandParsed p;
  const int32_t verb = 2 * kCountries - 1;
  for (int i = 0; i < kCountries; ++i) {
    if (i > 0) p.Word("and", "CCONJ", "CC", "and", static_cast<int32_t>(p.size() + 1), "cc");
    p.Word(Name('C', i), "PROPN", "NNP", "C", i == 0 ? verb : 0, i == 0 ? "nsubj" : "conj");
    p.MentionLast(Code(i));
  }
  p.Word("met", "VERB", "VBD", "meet", -1, "root");
  p.Word(".", "PUNCT", ".", ".", verb, "punct");
  Document& doc = p.Finish();

  ASSERT_TRUE(EventCoder()->Process(doc).ok());
  ExpectSaneEvents(doc);
  EXPECT_EQ(doc.events.size(), static_cast<size_t>(kCountries - 1));
}

}  // namespace
}  // namespace eventmill
