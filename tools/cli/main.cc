// The eventmill command line: a thin front end over the library.
//
// Exit codes: 0 every input was coded; 1 some input could not be read or coded (each is
// named on standard error, the others are still coded); 2 the command line is wrong;
// 3 eventmill's data could not be loaded.
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/eventmill.h"
#include "tools/cli/check_cameo.h"
#include "tools/cli/check_meantime.h"
#include "tools/cli/check_petrarch.h"
#include "tools/cli/check_plover.h"
#include "tools/cli/check_tabari.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSetup = 3;

constexpr const char* kMainHelp = R"(eventmill - political event data from news text

Usage: eventmill COMMAND [OPTIONS] ...

Commands:
  code      code articles into events (one JSON line per event mention)
  parse     sentences, tokens, tags, lemmas and dependency trees (CoNLL-U or JSONL)
  timex     time expressions with their normalised TIMEX3 values (one JSON line each)
  check     score the coder on gold data: `eventmill check plover RECORDS.json`,
            `eventmill check cameo EVENTTYPES.csv`, `eventmill check tabari PROJECT_FILE` or
            `eventmill check petrarch RECORDS.xml --dictionaries DIR`,
            `eventmill check meantime DIR` (--verbose lists the misses)

Options:
  --version   print the version
  --help      print this help; `eventmill COMMAND --help` for a command's options

Exit codes: 0 success; 1 some input failed (named on stderr, the rest is coded);
2 bad command line; 3 eventmill's data could not be loaded.
)";

constexpr const char* kCodeHelp = R"(Usage: eventmill code [OPTIONS] PATH...

Codes articles into events: who did what to whom, when, with the sentence it came from.
Each PATH is a file, a directory (read recursively: *.txt, *.text, *.jsonl, *.ndjson and
files without extension), or - for standard input.

Input formats:
  plain text   the whole file is one article; a first line `date YYYY-MM-DD ...` gives the
               article's date. The document id is the file name without extension.
  JSONL        (*.jsonl, *.ndjson, or stdin starting with `{`) one article per line:
               {"id": ..., "date": "YYYY-MM-DD", "title": ..., "url": ..., "text": ...}

Options:
  --format jsonl|tsv   output format (default jsonl); tsv has a header line
  --date YYYY-MM-DD    date for articles that carry none of their own
  --data-dir DIR       read data files from DIR instead of the built-in ones
                       (laid out like the source tree's data/ folder)
  --tabari PROJECT     code with the TABARI dictionaries (.actors, .agents, .verbs) that
                       the TABARI project file PROJECT names, instead of eventmill's own;
                       events whose codes are not CAMEO codes are left out
  --petrarch CONFIG    code with the PETRARCH dictionaries (verbs, actors, agents, discards)
                       that the PETRARCH configuration file CONFIG (PETR_config.ini) names,
                       read the way PETRARCH reads a parse, over eventmill's own parse
  --tabari-on-top, --petrarch-on-top
                       with --tabari or --petrarch: code with eventmill's own dictionaries
                       as well (an event both find is written once)
  --quiet              no summary line on standard error
  --help               this help

Each output line is one event mention:
  doc, doc_date, doc_date_origin, sentence_index, sentence, span (byte offsets of the sentence in the
  document text), trigger, date, date_precision, date_origin, source and target
  ({code, country, org, name, text, span}), cameo, root, label, goldstein, quad_class,
  plover ({type, mode}).
)";

constexpr const char* kParseHelp = R"(Usage: eventmill parse [OPTIONS] PATH...

Writes eventmill's analysis of each article: sentences, tokens, Universal POS and Penn
tags, lemmas and a Universal Dependencies tree. Inputs as for `eventmill code`; page
furniture (headline lists, advertisement markers, appeals) is left out.

Options:
  --format conllu|jsonl  output format (default conllu): CoNLL-U with `# sent_id` and
                         `# text`, MISC TokenRange=BEGIN:END byte offsets; or one JSON
                         object per sentence, with the actors it names
  --data-dir DIR         read data and models from DIR instead of the built-in ones
  --quiet                no summary line on standard error
  --help                 this help
)";

constexpr const char* kTimexHelp = R"(Usage: eventmill timex [OPTIONS] PATH...

Finds the time expressions of each article and normalises them against the article's date
("on Wednesday", "March 15 last year", "the day before", "the past five days", "18:00
UTC"). Inputs as for `eventmill code`.

Options:
  --date YYYY-MM-DD    date for articles that carry none of their own
  --data-dir DIR       read data and models from DIR instead of the built-in ones
  --quiet              no summary line on standard error
  --help               this help

Each output line is one expression: doc, doc_date, sentence_index, text, span (byte offsets
in the document text), type (DATE, TIME, DURATION, SET), value (TIMEX3: 2021-03-31,
2021-W13, 2021-03, P3D, PAST_REF; X where the text leaves it open, as in XXXX-03-26), and
for a day, week, month or year its first day (date) and precision.
)";

int Usage(const std::string& message) {
  std::cerr << "eventmill: " << message << "\nTry 'eventmill --help'.\n";
  return kExitUsage;
}

enum class Command { kCode, kParse, kTimex };

int Run(Command command, const std::vector<std::string_view>& args) {
  const char* name = command == Command::kCode ? "code" : command == Command::kParse ? "parse" : "timex";
  eventmill::PipelineOptions options;
  eventmill::OutputFormat event_format = eventmill::OutputFormat::kJsonl;
  eventmill::ParseFormat parse_format = eventmill::ParseFormat::kConllu;
  bool quiet = false;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << (command == Command::kCode ? kCodeHelp : command == Command::kParse ? kParseHelp : kTimexHelp);
      return kExitOk;
    } else if (arg == "--format" && command != Command::kTimex) {
      auto v = value();
      if (command == Command::kCode && v && *v == "jsonl") {
        event_format = eventmill::OutputFormat::kJsonl;
      } else if (command == Command::kCode && v && *v == "tsv") {
        event_format = eventmill::OutputFormat::kTsv;
      } else if (command == Command::kParse && v && *v == "conllu") {
        parse_format = eventmill::ParseFormat::kConllu;
      } else if (command == Command::kParse && v && *v == "jsonl") {
        parse_format = eventmill::ParseFormat::kJsonl;
      } else {
        return Usage(std::string(name) + ": --format takes " +
                     (command == Command::kCode ? "jsonl or tsv" : "conllu or jsonl"));
      }
    } else if (arg == "--date" && command != Command::kParse) {
      auto v = value();
      if (!v) return Usage("--date needs a value YYYY-MM-DD");
      auto date = eventmill::CivilDate::Parse(*v);
      if (!date) return Usage("--date: '" + std::string(*v) + "' is not a valid YYYY-MM-DD date");
      options.default_date = date;
    } else if (arg == "--data-dir") {
      auto v = value();
      if (!v) return Usage("--data-dir needs a directory");
      options.data_dir = std::string(*v);
    } else if (arg == "--tabari" && command == Command::kCode) {
      auto v = value();
      if (!v) return Usage("--tabari needs a TABARI project file");
      options.tabari_project = std::string(*v);
    } else if (arg == "--petrarch" && command == Command::kCode) {
      auto v = value();
      if (!v) return Usage("--petrarch needs a PETRARCH configuration file");
      options.petrarch_config = std::string(*v);
    } else if ((arg == "--tabari-on-top" || arg == "--petrarch-on-top") && command == Command::kCode) {
      options.tabari_use = eventmill::PipelineOptions::TabariUse::kOnTop;
    } else if (arg == "--quiet" || arg == "-q") {
      quiet = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return Usage(std::string(name) + ": unknown option '" + std::string(arg) + "'");
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (inputs.empty()) return Usage(std::string(name) + ": no input (give files, directories or - for standard input)");
  if (options.tabari_use == eventmill::PipelineOptions::TabariUse::kOnTop && options.tabari_project.empty() &&
      options.petrarch_config.empty()) {
    return Usage("--tabari-on-top and --petrarch-on-top need --tabari PROJECT or --petrarch CONFIG");
  }
  if (!options.tabari_project.empty() && !options.petrarch_config.empty()) {
    return Usage("--tabari and --petrarch: one set of dictionaries at a time");
  }

  auto pipeline = eventmill::Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "eventmill: cannot load data: " << pipeline.status().ToString() << "\n";
    return kExitSetup;
  }
  eventmill::EventWriter writer(std::cout, event_format, pipeline->codebook());
  if (command == Command::kCode) writer.Begin();
  size_t documents = 0, items = 0, failures = 0;
  eventmill::ReadInputs(
      inputs, eventmill::ReaderOptions{},
      [&](eventmill::Document&& doc) {
        eventmill::Status status = pipeline->Process(doc);
        if (!status.ok()) {
          std::cerr << "eventmill: " << doc.meta.input << ": " << status.ToString() << "\n";
          ++failures;
          return;
        }
        ++documents;
        if (command == Command::kCode) {
          items += writer.Write(doc);
        } else if (command == Command::kTimex) {
          items += eventmill::WriteTimexes(std::cout, doc);
        } else {
          eventmill::WriteParse(std::cout, doc, parse_format);
          items += doc.sentences.size();
        }
      },
      [&](const eventmill::InputError& error) {
        std::cerr << "eventmill: " << error.input << ": " << error.status.ToString() << "\n";
        ++failures;
      });
  std::cout.flush();
  if (!quiet) {
    const char* what = command == Command::kCode ? " event" : command == Command::kParse ? " sentence" : " expression";
    std::cerr << "eventmill: "
              << (command == Command::kCode    ? "coded "
                  : command == Command::kParse ? "parsed "
                                               : "read ")
              << documents << " document" << (documents == 1 ? "" : "s") << ", " << items << what
              << (items == 1 ? "" : "s") << (failures ? ", " + std::to_string(failures) + " failed" : "") << "\n";
  }
  return failures ? kExitInputFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kMainHelp;
    return kExitUsage;
  }
  std::string_view command = args[0];
  std::vector<std::string_view> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kMainHelp;
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::cout << "eventmill " << eventmill::Version() << "\n";
    return kExitOk;
  }
  if (command == "code") return Run(Command::kCode, rest);
  if (command == "parse") return Run(Command::kParse, rest);
  if (command == "timex") return Run(Command::kTimex, rest);
  if (command == "check") {
    bool verbose = false;
    eventmill::PipelineOptions coding;  // check plover and check cameo: what codes
    std::vector<std::string_view> paths;
    std::string dictionaries;  // check petrarch
    for (size_t i = 0; i < rest.size(); ++i) {
      std::string_view a = rest[i];
      if (a == "--verbose" || a == "-v") {
        verbose = true;
      } else if (a == "--tabari" && i + 1 < rest.size()) {
        coding.tabari_project = std::string(rest[++i]);
      } else if (a == "--petrarch" && i + 1 < rest.size()) {
        coding.petrarch_config = std::string(rest[++i]);
      } else if (a == "--dictionaries" && i + 1 < rest.size()) {
        dictionaries = std::string(rest[++i]);
      } else if (a == "--data-dir" && i + 1 < rest.size()) {
        coding.data_dir = std::string(rest[++i]);
      } else if (a == "--tabari-on-top" || a == "--petrarch-on-top") {
        coding.tabari_use = eventmill::PipelineOptions::TabariUse::kOnTop;
      } else if (a == "--help" || a == "-h") {
        std::cout << "Usage: eventmill check plover RECORDS.json [--verbose] [--data-dir DIR] [LEGACY]\n"
                     "       eventmill check cameo EVENTTYPES.csv [--verbose] [--data-dir DIR] [LEGACY]\n"
                     "       eventmill check tabari PROJECT_FILE [--verbose]\n"
                     "       eventmill check petrarch RECORDS.xml --dictionaries DIR [--verbose]\n"
                     "       eventmill check meantime DIR [--verbose]\n\n"
                     "plover: codes each PLOVER gold record's sentence and compares the event type, source\n"
                     "and target country. cameo: codes each CAMEO codebook example and compares the code\n"
                     "and its root. Both print accuracy by type or root and a last line\n"
                     "'passed N of M records'; --verbose prints each record that is not fully right;\n"
                     "LEGACY: --tabari PROJECT or --petrarch CONFIG, with --tabari-on-top or --petrarch-on-top,\n"
                     "codes with a user's TABARI or PETRARCH dictionaries, as `eventmill code` does;\n"
                     "--data-dir DIR codes with the data files in DIR (an edited lexicon or actor list).\n"
                     "tabari: codes TABARI's validation records with the dictionaries its project file names\n"
                     "and prints each failing record with expected and coded events.\n"
                     "petrarch: codes PETRARCH's unit-test records from their text, through eventmill's own\n"
                     "parser, with the dictionaries (in DIR) their <Environment> names, and prints each\n"
                     "failing record with expected and coded events.\n"
                     "meantime: finds the time expressions of MEANTIME's annotated articles (the .xml files\n"
                     "under DIR) and scores detection (relaxed and strict) and normalised values; --verbose\n"
                     "lists missed, extra and wrongly valued expressions.\n";
        return kExitOk;
      } else {
        paths.push_back(a);
      }
    }
    if (paths.size() == 2 && paths[0] == "plover")
      return eventmill::cli::CheckPlover(std::string(paths[1]), coding, verbose, std::cout);
    if (paths.size() == 2 && paths[0] == "cameo")
      return eventmill::cli::CheckCameo(std::string(paths[1]), coding, verbose, std::cout);
    if (paths.size() == 2 && paths[0] == "meantime")
      return eventmill::cli::CheckMeantime(std::string(paths[1]), coding, verbose, std::cout);
    if (paths.size() == 2 && paths[0] == "tabari")
      return eventmill::cli::CheckTabari(std::string(paths[1]), verbose, std::cout);
    if (paths.size() == 2 && paths[0] == "petrarch") {
      if (dictionaries.empty()) return Usage("check petrarch: --dictionaries DIR is needed");
      return eventmill::cli::CheckPetrarch(std::string(paths[1]), dictionaries, verbose, std::cout);
    }
    return Usage(
        "check: expected `check plover RECORDS.json`, `check cameo EVENTTYPES.csv`, `check tabari PROJECT_FILE`, "
        "`check petrarch RECORDS.xml --dictionaries DIR` or `check meantime DIR`");
  }
  return Usage("unknown command '" + std::string(command) + "'");
}
