// eventmill-train: builds and evaluates eventmill's models from UD treebanks.
//
//   eventmill-train clusters OUT.clusters TEXT...   (.conllu, .csv with a text column, .md, folders of them)
//   eventmill-train sentences TRAIN.conllu OUT.model
//   eventmill-train tagger TRAIN.conllu OUT.model [CLUSTERS]
//   eventmill-train parser TRAIN.conllu OUT.model [CLUSTERS]
//   eventmill-train evaluate SENTENCES.model TAGGER.model PARSER.model GOLD.conllu
//
// Training is deterministic for a given treebank (fixed seeds). See docs/ACCURACY.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "src/parse/parser.h"
#include "src/segment/sentence_model.h"
#include "src/tag/tagger.h"
#include "tools/train/conllu.h"
#include "tools/train/evaluate.h"
#include "tools/train/train_clusters.h"
#include "tools/train/train_parser.h"
#include "tools/train/train_sentences.h"
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
               "  eventmill-train clusters OUT.clusters TEXT...\n"
               "  eventmill-train sentences TRAIN.conllu OUT.model\n"
               "  eventmill-train tagger TRAIN.conllu OUT.model [CLUSTERS]\n"
               "  eventmill-train parser TRAIN.conllu OUT.model [CLUSTERS]\n"
               "  eventmill-train evaluate SENTENCES.model TAGGER.model PARSER.model GOLD.conllu\n";
  return 2;
}

// Predicted tags for every training sentence, each from a tagger that did not see it
// (k-fold jackknifing), so the parser trains on tags as noisy as it will meet.
std::vector<std::vector<eventmill::tag::TagClass>> JackknifeTags(const Treebank& bank, int folds,
                                                                 const model::WordClusters& clusters) {
  std::vector<std::vector<eventmill::tag::TagClass>> tags(bank.sentences.size());
  TaggerTrainingOptions options;
  options.clusters = clusters;
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
      for (uint16_t c : model->Tag(input)) tags[i].push_back(model->tag_class(c));
    }
    std::cerr << "jackknife fold " << k + 1 << " of " << folds << " tagged\n";
  }
  return tags;
}

int Evaluate(const std::string& sentences_path, const std::string& tagger_path, const std::string& parser_path,
             const std::string& gold_path) {
  std::string sentences_bytes = ReadFile(sentences_path), tagger_bytes = ReadFile(tagger_path),
              parser_bytes = ReadFile(parser_path);
  auto sentences = segment::SentenceModel::Load(sentences_bytes, sentences_path);
  auto tagger = tag::TaggerModel::Load(tagger_bytes, tagger_path);
  auto parser = parse::ParserModel::Load(parser_bytes, parser_path);
  auto bank = ReadConllu(gold_path);
  for (const Status& s : {sentences.status(), tagger.status(), parser.status(), bank.status()}) {
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
  }
  std::string name = gold_path.substr(gold_path.rfind('/') + 1);
  std::cout << FormatScores("raw text: " + name, EvaluateRawText(*sentences, *tagger, *parser, *bank));
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
  if (command == "sentences" && argc == 4) {
    auto bank = train::ReadConllu(argv[2]);
    if (!bank.ok()) {
      std::cerr << bank.status().ToString() << "\n";
      return 1;
    }
    std::string description = "trained on the running text of " + std::to_string(bank->sentences.size()) +
                              " sentences of " + std::string(argv[2]).substr(std::string(argv[2]).rfind('/') + 1);
    std::string bytes = train::TrainSentences(*bank, train::SentenceTrainingOptions{}, description);
    if (!train::WriteFile(argv[3], bytes)) return 1;
    std::cerr << "wrote " << argv[3] << " (" << bytes.size() << " bytes) in " << seconds() << " s\n";
    return 0;
  }
  if ((command == "tagger" || command == "parser") && (argc == 4 || argc == 5)) {
    auto bank = train::ReadConllu(argv[2]);
    if (!bank.ok()) {
      std::cerr << bank.status().ToString() << "\n";
      return 1;
    }
    eventmill::model::WordClusters clusters;
    std::string clusters_note;
    if (argc == 5) {
      auto loaded = train::LoadClusters(train::ReadFile(argv[4]), argv[4]);
      if (!loaded.ok()) {
        std::cerr << loaded.status().ToString() << "\n";
        return 1;
      }
      clusters_note = "; word clusters " + loaded->header.training_data_hash.substr(0, 16) + " (" +
                      loaded->header.description + ")";
      clusters = std::move(loaded->clusters);
    }
    std::string description = "trained on " + std::to_string(bank->sentences.size()) + " sentences of " +
                              std::string(argv[2]).substr(std::string(argv[2]).rfind('/') + 1) + clusters_note;
    std::string bytes;
    if (command == "tagger") {
      train::TaggerTrainingOptions options;
      options.clusters = clusters;
      // For experiments; the shipped model uses the defaults.
      if (const char* epochs = std::getenv("EVENTMILL_TAGGER_EPOCHS")) options.epochs = std::atoi(epochs);
      bytes = train::TrainTagger(*bank, options, description);
    } else {
      // For experiments; the shipped model uses the defaults.
      int folds = 5;
      if (const char* k = std::getenv("EVENTMILL_JACKKNIFE_FOLDS")) folds = std::max(2, std::atoi(k));
      auto tags = train::JackknifeTags(*bank, folds, clusters);
      train::ParserTrainingOptions options;
      options.clusters = clusters;
      if (const char* seed = std::getenv("EVENTMILL_PARSER_SEED"))
        options.seed = static_cast<unsigned>(std::atoi(seed));
      if (const char* epochs = std::getenv("EVENTMILL_PARSER_EPOCHS")) options.epochs = std::atoi(epochs);
      if (const char* members = std::getenv("EVENTMILL_PARSER_MEMBERS")) options.members = std::atoi(members);
      if (const char* explore = std::getenv("EVENTMILL_PARSER_EXPLORE")) options.explore = std::stod(explore);
      if (const char* min_weight = std::getenv("EVENTMILL_PARSER_MIN_WEIGHT"))
        options.min_weight = std::stof(min_weight);
      bytes = train::TrainParser(*bank, tags, options, description);
    }
    if (!train::WriteFile(argv[3], bytes)) return 1;
    std::cerr << "wrote " << argv[3] << " (" << bytes.size() << " bytes) in " << seconds() << " s\n";
    return 0;
  }
  if (command == "clusters" && argc >= 4) {
    std::vector<std::string> inputs(argv + 3, argv + argc);
    std::string error;
    train::Corpus corpus = train::ReadCorpus(inputs, error);
    if (!error.empty()) {
      std::cerr << "eventmill-train: " << error << "\n";
      return 1;
    }
    train::ClusterOptions options;
    eventmill::model::WordClusters clusters = train::BuildClusters(corpus, options);
    std::string description = std::to_string(clusters.size()) + " words in " + std::to_string(options.fine_classes) +
                              " and " + std::to_string(options.coarse_classes) + " classes, from " +
                              std::to_string(corpus.sentences.size()) + " sentences of " +
                              std::to_string(inputs.size()) + " inputs";
    if (!train::WriteFile(argv[2], train::SerializeClusters(clusters, corpus.sha256, description))) return 1;
    std::cerr << "wrote " << argv[2] << ": " << description << ", in " << seconds() << " s\n";
    return 0;
  }
  if (command == "evaluate" && argc == 6) return train::Evaluate(argv[2], argv[3], argv[4], argv[5]);
  if (command == "prune-parser" && argc == 5) {
    std::string bytes = train::ReadFile(argv[2]);
    auto model = eventmill::parse::ParserModel::Load(bytes, argv[2]);
    if (!model.ok()) return 1;
    auto pruned = model->weights().Pruned(std::stof(argv[4]));
    std::string out =
        eventmill::parse::ParserModel::Serialize(model->header(), model->labels(), pruned, model->clusters());
    std::cerr << pruned.feature_count() << " features, " << pruned.weight_count() << " weights, " << out.size()
              << " bytes\n";
    return train::WriteFile(argv[3], out) ? 0 : 1;
  }
  return train::Usage();
}
