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

// Whether a hyphen after `first` separates two tokens: not after a prefix that stays
// attached in Universal Dependencies English, nor inside a number range written "2-1".
bool IsHyphenSplit(std::string_view first) {
  static constexpr std::array<std::string_view, 24> kPrefixes = {
      "e",   "non",  "mid", "pre",   "anti", "re", "post",  "co",    "over",  "pro", "multi", "ex",
      "sub", "semi", "neo", "cross", "vice", "un", "socio", "micro", "intra", "mis", "de",    "bi"};
  std::string lower = Lower(first);
  for (std::string_view p : kPrefixes) {
    if (lower == p) return false;
  }
  return true;
}

bool IsEmoticon(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kEmoticons = {":)", ":(", ":-)", ":-(", ";)", ";-)",
                                                                  ":D", ":P", ":-D", ":-P", ":/", "<3"};
  for (std::string_view k : kEmoticons) {
    if (w == k) return true;
  }
  return false;
}

bool IsUrl(std::string_view w) {
  return w.substr(0, 7) == "http://" || w.substr(0, 8) == "https://" || w.substr(0, 4) == "www.";
}

// Splits one piece of a chunk [b, e) into tokens.
void TokenizePiece(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>& tokens) {
  std::string_view chunk = text.substr(b, e - b);
  if (IsUrl(chunk)) {
    uint32_t end = e;
    while (end > b && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ')')) --end;
    Emit(text, b, end, tokens);
    for (uint32_t p = end; p < e; ++p) Emit(text, p, p + 1, tokens);  // the punctuation after it
    return;
  }
  if (IsEmoticon(chunk)) {
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
    } else if (c == '-' || c == '.') {  // "--", "..." stay one token
      uint32_t run = b + 1;
      while (run < e && text[run] == static_cast<char>(c)) ++run;
      if (c == '.' && run - b == 1 && run < e && IsDigit(text[run])) break;  // ".5"
      Emit(text, b, run, tokens);
      b = run;
    } else if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' || c == '<') {
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
    if ((c == '.' || c == '!' || c == '?' || c == '-') && e - b >= 2 &&
        (text[e - 2] == '.' || text[e - 2] == '!' || text[e - 2] == '?' || text[e - 2] == '-') &&
        (c == '-') == (text[e - 2] == '-')) {
      // A run of final punctuation ("...", "!!", "?!") or dashes ("speech--") is one token.
      uint32_t start = e - 1;
      while (start > b && (c == '-' ? text[start - 1] == '-'
                                    : std::string_view(".!?").find(text[start - 1]) != std::string_view::npos)) {
        --start;
      }
      trailing.push_back({start, e});
      e = start;
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
        c == '%' || c == '\'' || c == '*' || c == '>') {
      // "students'" keeps nothing special; the apostrophe becomes a token.
      trailing.push_back({e - 1, e});
      --e;
      continue;
    }
    break;
  }
  // Clitics, split as Universal Dependencies does: possessive 's, n't, 'm, 're, 've, 'll, 'd
  // (straight or curly apostrophe), and the fused forms "cannot", "gonna", "wanna", "gotta".
  if (e > b) {
    std::string_view w = text.substr(b, e - b);
    size_t clitic = 0;
    for (std::string_view c : {"n't", "n\u2019t", "N'T"}) {
      if (w.size() > c.size() && w.substr(w.size() - c.size()) == c) clitic = c.size();
    }
    if (!clitic) {
      for (std::string_view c : {"'s", "'S", "'m", "'re", "'ve", "'ll", "'d", "\u2019s", "\u2019m", "\u2019re",
                                 "\u2019ve", "\u2019ll", "\u2019d"}) {
        if (w.size() > c.size() && w.substr(w.size() - c.size()) == c && IsAsciiAlpha(w[w.size() - c.size() - 1])) {
          clitic = c.size();
        }
      }
    }
    if (!clitic && w.size() >= 2 && w.size() <= 8) {
      std::string lower = Lower(w);
      if (lower == "cannot") clitic = 3;
      if (lower == "gonna" || lower == "wanna" || lower == "gotta" || lower == "outta" || lower == "kinda" ||
          lower == "sorta") {
        clitic = lower == "kinda" || lower == "sorta" ? 1 : 2;
      }
      // Apostrophes dropped in informal text: "dont", "didnt", "im", "ive".
      static constexpr std::array<std::string_view, 16> kNoApostrophe = {
          "dont",    "didnt",   "doesnt",   "cant",   "isnt",  "arent", "wasnt", "werent",
          "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "im",    "ive"};
      for (std::string_view k : kNoApostrophe) {
        if (lower == k) clitic = k.back() == 't' ? 2 : k == "im" ? 1 : 2;
      }
    }
    if (clitic) {
      trailing.push_back({e - static_cast<uint32_t>(clitic), e});
      e -= static_cast<uint32_t>(clitic);
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
  // Hyphenated compounds split at each hyphen ("Russia-backed" -> "Russia" "-" "backed"),
  // except after the prefixes that stay attached ("pre-war", "anti-tank", "e-mail").
  // A slash between letters splits too ("and/or"); dates and fractions ("02/13", "1/2") do not.
  for (size_t mark; b < e && (mark = text.substr(b, e - b).find_first_of("-/")) != std::string_view::npos;) {
    uint32_t h = b + static_cast<uint32_t>(mark);
    if (h == b || h + 1 >= e) break;
    if (text[h] == '-' && !IsHyphenSplit(text.substr(b, h - b))) break;
    // Slashes split words ("and/or") but not abbreviations of single letters ("b/c", "w/o").
    if (text[h] == '/' && (!IsAsciiAlpha(text[h - 1]) || !IsAsciiAlpha(text[h + 1]) || h - b < 2 ||
                           (h + 2 < e && !IsAsciiAlpha(text[h + 2])) || h + 2 == e)) {
      break;
    }
    // Digits joined by hyphens are one token: phone numbers, scores, ranges ("853-3242").
    if (text[h] == '-' && IsDigit(text[h - 1]) && IsDigit(text[h + 1])) break;
    uint32_t run = h + 1;
    while (run < e && text[run] == text[h]) ++run;  // "speech--something"
    if (run >= e) break;
    Emit(text, b, h, tokens);
    Emit(text, h, run, tokens);
    b = run;
  }
  Emit(text, b, e, tokens);
  for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) Emit(text, it->first, it->second, tokens);
}

// Splits one white-space-delimited chunk [b, e) into tokens. Words run together by an
// ellipsis, a comma or two bracketed groups ("past...and", "Baltimore,MD", ")(") are
// separated first; digits keep their
// commas ("1,000"). Iterative, so a chunk of any length costs linear time and no recursion.
void TokenizeChunk(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>& tokens) {
  std::string_view chunk = text.substr(b, e - b);
  if (!IsUrl(chunk) && !IsEmoticon(chunk)) {
    uint32_t piece = b;
    for (uint32_t i = b + 1; i + 1 < e; ++i) {
      bool ellipsis = text[i] == '.' && text[i + 1] == '.' && IsAsciiAlpha(text[i - 1]);
      bool comma = text[i] == ',' && IsAsciiAlpha(text[i - 1]) && IsAsciiAlpha(text[i + 1]);
      if (text[i] == ')' && text[i + 1] == '(') {  // "file.pdf)(See": two bracketed groups
        TokenizePiece(text, piece, i + 1, tokens);
        piece = i + 1;
        continue;
      }
      if (!ellipsis && !comma) continue;
      uint32_t end = i + 1;
      while (ellipsis && end < e && text[end] == '.') ++end;
      if (end >= e) break;
      TokenizePiece(text, piece, i, tokens);
      Emit(text, i, end, tokens);
      piece = end;
      i = end - 1;
    }
    b = piece;
  }
  TokenizePiece(text, b, e, tokens);
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
  bool final_punct = w == "\u2026" || (!w.empty() && w.find_first_not_of(".!?") == std::string_view::npos);
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
  // An ellipsis followed by a lower-case word trails off inside the sentence: "no pictures
  // yet... but soon". (After a period, informal text often starts sentences in lower case.)
  bool ellipsis = w == "\u2026" || w.find("..") != std::string_view::npos;
  if (ellipsis && i + 1 < tokens.size()) {
    std::string_view next = text.substr(tokens[i + 1].span.begin, tokens[i + 1].span.size());
    if (!next.empty() && IsLower(next[0])) return false;
  }
  return true;
}

}  // namespace eventmill::segment
