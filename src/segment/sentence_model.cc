#include "src/segment/sentence_model.h"

#include "src/segment/tokenizer.h"

namespace eventmill::segment {

namespace {

// Letters, digits and punctuation collapsed: "Thanks" -> "Xx", "08:02" -> "d:d", "." -> ".".
std::string Shape(std::string_view w) {
  std::string s;
  for (unsigned char c : w) {
    char k = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80              ? 'u'
                                      : static_cast<char>(c);
    if (s.empty() || s.back() != k) s += k;
    if (s.size() >= 6) break;
  }
  return s;
}

// What lies between two tokens: nothing, one space, more.
std::string_view Gap(const Token& a, const Token& b) {
  uint32_t n = b.span.begin - a.span.end;
  return n == 0 ? "none" : n == 1 ? "space" : "spaces";
}

uint64_t Bucket(size_t n) { return n <= 3 ? n : n <= 6 ? 6 : n <= 12 ? 12 : n <= 25 ? 25 : 99; }

}  // namespace

bool MayEndAfter(const std::vector<Token>& tokens, size_t i, std::string_view text) {
  const Token& t = tokens[i];
  const unsigned char next = static_cast<unsigned char>(text[tokens[i + 1].span.begin]);
  return !((t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) && next >= 'a' && next <= 'z');
}

void BoundaryFeatures(const std::vector<Token>& tokens, size_t i, size_t since_start, std::string_view text,
                      std::vector<uint64_t>& out) {
  using model::FeatureSeed;
  using model::HashBytes;
  out.clear();
  const Token& t = tokens[i];
  const Token& next = tokens[i + 1];
  auto form = [&](const Token& k) { return text.substr(k.span.begin, k.span.size()); };
  auto word = [&](const Token& k) -> std::string_view {
    return k.lower.size() <= 20 ? std::string_view(k.lower) : std::string_view("<long>");
  };
  const std::string_view rule = EndsSentence(tokens, i, text) ? "ends" : "goes-on";
  const std::string shape = Shape(form(t)), next_shape = Shape(form(next));
  const std::string_view gap = Gap(t, next);
  const std::string_view prev = i > 0 && since_start > 1 ? word(tokens[i - 1]) : "<start>";
  const std::string_view after_next = i + 2 < tokens.size() ? word(tokens[i + 2]) : "<end>";
  auto h1 = [&](uint32_t id, std::string_view a) { out.push_back(HashBytes(FeatureSeed(id), a)); };
  auto h2 = [&](uint32_t id, std::string_view a, std::string_view b) {
    out.push_back(HashBytes(HashBytes(FeatureSeed(id), a), b));
  };
  out.push_back(FeatureSeed(0));
  h1(1, rule);
  h1(2, word(t));
  h1(3, shape);
  h1(4, word(next));
  h1(5, next_shape);
  h1(6, prev);
  h1(7, gap);
  h2(8, rule, next_shape);
  h2(9, rule, word(next));
  h2(10, word(t), next_shape);
  h2(11, shape, next_shape);
  h2(12, word(t), word(next));
  h2(13, prev, word(t));
  h2(14, gap, next_shape);
  h2(15, rule, gap);
  h2(16, word(next), after_next);
  h2(17, shape, word(next));
  out.push_back(HashBytes(HashBytes(FeatureSeed(18), rule), std::to_string(Bucket(since_start))));
  out.push_back(HashBytes(HashBytes(FeatureSeed(19), next_shape), std::to_string(Bucket(since_start))));
}

bool SentenceModel::EndsAfter(const std::vector<Token>& tokens, size_t i, size_t since_start, std::string_view text,
                              std::vector<uint64_t>& scratch) const {
  if (empty()) return EndsSentence(tokens, i, text);
  // Two sentences run together without a space ("the field.Two days later"), as scraped
  // and converted text has them: the tokenizer split the period off for that reason.
  // The treebank has no such text to learn from, so the rule decides.
  const Token& t = tokens[i];
  const Token& next = tokens[i + 1];
  if (t.span.size() == 1 && text[t.span.begin] == '.' && i > 0 && tokens[i - 1].span.end == t.span.begin &&
      next.span.begin == t.span.end && tokens[i - 1].kind == TokenKind::kWord && next.kind == TokenKind::kWord) {
    return EndsSentence(tokens, i, text);
  }
  if (!MayEndAfter(tokens, i, text)) return false;
  BoundaryFeatures(tokens, i, since_start, text, scratch);
  float scores[2] = {0, 0};
  weights_.AddAll(scratch.data(), scratch.size(), scores);
  return scores[kSentenceEnds] > scores[kSentenceGoesOn];
}

Result<SentenceModel> SentenceModel::Load(std::string_view bytes, std::string_view name) {
  auto reader = model::ModelReader::Open(bytes, kKind, name);
  if (!reader.ok()) return reader.status();
  model::ModelReader& r = *reader;
  SentenceModel m;
  m.header_ = r.header();
  m.weights_ = model::SparseWeights::Read(r, 2);
  if (r.ok() && !r.AtEnd()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return m;
}

std::string SentenceModel::Serialize(const model::ModelHeader& header, const model::SparseWeights& weights) {
  model::ModelWriter w(header);
  weights.Write(w);
  return w.bytes();
}

}  // namespace eventmill::segment
