#include "src/segment/segment_stage.h"

#include <algorithm>

#include "src/data/data_files.h"
#include "src/segment/tokenizer.h"

namespace eventmill::segment {

namespace {

bool IsClosing(std::string_view w) {
  return w == "\"" || w == "\u201D" || w == "\u2019" || w == ")" || w == "'" || w == "\u00BB" || w == "]";
}

// Function words that leave a sentence open at the end of a line.
bool IsDanglingWord(const std::string& w) {
  static constexpr std::string_view kWords[] = {
      "the", "a",    "an",  "of",    "on",  "in",  "at",   "to",  "for",  "with", "from", "by",  "and",  "or",
      "but", "that", "its", "their", "his", "her", "said", "was", "were", "is",   "are",  "has", "have", "will"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Regions of the text that are not removed, in order.
std::vector<Span> KeptRegions(const Document& doc) {
  std::vector<Span> removed;
  for (const RemovedSpan& r : doc.removed) removed.push_back(r.span);
  std::sort(removed.begin(), removed.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<Span> kept;
  uint32_t pos = 0;
  for (Span r : removed) {
    if (r.begin > pos) kept.push_back({pos, r.begin});
    pos = std::max(pos, r.end);
  }
  if (pos < doc.text.size()) kept.push_back({pos, static_cast<uint32_t>(doc.text.size())});
  return kept;
}

}  // namespace

Result<std::unique_ptr<Stage>> SegmentStage::Create(const StageContext& context) {
  constexpr std::string_view kName = "models/en_ewt.sentences";
  auto bytes = data::Load(context.options.data_dir, kName);
  if (!bytes.ok()) return bytes.status();
  auto model = SentenceModel::Load(*bytes, kName);
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(new SegmentStage(context.options, std::move(model).value()));
}

Status SegmentStage::Process(Document& doc) const {
  std::vector<uint64_t> scratch;
  std::string_view text = doc.text;
  std::vector<RemovedSpan> oversized;
  auto close_sentence = [&](uint32_t first, uint32_t last) {  // tokens [first, last)
    if (first >= last) return;
    Sentence s;
    s.token_begin = first;
    s.token_end = last;
    s.span = {doc.tokens[first].span.begin, doc.tokens[last - 1].span.end};
    if (s.span.size() > max_sentence_bytes_) {
      oversized.push_back({s.span, "oversized-sentence"});
      return;
    }
    doc.sentences.push_back(s);
  };

  for (Span region : KeptRegions(doc)) {
    uint32_t sentence_first = static_cast<uint32_t>(doc.tokens.size());
    uint32_t pos = region.begin;
    while (pos < region.end) {
      size_t eol = text.find('\n', pos);
      uint32_t line_end = eol == std::string_view::npos || eol > region.end ? region.end : static_cast<uint32_t>(eol);
      size_t line_first = doc.tokens.size();
      Tokenize(text, pos, line_end, doc.tokens);
      for (size_t i = line_first; i < doc.tokens.size(); ++i) {
        // The last token of a line: the punctuation rule, then the line break decides.
        const bool ends = i + 1 < doc.tokens.size()
                              ? sentences_.EndsAfter(doc.tokens, i, i + 1 - sentence_first, text, scratch)
                              : EndsSentence(doc.tokens, i, text);
        if (!ends) continue;
        size_t last = i + 1;
        while (last < doc.tokens.size() && doc.tokens[last].span.begin == doc.tokens[last - 1].span.end &&
               IsClosing(text.substr(doc.tokens[last].span.begin, doc.tokens[last].span.size()))) {
          ++last;
        }
        close_sentence(sentence_first, static_cast<uint32_t>(last));
        sentence_first = static_cast<uint32_t>(last);
        i = last - 1;
      }
      // Decide whether the line break ends the sentence.
      uint32_t next = line_end + 1;
      bool blank_follows = false;
      while (next < region.end &&
             (text[next] == ' ' || text[next] == '\t' || text[next] == '\r' || text[next] == '\n')) {
        if (text[next] == '\n') blank_follows = true;
        ++next;
      }
      // Wrapped text: the next line starts in lower case, or this one stops on a word
      // that cannot end a sentence ("met on", "the").
      bool open_sentence = doc.tokens.size() > sentence_first;
      bool dangling = open_sentence && IsDanglingWord(doc.tokens.back().lower);
      bool continues = !blank_follows && next < region.end && open_sentence &&
                       ((text[next] >= 'a' && text[next] <= 'z') || dangling);
      if (!continues) {
        close_sentence(sentence_first, static_cast<uint32_t>(doc.tokens.size()));
        sentence_first = static_cast<uint32_t>(doc.tokens.size());
      }
      pos = next;  // past the white space just scanned: blank runs are read once
    }
    close_sentence(sentence_first, static_cast<uint32_t>(doc.tokens.size()));
  }
  for (RemovedSpan& r : oversized) doc.removed.push_back(std::move(r));
  return Status::Ok();
}

}  // namespace eventmill::segment
