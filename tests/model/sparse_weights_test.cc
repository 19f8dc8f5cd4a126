#include "src/model/sparse_weights.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace eventmill {
namespace {

using Rows = std::vector<std::pair<uint64_t, std::vector<model::ClassWeight>>>;

// A row of one weight, a row over most classes and a short row of several: the three ways
// a row is stored.
Rows SomeRows(size_t classes) {
  Rows rows;
  rows.push_back({11, {{3, 2.0f}}});
  std::vector<model::ClassWeight> wide;
  for (uint16_t c = 0; c < classes; ++c) wide.push_back({c, static_cast<float>(c % 7) - 3.0f});
  rows.push_back({22, wide});
  rows.push_back({33, {{0, -1.0f}, {5, 4.0f}, {9, 1.5f}}});
  return rows;
}

std::vector<float> Scores(const model::SparseWeights& w, const std::vector<uint64_t>& features, size_t classes) {
  std::vector<float> scores(classes, 0.0f);
  w.AddAll(features.data(), features.size(), scores.data());
  for (float& s : scores) s *= w.scale();
  return scores;
}

TEST(SparseWeightsTest, EveryRowLayoutScoresItsWeights) {
  const size_t classes = 40;
  model::SparseWeights w = model::SparseWeights::Build(SomeRows(classes));
  EXPECT_EQ(w.feature_count(), 3u);
  EXPECT_EQ(w.weight_count(), 1u + (classes - classes / 7 - 1) + 3u);  // the wide row's zeros are not weights
  std::vector<float> s = Scores(w, {11, 22, 33, 44}, classes);         // 44: no such feature
  for (size_t c = 0; c < classes; ++c) {
    float expected = static_cast<float>(c % 7) - 3.0f;
    if (c == 3) expected += 2.0f;
    if (c == 0) expected -= 1.0f;
    if (c == 5) expected += 4.0f;
    if (c == 9) expected += 1.5f;
    EXPECT_NEAR(s[c], expected, 1e-3) << c;
  }
}

TEST(SparseWeightsTest, WritesTheSameBytesWhateverTheRowOrderAndReadsThemBack) {
  const size_t classes = 40;
  Rows rows = SomeRows(classes), reversed = rows;
  std::reverse(reversed.begin(), reversed.end());
  model::ModelHeader header{"test", "hash", ""};
  model::ModelWriter a(header), b(header);
  model::SparseWeights::Build(rows).Write(a);
  model::SparseWeights::Build(reversed).Write(b);
  EXPECT_EQ(a.bytes(), b.bytes());
  auto reader = model::ModelReader::Open(a.bytes(), "test", "test");
  ASSERT_TRUE(reader.ok());
  model::SparseWeights read = model::SparseWeights::Read(*reader, classes);
  ASSERT_TRUE(reader->ok()) << reader->status().ToString();
  EXPECT_EQ(Scores(read, {11, 22, 33}, classes), Scores(model::SparseWeights::Build(rows), {11, 22, 33}, classes));
}

TEST(SparseWeightsTest, RefusesMoreClassesThanTheFormatHolds) {
  // Building leaves out a row with a class past the format's limit.
  EXPECT_EQ(model::SparseWeights::Build({{7, {{300, 1.0f}}}, {8, {{2, 1.0f}}}}).feature_count(), 1u);
  // Reading refuses a model of more classes.
  model::ModelHeader header{"test", "hash", ""};
  model::ModelWriter writer(header);
  model::SparseWeights::Build({{7, {{3, 1.0f}}}}).Write(writer);
  auto reader = model::ModelReader::Open(writer.bytes(), "test", "test");
  ASSERT_TRUE(reader.ok());
  (void)model::SparseWeights::Read(*reader, 301);
  EXPECT_FALSE(reader->ok());
}

// The mean of models: a feature one model lacks counts as 0 there, and means below the
// threshold are dropped.
TEST(SparseWeightsTest, AveragesModelsFeatureByFeature) {
  const auto a = model::SparseWeights::Build({{1, {{0, 4.0f}, {1, -2.0f}}}, {2, {{0, 1.0f}}}});
  const auto b = model::SparseWeights::Build({{1, {{0, 2.0f}}}, {3, {{1, 6.0f}}}});
  const auto mean = model::SparseWeights::Average({a, b}, 0.75f);
  const float tolerance = 0.01f;
  float scores[2] = {0.0f, 0.0f};
  mean.AddTo(1, scores);
  EXPECT_NEAR(scores[0] * mean.scale(), 3.0f, tolerance);
  EXPECT_NEAR(scores[1] * mean.scale(), -1.0f, tolerance);
  float only_b[2] = {0.0f, 0.0f};
  mean.AddTo(3, only_b);
  EXPECT_NEAR(only_b[1] * mean.scale(), 3.0f, tolerance);
  EXPECT_EQ(mean.feature_count(), 2u);  // feature 2's mean, 0.5, is below 0.75
}

}  // namespace
}  // namespace eventmill
