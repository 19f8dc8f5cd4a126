#include <gtest/gtest.h>

#include "eventmill/pipeline.h"
#include "eventmill/reader.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_dictionary.h"
#include "src/legacy/tabari_records.h"

namespace eventmill::legacy {
namespace {

// A small dictionary of made-up states, written for these tests.
constexpr std::string_view kActors =
    "NORLAND  [NOR] ; a comment\n"
    "SUDRIA  [SUD]\n"
    "WESTMARK [WMK]\n"
    "OLD_HARBOUR_TOWN [OHT]\n"
    "#SKIPPED [XXX]\n"
    "JON PELLA ; a person with dated roles\n"
    "+PELLA_JON\n"
    "\t[NORGOV 990101-031231]\n"
    "\t[NOROPP >040101]\n"
    "\n"
    "RIVER-PORT [RVP]\n"
    "<NOUN>\n"
    "TALKS_\n"
    "</NOUN>\n";
constexpr std::string_view kAgents =
    "POLICE_ [~COP]\n"
    "FOREIGN_MINISTER_ [~GOVFRM]\n"
    "AID_WORKERS_ [NGO~]\n";
constexpr std::string_view kVerbs =
    "<SYNSETS>\n"
    "&TIES\n"
    "+DIPLOMATIC_TIES\n"
    "+TRADE LINKS\n"
    "</SYNSETS>\n"
    "ACCUSE  [112]\n"
    "- * OF_ SPYING  [1121]\n"
    "ATTACK  [190]\n"
    "RESTOR  [---]\n"
    "- * &TIES  [064]\n"
    "MEET_  [040:040]\n"
    "{ MET_ }\n"
    "SAID  [010?]\n"
    "CONDEMN  [111]\n"
    "WARN  [130]\n"
    "- + WAS_* BY $ [138]\n";

TabariDictionaries Read() {
  TabariDictionaries d;
  EXPECT_TRUE(ReadTabariFile(kActors, "actors", d).ok());
  EXPECT_TRUE(ReadTabariFile(kAgents, "agents", d).ok());
  EXPECT_TRUE(ReadTabariFile(kVerbs, "verbs", d).ok());
  return d;
}

TEST(TabariDictionary, ReadsActorsWithSynonymsAndDates) {
  TabariDictionaries d = Read();
  ASSERT_EQ(d.actors.size(), 6u);
  const TabariActor& pella = d.actors[4];
  ASSERT_EQ(pella.phrases.size(), 2u);
  EXPECT_FALSE(pella.phrases[0][0].joined_to_next);  // "JON PELLA": words may stand apart
  EXPECT_TRUE(pella.phrases[1][0].joined_to_next);   // "PELLA_JON": they may not
  ASSERT_EQ(pella.codes.size(), 2u);
  EXPECT_EQ(pella.codes[0].code, "NORGOV");
  EXPECT_EQ(*pella.codes[0].from, (CivilDate{1999, 1, 1}));
  EXPECT_EQ(*pella.codes[0].to, (CivilDate{2003, 12, 31}));
  EXPECT_EQ(*pella.codes[1].from, (CivilDate{2004, 1, 1}));
  EXPECT_FALSE(pella.codes[1].to);
  // "RIVER-PORT" reads as RIVER_PORT.
  ASSERT_EQ(d.actors[5].phrases[0].size(), 2u);
  EXPECT_EQ(d.actors[5].phrases[0][0].word, "river");
  EXPECT_EQ(d.nouns.size(), 1u);
}

TEST(TabariDictionary, ReadsAgentsVerbsPatternsAndSynsets) {
  TabariDictionaries d = Read();
  ASSERT_EQ(d.agents.size(), 3u);
  EXPECT_EQ(d.agents[0].code, "COP");
  EXPECT_FALSE(d.agents[0].before_actor);
  EXPECT_EQ(d.agents[2].code, "NGO");
  EXPECT_TRUE(d.agents[2].before_actor);
  ASSERT_EQ(d.synsets.size(), 1u);
  EXPECT_EQ(d.synsets[0].members.size(), 2u);
  ASSERT_EQ(d.verbs.size(), 7u);
  EXPECT_EQ(d.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(d.verbs[0].patterns[0].code, "1121");
  EXPECT_EQ(d.verbs[3].forms.size(), 1u);
  EXPECT_EQ(d.verbs[6].patterns[0].before.size(), 2u);  // "+ WAS"
  EXPECT_EQ(d.skipped_lines, 0u);
}

TEST(TabariDictionary, ToleratesJunk) {
  TabariDictionaries d;
  EXPECT_TRUE(ReadTabariFile("\xff\xfe garbage [\n[ ]\n- * [\n{ }\n&\n+\n", "verbs", d).ok());
  EXPECT_TRUE(ReadTabariFile("[\n+X\n\t[ABC 99]\n", "actors", d).ok());
  EXPECT_FALSE(ReadTabariFile("", "options", d).ok());
}

TEST(TabariDictionary, RefusesBracesNestedPastSixteen) {
  TabariDictionaries d;
  std::string line = "ATTACK [190]\n- * " + std::string(40000, '{') + " X [115]\n";
  EXPECT_TRUE(ReadTabariFile(line, "verbs", d).ok());
  ASSERT_EQ(d.verbs.size(), 1u);
  EXPECT_TRUE(d.verbs[0].patterns.empty());
  EXPECT_EQ(d.skipped_lines, 1u);
}

TEST(TabariDate, ReadsTwoAndFourDigitYears) {
  EXPECT_EQ(*ParseTabariDate("991201"), (CivilDate{1999, 12, 1}));
  EXPECT_EQ(*ParseTabariDate("050630"), (CivilDate{2005, 6, 30}));
  EXPECT_EQ(*ParseTabariDate("19890101"), (CivilDate{1989, 1, 1}));
  EXPECT_FALSE(ParseTabariDate("990231"));
  EXPECT_FALSE(ParseTabariDate("99123"));
}

TEST(TabariRecords, ReadsLeadsAndWhatTheyShouldCode) {
  auto records = ReadTabariRecords(
      "# a heading\n"
      "950103  TEST-01\n"
      "Norland's envoy left for Sudria\n"
      "on Wednesday.\n"
      "/*\\n[a paired event]\n"
      "\\n{ NOR / SUD / 032 } 950103\n"
      "\\n{ SUD/NOR/033 } */\n"
      "950104  TEST-02\n"
      "Nothing to code here. /* {---} */\n"
      "950105  TEST-03\n"
      "A lead. /* { OPTION: SET: CODE BY SENTENCE } */\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, "TEST-01");
  EXPECT_EQ(*records[0].date, (CivilDate{1995, 1, 3}));
  EXPECT_EQ(records[0].text, "Norland's envoy left for Sudria\non Wednesday.\n\n");
  EXPECT_EQ(records[0].expect, TabariExpect::kEvents);
  EXPECT_EQ(records[0].events, (std::vector<std::string>{"NOR/SUD/032", "SUD/NOR/033"}));
  EXPECT_EQ(records[1].expect, TabariExpect::kNone);
  EXPECT_EQ(records[2].expect, TabariExpect::kOption);
  EXPECT_EQ(records[2].options, (std::vector<std::string>{"SET: CODE BY SENTENCE"}));
}

TEST(TabariOptions, ReadsTheCommandsThatChangeCoding) {
  TabariOptions o = ReadTabariOptions(
      "// a comment\nCOMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN\nSET: CODE BY SENTENCE\n"
      "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]\nCOMMA: MIN=1 MAX=8 EMIN=3\nSET: MINIMUM WORDS = 5\n"
      "OUTPUT: ACTOR MATCH ID\n");
  EXPECT_EQ(o.complex_verbs, 5);
  EXPECT_EQ(o.complex_conjunctions, 4);
  EXPECT_TRUE(o.no_actor_prior);
  EXPECT_FALSE(o.no_actor_after);
  EXPECT_EQ(o.code_by, TabariOptions::CodeBy::kSentence);
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_FALSE(o.default_target_after);
  EXPECT_EQ(o.comma_min, 1);
  EXPECT_EQ(o.comma_max, 8);
  EXPECT_EQ(o.comma_end_min, 3);
  EXPECT_EQ(o.comma_end_max, 10);
  EXPECT_EQ(o.comma_begin_min, 128);
  EXPECT_EQ(o.minimum_words, 5);
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: OFF", o));
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_FALSE(ApplyTabariOption("OUTPUT: ACTOR MATCH ID", o));
}

TEST(TabariRecords, ReadsAProjectFile) {
  TabariProject p = ReadTabariProject(
      "A title line\n<actorsfile>\tone.actors\n<actorsfile> two.actors\n<verbsfile> x.verbs\n<textfile> t.text\n");
  EXPECT_EQ(p.actors, (std::vector<std::string>{"one.actors", "two.actors"}));
  EXPECT_EQ(p.verbs, (std::vector<std::string>{"x.verbs"}));
  EXPECT_TRUE(p.agents.empty());
  EXPECT_EQ(p.text, "t.text");
}

class TabariCoding : public ::testing::Test {
 protected:
  std::vector<std::string> Code(const std::string& text, CivilDate date = {2002, 6, 1},
                                const std::string* forwarded = nullptr) {
    static const auto pipeline = Pipeline::Create(PipelineOptions{});
    static const TabariCoder coder(Read());
    auto doc = DocumentFromText(text, "test", "test");
    EXPECT_TRUE(doc.ok());
    EXPECT_TRUE(pipeline->Process(*doc).ok());
    std::vector<std::string> events;
    TabariOptions options;
    options.minimum_words = 0;  // TABARI's default of 8 would leave these short sentences out
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      for (const LegacyEvent& e : coder.CodeSentence(*doc, s, date, options, forwarded).events) {
        events.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
      }
    }
    std::sort(events.begin(), events.end());
    return events;
  }
  using Events = std::vector<std::string>;
};

TEST_F(TabariCoding, SourceFirstTargetAfterTheVerbAndPatterns) {
  EXPECT_EQ(Code("Norland accused Sudria on Monday."), (Events{"NOR/SUD/112"}));
  EXPECT_EQ(Code("Norland accused Sudria of spying."), (Events{"NOR/SUD/1121"}));
  EXPECT_EQ(Code("Norland restored diplomatic ties with Sudria."), (Events{"NOR/SUD/064"}));
  EXPECT_EQ(Code("Norland restored old trade shipping links with Sudria."), (Events{"NOR/SUD/064"}));
  // A pattern does not reach past a conjunction or a comma.
  EXPECT_EQ(Code("Norland restored trade and other links with Sudria."), (Events{}));
  EXPECT_EQ(Code("Norland restored order in Sudria."), (Events{}));  // null code, no pattern
}

TEST_F(TabariCoding, PairedCodesCompoundsAndAgents) {
  EXPECT_EQ(Code("Norland met Sudria in Westmark."), (Events{"NOR/SUD/040", "SUD/NOR/040"}));
  EXPECT_EQ(Code("Norland and Westmark condemned Sudria."), (Events{"NOR/SUD/111", "WMK/SUD/111"}));
  EXPECT_EQ(Code("Norland police attacked Sudria's foreign minister."), (Events{"NORCOP/SUDGOVFRM/190"}));
  EXPECT_EQ(Code("Aid workers of Sudria condemned Norland."), (Events{"NGOSUD/NOR/111"}));
}

TEST_F(TabariCoding, PassiveVoiceCommaClausesAndSubordinateCodes) {
  EXPECT_EQ(Code("Sudria was attacked by Norland."), (Events{"NOR/SUD/190"}));
  EXPECT_EQ(Code("Norland, which borders Westmark to the north, condemned Sudria."), (Events{"NOR/SUD/111"}));
  // "said" codes only when nothing else in the sentence does.
  EXPECT_EQ(Code("Norland said it condemned Sudria."), (Events{"NOR/SUD/111"}));
  EXPECT_EQ(Code("Norland said Sudria was right."), (Events{"NOR/SUD/010"}));
}

TEST(TabariCoder, SurvivesCyclicSynsetsAndLongSentences) {
  TabariDictionaries d;
  ASSERT_TRUE(ReadTabariFile("NORLAND [QNL]\nSUDRIA [QSU]\n", "actors", d).ok());
  ASSERT_TRUE(ReadTabariFile("<SYNSETS>\n&LOOP\n+&LOOP\n+&OTHER\n&OTHER\n+&LOOP\n</SYNSETS>\n"
                             "ATTACK [190]\n- * &LOOP [113]\n- * A A A A A A A A ZZZ [114]\n",
                             "verbs", d)
                  .ok());
  const TabariCoder coder(std::move(d));
  static const auto pipeline = Pipeline::Create(PipelineOptions{});
  std::string text = "Norland attacked Sudria";
  for (int i = 0; i < 2000; ++i) text += " a";
  auto doc = DocumentFromText(text + ".", "long", "test");
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(pipeline->Process(*doc).ok());
  TabariOptions options;
  options.minimum_words = 0;
  std::vector<std::string> events;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    for (const LegacyEvent& e : coder.CodeSentence(*doc, s, std::nullopt, options).events) events.push_back(e.code);
  }
  EXPECT_EQ(events, (std::vector<std::string>{"190"}));  // neither pattern matches; the verb's code
}

TEST_F(TabariCoding, ForwardedActorStandsForALeadingPronoun) {
  const std::string forwarded = "NOR";
  // Without FORWARD "he" is the sentence's first actor; with it, the story's actor.
  EXPECT_EQ(Code("He accused Sudria on Monday."), (Events{}));
  EXPECT_EQ(Code("He accused Sudria on Monday.", {2002, 6, 1}, &forwarded), (Events{"NOR/SUD/112"}));
  // A pronoun after an actor of the sentence keeps TABARI's own reading.
  EXPECT_EQ(Code("Westmark said he accused Sudria.", {2002, 6, 1}, &forwarded),
            Code("Westmark said he accused Sudria."));
}

TEST(TabariOptions, ReadsTheForwardMask) {
  TabariOptions o;
  EXPECT_TRUE(ApplyTabariOption("FORWARD: ^^*****NNN*SSS", o));
  EXPECT_EQ(o.forward_mask, "^^*****NNN*SSS");
  EXPECT_TRUE(ApplyTabariOption("FORWARD: ^^*****NNN*SSS OFF", o));
  EXPECT_TRUE(o.forward_mask.empty());
}

TEST_F(TabariCoding, DatedCodesAndNouns) {
  EXPECT_EQ(Code("Jon Pella condemned Sudria.", {2002, 1, 1}), (Events{"NORGOV/SUD/111"}));
  EXPECT_EQ(Code("Jon Pella condemned Sudria.", {2005, 1, 1}), (Events{"NOROPP/SUD/111"}));
  // After a determiner a verb of the dictionary is a noun.
  EXPECT_EQ(Code("Norland saw the attack on Sudria."), (Events{}));
}

}  // namespace
}  // namespace eventmill::legacy
