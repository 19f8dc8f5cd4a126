// libFuzzer target: every loader of eventmill's data and model files on arbitrary bytes.
// The first byte picks the loader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eventmill/codebook.h"
#include "eventmill/pipeline.h"
#include "src/actors/actor_dictionary.h"
#include "src/actors/gazetteer.h"
#include "src/events/lexicon.h"
#include "src/legacy/petrarch_dictionary.h"
#include "src/legacy/petrarch_records.h"
#include "src/legacy/tabari_coder.h"
#include "src/legacy/tabari_records.h"
#include "src/parse/parser.h"
#include "src/segment/sentence_model.h"
#include "src/tag/tagger.h"

namespace {

// A parsed sentence of our own for the legacy coders to code.
const eventmill::Document& FixedText() {
  static const auto pipeline = eventmill::Pipeline::Create(eventmill::PipelineOptions{});
  static const eventmill::Document text = [] {
    eventmill::Document doc;
    doc.text = "Norland police said crowds from Sudria and Westmark stormed its consulate, an aide told reporters.";
    (void)pipeline->Process(doc);
    return doc;
  }();
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const auto codebook =
      eventmill::Codebook::Parse("# eventmill-codebook\t1\n041\tCall\t1\tCONSULT\tphone\n112\tAccuse\t-2\tACCUSE\t\n");
  switch (data[0] % 10) {
    case 0:
      (void)eventmill::Codebook::Parse(bytes);
      break;
    case 1: {  // the actor dictionary, and the same bytes as a gazetteer matched over a fixed text
      (void)eventmill::actors::ActorDictionary::Parse("# eventmill-countries\t1\nUSA\tUnited States\tAmerican\t\n",
                                                      bytes);
      auto gazetteer = eventmill::actors::Gazetteer::Parse(bytes);
      if (gazetteer.ok()) {
        const eventmill::Document& text = FixedText();
        for (uint32_t t = 0; t < text.tokens.size(); ++t) {
          if (auto m = gazetteer->LongestMatch(text, t, static_cast<uint32_t>(text.tokens.size()))) {
            (void)gazetteer->place(m->place);
          }
        }
      }
      break;
    }
    case 2:
      (void)eventmill::events::Lexicon::Parse(bytes, *codebook);
      break;
    case 3:
      (void)eventmill::tag::TaggerModel::Load(bytes, "fuzz");
      break;
    case 4:
      (void)eventmill::parse::ParserModel::Load(bytes, "fuzz");
      break;
    case 5:  // the sentence model; the tagger and parser files above hold word clusters too
      (void)eventmill::segment::SentenceModel::Load(bytes, "fuzz");
      break;
    case 6: {  // TABARI dictionaries, read as each kind of file, and coding a fixed text with them
      eventmill::legacy::TabariDictionaries d;
      for (const char* kind : {"actors", "agents", "verbs"}) (void)eventmill::legacy::ReadTabariFile(bytes, kind, d);
      eventmill::legacy::TabariOptions options;
      options.minimum_words = 0;
      eventmill::legacy::TabariCoder coder(std::move(d));
      const eventmill::Document& text = FixedText();
      for (uint32_t s = 0; s < text.sentences.size(); ++s) (void)coder.CodeSentence(text, s, std::nullopt, options);
      break;
    }
    case 8: {  // PETRARCH dictionaries, read as each kind of file, and coding the same text the PETRARCH way
      eventmill::legacy::TabariDictionaries d;
      for (auto kind : {eventmill::legacy::PetrarchFileKind::kVerbs, eventmill::legacy::PetrarchFileKind::kActors,
                        eventmill::legacy::PetrarchFileKind::kAgents, eventmill::legacy::PetrarchFileKind::kDiscards}) {
        (void)eventmill::legacy::ReadPetrarchFile(bytes, kind, d);
      }
      eventmill::legacy::TabariCoder coder(std::move(d));
      const eventmill::Document& text = FixedText();
      for (uint32_t s = 0; s < text.sentences.size(); ++s) {
        (void)coder.CodeSentence(text, s, std::nullopt, eventmill::legacy::PetrarchCodingOptions());
      }
      break;
    }
    case 9:  // PETRARCH records and configuration files
      (void)eventmill::legacy::ReadPetrarchRecords(bytes);
      (void)eventmill::legacy::ReadPetrarchConfig(bytes);
      break;
    case 7:  // TABARI text and project files
      (void)eventmill::legacy::ReadTabariRecords(bytes);
      (void)eventmill::legacy::ReadTabariProject(bytes);
      break;
  }
  return 0;
}
