#include "tools/train/evaluate.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "eventmill/options.h"
#include "src/parse/parse_stage.h"
#include "src/segment/segment_stage.h"
#include "src/tag/tag_stage.h"

namespace eventmill::train {

namespace {

std::string Universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

std::string Lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return s;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

double Scores::F1(size_t correct) const {
  if (gold_words == 0 || system_words == 0) return 0;
  double p = static_cast<double>(correct) / static_cast<double>(system_words);
  double r = static_cast<double>(correct) / static_cast<double>(gold_words);
  return p + r > 0 ? 100.0 * 2 * p * r / (p + r) : 0;
}

Scores EvaluateGoldTokens(const tag::TaggerModel& tagger, const parse::ParserModel& parser, const Treebank& gold) {
  Scores scores;
  std::map<std::string, std::array<size_t, 3>> by_relation;  // gold relation -> words, head errors, label errors
  std::chrono::steady_clock::duration spent{};
  // For error analysis: the system's analysis of the gold words, as CoNLL-U.
  FILE* parses =
      std::getenv("EVENTMILL_WRITE_PARSES") ? std::fopen(std::getenv("EVENTMILL_WRITE_PARSES"), "w") : nullptr;
  for (const Sentence& s : gold.sentences) {
    auto start = std::chrono::steady_clock::now();
    tag::TagInput input;
    for (const Word& w : s.words) input.words.emplace_back(w.form);
    tagger.Prepare(input);
    auto tags = tagger.Tag(input);
    parse::ParseInput pin;
    for (size_t i = 0; i < s.words.size(); ++i) {
      pin.lower.push_back(Lower(s.words[i].form));
      pin.upos.push_back(tagger.tag_class(tags[i]).upos);
      pin.xpos.push_back(tagger.tag_class(tags[i]).xpos);
    }
    auto arcs = parser.Parse(pin);
    spent += std::chrono::steady_clock::now() - start;
    for (size_t i = 0; parses && i < s.words.size(); ++i) {
      const auto& c = tagger.tag_class(tags[i]);
      std::fprintf(parses, "%zu\t%s\t_\t%s\t%s\t_\t%d\t%s\t_\t_\n%s", i + 1, s.words[i].form.c_str(), c.upos.c_str(),
                   c.xpos.c_str(), arcs[i].head + 1, parser.labels()[static_cast<size_t>(arcs[i].label)].c_str(),
                   i + 1 == s.words.size() ? "\n" : "");
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      const Word& g = s.words[i];
      const auto& c = tagger.tag_class(tags[i]);
      ++scores.words;
      scores.upos += c.upos == g.upos;
      scores.xpos += c.xpos == g.xpos;
      scores.lemma += tagger.Lemma(g.form, tags[i]) == g.lemma;
      scores.feats += tagger.Feats(input.lower[i], tags[i]) == (g.feats == "_" ? "" : g.feats);
      bool head_ok = arcs[i].head + 1 == g.head;
      bool label_ok = Universal(parser.labels()[static_cast<size_t>(arcs[i].label)]) == Universal(g.deprel);
      scores.uas += head_ok;
      scores.las += head_ok && label_ok;
      auto& counts = by_relation[Universal(g.deprel)];
      ++counts[0];
      counts[1] += !head_ok;
      counts[2] += head_ok && !label_ok;
    }
  }
  if (std::getenv("EVENTMILL_SHOW_ERRORS")) {
    for (const auto& [relation, counts] : by_relation) {
      std::fprintf(stderr, "relation\t%s\t%zu words\t%zu head errors\t%zu label errors\n", relation.c_str(), counts[0],
                   counts[1], counts[2]);
    }
  }
  if (parses) std::fclose(parses);
  scores.gold_words = scores.system_words = scores.words;
  scores.gold_sentences = scores.system_sentences = scores.sentences = gold.sentences.size();
  scores.seconds = std::chrono::duration<double>(spent).count();
  return scores;
}

Scores EvaluateRawText(const segment::SentenceModel& sentences, const tag::TaggerModel& tagger,
                       const parse::ParserModel& parser, const Treebank& gold) {
  // The running text, and each gold word's character span in it.
  struct GoldWord {
    const Word* word;
    size_t sentence;
    int index;  // within its sentence
    uint32_t begin, end;
    bool in_mwt;
  };
  std::string text;
  std::vector<GoldWord> words;
  std::vector<std::pair<uint32_t, uint32_t>> gold_sentence_spans;
  std::vector<std::vector<size_t>> word_of;  // [sentence][index] -> position in `words`
  for (size_t si = 0; si < gold.sentences.size(); ++si) {
    const Sentence& s = gold.sentences[si];
    if (!text.empty()) text += s.new_paragraph ? "\n\n" : " ";
    size_t base = text.size();
    text += s.text;
    size_t pos = base;
    word_of.emplace_back(s.words.size(), SIZE_MAX);
    for (const SurfaceToken& t : s.tokens) {
      size_t at = text.find(t.form, pos);
      bool found = at != std::string::npos && at <= pos + 8;  // the next token, after a few spaces at most
      uint32_t begin = found ? static_cast<uint32_t>(at) : 0,
               end = found ? static_cast<uint32_t>(at + t.form.size()) : 0;
      if (found) pos = at + t.form.size();
      for (int k = 0; k < t.word_count; ++k) {
        int index = t.first_word + k;
        word_of[si][static_cast<size_t>(index)] = words.size();
        words.push_back({&s.words[static_cast<size_t>(index)], si, index, begin, end, t.word_count > 1});
      }
    }
    gold_sentence_spans.emplace_back(static_cast<uint32_t>(base), static_cast<uint32_t>(text.size()));
  }

  PipelineOptions options;
  Document doc;
  doc.text = text;
  auto start = std::chrono::steady_clock::now();
  segment::SegmentStage segmenter(options, sentences);
  tag::TagStage tag_stage(tagger);
  parse::ParseStage parse_stage(parser);
  Status status = segmenter.Process(doc);
  if (status.ok()) status = tag_stage.Process(doc);
  if (status.ok()) status = parse_stage.Process(doc);
  Scores scores;
  scores.seconds = Seconds(start);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return scores;
  }

  // Align: gold word -> system token.
  std::map<std::pair<uint32_t, uint32_t>, size_t> token_by_span;
  for (size_t t = 0; t < doc.tokens.size(); ++t) token_by_span[{doc.tokens[t].span.begin, doc.tokens[t].span.end}] = t;
  std::vector<long> system_of(words.size(), -1);
  std::vector<long> gold_of(doc.tokens.size(), -1);
  for (size_t w = 0; w < words.size();) {
    const GoldWord& g = words[w];
    if (!g.in_mwt) {
      auto it = token_by_span.find({g.begin, g.end});
      if (g.end > g.begin && it != token_by_span.end()) system_of[w] = static_cast<long>(it->second);
      ++w;
      continue;
    }
    // A multiword token: the system tokens inside its span, matched to its words by form.
    size_t w_end = w;
    while (w_end < words.size() && words[w_end].in_mwt && words[w_end].begin == g.begin &&
           words[w_end].sentence == g.sentence)
      ++w_end;
    std::vector<size_t> inside;
    for (auto it = token_by_span.lower_bound({g.begin, 0}); it != token_by_span.end() && it->first.first < g.end;
         ++it) {
      if (it->first.second <= g.end) inside.push_back(it->second);
    }
    if (inside.size() == w_end - w) {
      bool same = true;
      for (size_t k = 0; k < inside.size(); ++k) {
        same = same && Lower(std::string(doc.Slice(doc.tokens[inside[k]].span))) == Lower(words[w + k].word->form);
      }
      if (same) {
        for (size_t k = 0; k < inside.size(); ++k) system_of[w + k] = static_cast<long>(inside[k]);
      }
    }
    w = w_end;
  }
  for (size_t w = 0; w < words.size(); ++w) {
    if (system_of[w] >= 0) gold_of[static_cast<size_t>(system_of[w])] = static_cast<long>(w);
  }

  if (std::getenv("EVENTMILL_SHOW_ERRORS")) {
    for (size_t w = 0; w < words.size(); ++w) {
      if (system_of[w] >= 0 || words[w].end <= words[w].begin) continue;
      size_t from = words[w].begin >= 20 ? words[w].begin - 20 : 0;
      std::string context = text.substr(from, words[w].end + 20 - from);
      for (char& c : context) c = c == '\n' ? ' ' : c;
      std::fprintf(stderr, "unaligned\t%s\t%s\n", words[w].word->form.c_str(), context.c_str());
    }
  }
  scores.gold_words = words.size();
  scores.system_words = doc.tokens.size();
  for (size_t w = 0; w < words.size(); ++w) {
    if (system_of[w] < 0) continue;
    const Word& g = *words[w].word;
    const Token& t = doc.tokens[static_cast<size_t>(system_of[w])];
    ++scores.words;
    scores.upos += t.upos == g.upos;
    scores.xpos += t.xpos == g.xpos;
    scores.lemma += t.lemma == g.lemma;
    scores.feats += t.feats == (g.feats == "_" ? "" : g.feats);
    bool head_ok;
    if (g.head == 0) {
      head_ok = t.head < 0;
    } else {
      size_t gold_head = word_of[words[w].sentence][static_cast<size_t>(g.head - 1)];
      head_ok = t.head >= 0 && gold_of[static_cast<size_t>(t.head)] == static_cast<long>(gold_head);
    }
    scores.uas += head_ok;
    scores.las += head_ok && Universal(t.deprel) == Universal(g.deprel);
  }
  scores.gold_sentences = gold_sentence_spans.size();
  scores.system_sentences = doc.sentences.size();
  std::map<std::pair<uint32_t, uint32_t>, bool> gold_spans;
  for (auto span : gold_sentence_spans) gold_spans[span] = true;
  for (const auto& s : doc.sentences) scores.sentences += gold_spans.count({s.span.begin, s.span.end});
  if (std::getenv("EVENTMILL_SHOW_ERRORS")) {
    // Sentence ends the splitter missed or added, with the text around them; "|" marks the place.
    std::map<uint32_t, bool> gold_ends, system_ends;
    for (auto span : gold_sentence_spans) gold_ends[span.second] = true;
    for (const auto& s : doc.sentences) system_ends[s.span.end] = true;
    auto show = [&](const char* what, uint32_t at) {
      size_t from = at >= 40 ? at - 40 : 0;
      std::string context = text.substr(from, at - from) + "|" + text.substr(at, 40);
      for (char& c : context) c = c == '\n' ? ' ' : c;
      std::fprintf(stderr, "%s\t%s\n", what, context.c_str());
    };
    for (const auto& [end, unused] : gold_ends) {
      if (!system_ends.count(end)) show("missed end", end);
    }
    for (const auto& [end, unused] : system_ends) {
      if (!gold_ends.count(end)) show("added end", end);
    }
  }
  return scores;
}

std::string FormatScores(const std::string& title, const Scores& s) {
  char buffer[512];
  double sp =
      s.system_sentences ? 100.0 * static_cast<double>(s.sentences) / static_cast<double>(s.system_sentences) : 0;
  double sr = s.gold_sentences ? 100.0 * static_cast<double>(s.sentences) / static_cast<double>(s.gold_sentences) : 0;
  std::snprintf(buffer, sizeof buffer,
                "%s\n  words %.2f  sentences %.2f  UPOS %.2f  XPOS %.2f  UFeats %.2f  lemma %.2f  UAS %.2f  LAS %.2f\n"
                "  (%zu gold words; %.0f words/s segment+tag+parse, one core)\n",
                title.c_str(), s.F1(s.words), sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0, s.F1(s.upos), s.F1(s.xpos),
                s.F1(s.feats), s.F1(s.lemma), s.F1(s.uas), s.F1(s.las), s.gold_words,
                s.seconds > 0 ? static_cast<double>(s.gold_words) / s.seconds : 0);
  return buffer;
}

}  // namespace eventmill::train
