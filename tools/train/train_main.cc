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
#include "tools/train/evaluate.h"
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
      model->Prepare(input);
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
  for (const Status& s : {tagger.status(), parser.status(), bank.status()}) {
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
  }
  std::string name = gold_path.substr(gold_path.rfind('/') + 1);
  std::cout << FormatScores("raw text: " + name, EvaluateRawText(*tagger, *parser, *bank));
  std::cout << FormatScores("gold tokens: " + name, EvaluateGoldTokens(*tagger, *parser, *bank));
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
      train::ParserTrainingOptions options;
      // For experiments; the shipped model uses the defaults.
      if (const char* epochs = std::getenv("EVENTMILL_PARSER_EPOCHS")) options.epochs = std::atoi(epochs);
      bytes = train::TrainParser(*bank, tags, options, description);
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
