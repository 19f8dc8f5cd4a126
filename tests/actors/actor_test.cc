#include <gtest/gtest.h>

#include "eventmill/pipeline.h"
#include "src/actors/actor_dictionary.h"

namespace eventmill {
namespace {

struct Found {
  std::string text, code, country, org, name;
};

std::vector<Found> Mentions(const std::string& text, const char* date = nullptr) {
  static const auto pipeline = Pipeline::Create(PipelineOptions{});
  Document doc;
  doc.text = text;
  if (date) doc.meta.date = CivilDate::Parse(date);
  EXPECT_TRUE(pipeline->Process(doc).ok());
  std::vector<Found> out;
  for (const ActorMention& m : doc.mentions) {
    out.push_back({std::string(doc.Slice(m.span)), m.actor.code, m.actor.country, m.actor.org, m.actor.name});
  }
  return out;
}

TEST(ActorTest, ResolvesCountriesByNameDemonymAndMetonym) {
  auto m = Mentions("Washington and the Kremlin traded words while Kyiv and Britain watched French ships.");
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].code, "USA");
  EXPECT_EQ(m[1].code, "RUSGOV");
  EXPECT_EQ(m[1].text, "the Kremlin");
  EXPECT_EQ(m[2].code, "UKR");
  EXPECT_EQ(m[3].code, "GBR");
  EXPECT_EQ(m[4].code, "FRA");
}

TEST(ActorTest, ComposesCountryAndSector) {
  auto m = Mentions("the Ministry of Defence of Poland met Ukrainian soldiers and Canada's foreign minister.");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].code, "POLMIL");
  EXPECT_EQ(m[0].text, "the Ministry of Defence of Poland");
  EXPECT_EQ(m[1].code, "UKRMIL");
  EXPECT_EQ(m[2].code, "CANGOV");
  EXPECT_EQ(m[2].country, "CAN");
}

TEST(ActorTest, PluralDemonymsNameThePeopleOfACountry) {
  auto m = Mentions("Iraqis and Palestinians marched through the city.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "IRQ");
  EXPECT_EQ(m[1].code, "PSE");
  EXPECT_EQ(m[1].country, "PSE");
}

TEST(ActorTest, GroupsTakeTheirSectorAndThePeriodOfTheDate) {
  auto m = Mentions("Houthi fighters and Hezbollah fired rockets.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "YEMREB");  // the group's sector, not the agent's (fighters: MIL)
  EXPECT_EQ(m[0].text, "Houthi fighters");
  EXPECT_EQ(m[1].code, "LBNREB");
  EXPECT_EQ(Mentions("The Taliban seized the town.", "2019-05-01")[0].code, "AFGREB");
  EXPECT_EQ(Mentions("The Taliban seized the town.", "2024-05-01")[0].code, "AFGGOV");
  EXPECT_EQ(Mentions("The Taliban seized the town.")[0].code, "AFGGOV");  // undated: the latest period
  // A country before the group keeps the group's sector.
  EXPECT_EQ(Mentions("Yemen's Houthi rebels fired rockets.")[0].code, "YEMREB");
  EXPECT_EQ(Mentions("Afghan Taliban fighters seized the town.", "2019-05-01")[0].code, "AFGREB");
}

TEST(ActorTest, AcronymsMatchOnlyAsWritten) {
  auto m = Mentions("Tell us about the US plan and the UN vote.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "USA");
  EXPECT_EQ(m[1].code, "IGOUNO");
  EXPECT_EQ(m[1].org, "UN");
  EXPECT_TRUE(Mentions("the chad was dry and china plates broke").empty());
}

TEST(ActorTest, PeopleTakeTheRoleValidOnTheDate) {
  auto in_2023 = Mentions("Sergei Shoigu arrived.", "2023-03-15");
  ASSERT_EQ(in_2023.size(), 1u);
  EXPECT_EQ(in_2023[0].code, "RUSMIL");
  EXPECT_EQ(in_2023[0].name, "Sergei Shoigu");
  auto in_2025 = Mentions("Sergei Shoigu arrived.", "2025-03-15");
  EXPECT_EQ(in_2025[0].code, "RUSGOV");
  auto before_office = Mentions("Lloyd Austin arrived.", "2019-06-01");
  EXPECT_EQ(before_office[0].code, "USA");  // between his roles: country only
}

// A title and a surname alone: of two people of that surname who held the office, the one
// in office on the date; an Arabic surname's article may be left out.
TEST(ActorTest, TitleAndSurnameNameWhoHeldTheOfficeOnTheDate) {
  auto father = Mentions("President Assad spoke.", "1995-06-01");
  ASSERT_FALSE(father.empty());
  EXPECT_EQ(father[0].name, "Hafez al-Assad");
  EXPECT_EQ(father[0].code, "SYRGOV");
  auto son = Mentions("President Assad spoke.", "2015-06-01");
  ASSERT_FALSE(son.empty());
  EXPECT_EQ(son[0].name, "Bashar al-Assad");
  auto bashir = Mentions("President Bashir spoke.", "2005-06-01");
  ASSERT_FALSE(bashir.empty());
  EXPECT_EQ(bashir[0].name, "Omar al-Bashir");
}

TEST(ActorTest, UndatedPeopleTakeTheRoleTheirTitleNames) {
  auto m = Mentions("the Russian defence minister Sergei Shoigu arrived.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "RUSMIL");
  EXPECT_EQ(m[0].text, "the Russian defence minister Sergei Shoigu");
}

TEST(ActorTest, JoinsTitleAndNameInApposition) {
  auto m = Mentions("the head of the Pentagon, Lloyd Austin, spoke.", "2022-01-10");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "USAMIL");
  EXPECT_EQ(m[0].name, "Lloyd Austin");
  auto list = Mentions("France, Sergei Lavrov and Germany.", "2022-01-10");
  EXPECT_EQ(list.size(), 3u);  // a bare country takes no apposition
}

TEST(ActorTest, MatchesSurnamesOfPeopleNamedInTheDocument) {
  auto m = Mentions("Antony Blinken landed. Later Blinken left. Austin stayed.", "2022-01-10");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].text, "Blinken");
  EXPECT_EQ(m[1].code, "USAGOV");
}

TEST(ActorTest, ATitleWordEndingAnUnknownNameIsPartOfIt) {
  auto m = Mentions("British Defence Secretary Tom King spoke. King Abdullah II of Jordan replied.", "2000-01-01");
  ASSERT_GE(m.size(), 2u);
  EXPECT_EQ(m[0].name, "Tom King");
  EXPECT_EQ(m[0].code, "GBRMIL");
  EXPECT_EQ(m[0].text, "British Defence Secretary Tom King");
  EXPECT_NE(m[1].name, "King Abdullah");  // a title before a name stays a title
}

TEST(ActorTest, AnUnknownPersonTakesTheTitleInAppositionAfterTheName) {
  auto m = Mentions("Ramon Quispe, a Peruvian peace envoy, arrived. New York, the US city, waited.");
  ASSERT_GE(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Ramon Quispe");
  EXPECT_EQ(m[0].code, "PERGOV");
  EXPECT_EQ(m[0].text, "Ramon Quispe, a Peruvian peace envoy");
  for (const Found& f : m) EXPECT_NE(f.name, "New York") << f.text;  // no office: no person
}

TEST(ActorTest, KeepsUnknownOrganizationsWithTheirNameAndAcronym) {
  auto m = Mentions("The Bolivian Union of Miners (BUM) met the Andean Liberation Front. Later BUM leaders left.");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].name, "Bolivian Union of Miners");
  EXPECT_EQ(m[0].code, "BOL");  // the country of its leading word
  EXPECT_EQ(m[0].text, "The Bolivian Union of Miners (BUM)");
  EXPECT_EQ(m[1].name, "Andean Liberation Front");
  EXPECT_EQ(m[1].code, "");
  EXPECT_EQ(m[2].name, "Bolivian Union of Miners");  // the acronym stands for it
  // Known actors stay the dictionary's; a run cut by a comma is no name.
  auto known = Mentions("The Russian Armed Forces and the United Nations Security Council met.");
  for (const Found& f : known) EXPECT_TRUE(f.name.empty()) << f.text;
  auto cut = Mentions("Officials of the Andes Educational, Scientific and Cultural Organization met.");
  for (const Found& f : cut) EXPECT_NE(f.name, "Scientific and Cultural Organization");
}

TEST(ActorTest, KeepsUnknownNamedActorsWithTheirName) {
  auto m = Mentions("Foreign Minister Antonia Quarles and Brazilian Defense Minister Jose Mucio met.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "---GOV");
  EXPECT_EQ(m[0].name, "Antonia Quarles");
  EXPECT_EQ(m[0].country, "");
  EXPECT_EQ(m[1].code, "BRAMIL");
  EXPECT_EQ(m[1].name, "Jose Mucio");
}

TEST(ActorDictionaryTest, RefusesMalformedRows) {
  const char* countries = "# eventmill-countries\t1\nUSA\tUnited States\tAmerican\tWashington\n";
  EXPECT_TRUE(actors::ActorDictionary::Parse(countries, "# eventmill-actors\t1\n").ok());
  EXPECT_FALSE(actors::ActorDictionary::Parse(countries, "# eventmill-actors\t1\nwizard\tX\tY\n").ok());
  EXPECT_FALSE(
      actors::ActorDictionary::Parse(countries, "# eventmill-actors\t1\nrole\tUSAGOV\tNobody\t2020-01-01\n").ok());
  EXPECT_FALSE(actors::ActorDictionary::Parse(
                   countries, "# eventmill-actors\t1\nperson\tUSA\tA B\nrole\tUSAGOV\tA B\t2020-13-01\n")
                   .ok());
  EXPECT_FALSE(actors::ActorDictionary::Parse(countries, "# eventmill-actors\t1\ncountry\tUS\tFoo\n").ok());
  EXPECT_FALSE(actors::ActorDictionary::Parse("USA\tx\t\t\n", "# eventmill-actors\t1\n").ok());
}

TEST(ActorTest, TownsAreTheirCountrysPlacesWhereSpokenOfAsPlaces) {
  auto m = Mentions("In Kirkuk, Iraqi police arrested two men near the town of Samarra.");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].text, "Kirkuk");  // a capitalised preposition starts the sentence
  EXPECT_EQ(m[0].code, "IRQ");
  EXPECT_EQ(m[2].code, "IRQ");
  // A later "Kirkuk" alone is still the town: the first was no one's surname.
  auto again = Mentions("In Kirkuk, officials met. Iraqi troops arrived in Kirkuk.");
  ASSERT_EQ(again.size(), 4u);  // Kirkuk, officials, Iraqi troops, Kirkuk
  EXPECT_EQ(again[3].code, "IRQ");
  // Not inside a longer name, not before a facility named after it, not as a subject.
  EXPECT_EQ(Mentions("Iraqi officials met Samarra Smith at Kirkuk station.").size(), 1u);
}

}  // namespace
}  // namespace eventmill

namespace eventmill {
namespace {

TEST(ActorTest, RecognisesMisspeltPeopleAfterATitle) {
  auto m = Mentions("Foreign Minister Anthony Blinkin met Ukrainian Foreign Minister Dmytro Kuliba.", "2021-03-31");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "Antony Blinken");
  EXPECT_EQ(m[0].code, "USAGOV");
  EXPECT_EQ(m[0].text, "Foreign Minister Anthony Blinkin");
  EXPECT_EQ(m[1].name, "Dmytro Kuleba");
  EXPECT_EQ(m[1].code, "UKRGOV");
}

TEST(ActorTest, DoesNotForceNamesOntoOtherPeople) {
  // Too far from any known name, or a title of another country: kept as written.
  auto far = Mentions("Foreign Minister Antonio Blanco spoke.", "2021-03-31");
  ASSERT_EQ(far.size(), 1u);
  EXPECT_EQ(far[0].name, "Antonio Blanco");
  EXPECT_EQ(far[0].code, "---GOV");
  auto other = Mentions("Polish Foreign Minister Dmytro Kuliba spoke.", "2021-03-31");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].name, "Dmytro Kuliba");
  EXPECT_EQ(other[0].code, "POLGOV");
}

TEST(ActorDictionaryTest, FuzzyMatchingNeedsOneExactWordAndOneCandidate) {
  const char* countries = "# eventmill-countries\t1\nUSA\tUnited States\tAmerican\t\n";
  auto dict = actors::ActorDictionary::Parse(
      countries, "# eventmill-actors\t1\nperson\tUSA\tJohn Smith\nperson\tUSA\tJoan Smith\nperson\tUSA\tMary Jones\n");
  ASSERT_TRUE(dict.ok());
  EXPECT_FALSE(dict->FuzzyPerson({"jon", "smith"}));    // John or Joan: ambiguous
  EXPECT_TRUE(dict->FuzzyPerson({"mary", "jomes"}));    // one letter off, first name exact
  EXPECT_FALSE(dict->FuzzyPerson({"marie", "jomes"}));  // no word exact
  EXPECT_FALSE(dict->FuzzyPerson({"mary", "jones"}));   // exact: not a misspelling, LongestMatch's job
  EXPECT_FALSE(dict->FuzzyPerson({"mary"}));            // one word is too little
}

TEST(ActorTest, MisspeltCountriesKeepTheirFirstLetterAndEnding) {
  auto m = Mentions("Ethopia and the Phillippines military met Argentinians.");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].code, "ETH");
  EXPECT_EQ(m[1].code, "PHLMIL");
  EXPECT_EQ(m[2].code, "ARG");
  // Real places one letter from a country's name or demonym are not countries.
  EXPECT_TRUE(Mentions("Officials met in Siberia, Indiana, Kerman and Columbia.").size() == 1u);
  EXPECT_TRUE(Mentions("Leaders of the Americas gathered.")[0].country.empty());
}

TEST(ActorTest, ASurnameAloneNamesWhoHeldOfficeInAStoryAboutTheirCountry) {
  auto m = Mentions("Russia was criticised. Putin said nothing.", "2019-05-01");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].name, "Vladimir Putin");
  EXPECT_EQ(m[1].code, "RUSGOV");
  // No story about the country; another first name before it; a particle after it.
  EXPECT_EQ(Mentions("Putin said nothing.", "2019-05-01").size(), 0u);
  auto other = Mentions("Pakistan was named. Usman Khan fled, and Khan was held.", "2019-12-02");
  for (const Found& f : other) EXPECT_NE(f.name, "Imran Khan") << f.text;
}

}  // namespace
}  // namespace eventmill
