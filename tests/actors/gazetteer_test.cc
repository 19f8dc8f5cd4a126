#include "src/actors/gazetteer.h"

#include <gtest/gtest.h>

#include "src/segment/tokenizer.h"

namespace eventmill::actors {
namespace {

constexpr char kPlaces[] =
    "# eventmill-places\t1\n"
    "Port Ellis\tNZL\t1\t50000\t-41.2\t174.7\t50000\n"
    "Port Ellis Bay\tAUS\t1\t20000\t\t\t20000\n"
    "Greenfield\tUSA|LBR\t0\t90000\t35.6\t-77.3\t90000|30000\n";

Document Tokenized(const std::string& text) {
  Document doc;
  doc.text = text;
  segment::Tokenize(doc.text, 0, static_cast<uint32_t>(doc.text.size()), doc.tokens);
  return doc;
}

TEST(GazetteerTest, ReadsCountriesDominanceAndCoordinates) {
  auto gazetteer = Gazetteer::Parse(kPlaces);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  ASSERT_EQ(gazetteer->size(), 3u);
  EXPECT_EQ(gazetteer->place(0).countries, std::vector<std::string>{"NZL"});
  EXPECT_TRUE(gazetteer->place(0).dominant);
  EXPECT_DOUBLE_EQ(gazetteer->place(0).longitude, 174.7);
  EXPECT_EQ(gazetteer->place(1).population, 20000u);
  EXPECT_DOUBLE_EQ(gazetteer->place(1).latitude, 0.0);  // unknown
  EXPECT_EQ(gazetteer->place(2).countries, (std::vector<std::string>{"USA", "LBR"}));
  EXPECT_FALSE(gazetteer->place(2).dominant);
  EXPECT_EQ(gazetteer->place(2).populations, (std::vector<uint32_t>{90000, 30000}));
}

TEST(GazetteerTest, MatchesTheLongestCapitalisedName) {
  auto gazetteer = Gazetteer::Parse(kPlaces);
  ASSERT_TRUE(gazetteer.ok());
  Document doc = Tokenized("Ships left Port Ellis Bay and Port Ellis, not greenfield sites.");
  const uint32_t end = static_cast<uint32_t>(doc.tokens.size());
  auto bay = gazetteer->LongestMatch(doc, 2, end);
  ASSERT_TRUE(bay.has_value());
  EXPECT_EQ(bay->token_end, 5u);
  EXPECT_EQ(bay->place, 1u);
  auto port = gazetteer->LongestMatch(doc, 6, end);
  ASSERT_TRUE(port.has_value());
  EXPECT_EQ(port->token_end, 8u);
  EXPECT_EQ(port->place, 0u);
  EXPECT_FALSE(gazetteer->LongestMatch(doc, 10, end).has_value());  // "greenfield": lower case
}

TEST(GazetteerTest, RefusesMalformedTables) {
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-actors\t1\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t2\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t1\nPort Ellis\tNZ\t1\t5\t0\t0\t5\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t1\nPort Ellis\tNZL\t1\tmany\t0\t0\t5\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t1\nPort Ellis\tNZL\t1\t5\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t1\n\tNZL\t1\t5\t0\t0\t5\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("# eventmill-places\t1\nPort Ellis\tNZL|AUS\t1\t5\t0\t0\t5\n").ok());
}

}  // namespace
}  // namespace eventmill::actors
