#include <gtest/gtest.h>

#include <algorithm>

#include "eventmill/pipeline.h"
#include "eventmill/reader.h"
#include "src/legacy/petrarch_dictionary.h"
#include "src/legacy/petrarch_records.h"
#include "src/legacy/tabari_coder.h"

namespace eventmill::legacy {
namespace {

// Dictionaries in PETRARCH's formats, written for these tests.
constexpr const char* kVerbs = R"(<!-- test verbs -->
&TIEKINDS
+TRADE
+MILITARY

&MONEY_
+DUCATS

--- RESTORE  [060]  ---
RESTORE   # a comment
MEND {MENDS MENDED MENDING}
- * &TIEKINDS TIES  [064]
- * {DIPLOMATIC TIES}  [0641]

--- CUT  [---] ---
+CUT_OFF {+CUTS_OFF +CUTTING_OFF}
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}  [1711]
- * (WITH +) [161]

--- CONDEMN [122] ---
CONDEMN

--- MEET [040:040] ---
MEET {MEETS MET MEETING}

--- SEND [070] ---
SEND {SENDS SENT SENDING}
- * &MONEY [071]

--- SAY [023] ---
SAY {SAYS SAID SAYING}
)";

constexpr const char* kActors = R"(<!-- test actors -->
NORLAND [NOR]
+NORLANDIC
SUDRIA  [SUD]
WEST MARK [WMK]   # two words, next to each other
HALDOR EKBERG
  [NORGOV 20100101-20141231]
  [NORELI >20150101]
)";

constexpr const char* kAgents = R"(!PERSON! = MAN, MEN
POLICE {} [~COP]
MINISTER [~GOV]
CONGRESS!PERSON! [~LEG]
)";

constexpr const char* kDiscards = "+FOOTBALL\nCRICKET MATCH\n";

TabariDictionaries Read() {
  TabariDictionaries d;
  EXPECT_TRUE(ReadPetrarchFile(kVerbs, PetrarchFileKind::kVerbs, d).ok());
  EXPECT_TRUE(ReadPetrarchFile(kActors, PetrarchFileKind::kActors, d).ok());
  EXPECT_TRUE(ReadPetrarchFile(kAgents, PetrarchFileKind::kAgents, d).ok());
  EXPECT_TRUE(ReadPetrarchFile(kDiscards, PetrarchFileKind::kDiscards, d).ok());
  return d;
}

std::string Words(const Phrase& p) {
  std::string out;
  for (const Element& e : p) out += (out.empty() ? "" : " ") + e.word;
  return out;
}

TEST(PetrarchDictionary, VerbBlocksGiveTheirCodeAndPatternsToEveryVerb) {
  TabariDictionaries d = Read();
  std::vector<std::string> spellings;
  for (const TabariVerb& v : d.verbs) spellings.push_back(Words(v.root) + "=" + v.code);
  auto has = [&](const std::string& s) { return std::find(spellings.begin(), spellings.end(), s) != spellings.end(); };
  // Regular forms are generated; listed forms replace them.
  EXPECT_TRUE(has("restore=060"));
  EXPECT_TRUE(has("restored=060"));
  EXPECT_TRUE(has("restoring=060"));
  EXPECT_TRUE(has("mended=060"));
  EXPECT_FALSE(has("mendeded=060"));
  // "+" marks the verb word of a multi-word verb; a line's own code beats its block's.
  EXPECT_TRUE(has("cutting off=---"));
  EXPECT_TRUE(has("wire tapped=1711"));
  for (const TabariVerb& v : d.verbs) {
    if (Words(v.root) == "mending") {
      ASSERT_EQ(v.patterns.size(), 2u);
      EXPECT_EQ(v.patterns[0].code, "064");
      EXPECT_EQ(Words(v.patterns[1].after), "diplomatic ties");  // a PETRARCH-2 noun-phrase group
    }
    // Words are whole words, not stems.
    EXPECT_TRUE(v.root[0].exact && v.root[0].no_endings) << Words(v.root);
  }
  // A synset named with a trailing "_" takes no plurals; others do.
  const Synset& kinds = d.synsets[static_cast<size_t>(d.FindSynset("TIEKINDS"))];
  EXPECT_EQ(kinds.members.size(), 4u);  // trade, trades, military, militaries
  EXPECT_EQ(d.synsets[static_cast<size_t>(d.FindSynset("MONEY"))].members.size(), 1u);
}

TEST(PetrarchDictionary, ActorsAgentsAndDiscards) {
  TabariDictionaries d = Read();
  ASSERT_EQ(d.actors.size(), 4u);
  EXPECT_EQ(d.actors[0].phrases.size(), 2u);
  EXPECT_FALSE(d.actors[2].phrases[0][0].joined_to_next);  // WEST MARK: words may come between
  EXPECT_TRUE(d.agents[0].phrase.size() == 1 || d.agents[0].phrase[0].joined_to_next);
  ASSERT_EQ(d.actors[3].codes.size(), 2u);
  EXPECT_EQ(d.actors[3].codes[0].code, "NORGOV");
  EXPECT_EQ(d.actors[3].codes[1].from, (CivilDate{2015, 1, 1}));
  std::vector<std::string> agents;
  for (const TabariAgent& a : d.agents) agents.push_back(Words(a.phrase) + "=" + a.code);
  std::sort(agents.begin(), agents.end());
  EXPECT_EQ(agents, (std::vector<std::string>{"congressman=LEG", "congressmans=LEG", "congressmen=LEG",
                                              "congressmens=LEG", "minister=GOV", "ministers=GOV", "police=COP"}));
  ASSERT_EQ(d.markers.size(), 2u);
  EXPECT_EQ(d.markers[0].second, "###");
  EXPECT_EQ(Words(d.markers[1].first), "cricket match");
}

TEST(PetrarchDictionary, ToleratesJunk) {
  TabariDictionaries d;
  const std::string junk = "\x01\xff--- [\n- * [\n&\n+\n{{{{\n<!-- never closed\n";
  for (PetrarchFileKind kind :
       {PetrarchFileKind::kVerbs, PetrarchFileKind::kActors, PetrarchFileKind::kAgents, PetrarchFileKind::kDiscards}) {
    EXPECT_TRUE(ReadPetrarchFile(junk, kind, d).ok());
  }
}

TEST(PetrarchRecords, ReadsEnvironmentConfigAndExpectedCodings) {
  PetrarchRecordFile file = ReadPetrarchRecords(R"(<Validation>
<Environment>
  <Verbfile>v.txt</Verbfile> <Actorfile>a.txt</Actorfile>
  <Agentfile>g.txt</Agentfile> <Discardfile>d.txt</Discardfile>
</Environment>
<Sentences>
<!-- <Sentence id="COMMENTED"></Sentence> -->
<Sentence date="20120304" id="T-1" category="DEMO">
<EventCoding sourcecode="NOR" targetcode="SUD" eventcode="064"></EventCoding>
<EventCoding sourcecode='"THE FLEET"' targetcode="SUD" eventcode="190"></EventCoding>
<Text>
Norland &amp; friends restored ties with Sudria.
</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="20120305" id="T-2" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Football.</Text>
</Sentence>
<Sentence date="20120306" id="T-3" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>)");
  EXPECT_EQ(file.verbs, "v.txt");
  EXPECT_EQ(file.discards, "d.txt");
  ASSERT_EQ(file.records.size(), 3u);
  EXPECT_EQ(file.records[0].id, "T-1");
  EXPECT_EQ(file.records[0].date, (CivilDate{2012, 3, 4}));
  EXPECT_EQ(file.records[0].text, "Norland & friends restored ties with Sudria.");
  EXPECT_EQ(file.records[0].events, (std::vector<std::string>{"NOR/SUD/064", "\"THE FLEET\"/SUD/190"}));
  EXPECT_EQ(file.records[1].expect, PetrarchExpect::kError);
  EXPECT_EQ(file.records[1].error, "storydiscard");
  ASSERT_EQ(file.records[1].config.size(), 1u);
  EXPECT_EQ(file.records[1].config[0].second, "false");
  EXPECT_EQ(file.records[2].expect, PetrarchExpect::kNone);
}

TEST(PetrarchRecords, ReadsAConfigurationFile) {
  PetrarchConfig config = ReadPetrarchConfig(
      "[Dictionaries]\nverbfile_name    = v.txt\nactorfile_list = a.txt, b.txt ,c.txt\n"
      "agentfile_name = g.txt\n# discardfile_name = old.txt\n[Options]\nrequire_dyad = False\n");
  EXPECT_EQ(config.verbs, "v.txt");
  EXPECT_EQ(config.actors, (std::vector<std::string>{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(config.agents, "g.txt");
  EXPECT_TRUE(config.discards.empty());
  EXPECT_FALSE(config.require_dyad);
  EXPECT_TRUE(ReadPetrarchConfig("require_dyad = True\n").require_dyad);
}

class PetrarchCoding : public ::testing::Test {
 protected:
  std::vector<std::string> Code(const std::string& text, bool require_dyad = true, CivilDate date = {2012, 6, 1}) {
    static const auto pipeline = Pipeline::Create(PipelineOptions{});
    static const TabariCoder coder(Read());
    auto doc = DocumentFromText(text, "test", "test");
    EXPECT_TRUE(doc.ok());
    EXPECT_TRUE(pipeline->Process(*doc).ok());
    TabariOptions options = PetrarchCodingOptions();
    options.require_dyad = require_dyad;
    std::vector<std::string> events;
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      LegacySentence coded = coder.CodeSentence(*doc, s, date, options);
      if (coded.outcome == SentenceOutcome::kDiscarded) events.push_back("discarded");
      for (const LegacyEvent& e : coded.events) events.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
    }
    std::sort(events.begin(), events.end());
    return events;
  }
  using Events = std::vector<std::string>;
};

TEST_F(PetrarchCoding, SubjectIsTheSourceAndObjectsTheTarget) {
  EXPECT_EQ(Code("Norland restored trade ties with Sudria."), (Events{"NOR/SUD/064"}));
  EXPECT_EQ(Code("Norland restored diplomatic ties with Sudria."), (Events{"NOR/SUD/0641"}));
  // Only a word the tagger calls a verb codes: "the restore" is not one.
  EXPECT_EQ(Code("Sudria condemned Norland."), (Events{"SUD/NOR/122"}));
  // Passive voice: the "by" phrase is the source.
  EXPECT_EQ(Code("Sudria was condemned by Norland."), (Events{"NOR/SUD/122"}));
}

TEST_F(PetrarchCoding, ClausesWithTheirOwnSubjectKeepTheirActors) {
  // The reported clause codes on its own; the verb of saying, with no object, is aimed at
  // the reported clause's subject (PETRARCH's reading) — but not at a report before it.
  EXPECT_EQ(Code("Norland said that Sudria condemned West Mark."), (Events{"NOR/SUD/023", "SUD/WMK/122"}));
  EXPECT_EQ(Code("Sudria condemned Norland, the minister said."), (Events{"SUD/NOR/122"}));
  // A passive verb's doer is only its "by" phrase.
  EXPECT_EQ(Code("Sudria was condemned over its dispute with Norland."), (Events{}));
  // A conjoined verb shares its subject.
  EXPECT_EQ(Code("Norland condemned Sudria and sent ducats to West Mark."), (Events{"NOR/SUD/122", "NOR/WMK/071"}));
}

TEST_F(PetrarchCoding, CoordinatedActorsAgentsAndDyads) {
  EXPECT_EQ(Code("Norland and West Mark condemned Sudria."), (Events{"NOR/SUD/122", "WMK/SUD/122"}));
  EXPECT_EQ(Code("Norland and Sudria met on Monday."), (Events{"NOR/SUD/040", "SUD/NOR/040"}));
  EXPECT_EQ(Code("Norland's police condemned Sudria."), (Events{"NORCOP/SUD/122"}));
  // Dated roles: the code valid on the day.
  EXPECT_EQ(Code("Haldor Ekberg condemned Sudria.", true, {2013, 5, 1}), (Events{"NORGOV/SUD/122"}));
  EXPECT_EQ(Code("Haldor Ekberg condemned Sudria.", true, {2016, 5, 1}), (Events{"NORELI/SUD/122"}));
  // Without require_dyad a missing side is "---"; an agent alone is "---" and its code.
  EXPECT_EQ(Code("A minister said on Monday.", false), (Events{"---GOV/---/023"}));
  EXPECT_EQ(Code("A minister said on Monday."), (Events{}));
  EXPECT_EQ(Code("Norland restored trade ties with Sudria after the football final."), (Events{"discarded"}));
}

}  // namespace
}  // namespace eventmill::legacy
