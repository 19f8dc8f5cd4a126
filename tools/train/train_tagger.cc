#include "tools/train/train_tagger.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <random>

#include "tools/train/perceptron.h"

namespace eventmill::train {

std::string TrainTagger(const Treebank& train, const TaggerTrainingOptions& options, const std::string& description) {
  tag::TaggerModel::Parts parts;
  parts.clusters = options.clusters;
  // Classes: every (UPOS, XPOS) pair in the treebank, in sorted order.
  std::map<std::pair<std::string, std::string>, uint16_t> class_of;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) class_of.emplace(std::make_pair(w.upos, w.xpos), 0);
  }
  for (auto& [pair, index] : class_of) {
    index = static_cast<uint16_t>(parts.classes.size());
    parts.classes.push_back({pair.first, pair.second});
  }
  auto cls = [&](const Word& w) { return class_of.at({w.upos, w.xpos}); };

  // Frequent unambiguous words.
  std::unordered_map<std::string, std::unordered_map<uint16_t, int>> counts;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) ++counts[w.form][cls(w)];
  }
  for (const auto& [word, by_class] : counts) {
    int total = 0, best = 0;
    uint16_t best_class = 0;
    for (const auto& [c, n] : by_class) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (total >= options.unambiguous_min_count && best >= total * 99 / 100) parts.unambiguous[word] = best_class;
  }

  // The vocabulary: lower-cased words seen twice or more. Words seen once train the
  // unknown-word features, as truly unknown words will use them.
  std::unordered_map<std::string, int> word_counts;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) {
      std::string lower = w.form;
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++word_counts[lower];
    }
  }
  for (const auto& [word, n] : word_counts) {
    if (n >= 2) parts.vocabulary.insert(word);
  }
  // Words seen at least `allowed_min_count` times take only the classes seen with them.
  std::unordered_map<std::string, std::map<uint16_t, int>> classes_of;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) {
      std::string lower = w.form;
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++classes_of[lower][cls(w)];
    }
  }
  for (const auto& [word, by_class] : classes_of) {
    if (word_counts[word] < options.allowed_min_count) continue;
    std::vector<uint16_t> allowed;
    for (const auto& [c, n] : by_class) allowed.push_back(c);
    // A regular "-ed" verb form is a past tense and a participle alike, whichever of the
    // two the treebank happens to show ("attacked" appears in EWT train only as a
    // participle, but "Russian troops attacked the town" is a past tense).
    if (word.size() > 3 && word.ends_with("ed")) {
      auto verb = [&](const char* xpos) {
        auto it = class_of.find({"VERB", xpos});
        return it == class_of.end() ? -1 : static_cast<int>(it->second);
      };
      const int vbd = verb("VBD"), vbn = verb("VBN");
      const bool has_vbd = by_class.count(static_cast<uint16_t>(vbd)),
                 has_vbn = by_class.count(static_cast<uint16_t>(vbn));
      if (vbd >= 0 && vbn >= 0 && has_vbd != has_vbn) {
        allowed.push_back(static_cast<uint16_t>(has_vbd ? vbn : vbd));
        std::sort(allowed.begin(), allowed.end());
      }
    }
    parts.allowed.emplace(word, std::move(allowed));
  }
  auto allowed_for = [&](std::string_view form) -> const std::vector<uint16_t>* {
    std::string lower(form);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    auto it = parts.allowed.find(lower);
    return it == parts.allowed.end() ? nullptr : &it->second;
  };

  AveragedPerceptron perceptron(parts.classes.size());
  std::vector<size_t> order(train.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> features;
  std::vector<float> scores(parts.classes.size());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t index : order) {
      const Sentence& s = train.sentences[index];
      tag::TagInput input;
      for (const Word& w : s.words) input.words.emplace_back(w.form);
      tag::TaggerModel::PrepareWith(parts, input);
      std::string prev1, prev2;
      for (size_t i = 0; i < s.words.size(); ++i) {
        uint16_t truth = cls(s.words[i]);
        uint16_t guess;
        auto it = parts.unambiguous.find(s.words[i].form);
        if (it != parts.unambiguous.end()) {
          guess = it->second;
        } else {
          tag::TaggerFeatures(input, i, prev1, prev2, features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          perceptron.Score(features, scores.data());
          guess = tag::BestClass(scores, allowed_for(s.words[i].form));
          perceptron.Tick();
          perceptron.Update(features, truth, guess);
        }
        correct += guess == truth;
        ++total;
        prev2 = std::move(prev1);
        prev1 = parts.classes[guess].xpos;
      }
    }
    std::cerr << "tagger epoch " << epoch + 1 << ": training accuracy "
              << 100.0 * static_cast<double>(correct) / static_cast<double>(total) << "%\n";
  }
  parts.weights = perceptron.Averaged(options.min_weight);

  // The second look (tag::SecondLookPairs): for each pair, every word the treebank gives
  // one of its two classes, in the context of the sentence's gold tags.
  struct LookExample {
    std::vector<uint64_t> features;
    uint16_t second;
  };
  std::vector<std::vector<LookExample>> look_examples(tag::SecondLookPairs().size());
  for (const Sentence& s : train.sentences) {
    tag::TagInput input;
    for (const Word& w : s.words) input.words.emplace_back(w.form);
    tag::TaggerModel::PrepareWith(parts, input);
    std::vector<std::string_view> xpos;
    for (const Word& w : s.words) xpos.push_back(w.xpos);
    const tag::SentenceVerbs verbs(xpos);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const Word& w = s.words[i];
      for (size_t k = 0; k < tag::SecondLookPairs().size(); ++k) {
        const tag::SecondLookPair& pair = tag::SecondLookPairs()[k];
        const bool first = w.upos == pair.first.upos && w.xpos == pair.first.xpos;
        const bool second = w.upos == pair.second.upos && w.xpos == pair.second.xpos;
        if (!first && !second) continue;
        LookExample example;
        tag::SecondLookFeatures(input, xpos, verbs, i, example.features);
        example.second = second ? 1 : 0;
        look_examples[k].push_back(std::move(example));
      }
    }
  }
  for (size_t k = 0; k < look_examples.size(); ++k) {
    const std::vector<LookExample>& examples = look_examples[k];
    AveragedPerceptron look(2);
    std::vector<size_t> look_order(examples.size());
    for (size_t i = 0; i < look_order.size(); ++i) look_order[i] = i;
    size_t correct = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      std::shuffle(look_order.begin(), look_order.end(), rng);
      correct = 0;
      for (size_t index : look_order) {
        const LookExample& example = examples[index];
        float scores2[2] = {0.0f, 0.0f};
        look.Score(example.features, scores2);
        const uint16_t guess = scores2[1] > scores2[0] ? 1 : 0;
        look.Tick();
        look.Update(example.features, example.second, guess);
        correct += guess == example.second;
      }
    }
    const tag::SecondLookPair& pair = tag::SecondLookPairs()[k];
    std::cerr << "tagger: second look " << pair.first.upos << " " << pair.first.xpos << " or " << pair.second.upos
              << " " << pair.second.xpos << ", " << examples.size() << " words, training accuracy "
              << 100.0 * static_cast<double>(correct) / static_cast<double>(std::max<size_t>(examples.size(), 1))
              << "%\n";
    parts.second_look.push_back(look.Averaged(options.min_weight));
  }

  // Lemmas: every gold lemma is known; a word whose rule lemma is wrong gets an exception.
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) {
      if (w.lemma != "_") parts.known_lemmas.insert(w.lemma);
    }
  }
  std::unordered_map<std::string, std::unordered_map<std::string, int>> lemma_counts;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) {
      std::string key = w.form;
      if (w.xpos != "NNP" && w.xpos != "NNPS") {
        for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      ++lemma_counts[key + "\t" + w.xpos][w.lemma];
    }
  }
  for (const auto& [key, by_lemma] : lemma_counts) {
    std::string best;
    int best_count = 0;
    for (const auto& [lemma, n] : by_lemma) {
      if (n > best_count || (n == best_count && lemma < best)) best = lemma, best_count = n;
    }
    size_t tab = key.find('\t');
    if (tag::RuleLemma(key.substr(0, tab), key.substr(tab + 1), parts.known_lemmas) != best) {
      parts.lemma_exceptions[key] = best;
    }
  }
  // Features: the commonest FEATS of each class; a word's own where it differs and the word
  // was seen at least three times in that class.
  std::vector<std::unordered_map<std::string, int>> feats_of_class(parts.classes.size());
  std::unordered_map<std::string, std::unordered_map<std::string, int>> feats_of_word;
  for (const Sentence& s : train.sentences) {
    for (const Word& w : s.words) {
      std::string feats = w.feats == "_" ? "" : w.feats;
      ++feats_of_class[cls(w)][feats];
      std::string lower = w.form;
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++feats_of_word[lower + "\t" + std::to_string(cls(w))][feats];
    }
  }
  auto commonest = [](const std::unordered_map<std::string, int>& tally, int* total) {
    std::string best;
    int best_count = -1;
    *total = 0;
    for (const auto& [value, n] : tally) {
      *total += n;
      if (n > best_count || (n == best_count && value < best)) best = value, best_count = n;
    }
    return best;
  };
  parts.class_feats.resize(parts.classes.size());
  for (size_t c = 0; c < parts.classes.size(); ++c) {
    int total = 0;
    parts.class_feats[c] = commonest(feats_of_class[c], &total);
  }
  for (const auto& [key, tally] : feats_of_word) {
    int total = 0;
    std::string best = commonest(tally, &total);
    uint16_t c = static_cast<uint16_t>(std::stoi(key.substr(key.find('\t') + 1)));
    if (total >= 3 && best != parts.class_feats[c]) parts.feats_exceptions[key] = best;
  }

  std::cerr << "tagger: " << parts.classes.size() << " classes, " << parts.weights.feature_count() << " features, "
            << parts.weights.weight_count() << " weights, " << parts.unambiguous.size() << " lookup words, "
            << parts.lemma_exceptions.size() << " lemma exceptions, " << parts.feats_exceptions.size()
            << " feature exceptions\n";
  model::ModelHeader header{std::string(tag::TaggerModel::kKind), train.sha256, description};
  return tag::TaggerModel::Serialize(header, parts);
}

}  // namespace eventmill::train
