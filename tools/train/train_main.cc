// eventmill-train: builds and evaluates eventmill's models from UD treebanks.
//
//   eventmill-train tagger TRAIN.conllu OUT.model
//   eventmill-train parser TRAIN.conllu OUT.model
//   eventmill-train evaluate TAGGER.model PARSER.model GOLD.conllu
//
// Training is deterministic for a given treebank (fixed seeds). See docs/ACCURACY.md.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "src/parse/parser.h"
#include "src/tag/tagger.h"
#include "tools/train/conllu.h"
#include "tools/train/train_parser.h"
#include "tools/train/train_tagger.h"

namespace eventmill::train {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return out.good();
}

int Usage() {
  std::cerr << "usage:\n"
               "  eventmill-train tagger TRAIN.conllu OUT.model\n"
               "  eventmill-train parser TRAIN.conllu OUT.model\n"
               "  eventmill-train evaluate TAGGER.model PARSER.model GOLD.conllu\n";
  return 2;
}

std::string Universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

// Predicted Penn tags for every training sentence, each from a tagger that did not see it
// (k-fold jackknifing), so the parser trains on tags as noisy as it will meet.
std::vector<std::vector<std::string>> JackknifeTags(const Treebank& bank, int folds) {
  std::vector<std::vector<std::string>> tags(bank.sentences.size());
  TaggerTrainingOptions options;
  for (int k = 0; k < folds; ++k) {
    Treebank rest;
    for (size_t i = 0; i < bank.sentences.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) != k) rest.sentences.push_back(bank.sentences[i]);
    }
    std::string bytes = TrainTagger(rest, options, "jackknife fold");
    auto model = tag::TaggerModel::Load(bytes, "jackknife fold");
    for (size_t i = static_cast<size_t>(k); i < bank.sentences.size(); i += static_cast<size_t>(folds)) {
      tag::TagInput input;
      for (const Word& w : bank.sentences[i].words) input.words.emplace_back(w.form);
      for (uint16_t c : model->Tag(input)) tags[i].push_back(model->tag_class(c).xpos);
    }
    std::cerr << "jackknife fold " << k + 1 << " of " << folds << " tagged\n";
  }
  return tags;
}

int Evaluate(const std::string& tagger_path, const std::string& parser_path, const std::string& gold_path) {
  std::string tagger_bytes = ReadFile(tagger_path), parser_bytes = ReadFile(parser_path);
  auto tagger = tag::TaggerModel::Load(tagger_bytes, tagger_path);
  auto parser = parse::ParserModel::Load(parser_bytes, parser_path);
  auto bank = ReadConllu(gold_path);
  if (!tagger.ok() || !parser.ok() || !bank.ok()) {
    std::cerr << tagger.status().ToString() << " " << parser.status().ToString() << " " << bank.status().ToString()
              << "\n";
    return 1;
  }
  size_t total = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  auto start = std::chrono::steady_clock::now();
  for (const Sentence& s : bank->sentences) {
    tag::TagInput input;
    for (const Word& w : s.words) input.words.emplace_back(w.form);
    auto tags = tagger->Tag(input);
    parse::ParseInput pin;
    for (size_t i = 0; i < s.words.size(); ++i) {
      std::string lower = s.words[i].form;
      for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      pin.lower.push_back(std::move(lower));
      pin.tags.push_back(tagger->tag_class(tags[i]).xpos);
    }
    auto arcs = parser->Parse(pin);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const Word& g = s.words[i];
      const auto& c = tagger->tag_class(tags[i]);
      ++total;
      upos += c.upos == g.upos;
      xpos += c.xpos == g.xpos;
      lemma += tagger->Lemma(g.form, tags[i]) == g.lemma;
      bool head_ok = arcs[i].head + 1 == g.head;
      uas += head_ok;
      const std::string& label = parser->labels()[static_cast<size_t>(arcs[i].label)];
      las += head_ok && Universal(label) == Universal(g.deprel);
      las_full += head_ok && label == g.deprel;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto pct = [&](size_t n) { return 100.0 * static_cast<double>(n) / static_cast<double>(total); };
  std::printf(
      "gold tokens  %s\n  words %zu  UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (LAS with subtypes %.2f)\n"
      "  %.0f words/s tag+parse, one core\n",
      gold_path.c_str(), total, pct(upos), pct(xpos), pct(lemma), pct(uas), pct(las), pct(las_full),
      static_cast<double>(total) / secs);
  return 0;
}

}  // namespace
}  // namespace eventmill::train

int main(int argc, char** argv) {
  namespace train = eventmill::train;
  if (argc < 2) return train::Usage();
  std::string command = argv[1];
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  if ((command == "tagger" || command == "parser") && argc == 4) {
    auto bank = train::ReadConllu(argv[2]);
    if (!bank.ok()) {
      std::cerr << bank.status().ToString() << "\n";
      return 1;
    }
    std::string description = "trained on " + std::to_string(bank->sentences.size()) + " sentences of " +
                              std::string(argv[2]).substr(std::string(argv[2]).rfind('/') + 1);
    std::string bytes;
    if (command == "tagger") {
      bytes = train::TrainTagger(*bank, train::TaggerTrainingOptions{}, description);
    } else {
      auto tags = train::JackknifeTags(*bank, 5);
      bytes = train::TrainParser(*bank, tags, train::ParserTrainingOptions{}, description);
    }
    if (!train::WriteFile(argv[3], bytes)) return 1;
    std::cerr << "wrote " << argv[3] << " (" << bytes.size() << " bytes) in " << seconds() << " s\n";
    return 0;
  }
  if (command == "evaluate" && argc == 5) return train::Evaluate(argv[2], argv[3], argv[4]);
  if (command == "prune-parser" && argc == 5) {
    std::string bytes = train::ReadFile(argv[2]);
    auto model = eventmill::parse::ParserModel::Load(bytes, argv[2]);
    if (!model.ok()) return 1;
    auto pruned = model->weights().Pruned(std::stof(argv[4]));
    std::string out = eventmill::parse::ParserModel::Serialize(model->header(), model->labels(), pruned);
    std::cerr << pruned.feature_count() << " features, " << pruned.weight_count() << " weights, " << out.size()
              << " bytes\n";
    return train::WriteFile(argv[3], out) ? 0 : 1;
  }
  return train::Usage();
}
