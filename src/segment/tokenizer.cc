#include "src/segment/tokenizer.h"

#include <array>
#include <iterator>
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

// Currency symbols written before the amount, split off it as Universal Dependencies does
// with "$": dollar, pound, euro, yen, rupee, rouble, hryvnia. The length of the one at
// text[i], or 0.
size_t CurrencyAt(std::string_view text, size_t i) {
  if (text[i] == '$') return 1;
  for (std::string_view symbol : {"\u00A3", "\u20AC", "\u00A5", "\u20B9", "\u20BD", "\u20B4"}) {
    if (text.substr(i, symbol.size()) == symbol) return symbol.size();
  }
  return 0;
}

TokenKind KindOf(std::string_view w) {
  unsigned char c = w[0];
  if (c >= 0x80 && CurrencyAt(w, 0) == w.size()) return TokenKind::kSymbol;
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
  static constexpr std::array<std::string_view, 17> kEmoticons = {
      ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":P", ":-D", ":-P", ":/", "<3", "(:", "=)", ";D", "^^", ":'("};
  for (std::string_view k : kEmoticons) {
    if (w == k) return true;
  }
  return false;
}

bool IsUrl(std::string_view w) {
  return w.substr(0, 7) == "http://" || w.substr(0, 8) == "https://" || w.substr(0, 4) == "www.";
}

// An e-mail address ("jane.doe@example.com", "j...@example.org", "Team@EXAMPLE"): one token.
bool IsEmail(std::string_view w) {
  size_t at = w.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < w.size() && w.find('@', at + 1) == std::string_view::npos &&
         (IsAsciiAlpha(w[at - 1]) || IsDigit(w[at - 1]) || w[at - 1] == '.') &&
         (IsAsciiAlpha(w[at + 1]) || IsDigit(w[at + 1]));
}

// Four digits that read as a year ("1969"), for telling "1969-1970" (a range, split) from
// "853-3242" (a telephone number, one token).
bool IsYear(std::string_view digits) {
  return digits.size() == 4 && (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20");
}

// Digits joined by a hyphen stay one token when they look like a telephone, postal or
// account number ("853-3242", "77388-5746", "713-853-5025"); ranges and scores split as
// Universal Dependencies does ("1969-1970", "13-17", "2-1").
bool KeepsDigitHyphen(std::string_view text, uint32_t b, uint32_t e, uint32_t h) {
  uint32_t l = h;
  while (l > b && IsDigit(text[l - 1])) --l;
  uint32_t r = h + 1;
  while (r < e && IsDigit(text[r])) ++r;
  std::string_view left = text.substr(l, h - l), right = text.substr(h + 1, r - h - 1);
  if (r < e && text[r] == '-') return true;  // three groups or more
  if (l > b && text[l - 1] == '-') return true;
  if (IsYear(left) && IsYear(right)) return false;
  return left.size() >= 3 && right.size() == 4;
}

// The digits-then-letters boundary of a number glued to its unit ("5pm", "1,350kg", "33K"),
// which Universal Dependencies splits; 0 when the piece is not such a number. Ordinals and
// decades ("21st", "1970s") and codes ending in one lower-case letter ("3801a") stay whole.
size_t UnitSplit(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && (IsDigit(w[i]) || ((w[i] == ',' || w[i] == '.' || w[i] == ':') && i > 0 && i + 1 < w.size() &&
                                            IsDigit(w[i + 1])))) {
    ++i;
  }
  if (i == 0 || i == w.size() || !IsDigit(w[i - 1])) return 0;
  for (size_t k = i; k < w.size(); ++k) {
    if (!IsAsciiAlpha(w[k])) return 0;
  }
  std::string unit = Lower(w.substr(i));
  if (unit == "s" || unit == "st" || unit == "nd" || unit == "rd" || unit == "th") return 0;
  if (unit.size() == 1 && !IsUpper(w[i])) return 0;
  return i;
}

// Splits one piece of a chunk [b, e) into tokens.
void TokenizePiece(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>& tokens) {
  std::string_view chunk = text.substr(b, e - b);
  if (IsUrl(chunk)) {
    uint32_t end = e;
    while (end > b && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ')' || text[end - 1] == '>' ||
                       text[end - 1] == '"' || text[end - 1] == ']')) {
      --end;
    }
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
    auto alnum = [&](uint32_t k) { return k < e && (IsAsciiAlpha(text[k]) || IsDigit(text[k])); };
    if (u) {
      Emit(text, b, b + u, tokens);
      b += u;
    } else if (c == '\'' && b + 2 < e && IsDigit(text[b + 1]) && IsDigit(text[b + 2]) &&
               (!alnum(b + 3) || (text[b + 3] == 's' && !alnum(b + 4)))) {
      break;  // a decade or year written with an apostrophe: "'67", "'90s"
    } else if (c == '-' || c == '.' || c == '*' || c == '=' || c == '_' || c == '~') {  // "--", "...", "***": one token
      uint32_t run = b + 1;
      while (run < e && text[run] == static_cast<char>(c)) ++run;
      if (c == '.' && run - b == 1 && run < e && IsDigit(text[run])) break;  // ".5"
      Emit(text, b, run, tokens);
      b = run;
    } else if ((c == '<' || c == '>') && b + 1 < e && text[b + 1] == static_cast<char>(c)) {  // "<<" quoting marks
      uint32_t run = b + 1;
      while (run < e && text[run] == static_cast<char>(c)) ++run;
      Emit(text, b, run, tokens);
      b = run;
    } else if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '<' || c == ',' || c == ';') {
      Emit(text, b, b + 1, tokens);
      ++b;
    } else if (size_t currency = CurrencyAt(text, b); currency && b + currency < e) {
      Emit(text, b, b + static_cast<uint32_t>(currency), tokens);
      b += static_cast<uint32_t>(currency);
    } else if (c == '#' && b + 1 < e && IsDigit(text[b + 1])) {  // "#1": the sign and the number
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
    if ((c == '*' || c == '=' || c == '~' || c == '_') && e - b >= 2) {  // "Footer***": a run is one token
      uint32_t start = e - 1;
      while (start > b && text[start - 1] == static_cast<char>(c)) --start;
      if (start == b) break;
      trailing.push_back({start, e});
      e = start;
      continue;
    }
    if (c == '-' && e - b >= 3 && IsAsciiAlpha(text[e - 2]) && IsAsciiAlpha(text[e - 3])) {
      // A dash written against the word before it: "awesome- better".
      trailing.push_back({e - 1, e});
      --e;
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
      // An abbreviation's period followed by the full stop: "Inc.." is "Inc." and ".".
      if (c == '.' && e - start == 2 && start > b) {
        std::string_view word = text.substr(b, start + 1 - b);
        if (word.size() <= 12 && (IsDottedAcronym(word) || IsAbbreviation(Lower(word.substr(0, word.size() - 1))))) {
          trailing.push_back({e - 1, e});
          e -= 1;
          break;
        }
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
      // "etc." before a capitalised word ends the sentence: its period is the full stop,
      // a token of its own as in Universal Dependencies.
      if (keep && Lower(word) == "etc.") {
        size_t next = e;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
        if (next == e || next >= text.size() || !IsUpper(text[next])) break;
        keep = false;
      }
      if (keep) break;
      trailing.push_back({e - 1, e});
      --e;
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' || c == ']' || c == '}' ||
        c == '%' || c == '\'' || c == '*' || c == '>' || (c == '+' && e - b >= 2 && IsDigit(text[e - 2]))) {
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
      if (lower == "alot") clitic = 3;  // "a lot
      if (lower == "gonna" || lower == "wanna" || lower == "gotta" || lower == "outta" || lower == "kinda" ||
          lower == "sorta") {
        clitic = lower == "kinda" || lower == "sorta" ? 1 : 2;
      }
      // Apostrophes dropped in informal text: "dont", "didnt", "im", "ive".
      static constexpr std::array<std::string_view, 23> kNoApostrophe = {
          "dont",    "didnt",   "doesnt",   "cant",   "isnt",  "arent", "wasnt", "werent",
          "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "wont",  "aint",
          "im",      "ive",     "youre",    "theyre", "youve", "weve",  "theyve"};
      for (std::string_view k : kNoApostrophe) {
        if (lower == k) clitic = k.back() == 't' ? 2 : k == "im" ? 1 : 2;
      }
    }
    if (clitic) {
      trailing.push_back({e - static_cast<uint32_t>(clitic), e});
      e -= static_cast<uint32_t>(clitic);
    }
  }
  if (b < e && IsEmail(text.substr(b, e - b))) {
    Emit(text, b, e, tokens);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) Emit(text, it->first, it->second, tokens);
    return;
  }
  if (b < e) {
    if (size_t unit = UnitSplit(text.substr(b, e - b))) {
      Emit(text, b, b + static_cast<uint32_t>(unit), tokens);
      b += static_cast<uint32_t>(unit);
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
    if (text[h] == '-' && IsDigit(text[h - 1]) && IsDigit(text[h + 1]) && KeepsDigitHyphen(text, b, e, h)) break;
    // A date written "01-Feb-02" is one token.
    if (text[h] == '-' && IsDigit(text[h - 1]) && h + 5 < e && IsAsciiAlpha(text[h + 1]) && IsAsciiAlpha(text[h + 2]) &&
        IsAsciiAlpha(text[h + 3]) && text[h + 4] == '-' && IsDigit(text[h + 5])) {
      break;
    }
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
  const bool has_url = chunk.find("://") != std::string_view::npos || chunk.find("www.") != std::string_view::npos;
  if (!has_url && !IsEmoticon(chunk)) {
    uint32_t piece = b;
    for (uint32_t i = b + 1; i + 1 < e; ++i) {
      // A straight double quote is never part of a word: '"Ryan"<ryan@example.com>'.
      if (text[i] == '"') {
        TokenizePiece(text, piece, i, tokens);
        Emit(text, i, i + 1, tokens);
        piece = i + 1;
        continue;
      }
      // A dash set against both words (an em or en dash in "warming\u201490 degrees"): a token.
      if (static_cast<unsigned char>(text[i]) == 0xE2 && i + 2 < e &&
          (text.substr(i, 3) == "\u2014" || text.substr(i, 3) == "\u2013") && i + 3 < e) {
        TokenizePiece(text, piece, i, tokens);
        Emit(text, i, i + 3, tokens);
        piece = i + 3;
        i += 2;
        continue;
      }
      // Brackets and semicolons inside a chunk are tokens of their own ("Fax(281)528-8636",
      // "7106;Fax"), and so are "?" and "!" between letters ("Dimitri?from").
      const char c = text[i];
      if ((c == '(' || c == ')' || c == '[' || c == ']' || c == ';' ||
           ((c == '?' || c == '!') && IsAsciiAlpha(text[i - 1]) && IsAsciiAlpha(text[i + 1]))) &&
          !(c == ')' && text[i + 1] == '(')) {
        if (IsEmoticon(text.substr(i - 1, 2)) || IsEmoticon(text.substr(i - 1, 3))) continue;
        TokenizePiece(text, piece, i, tokens);
        Emit(text, i, i + 1, tokens);
        piece = i + 1;
        continue;
      }
      bool ellipsis = text[i] == '.' && text[i + 1] == '.' && IsAsciiAlpha(text[i - 1]);
      if (ellipsis) {  // an address shortened by a mail archive: "jsmith...@example.com"
        uint32_t after = i;
        while (after < e && text[after] == '.') ++after;
        if (after < e && text[after] == '@') ellipsis = false;
      }
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

// "its", "thats", "lets" written for "it's", "that's", "let's": the "s" becomes a token of
// its own, as Universal Dependencies splits it, when the word cannot be read otherwise
// ("thats", "whats", "theres") or the next word rules out the other reading ("its a",
// "its not", "lets go"; but "its army", "he lets them").
bool IsApostropheLessS(std::string_view lower, std::string_view next_lower) {
  if (lower == "thats" || lower == "whats" || lower == "theres" || lower == "heres") return true;
  if (lower == "its") {
    static constexpr std::array<std::string_view, 30> kAfterItIs = {
        "a",     "an",   "not",   "so",   "very",  "just",    "really", "all",    "been",     "going",
        "gonna", "too",  "also",  "kind", "still", "always",  "never",  "like",   "probably", "actually",
        "ok",    "okay", "about", "hard", "easy",  "because", "time",   "pretty", "more",     "getting"};
    for (std::string_view k : kAfterItIs) {
      if (next_lower == k) return true;
    }
    return false;
  }
  if (lower == "lets") {
    static constexpr std::array<std::string_view, 14> kAfterLetUs = {
        "go", "get", "see", "do", "be", "have", "make", "say", "take", "try", "talk", "hope", "meet", "not"};
    for (std::string_view k : kAfterLetUs) {
      if (next_lower == k) return true;
    }
  }
  return false;
}

void SplitApostropheLessS(std::string_view text, size_t first, std::vector<Token>& tokens) {
  auto splits = [&](size_t i) {
    const Token& t = tokens[i];
    if (t.span.size() < 3 || t.span.size() > 6 || t.lower.back() != 's') return false;
    return IsApostropheLessS(t.lower, i + 1 < tokens.size() ? std::string_view(tokens[i + 1].lower) : "");
  };
  size_t i = first;
  while (i < tokens.size() && !splits(i)) ++i;
  if (i == tokens.size()) return;
  // Rebuilt in one pass, so a line full of them still costs linear time.
  std::vector<Token> out(std::make_move_iterator(tokens.begin() + static_cast<long>(first)),
                         std::make_move_iterator(tokens.begin() + static_cast<long>(i)));
  for (; i < tokens.size(); ++i) {
    if (!splits(i)) {
      out.push_back(std::move(tokens[i]));
      continue;
    }
    const uint32_t b = tokens[i].span.begin, e = tokens[i].span.end;
    Emit(text, b, e - 1, out);
    Emit(text, e - 1, e, out);
  }
  tokens.resize(first);
  std::move(out.begin(), out.end(), std::back_inserter(tokens));
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& tokens) {
  const size_t first = tokens.size();
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
  SplitApostropheLessS(text, first, tokens);
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
