#include "src/events/lexicon.h"

#include <gtest/gtest.h>

#include "src/data/data_files.h"

namespace eventmill {
namespace {

using Forms = std::vector<std::string>;

TEST(LexiconTest, InflectsRegularVerbs) {
  EXPECT_EQ(events::VerbForms("accuse"), (Forms{"accuse", "accuses", "accused", "accusing"}));
  EXPECT_EQ(events::VerbForms("criticize"), (Forms{"criticize", "criticizes", "criticized", "criticizing"}));
  EXPECT_EQ(events::VerbForms("deny"), (Forms{"deny", "denies", "denied", "denying"}));
  EXPECT_EQ(events::VerbForms("ban"), (Forms{"ban", "bans", "banned", "banning"}));
  EXPECT_EQ(events::VerbForms("stop"), (Forms{"stop", "stops", "stopped", "stopping"}));
  EXPECT_EQ(events::VerbForms("open"), (Forms{"open", "opens", "opened", "opening"}));  // two syllables
  // Longer verbs ending consonant-vowel-consonant get both spellings: which one is right
  // depends on stress ("visited", "expelled").
  EXPECT_EQ(events::VerbForms("visit"), (Forms{"visit", "visits", "visited", "visiting", "visitted", "visitting"}));
  EXPECT_EQ(events::VerbForms("expel"), (Forms{"expel", "expels", "expeled", "expeling", "expelled", "expelling"}));
  EXPECT_EQ(events::VerbForms("attack"), (Forms{"attack", "attacks", "attacked", "attacking"}));
  EXPECT_EQ(events::VerbForms("agree"), (Forms{"agree", "agrees", "agreed", "agreeing"}));
  EXPECT_EQ(events::NounPlural("talk"), "talks");
  EXPECT_EQ(events::NounPlural("strike"), "strikes");
}

Codebook TestCodebook() {
  return std::move(
             Codebook::Parse("# eventmill-codebook\t1\n041\tCall\t1\tCONSULT\tphone\n112\tAccuse\t-2\tACCUSE\t\n"))
      .value();
}

TEST(LexiconTest, IndexesFormsMostSpecificFirst) {
  Codebook codebook = TestCodebook();
  auto lexicon = events::Lexicon::Parse(
      "# eventmill-lexicon\t1\nverb\taccuse\t112\nverb\taccuse strongly\t112\tintent\n"
      "verb\tspeak/spoke/spoken to\t041\nnoun\tphone call\t041\tuntargeted\n",
      codebook);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  const auto* accused = lexicon->EntriesForFirstWord("accused");
  ASSERT_NE(accused, nullptr);
  ASSERT_EQ(accused->size(), 2u);
  EXPECT_EQ(lexicon->entries()[(*accused)[0]].words.size(), 2u);
  EXPECT_TRUE(lexicon->entries()[(*accused)[0]].intent);
  EXPECT_NE(lexicon->EntriesForFirstWord("spoke"), nullptr);
  EXPECT_EQ(lexicon->EntriesForFirstWord("speaks"), nullptr);  // listed forms only
  const auto* phone = lexicon->EntriesForFirstWord("phone");
  ASSERT_NE(phone, nullptr);
  EXPECT_TRUE(lexicon->IsLastNounForm((*phone)[0], "calls"));
  EXPECT_TRUE(lexicon->entries()[(*phone)[0]].untargeted);
}

TEST(LexiconTest, RefusesUnknownCodesKindsAndFlags) {
  Codebook codebook = TestCodebook();
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\tattack\t190\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nadverb\tfast\t041\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\tcall\t041\tmaybe\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\t\t041\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("verb\tcall\t041\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\t/\t041\n", codebook).ok());
  // A demand read off a "must" clause is a verb's.
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nnoun\tstatement\t041\tmust-clause\n", codebook).ok());
  auto said = events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\tsay/said\t041\tmust-clause\n", codebook);
  ASSERT_TRUE(said.ok()) << said.status().ToString();
  EXPECT_TRUE(said->entries()[0].must_clause);
  // Each flag on the kind of entry it is for.
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nnoun\trelease\t041\tactor-object\n", codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\tmediate\t041\tbetween-targets\n", codebook).ok());
  auto flagged =
      events::Lexicon::Parse("# eventmill-lexicon\t1\nverb\trelease\t041\tactor-object,no-clause,mutual\n", codebook);
  ASSERT_TRUE(flagged.ok()) << flagged.status().ToString();
  EXPECT_TRUE(flagged->entries()[0].actor_object);
  EXPECT_TRUE(flagged->entries()[0].no_clause);
  EXPECT_TRUE(flagged->entries()[0].mutual);
  EXPECT_FALSE(flagged->entries()[0].intransitive);
}

TEST(LexiconTest, TargetLinesSayWhichActsStandAloneByTheLongestPrefix) {
  auto codebook = Codebook::Parse(*data::Load("", "codebook/cameo.tsv"));
  ASSERT_TRUE(codebook.ok());
  auto lexicon =
      events::Lexicon::Parse("# eventmill-lexicon\t1\ntarget\t03\toptional\ntarget\t036\trequired\n", *codebook);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_TRUE(lexicon->TargetOptional("0331"));
  EXPECT_FALSE(lexicon->TargetOptional("036"));
  EXPECT_FALSE(lexicon->TargetOptional("040"));  // no line: a target is needed
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\ntarget\t03\tmaybe\n", *codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\ntarget\t99\toptional\n", *codebook).ok());
}

TEST(LexiconTest, IntentLinesMapIntendedActsToTheirLongestPrefix) {
  auto codebook = Codebook::Parse(*data::Load("", "codebook/cameo.tsv"));
  ASSERT_TRUE(codebook.ok());
  auto lexicon = events::Lexicon::Parse("# eventmill-lexicon\t1\nintent\t04\t036\nintent\t07\t033\nintent\t074\t0334\n",
                                        *codebook);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  ASSERT_NE(lexicon->IntentCodeFor("042"), nullptr);
  EXPECT_EQ(*lexicon->IntentCodeFor("042"), "036");
  EXPECT_EQ(*lexicon->IntentCodeFor("074"), "0334");
  EXPECT_EQ(*lexicon->IntentCodeFor("071"), "033");
  EXPECT_EQ(lexicon->IntentCodeFor("190"), nullptr);
  // An intent must be a 03x (intent to cooperate) or 13x (threat) code of the codebook.
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nintent\t04\t040\n", *codebook).ok());
  EXPECT_FALSE(events::Lexicon::Parse("# eventmill-lexicon\t1\nintent\t99\t036\n", *codebook).ok());
}

TEST(LexiconTest, BuiltInLexiconMatchesTheBuiltInCodebook) {
  auto codebook = Codebook::Parse(*data::Load("", "codebook/cameo.tsv"));
  ASSERT_TRUE(codebook.ok());
  auto lexicon = events::Lexicon::Parse(*data::Load("", "lexicon/events.txt"), *codebook);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_GT(lexicon->entries().size(), 60u);
}

TEST(LexiconTest, RequestsNameWhatTheyAskForAsIntentsDo) {
  auto codebook = Codebook::Parse(
      "# eventmill-codebook\t1\n020\tAppeal\t3\t\t\n0213\tAppeal judicial\t3\t\t\n030\tIntent\t4\tAGREE\t\n"
      "0313\tIntent judicial\t4\tAGREE\t\n063\tExtradite\t6\tCOOPERATE\t\n100\tDemand\t-5\tREQUEST\t\n"
      "190\tFight\t-10\tASSAULT\t\n");
  ASSERT_TRUE(codebook.ok()) << codebook.status().ToString();
  auto lexicon = events::Lexicon::Parse("# eventmill-lexicon\t1\nintent\t063\t0313\nverb\textradite\t063\n", *codebook);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_EQ(lexicon->RequestCodeFor("020", "063"), "0213");   // through the intent 0313
  EXPECT_EQ(lexicon->RequestCodeFor("020", "0313"), "0213");  // an intent code itself
  EXPECT_EQ(lexicon->RequestCodeFor("100", "063"), "");       // no 1013 in this codebook
  EXPECT_EQ(lexicon->RequestCodeFor("020", "190"), "");       // force has no intent to cooperate
  EXPECT_EQ(lexicon->RequestCodeFor("020", "030"), "");       // the bare intent says nothing more
}

}  // namespace
}  // namespace eventmill
