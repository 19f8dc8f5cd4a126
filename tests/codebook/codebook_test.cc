#include "eventmill/codebook.h"

#include <gtest/gtest.h>

#include "src/data/data_files.h"

namespace eventmill {
namespace {

Codebook BuiltIn() {
  auto text = data::Load("", "codebook/cameo.tsv");
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  auto codebook = Codebook::Parse(*text);
  EXPECT_TRUE(codebook.ok()) << codebook.status().ToString();
  return std::move(codebook).value();
}

TEST(CodebookTest, HoldsEveryCameoCode) {
  Codebook codebook = BuiltIn();
  EXPECT_GE(codebook.types().size(), 300u);
  for (int root = 1; root <= 20; ++root) {
    char code[3];
    std::snprintf(code, sizeof code, "%02d", root);
    EXPECT_NE(codebook.Find(code), nullptr) << code;
  }
}

TEST(CodebookTest, GivesLabelGoldsteinQuadClassAndPlover) {
  Codebook codebook = BuiltIn();
  const CameoEventType* call = codebook.Find("041");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->label, "Discuss by telephone");
  EXPECT_EQ(call->root, "04");
  EXPECT_DOUBLE_EQ(call->goldstein, 1.0);
  EXPECT_EQ(call->quad_class, 1);
  EXPECT_EQ(call->plover_type, "CONSULT");
  EXPECT_EQ(call->plover_mode, "phone");

  const CameoEventType* force = codebook.Find("190");
  ASSERT_NE(force, nullptr);
  EXPECT_DOUBLE_EQ(force->goldstein, -10.0);
  EXPECT_EQ(force->quad_class, 4);
  EXPECT_EQ(force->plover_type, "ASSAULT");

  EXPECT_EQ(codebook.Find("0874")->quad_class, 2);
  EXPECT_EQ(codebook.Find("112")->quad_class, 3);
  EXPECT_EQ(codebook.Find("112")->plover_type, "ACCUSE");
}

TEST(CodebookTest, StatementsAndAppealsHaveNoPloverType) {
  Codebook codebook = BuiltIn();
  EXPECT_EQ(codebook.Find("010")->plover_type, "");
  EXPECT_EQ(codebook.Find("020")->plover_type, "");
}

TEST(CodebookTest, QuadClassFollowsTheRoot) {
  EXPECT_EQ(QuadClassOfRoot("01"), 1);
  EXPECT_EQ(QuadClassOfRoot("05"), 1);
  EXPECT_EQ(QuadClassOfRoot("06"), 2);
  EXPECT_EQ(QuadClassOfRoot("08"), 2);
  EXPECT_EQ(QuadClassOfRoot("09"), 3);
  EXPECT_EQ(QuadClassOfRoot("13"), 3);
  EXPECT_EQ(QuadClassOfRoot("14"), 4);
  EXPECT_EQ(QuadClassOfRoot("20"), 4);
  EXPECT_EQ(QuadClassOfRoot("21"), 0);
  EXPECT_EQ(QuadClassOfRoot("x1"), 0);
}

TEST(CodebookTest, RefusesMalformedFiles) {
  EXPECT_FALSE(Codebook::Parse("").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-lexicon\t1\n041\tx\t1\tCONSULT\t\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t2\n041\tx\t1\tCONSULT\t\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t1\n041\tx\tone\tCONSULT\t\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t1\n041\tx\t12\tCONSULT\t\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t1\n99\tx\t1\tCONSULT\t\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t1\n041\tx\t1\n").ok());
  EXPECT_FALSE(Codebook::Parse("# eventmill-codebook\t1\n041\tx\t1\tA\t\n041\ty\t1\tA\t\n").ok());
  auto ok = Codebook::Parse("# eventmill-codebook\t1\n041\tCall\t1\tCONSULT\tphone\tlisted\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->Find("041")->plover_mode, "phone");
}

}  // namespace
}  // namespace eventmill
