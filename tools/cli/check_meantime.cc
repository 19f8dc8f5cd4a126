#include "tools/cli/check_meantime.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "eventmill/eventmill.h"

namespace eventmill::cli {

namespace {

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    std::string_view entity = s.substr(i + 1, semi - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else
      out += std::string(s.substr(i, semi - i + 1));
    i = semi;
  }
  return out;
}

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  auto p = tag.find(key);
  if (p == std::string_view::npos) return "";
  p += key.size();
  auto q = tag.find('"', p);
  if (q == std::string_view::npos) return "";
  return Unescape(tag.substr(p, q - p));
}

// MEANTIME annotates time expressions in each article's title, date line and first
// sentences: its sentences 0 to 5. Expressions found after them are not scored.
constexpr int kLastAnnotatedSentence = 5;

struct GoldTimex {
  Span span;
  std::string type, value, text;
  bool creation_time = false;
};

struct Article {
  std::string name;
  std::string text;
  std::optional<CivilDate> creation;
  std::vector<GoldTimex> timexes;
  uint32_t annotated_end = 0;  // the text up to here is annotated
};

// Reads one MEANTIME file; false when it holds no tokens.
bool ReadArticle(const std::filesystem::path& path, Article& article) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string xml = buffer.str();
  article.name = path.stem().string();
  std::map<std::string, Span> token_spans;
  std::string last_sentence;
  for (size_t p = xml.find("<token "); p != std::string::npos; p = xml.find("<token ", p + 1)) {
    auto close = xml.find('>', p);
    auto end = xml.find("</token>", close);
    if (close == std::string::npos || end == std::string::npos) break;
    std::string_view tag(xml.data() + p, close - p);
    std::string sentence = Attribute(tag, "sentence");
    if (!article.text.empty()) article.text += sentence != last_sentence ? "\n" : " ";
    last_sentence = sentence;
    std::string word = Unescape(std::string_view(xml).substr(close + 1, end - close - 1));
    Span span{static_cast<uint32_t>(article.text.size()), 0};
    article.text += word;
    span.end = static_cast<uint32_t>(article.text.size());
    token_spans[Attribute(tag, "t_id")] = span;
    if (std::atoi(sentence.c_str()) <= kLastAnnotatedSentence) article.annotated_end = span.end;
  }
  for (size_t p = xml.find("<TIMEX3 "); p != std::string::npos; p = xml.find("<TIMEX3 ", p + 1)) {
    auto close = xml.find('>', p);
    if (close == std::string::npos) break;
    std::string_view tag(xml.data() + p, close - p);
    if (!tag.empty() && tag.back() == '/') continue;  // no words: an implied time
    auto end = xml.find("</TIMEX3>", close);
    if (end == std::string::npos) break;
    GoldTimex gold;
    gold.type = Attribute(tag, "type");
    gold.value = Attribute(tag, "value");
    gold.creation_time = Attribute(tag, "functionInDocument") == "CREATION_TIME";
    bool any = false;
    std::string_view body(xml.data() + close, end - close);
    for (size_t a = body.find("t_id=\""); a != std::string_view::npos; a = body.find("t_id=\"", a + 1)) {
      auto q = body.find('"', a + 6);
      auto it = token_spans.find(std::string(body.substr(a + 6, q - a - 6)));
      if (it == token_spans.end()) continue;
      if (!any) gold.span = it->second;
      gold.span.begin = std::min(gold.span.begin, it->second.begin);
      gold.span.end = std::max(gold.span.end, it->second.end);
      any = true;
    }
    if (!any) continue;
    gold.text = article.text.substr(gold.span.begin, gold.span.size());
    if (gold.creation_time) {
      article.creation = CivilDate::Parse(gold.value.substr(0, 10));
    }
    article.timexes.push_back(std::move(gold));
  }
  return !article.text.empty();
}

bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

double Ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

std::string Fixed(double x) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", x);
  return buffer;
}

}  // namespace

int CheckMeantime(const std::string& dir, const PipelineOptions& options, bool verbose, std::ostream& out) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    std::cerr << "eventmill: " << dir << ": not a directory\n";
    return 1;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "eventmill: cannot load data: " << pipeline.status().ToString() << "\n";
    return 3;
  }
  size_t gold_total = 0, system_total = 0, relaxed = 0, strict = 0, value_right = 0, type_right = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_type;  // gold type → (found, value right)
  std::map<std::string, size_t> gold_by_type;
  size_t articles = 0;
  for (const auto& path : files) {
    Article article;
    if (!ReadArticle(path, article)) continue;
    ++articles;
    Document doc;
    doc.meta.id = article.name;
    doc.meta.input = path.string();
    doc.text = article.text;
    doc.meta.date = article.creation;
    if (article.creation) doc.meta.date_origin = DocumentDateOrigin::kMetadata;
    Status status = pipeline->Process(doc);
    if (!status.ok()) {
      std::cerr << "eventmill: " << path.string() << ": " << status.ToString() << "\n";
      return 1;
    }
    std::vector<const GoldTimex*> gold;
    std::vector<Span> creation;
    for (const GoldTimex& g : article.timexes) {
      if (g.creation_time) {
        creation.push_back(g.span);
      } else {
        gold.push_back(&g);
      }
    }
    std::vector<const Timex*> system;
    for (const Timex& t : doc.timexes) {
      bool on_creation = std::any_of(creation.begin(), creation.end(), [&](Span c) { return Overlap(c, t.span); });
      if (!on_creation && t.span.begin < article.annotated_end) system.push_back(&t);
    }
    gold_total += gold.size();
    system_total += system.size();
    // Each annotated expression takes the found one with the same words, else the first
    // overlapping one left.
    std::vector<bool> used(system.size(), false);
    std::vector<size_t> pick(gold.size(), system.size());
    for (size_t g = 0; g < gold.size(); ++g) {
      for (size_t s = 0; s < system.size(); ++s) {
        if (!used[s] && system[s]->span == gold[g]->span) {
          pick[g] = s;
          used[s] = true;
          break;
        }
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      for (size_t s = 0; s < system.size() && pick[g] == system.size(); ++s) {
        if (!used[s] && Overlap(gold[g]->span, system[s]->span)) {
          pick[g] = s;
          used[s] = true;
        }
      }
    }
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      const GoldTimex* g = gold[gi];
      ++gold_by_type[g->type];
      const size_t best = pick[gi];
      if (best == system.size()) {
        if (verbose)
          out << "missed\t" << article.name << "\t" << g->text << "\t" << g->type << "\t" << g->value << "\n";
        continue;
      }
      const Timex& t = *system[best];
      ++relaxed;
      ++by_type[g->type].first;
      if (t.span == g->span) ++strict;
      if (ToString(t.type) == g->type) ++type_right;
      if (t.value == g->value) {
        ++value_right;
        ++by_type[g->type].second;
      } else if (verbose) {
        out << "value\t" << article.name << "\t" << g->text << "\t" << g->value << "\tfound '" << doc.Slice(t.span)
            << "' " << t.value << "\n";
      }
    }
    if (verbose) {
      for (size_t s = 0; s < system.size(); ++s) {
        if (!used[s])
          out << "extra\t" << article.name << "\t" << doc.Slice(system[s]->span) << "\t" << ToString(system[s]->type)
              << "\t" << system[s]->value << "\n";
      }
    }
  }
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  const double rp = Ratio(relaxed, system_total), rr = Ratio(relaxed, gold_total);
  const double sp = Ratio(strict, system_total), sr = Ratio(strict, gold_total);
  out << "articles\t" << articles << "\n";
  out << "expressions\tannotated " << gold_total << "\tfound " << system_total << "\n";
  out << "type\tannotated\tfound\tvalue right\n";
  for (const auto& [type, n] : gold_by_type) {
    out << type << "\t" << n << "\t" << by_type[type].first << "\t" << by_type[type].second << "\n";
  }
  out << "detection relaxed\tprecision " << Fixed(rp) << "\trecall " << Fixed(rr) << "\tF1 " << Fixed(f1(rp, rr))
      << "\n";
  out << "detection strict\tprecision " << Fixed(sp) << "\trecall " << Fixed(sr) << "\tF1 " << Fixed(f1(sp, sr))
      << "\n";
  out << "on expressions found (relaxed)\tvalue accuracy " << Fixed(Ratio(value_right, relaxed)) << "\ttype accuracy "
      << Fixed(Ratio(type_right, relaxed)) << "\n";
  out << "passed " << value_right << " of " << gold_total << " expressions\n";
  return 0;
}

}  // namespace eventmill::cli
