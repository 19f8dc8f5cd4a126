#include "tools/train/conllu.h"

#include <gtest/gtest.h>

namespace eventmill::train {
namespace {

Sentence Tree(const std::vector<std::pair<std::string, int>>& words) {
  Sentence s;
  for (const auto& [form, head] : words) s.words.push_back({form, "", "", "", "", "dep", head});
  return s;
}

TEST(ProjectiveHeads, KeepsAProjectiveTree) {
  Sentence s = Tree({{"Rebels", 2}, {"seized", 0}, {"the", 4}, {"town", 2}, {".", 2}});
  ASSERT_TRUE(IsProjective(s));
  EXPECT_EQ(ProjectiveHeads(s), (std::vector<int>{2, 0, 4, 2, 2}));
}

TEST(ProjectiveHeads, LiftsAnExtraposedModifierToItsHeadsHead) {
  // "on the talks" modifies "hearing" across the verb: the arc crosses "is scheduled".
  Sentence s = Tree(
      {{"A", 2}, {"hearing", 4}, {"is", 4}, {"scheduled", 0}, {"on", 7}, {"the", 7}, {"talks", 2}, {"tomorrow", 4}});
  ASSERT_FALSE(IsProjective(s));
  std::vector<int> heads = ProjectiveHeads(s);
  EXPECT_EQ(heads, (std::vector<int>{2, 4, 4, 0, 7, 7, 4, 4}));
  for (size_t i = 0; i < heads.size(); ++i) s.words[i].head = heads[i];
  EXPECT_TRUE(IsProjective(s));
}

TEST(ProjectiveHeads, LiftsUntilNoArcCrosses) {
  // Two crossing arcs nested in each other: 1 -> 4 crosses 3 -> 5, and 5 -> 2 crosses both.
  Sentence s = Tree({{"a", 3}, {"b", 5}, {"c", 0}, {"d", 1}, {"e", 3}});
  ASSERT_FALSE(IsProjective(s));
  std::vector<int> heads = ProjectiveHeads(s);
  for (size_t i = 0; i < heads.size(); ++i) s.words[i].head = heads[i];
  EXPECT_TRUE(IsProjective(s));
  EXPECT_EQ(heads[2], 0);  // the root stays
}

}  // namespace
}  // namespace eventmill::train
