#include "src/segment/tokenizer.h"

#include <array>
#include <string>

namespace eventmill::segment {

namespace {

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Length of the UTF-8 sequence starting with `c` (1 for malformed bytes; input is validated).
size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Multi-byte punctuation that is its own token: quotes, dashes, ellipsis, bullets, guillemets.
constexpr std::array<std::string_view, 14> kUnicodePunct = {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB",
                                                            "\u00BB", "\u2013", "\u2014", "\u2026", "\u2022",
                                                            "\u00B7", "\u201E", "\u2212", "\u00A0"};

size_t UnicodePunctAt(std::string_view text, size_t i) {
  for (std::string_view p : kUnicodePunct) {
    if (text.substr(i, p.size()) == p) return p.size();
  }
  return 0;
}

bool IsSpaceAt(std::string_view text, size_t i, size_t& length) {
  unsigned char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    length = 1;
    return true;
  }
  // NO-BREAK SPACE, NEXT LINE, the Unicode spaces U+2000..U+200B, line and paragraph
  // separators, NARROW NO-BREAK SPACE, ideographic space.
  if (text.substr(i, 2) == "\u00A0" || text.substr(i, 2) == "\u0085") {
    length = 2;
    return true;
  }
  if (text.substr(i, 3) == "\u2028" || text.substr(i, 3) == "\u2029" || text.substr(i, 3) == "\u202F") {
    length = 3;
    return true;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      static_cast<unsigned char>(text[i + 2]) <= 0x8B) {
    length = 3;
    return true;
  }
  if (text.substr(i, 3) == "\u3000") {
    length = 3;
    return true;
  }
  return false;
}

// ASCII letters folded to lower case; a curly apostrophe becomes a straight one, so
// "Ukraine’s" and "Ukraine's" match alike.
std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsUpper(c)) {
      out += static_cast<char>(c + 32);
    } else if (s.substr(i, 3) == "\u2019") {
      out += '\'';
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// Words that keep their final period: titles, months, common abbreviations.
bool IsAbbreviation(std::string_view lower_without_dot) {
  static constexpr std::array<std::string_view, 48> kAbbreviations = {
      "mr",  "mrs", "ms",  "dr",  "gen",  "lt",   "col",  "maj",  "capt",   "cpt",  "sgt", "adm",
      "gov", "sen", "rep", "rev", "prof", "st",   "jr",   "sr",   "inc",    "corp", "ltd", "co",
      "vs",  "etc", "no",  "jan", "feb",  "mar",  "apr",  "jun",  "jul",    "aug",  "sep", "sept",
      "oct", "nov", "dec", "mt",  "ft",   "cmdr", "brig", "pres", "approx", "dept", "est", "fig"};
  for (std::string_view a : kAbbreviations) {
    if (a == lower_without_dot) return true;
  }
  return false;
}

// "U.S.", "U.N.", "e.g." : letters separated by periods.
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!IsAsciiAlpha(w[i])) return false;
    if (i + 1 >= w.size() || w[i + 1] != '.') return false;
  }
  return true;
}

TokenKind KindOf(std::string_view w) {
  unsigned char c = w[0];
  if (IsDigit(c)) return TokenKind::kNumber;
  if (IsAsciiAlpha(c) || c >= 0x80) {
    return UnicodePunctAt(w, 0) == w.size() ? TokenKind::kPunct : TokenKind::kWord;
  }
  if (c == '$' || c == '%' || c == '&' || c == '@' || c == '#' || c == '+' || c == '=' || c == '<' || c == '>') {
    return TokenKind::kSymbol;
  }
  return TokenKind::kPunct;
}

void Emit(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>& tokens) {
  if (b >= e) return;
  Token t;
  t.span = {b, e};
  std::string_view w = text.substr(b, e - b);
  t.kind = KindOf(w);
  t.lower = Lower(w);
  tokens.push_back(std::move(t));
}

bool IsUrl(std::string_view w) {
  return w.substr(0, 7) == "http://" || w.substr(0, 8) == "https://" || w.substr(0, 4) == "www.";
}

// Splits one white-space-delimited chunk [b, e) into tokens.
void TokenizeChunk(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>& tokens) {
  std::string_view chunk = text.substr(b, e - b);
  if (IsUrl(chunk)) {
    while (e > b && (text[e - 1] == '.' || text[e - 1] == ',' || text[e - 1] == ')')) --e;
    Emit(text, b, e, tokens);
    return;
  }
  // Leading punctuation.
  while (b < e) {
    size_t u = UnicodePunctAt(text, b);
    unsigned char c = text[b];
    if (u) {
      Emit(text, b, b + u, tokens);
      b += u;
    } else if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '-' || c == '*') {
      Emit(text, b, b + 1, tokens);
      ++b;
    } else if (c == '$' && b + 1 < e) {
      Emit(text, b, b + 1, tokens);
      ++b;
    } else {
      break;
    }
  }
  // Trailing punctuation, collected right to left.
  std::vector<std::pair<uint32_t, uint32_t>> trailing;
  while (b < e) {
    unsigned char c = text[e - 1];
    size_t u = 0;
    for (size_t len = 2; len <= 3 && len <= e - b; ++len) {
      if (UnicodePunctAt(text, e - len) == len) u = len;
    }
    if (u) {
      trailing.push_back({e - u, e});
      e -= u;
      continue;
    }
    if (c == '.') {
      std::string_view word = text.substr(b, e - b);
      // Abbreviations are short; a long run of dots is punctuation, checked without copying.
      bool keep =
          word.size() <= 12 && (IsDottedAcronym(word) || IsAbbreviation(Lower(word.substr(0, word.size() - 1))) ||
                                (word.size() == 2 && IsUpper(word[0])));  // an initial: "J."
      if (keep) break;
      trailing.push_back({e - 1, e});
      --e;
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' || c == ']' || c == '}' ||
        c == '%' || c == '\'' || c == '*') {
      // "students'" keeps nothing special; the apostrophe becomes a token.
      trailing.push_back({e - 1, e});
      --e;
      continue;
    }
    break;
  }
  // Possessive 's / ’s.
  if (e - b > 2) {
    std::string_view w = text.substr(b, e - b);
    if ((w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S"))) {
      trailing.push_back({e - 2, e});
      e -= 2;
    } else if (w.size() > 4 && w.substr(w.size() - 4) == "\u2019s") {
      trailing.push_back({e - 4, e});
      e -= 4;
    } else if (w.size() > 3 && w.substr(w.size() - 3) == "n't") {
      trailing.push_back({e - 3, e});
      e -= 3;
    }
  }
  // A sentence glued to the next one: "difference.A week" -> "difference" "." "A week".
  if (b < e) {
    std::string_view w = text.substr(b, e - b);
    size_t dot = w.find('.');
    if (dot != std::string_view::npos && dot >= 3 && dot + 1 < w.size() && IsUpper(w[dot + 1]) && IsLower(w[dot - 1]) &&
        IsLower(w[dot - 2]) && w.find('.', dot + 1) == std::string_view::npos) {
      Emit(text, b, b + dot, tokens);
      Emit(text, b + dot, b + dot + 1, tokens);
      b += dot + 1;
    }
  }
  Emit(text, b, e, tokens);
  for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) Emit(text, it->first, it->second, tokens);
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& tokens) {
  uint32_t i = begin;
  while (i < end) {
    size_t space = 0;
    if (IsSpaceAt(text, i, space)) {
      i += space;
      continue;
    }
    uint32_t start = i;
    while (i < end && !IsSpaceAt(text, i, space)) i += SequenceLength(text[i]);
    if (i > end) i = end;
    TokenizeChunk(text, start, i, tokens);
  }
}

bool EndsSentence(const std::vector<Token>& tokens, size_t i, std::string_view text) {
  const Token& t = tokens[i];
  std::string_view w = text.substr(t.span.begin, t.span.size());
  bool final_punct = w == "." || w == "!" || w == "?" || w == "\u2026" || w == "...";
  if (!final_punct) {
    // "U.S." at the end of a sentence: a dotted acronym followed by a capitalised
    // function word that starts sentences.
    if (!IsDottedAcronym(w) || i + 1 >= tokens.size()) return false;
    static constexpr std::array<std::string_view, 12> kStarters = {"the", "he", "she", "it",   "they", "we",
                                                                   "but", "in", "on",  "this", "a",    "i"};
    std::string_view next = text.substr(tokens[i + 1].span.begin, tokens[i + 1].span.size());
    if (next.empty() || !IsUpper(next[0])) return false;
    for (std::string_view s : kStarters) {
      if (tokens[i + 1].lower == s) return true;
    }
    return false;
  }
  return true;
}

}  // namespace eventmill::segment
