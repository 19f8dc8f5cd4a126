#include "tools/train/train_sentences.h"

#include <algorithm>
#include <iostream>
#include <random>

#include "src/segment/sentence_model.h"
#include "src/segment/tokenizer.h"
#include "tools/train/perceptron.h"

namespace eventmill::train {

namespace {

// One paragraph of running text, its tokens, and which gaps end a sentence.
struct Paragraph {
  std::string text;
  std::vector<Token> tokens;
  std::vector<bool> ends;  // per token: a sentence ends after it
};

std::vector<Paragraph> Paragraphs(const Treebank& bank) {
  std::vector<Paragraph> paragraphs;
  std::vector<size_t> ends;  // byte offsets where the current paragraph's sentences end
  auto close = [&] {
    if (paragraphs.empty()) return;
    Paragraph& p = paragraphs.back();
    segment::Tokenize(p.text, 0, static_cast<uint32_t>(p.text.size()), p.tokens);
    p.ends.assign(p.tokens.size(), false);
    for (size_t t = 0, e = 0; t < p.tokens.size(); ++t) {
      while (e < ends.size() && ends[e] < p.tokens[t].span.end) ++e;
      p.ends[t] = e < ends.size() && ends[e] == p.tokens[t].span.end;
    }
    ends.clear();
  };
  for (const Sentence& s : bank.sentences) {
    if (s.new_paragraph || paragraphs.empty()) {
      close();
      paragraphs.emplace_back();
    }
    Paragraph& p = paragraphs.back();
    if (!p.text.empty()) p.text += ' ';
    p.text += s.text;
    ends.push_back(p.text.size());
  }
  close();
  return paragraphs;
}

}  // namespace

std::string TrainSentences(const Treebank& train, const SentenceTrainingOptions& options,
                           const std::string& description) {
  std::vector<Paragraph> paragraphs = Paragraphs(train);
  AveragedPerceptron perceptron(2);
  std::mt19937 rng(options.seed);
  std::vector<size_t> order(paragraphs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, gaps = 0, boundaries = 0, found = 0;
    for (size_t index : order) {
      const Paragraph& p = paragraphs[index];
      size_t since_start = 0;
      // The last token ends its paragraph: no decision to learn there.
      for (size_t i = 0; i + 1 < p.tokens.size(); ++i) {
        ++since_start;
        if (!segment::MayEndAfter(p.tokens, i, p.text)) {
          gaps += 1;
          correct += !p.ends[i];
          boundaries += p.ends[i];
          if (p.ends[i]) since_start = 0;
          continue;
        }
        segment::BoundaryFeatures(p.tokens, i, since_start, p.text, features);
        float scores[2] = {0, 0};
        perceptron.Score(features, scores);
        const uint16_t guess = scores[1] > scores[0] ? segment::kSentenceEnds : segment::kSentenceGoesOn;
        const uint16_t truth = p.ends[i] ? segment::kSentenceEnds : segment::kSentenceGoesOn;
        perceptron.Tick();
        perceptron.Update(features, truth, guess);
        correct += guess == truth;
        ++gaps;
        boundaries += p.ends[i];
        found += p.ends[i] && guess == truth;
        if (p.ends[i]) since_start = 0;
      }
    }
    std::cerr << "sentences epoch " << epoch + 1 << ": "
              << 100.0 * static_cast<double>(correct) / static_cast<double>(gaps) << "% of gaps right, " << found
              << " of " << boundaries << " boundaries found\n";
  }
  model::ModelHeader header{std::string(segment::SentenceModel::kKind), train.sha256, description};
  return segment::SentenceModel::Serialize(header, perceptron.Averaged(0.0f));
}

}  // namespace eventmill::train
