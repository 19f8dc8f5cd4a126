// End-to-end throughput of the pipeline on real news: the Wikinews 2019-2020 articles read
// from ../shared/data/news at run time. Reports documents/s, sentences/s, words/s (word
// tokens), tokens/s (punctuation and numbers too) and the process's peak resident memory;
// BM_ParseWikinews times the NLP core alone (split, tokenize, tag, lemmatize, parse). How to run it and the recorded
// numbers: docs/PERFORMANCE.md.
//
// Usage: pipeline_bench [--shared DIR] [benchmark flags]
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "eventmill/eventmill.h"
#include "src/parse/parse_stage.h"
#include "src/segment/segment_stage.h"
#include "src/tag/tag_stage.h"
#include "src/when/date_stage.h"
#include "tools/common/csv.h"

namespace {

namespace fs = std::filesystem;

struct Article {
  std::string date, text;
};

std::vector<Article>& Corpus() {
  static std::vector<Article> corpus;
  return corpus;
}

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return eventmill::tools::ParseCsv(data);  // header url,date,title,text
}

long PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// The whole pipeline over the corpus, built with `options`.
void RunPipeline(benchmark::State& state, const eventmill::PipelineOptions& options) {
  auto pipeline = eventmill::Pipeline::Create(options);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  size_t documents = 0, sentences = 0, words = 0, tokens = 0, events = 0, bytes = 0;
  for (auto _ : state) {
    for (const Article& a : Corpus()) {
      eventmill::Document doc;
      doc.text = a.text;
      doc.meta.date = eventmill::CivilDate::Parse(a.date);
      eventmill::Status status = pipeline->Process(doc);
      if (!status.ok()) state.SkipWithError(status.ToString().c_str());
      ++documents;
      sentences += doc.sentences.size();
      for (const eventmill::Token& t : doc.tokens) words += t.kind == eventmill::TokenKind::kWord;
      tokens += doc.tokens.size();
      events += doc.events.size();
      bytes += doc.text.size();
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  using benchmark::Counter;
  state.counters["docs/s"] = Counter(static_cast<double>(documents), Counter::kIsRate);
  state.counters["sentences/s"] = Counter(static_cast<double>(sentences), Counter::kIsRate);
  state.counters["words/s"] = Counter(static_cast<double>(words), Counter::kIsRate);
  state.counters["tokens/s"] = Counter(static_cast<double>(tokens), Counter::kIsRate);
  state.counters["events/doc"] = Counter(static_cast<double>(events) / static_cast<double>(documents));
  state.counters["peak_rss_MiB"] = Counter(static_cast<double>(PeakRssKib()) / 1024.0);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_PipelineWikinews(benchmark::State& state) { RunPipeline(state, eventmill::PipelineOptions{}); }
BENCHMARK(BM_PipelineWikinews)->Unit(benchmark::kMillisecond)->UseRealTime();

// The pipeline coding with TABARI's CAMEO dictionaries instead of eventmill's own
// (registered in main when ../shared holds them).
std::string& TabariProject() {
  static std::string path;
  return path;
}
void BM_PipelineWikinewsTabari(benchmark::State& state) {
  eventmill::PipelineOptions options;
  options.tabari_project = TabariProject();
  RunPipeline(state, options);
}

// The stages of the NLP core, built with the built-in models; false when they cannot load.
struct NlpCore {
  std::unique_ptr<eventmill::Stage> segment, tag, parse;

  bool Load() {
    eventmill::PipelineOptions options;
    auto codebook = eventmill::Codebook::Parse("# eventmill-codebook\t1\n010\tMake statement\t0\t\t\n");
    if (!codebook.ok()) return false;
    eventmill::StageContext context{options, *codebook};
    auto s = eventmill::segment::SegmentStage::Create(context);
    auto t = eventmill::tag::TagStage::Create(context);
    auto p = eventmill::parse::ParseStage::Create(context);
    if (!s.ok() || !t.ok() || !p.ok()) return false;
    segment = std::move(s).value();
    tag = std::move(t).value();
    parse = std::move(p).value();
    return true;
  }
};

// The NLP core alone: sentence splitting, tokenization, tagging, lemmatization, parsing.
// The argument is how many of those stages run (1 segment, 2 and tag, 3 and parse), so
// each stage's share of the time shows.
void BM_ParseWikinews(benchmark::State& state) {
  const int64_t stages = state.range(0);
  NlpCore core;
  if (!core.Load()) {
    state.SkipWithError("cannot load the models");
    return;
  }
  size_t words = 0, tokens = 0;
  for (auto _ : state) {
    for (const Article& a : Corpus()) {
      eventmill::Document doc;
      doc.text = a.text;
      if (!core.segment->Process(doc).ok() || (stages >= 2 && !core.tag->Process(doc).ok()) ||
          (stages >= 3 && !core.parse->Process(doc).ok())) {
        state.SkipWithError("stage failed");
      }
      for (const eventmill::Token& t : doc.tokens) words += t.kind == eventmill::TokenKind::kWord;
      tokens += doc.tokens.size();
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  using benchmark::Counter;
  state.counters["words/s"] = Counter(static_cast<double>(words), Counter::kIsRate);
  state.counters["tokens/s"] = Counter(static_cast<double>(tokens), Counter::kIsRate);
}
BENCHMARK(BM_ParseWikinews)->Arg(3)->Arg(2)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The timex stage alone, over articles parsed before the clock starts: its words/s against
// BM_PipelineWikinews's gives its share of the whole pipeline's time.
void BM_TimexWikinews(benchmark::State& state) {
  NlpCore core;
  if (!core.Load()) {
    state.SkipWithError("cannot load the models");
    return;
  }
  std::vector<eventmill::Document> parsed;
  for (const Article& a : Corpus()) {
    eventmill::Document doc;
    doc.text = a.text;
    doc.meta.date = eventmill::CivilDate::Parse(a.date);
    if (!core.segment->Process(doc).ok() || !core.tag->Process(doc).ok() || !core.parse->Process(doc).ok()) {
      state.SkipWithError("stage failed");
      return;
    }
    parsed.push_back(std::move(doc));
  }
  const eventmill::when::TimexStage timex;
  size_t words = 0, expressions = 0, documents = 0;
  for (auto _ : state) {
    for (eventmill::Document& doc : parsed) {
      if (!timex.Process(doc).ok()) state.SkipWithError("timex failed");
      for (const eventmill::Token& t : doc.tokens) words += t.kind == eventmill::TokenKind::kWord;
      expressions += doc.timexes.size();
      ++documents;
      benchmark::DoNotOptimize(doc.timexes.data());
    }
  }
  using benchmark::Counter;
  state.counters["words/s"] = Counter(static_cast<double>(words), Counter::kIsRate);
  state.counters["timexes/doc"] = Counter(static_cast<double>(expressions) / static_cast<double>(documents));
}
BENCHMARK(BM_TimexWikinews)->Unit(benchmark::kMillisecond)->UseRealTime();

// Resident memory now, in KiB (Linux).
long CurrentRssKib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4;
}

// The resident memory one loaded pipeline keeps (models and dictionaries), measured once,
// before any benchmark has allocated: what an application pays to hold eventmill.
long& ModelKib() {
  static long kib = 0;
  return kib;
}

// Loading every data file and model.
void BM_PipelineCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto pipeline = eventmill::Pipeline::Create(eventmill::PipelineOptions{});
    benchmark::DoNotOptimize(pipeline.ok());
  }
  state.counters["model_MiB"] = benchmark::Counter(static_cast<double>(ModelKib()) / 1024.0);
}
BENCHMARK(BM_PipelineCreate)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(argv[0]).parent_path() / "../../../shared";
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--shared") == 0 && i + 1 < argc) {
      shared = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  fs::path news = shared / "data/news/wikinews_2019_2020";
  if (!fs::is_directory(news)) {
    const char* ci = std::getenv("CI");
    std::cerr << "pipeline_bench: " << news << " not found; pass --shared DIR (the shared/ folder beside the repo)\n";
    return ci && std::strcmp(ci, "true") == 0 ? 1 : 0;
  }
  size_t words = 0;
  for (const char* file : {"wikinews_2019.csv", "wikinews_2020.csv"}) {
    auto rows = ReadCsv(news / file);
    for (size_t r = 1; r < rows.size(); ++r) {
      if (rows[r].size() < 4) continue;
      Corpus().push_back({rows[r][1], rows[r][3]});
      words += static_cast<size_t>(std::count(rows[r][3].begin(), rows[r][3].end(), ' '));
    }
  }
  std::cerr << "pipeline_bench: " << Corpus().size() << " Wikinews articles, about " << words << " words\n";
  {
    long before = CurrentRssKib();
    auto held = eventmill::Pipeline::Create(eventmill::PipelineOptions{});
    ModelKib() = CurrentRssKib() - before;
  }
  // A TABARI project over the CAMEO dictionaries in ../shared (the zipped CountryInfo
  // actors aside), written to the temporary folder.
  fs::path tabari = fs::absolute(shared / "data/tabari/dictionaries");
  if (fs::is_regular_file(tabari / "CAMEO.091003.master.verbs")) {
    TabariProject() = (fs::temp_directory_path() / "eventmill_bench_cameo.project").string();
    std::ofstream project(TabariProject());
    project << "<actorsfile> " << (tabari / "TABARI-Dictionaries/Levant.080629.actors").string() << "\n"
            << "<actorsfile> " << (tabari / "TABARI-Dictionaries/Internatnl.120521.actors").string() << "\n"
            << "<agentsfile> " << (tabari / "TABARI-Dictionaries/PSU.120522.agents").string() << "\n"
            << "<verbsfile> " << (tabari / "CAMEO.091003.master.verbs").string() << "\n"
            << "<optionsfile> " << (tabari / "CAMEO.09b5.options").string() << "\n";
    benchmark::RegisterBenchmark("BM_PipelineWikinewsTabari", BM_PipelineWikinewsTabari)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
