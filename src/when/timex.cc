#include "src/when/timex.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <unordered_map>

namespace eventmill::when {

namespace {

// ---------------------------------------------------------------------------------------
// Words

enum class WordKind {
  kMonth,      // value 1..12
  kWeekday,    // value 1..7
  kNumber,     // value: the number ("four", "twelve", "a" is handled apart)
  kOrdinal,    // value: the ordinal ("third" 3, "final" 4 for quarters)
  kUnit,       // value: TimeUnit; singular
  kUnitPlural  // value: TimeUnit
};

struct WordInfo {
  WordKind kind;
  int value;
};

const std::unordered_map<std::string_view, WordInfo>& Words() {
  static const auto* words = [] {
    auto* w = new std::unordered_map<std::string_view, WordInfo>;
    const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                            "july",    "august",   "september", "october", "november", "december"};
    for (int m = 0; m < 12; ++m) (*w)[months[m]] = {WordKind::kMonth, m + 1};
    const std::pair<const char*, int> month_abbreviations[] = {
        {"jan.", 1},  {"jan", 1},  {"feb.", 2},  {"feb", 2},  {"mar.", 3},  {"apr.", 4},  {"apr", 4},
        {"jun.", 6},  {"jul.", 7}, {"aug.", 8},  {"aug", 8},  {"sep.", 9},  {"sept.", 9}, {"sept", 9},
        {"oct.", 10}, {"oct", 10}, {"nov.", 11}, {"nov", 11}, {"dec.", 12}, {"dec", 12}};
    for (auto [word, m] : month_abbreviations) (*w)[word] = {WordKind::kMonth, m};
    const char* weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; ++d) (*w)[weekdays[d]] = {WordKind::kWeekday, d + 1};
    const char* numbers[] = {"zero",     "one",     "two",     "three",     "four",     "five",     "six",
                             "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
                             "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (int n = 0; n <= 20; ++n) (*w)[numbers[n]] = {WordKind::kNumber, n};
    const std::pair<const char*, int> tens[] = {{"thirty", 30}, {"forty", 40},    {"fifty", 50},
                                                {"sixty", 60},  {"seventy", 70},  {"eighty", 80},
                                                {"ninety", 90}, {"hundred", 100}, {"single", 1}};
    for (auto [word, n] : tens) (*w)[word] = {WordKind::kNumber, n};
    const char* ordinals[] = {"",           "first",      "second",     "third",     "fourth",    "fifth",
                              "sixth",      "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",
                              "twelfth",    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                              "eighteenth", "nineteenth", "twentieth"};
    for (int n = 1; n <= 20; ++n) (*w)[ordinals[n]] = {WordKind::kOrdinal, n};
    (*w)["thirtieth"] = {WordKind::kOrdinal, 30};
    const std::pair<const char*, TimeUnit> units[] = {{"second", TimeUnit::kSecond}, {"minute", TimeUnit::kMinute},
                                                      {"hour", TimeUnit::kHour},     {"day", TimeUnit::kDay},
                                                      {"week", TimeUnit::kWeek},     {"weekend", TimeUnit::kWeekend},
                                                      {"month", TimeUnit::kMonth},   {"quarter", TimeUnit::kQuarter},
                                                      {"year", TimeUnit::kYear},     {"decade", TimeUnit::kDecade}};
    for (auto [word, unit] : units) (*w)[word] = {WordKind::kUnit, static_cast<int>(unit)};
    const std::pair<const char*, TimeUnit> plurals[] = {
        {"seconds", TimeUnit::kSecond}, {"minutes", TimeUnit::kMinute},   {"hours", TimeUnit::kHour},
        {"days", TimeUnit::kDay},       {"weeks", TimeUnit::kWeek},       {"weekends", TimeUnit::kWeekend},
        {"months", TimeUnit::kMonth},   {"quarters", TimeUnit::kQuarter}, {"years", TimeUnit::kYear},
        {"decades", TimeUnit::kDecade}};
    for (auto [word, unit] : plurals) (*w)[word] = {WordKind::kUnitPlural, static_cast<int>(unit)};
    return w;
  }();
  return *words;
}

std::optional<WordInfo> Lookup(std::string_view lower) {
  const auto& words = Words();
  auto it = words.find(lower);
  if (it == words.end()) return std::nullopt;
  return it->second;
}

const char* SeasonCode(std::string_view w) {
  if (w == "spring") return "SP";
  if (w == "summer") return "SU";
  if (w == "autumn" || w == "fall") return "FA";
  if (w == "winter") return "WI";
  return nullptr;
}

const char* PartOfDayCode(std::string_view w) {
  if (w == "morning") return "MO";
  if (w == "afternoon") return "AF";
  if (w == "evening") return "EV";
  if (w == "night") return "NI";
  return nullptr;
}

bool ParseUnsigned(std::string_view s, int& out) {
  if (s.empty() || s.size() > 6) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// "1st", "22nd", "3rd", "26th" → the number.
bool ParseOrdinalDigits(std::string_view s, int& out) {
  if (s.size() < 3) return false;
  std::string_view suffix = s.substr(s.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  return ParseUnsigned(s.substr(0, s.size() - 2), out);
}

// ---------------------------------------------------------------------------------------
// A cursor over one sentence's tokens.

class SentenceWords {
 public:
  SentenceWords(const Document& doc, const Sentence& sentence)
      : doc_(doc), begin_(sentence.token_begin), end_(sentence.token_end) {}

  bool In(uint32_t i) const { return i >= begin_ && i < end_; }
  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  std::string_view Lower(uint32_t i) const { return In(i) ? std::string_view(doc_.tokens[i].lower) : ""; }
  std::string_view Text(uint32_t i) const { return In(i) ? doc_.Slice(doc_.tokens[i].span) : ""; }
  std::string_view Upos(uint32_t i) const { return In(i) ? std::string_view(doc_.tokens[i].upos) : ""; }
  std::string_view Xpos(uint32_t i) const { return In(i) ? std::string_view(doc_.tokens[i].xpos) : ""; }
  bool Is(uint32_t i, std::string_view lower) const { return In(i) && doc_.tokens[i].lower == lower; }
  bool Capitalized(uint32_t i) const {
    std::string_view t = Text(i);
    return !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
  }
  // No white space between tokens i and i + 1 ("12-year" split as 12 | - | year).
  bool Joined(uint32_t i) const {
    return In(i) && In(i + 1) && doc_.tokens[i].span.end == doc_.tokens[i + 1].span.begin;
  }
  std::optional<WordInfo> Word(uint32_t i) const {
    if (!In(i)) return std::nullopt;
    return Lookup(doc_.tokens[i].lower);
  }
  bool IsKind(uint32_t i, WordKind kind) const {
    auto w = Word(i);
    return w && w->kind == kind;
  }
  int Number(uint32_t i) const {  // digits only, else -1
    int n;
    return In(i) && ParseUnsigned(doc_.tokens[i].lower, n) ? n : -1;
  }

 private:
  const Document& doc_;
  uint32_t begin_;
  uint32_t end_;
};

// A month name, where it is one: capitalised, and "May"/"March" (and abbreviations) only
// where a number follows or the tagger reads a proper noun.
std::optional<int> MonthAt(const SentenceWords& w, uint32_t i) {
  auto word = w.Word(i);
  if (!word || word->kind != WordKind::kMonth || !w.Capitalized(i)) return std::nullopt;
  std::string_view lower = w.Lower(i);
  const bool risky = lower == "may" || lower == "march" || lower.size() <= 4;
  if (risky && w.Upos(i) != "PROPN" && w.Number(i + 1) < 0) return std::nullopt;
  if (lower == "may" && w.Upos(i) == "AUX") return std::nullopt;
  return word->value;
}

std::optional<int> WeekdayAt(const SentenceWords& w, uint32_t i) {
  auto word = w.Word(i);
  if (!word || word->kind != WordKind::kWeekday || !w.Capitalized(i)) return std::nullopt;
  return word->value;
}

// A day of the month: "26", "1st", "01".
std::optional<int> DayOfMonthAt(const SentenceWords& w, uint32_t i) {
  int n = w.Number(i);
  if (n < 0 && !ParseOrdinalDigits(w.Lower(i), n)) return std::nullopt;
  if (n < 1 || n > 31 || w.Lower(i).size() > 4) return std::nullopt;
  return n;
}

// A year written in full, 1800..2099, not a count ("2000 soldiers") or an amount.
std::optional<int> YearAt(const SentenceWords& w, uint32_t i) {
  std::string_view lower = w.Lower(i);
  if (lower.size() != 4) return std::nullopt;
  int n = w.Number(i);
  if (n < 1800 || n > 2099) return std::nullopt;
  std::string_view before = w.Lower(i - 1);
  if (before == "$" || before == "no." || before == "number" || before == "#") return std::nullopt;
  std::string_view after = w.Lower(i + 1);
  if (after == "%" || after == "percent" || after == "per" || after == "euros" || after == "dollars")
    return std::nullopt;
  // "2000 troops": a plural noun right after the number counts it, unless a preposition or
  // an article before it makes the number a modifier ("the 2008 elections", "in 2008 polls").
  if (w.Xpos(i + 1) == "NNS" && !w.Joined(i)) {
    std::string_view up = w.Upos(i - 1);
    if (up != "ADP" && up != "DET" && before != "'s") return std::nullopt;
  }
  return n;
}

// An amount: digits ("12", "2.5"), number words ("twelve", "twenty-five", "two and a half"),
// "a"/"an", "a couple of"; -1 for "several", "a few", "many" (value X). Returns the tokens
// used, 0 when there is no amount.
uint32_t AmountAt(const SentenceWords& w, uint32_t i, double& amount, bool allow_article) {
  std::string_view lower = w.Lower(i);
  if (lower.empty()) return 0;
  if (lower == "several" || lower == "many" || lower == "few" || lower == "some") {
    amount = -1;
    return 1;
  }
  if (lower == "a" && w.Is(i + 1, "few")) {
    amount = -1;
    return 2;
  }
  if (lower == "a" && w.Is(i + 1, "couple") && w.Is(i + 2, "of")) {
    amount = 2;
    return 3;
  }
  if ((lower == "a" || lower == "an") && allow_article) {
    amount = 1;
    return 1;
  }
  if (lower == "half" && (w.Is(i + 1, "a") || w.Is(i + 1, "an"))) {
    amount = 0.5;
    return 2;
  }
  uint32_t used = 0;
  double value = 0;
  int digits = w.Number(i);
  if (digits >= 0 && lower.size() <= 4) {
    value = digits;
    used = 1;
  } else if (lower.find('.') != std::string_view::npos) {
    int whole = 0, frac = 0;
    auto dot = lower.find('.');
    if (!ParseUnsigned(lower.substr(0, dot), whole) || !ParseUnsigned(lower.substr(dot + 1), frac) ||
        lower.size() - dot - 1 != 1)
      return 0;
    value = whole + frac / 10.0;
    used = 1;
  } else if (auto word = w.Word(i); word && word->kind == WordKind::kNumber) {
    value = word->value;
    used = 1;
    // "twenty-five": tens, a hyphen, units.
    if (value >= 20 && w.Joined(i) && w.Is(i + 1, "-") && w.Joined(i + 1)) {
      if (auto unit = w.Word(i + 2); unit && unit->kind == WordKind::kNumber && unit->value < 10) {
        value += unit->value;
        used = 3;
      }
    }
  } else {
    return 0;
  }
  // "two and a half"
  if (w.Is(i + used, "and") && w.Is(i + used + 1, "a") && w.Is(i + used + 2, "half")) {
    value += 0.5;
    used += 3;
  }
  amount = value;
  return used;
}

std::string FormatAmount(double amount) {
  if (amount < 0) return "X";
  char buffer[32];
  if (amount == static_cast<int>(amount)) {
    std::snprintf(buffer, sizeof buffer, "%d", static_cast<int>(amount));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", amount);
  }
  return buffer;
}

// "P3D", "PT30M", "P2Q", "P10Y" (a decade), "PXY".
std::string DurationValue(double amount, TimeUnit unit) {
  const bool time = unit == TimeUnit::kSecond || unit == TimeUnit::kMinute || unit == TimeUnit::kHour;
  if (unit == TimeUnit::kDecade) {
    return "P" + (amount < 0 ? std::string("X") : FormatAmount(amount * 10)) + "Y";
  }
  if (unit == TimeUnit::kQuarter) return "P" + FormatAmount(amount) + "Q";
  const char* letter = "D";
  switch (unit) {
    case TimeUnit::kSecond:
      letter = "S";
      break;
    case TimeUnit::kMinute:
      letter = "M";
      break;
    case TimeUnit::kHour:
      letter = "H";
      break;
    case TimeUnit::kWeek:
    case TimeUnit::kWeekend:
      letter = "W";
      break;
    case TimeUnit::kMonth:
      letter = "M";
      break;
    case TimeUnit::kYear:
      letter = "Y";
      break;
    default:
      break;
  }
  return std::string("P") + (time ? "T" : "") + FormatAmount(amount) + letter;
}

// A unit word at i, singular or plural; "-" joined forms ("12-year") are handled by callers.
std::optional<std::pair<TimeUnit, bool>> UnitAt(const SentenceWords& w, uint32_t i) {
  auto word = w.Word(i);
  if (!word || (word->kind != WordKind::kUnit && word->kind != WordKind::kUnitPlural)) return std::nullopt;
  return std::pair{static_cast<TimeUnit>(word->value), word->kind == WordKind::kUnitPlural};
}

// Words between an amount and its unit that do not change it: "six straight days".
bool UnitModifier(std::string_view w) {
  return w == "straight" || w == "consecutive" || w == "successive" || w == "trading" || w == "business" ||
         w == "working" || w == "calendar" || w == "full" || w == "whole" || w == "more" || w == "additional" ||
         w == "long" || w == "short";
}

// Words before an amount that belong to the expression: "nearly five months".
uint32_t ApproximationAt(const SentenceWords& w, uint32_t i) {
  std::string_view lower = w.Lower(i);
  if (lower == "nearly" || lower == "almost" || lower == "about" || lower == "around" || lower == "roughly" ||
      lower == "approximately" || lower == "some" || lower == "over" || lower == "barely" || lower == "just")
    return 1;
  if ((lower == "more" || lower == "less" || lower == "fewer") && w.Is(i + 1, "than")) return 2;
  if ((lower == "at") && (w.Is(i + 1, "least") || w.Is(i + 1, "most"))) return 2;
  if (lower == "up" && w.Is(i + 1, "to")) return 2;
  return 0;
}

// ---------------------------------------------------------------------------------------
// Matchers. Each looks for an expression starting at token i and returns its length in
// tokens (0 for none), filling `spec`.

// A clock time: "18:00", "6:40 p.m.", "0800 GMT", "9 am", "noon", with a zone and a day
// after it ("16:00 UTC today", "12:00 UTC Monday").
uint32_t MatchClock(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view lower = w.Lower(i);
  int hour = -1, minute = 0;
  uint32_t n = 0;
  auto colon = lower.find(':');
  auto is_meridiem = [&](uint32_t k) {
    std::string_view m = w.Lower(k);
    return m == "am" || m == "pm" || m == "a.m." || m == "p.m." || m == "a.m" || m == "p.m";
  };
  auto is_zone = [&](uint32_t k) {
    std::string_view z = w.Lower(k);
    return z == "utc" || z == "gmt" || z == "z";
  };
  if (colon != std::string_view::npos && colon >= 1 && colon <= 2 && lower.size() == colon + 3) {
    if (!ParseUnsigned(lower.substr(0, colon), hour) || !ParseUnsigned(lower.substr(colon + 1), minute)) return 0;
    n = 1;
  } else if (lower.size() == 4 && w.Number(i) >= 0 && is_zone(i + 1)) {
    hour = w.Number(i) / 100;
    minute = w.Number(i) % 100;
    n = 1;
  } else if (w.Number(i) >= 1 && w.Number(i) <= 12 && is_meridiem(i + 1)) {
    hour = w.Number(i);
    n = 1;
  } else if (lower == "noon" || lower == "midday") {
    hour = 12;
    n = 1;
  } else if (lower == "midnight") {
    hour = 0;
    n = 1;
  } else {
    return 0;
  }
  if (hour > 23 || minute > 59) return 0;
  if (is_meridiem(i + n)) {
    if (w.Lower(i + n)[0] == 'p' && hour < 12) hour += 12;
    if (w.Lower(i + n)[0] == 'a' && hour == 12) hour = 0;
    ++n;
  } else if (w.Is(i + n, "o'clock")) {
    ++n;
  }
  if (is_zone(i + n)) {
    spec.utc = true;
    ++n;
  } else if (w.Is(i + n, "local") && w.Is(i + n + 1, "time")) {
    n += 2;
  }
  spec.type = TimexType::kTime;
  spec.hour = hour;
  spec.minute = minute;
  // A clock time alone is on the last day the text named ("on Tuesday ... at 18:00 UTC").
  spec.anchor = TimeSpec::Anchor::kDiscourse;
  spec.granularity = TimeUnit::kDay;
  std::string_view day = w.Lower(i + n);
  if (auto weekday = WeekdayAt(w, i + n)) {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.weekday = *weekday;
    ++n;
  } else if (day == "today" || day == "tonight") {
    spec.anchor = TimeSpec::Anchor::kDocument;
    ++n;
  } else if (day == "yesterday" || day == "tomorrow") {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.shift_unit = TimeUnit::kDay;
    spec.shift = day == "yesterday" ? -1 : 1;
    ++n;
  }
  return n;
}

// "26 March", "March 26", "March 26, 2021", "the 26th of March", "Thursday, April 1",
// "March 15 last year". Fills month/day/year.
uint32_t MatchMonthDay(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t n = 0;
  int month = 0, day = 0;
  if (auto m = MonthAt(w, i)) {
    if (auto d = DayOfMonthAt(w, i + 1)) {
      month = *m;
      day = *d;
      n = 2;
    }
  } else {
    uint32_t k = i;
    if (w.Is(k, "the")) ++k;
    if (auto d = DayOfMonthAt(w, k)) {
      uint32_t after = k + 1;
      if (w.Is(after, "of")) ++after;
      if (auto named = MonthAt(w, after)) {
        month = *named;
        day = *d;
        n = after + 1 - i;
      }
    }
  }
  if (!n) return 0;
  // A year may follow after a comma: "March 26, 2021"; "March 26, 80 people" has none.
  uint32_t k = i + n;
  if (w.Is(k, ",") && YearAt(w, k + 1)) {
    spec.year = *YearAt(w, k + 1);
    n += 2;
  } else if (auto y = YearAt(w, k)) {
    spec.year = *y;
    n += 1;
  } else if ((w.Is(k, "last") || w.Is(k, "next") || w.Is(k, "this")) && w.Is(k + 1, "year")) {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.shift_unit = TimeUnit::kYear;
    spec.shift = w.Is(k, "last") ? -1 : w.Is(k, "next") ? 1 : 0;
    spec.direction = spec.shift;
    n += 2;
  }
  if (!CivilDate::IsValid(spec.year ? spec.year : 2000, month, day)) return 0;
  spec.month = month;
  spec.day = day;
  spec.granularity = TimeUnit::kDay;
  if (!spec.year && spec.anchor == TimeSpec::Anchor::kNone) spec.anchor = TimeSpec::Anchor::kDocument;
  return n;
}

// "2021-03-31", "7/8/07" (month first, as English news writes it), "31.03.2021" (day first).
uint32_t MatchNumericDate(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view s = w.Lower(i);
  int a = 0, b = 0, c = 0;
  auto split3 = [&](char sep) -> bool {
    auto p1 = s.find(sep);
    if (p1 == std::string_view::npos) return false;
    auto p2 = s.find(sep, p1 + 1);
    if (p2 == std::string_view::npos || s.find(sep, p2 + 1) != std::string_view::npos) return false;
    return ParseUnsigned(s.substr(0, p1), a) && ParseUnsigned(s.substr(p1 + 1, p2 - p1 - 1), b) &&
           ParseUnsigned(s.substr(p2 + 1), c) && p1 >= 1 && p2 - p1 >= 2;
  };
  int year = 0, month = 0, day = 0;
  if (s.size() == 10 && split3('-') && s[4] == '-') {
    year = a, month = b, day = c;
  } else if (split3('/')) {
    month = a, day = b, year = c;
  } else if (split3('.') && s.size() >= 8) {
    day = a, month = b, year = c;
  } else {
    return 0;
  }
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (!CivilDate::IsValid(year, month, day) || year < 1800 || year > 2099) return 0;
  spec.year = year, spec.month = month, spec.day = day;
  spec.granularity = TimeUnit::kDay;
  return 1;
}

// Words before a month, season or year that narrow it without changing its value:
// "early", "late", "mid", "the end of", "the beginning of".
uint32_t PeriodModifierAt(const SentenceWords& w, uint32_t i) {
  std::string_view l = w.Lower(i);
  if (l == "early" || l == "late" || l == "mid" || l == "mid-") {
    return w.Is(i + 1, "-") ? 2 : 1;
  }
  if (l == "the" &&
      (w.Is(i + 1, "end") || w.Is(i + 1, "beginning") || w.Is(i + 1, "start") || w.Is(i + 1, "middle") ||
       w.Is(i + 1, "turn")) &&
      w.Is(i + 2, "of"))
    return 3;
  return 0;
}

// A month with or without a year: "June", "November 2008", "March of 2021", "last September",
// "mid-June".
uint32_t MatchMonth(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t n = 0;
  int direction = 0;
  if (w.Is(i, "last") || w.Is(i, "next") || w.Is(i, "this")) {
    direction = w.Is(i, "last") ? -1 : w.Is(i, "next") ? 1 : 0;
    n = 1;
  }
  std::optional<int> month = MonthAt(w, i + n);
  std::string_view lower = w.Lower(i + n);
  if (!month && lower.substr(0, 4) == "mid-" && w.Capitalized(i + n)) {
    // "mid-June" as one token.
    if (auto word = Lookup(lower.substr(4)); word && word->kind == WordKind::kMonth) month = word->value;
  }
  if (!month) return 0;
  ++n;
  spec.month = *month;
  spec.granularity = TimeUnit::kMonth;
  uint32_t k = i + n;
  if (w.Is(k, "of") && YearAt(w, k + 1)) {
    spec.year = *YearAt(w, k + 1);
    n += 2;
  } else if (w.Is(k, ",") && YearAt(w, k + 1)) {
    spec.year = *YearAt(w, k + 1);
    n += 2;
  } else if (auto y = YearAt(w, k)) {
    spec.year = *y;
    n += 1;
  } else if (w.Is(k, "of") && (w.Is(k + 1, "last") || w.Is(k + 1, "next") || w.Is(k + 1, "this")) &&
             w.Is(k + 2, "year")) {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.shift_unit = TimeUnit::kYear;
    spec.shift = w.Is(k + 1, "last") ? -1 : w.Is(k + 1, "next") ? 1 : 0;
    n += 3;
  } else if ((w.Is(k, "last") || w.Is(k, "next") || w.Is(k, "this")) && w.Is(k + 1, "year")) {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.shift_unit = TimeUnit::kYear;
    spec.shift = w.Is(k, "last") ? -1 : w.Is(k, "next") ? 1 : 0;
    n += 2;
  }
  if (!spec.year && spec.anchor == TimeSpec::Anchor::kNone) {
    spec.anchor = TimeSpec::Anchor::kDocument;
    spec.direction = direction;
  }
  return n;
}

// A year, a decade, a quarter, a half or a season: "2008", "'82", "the 1990s", "mid-2011",
// "the first quarter of 2009", "third-quarter", "the first half of 2009", "spring 2009",
// "the year 2008".
uint32_t MatchYearPeriod(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view lower = w.Lower(i);
  // Decades: "1990s", "the 1990s", "80s", "'80s".
  {
    uint32_t k = i;
    if (w.Is(k, "the")) ++k;
    std::string_view d = w.Lower(k);
    if (!d.empty() && d[0] == '\'') d.remove_prefix(1);
    int n = 0;
    if ((d.size() == 5 || d.size() == 3) && d.back() == 's' && ParseUnsigned(d.substr(0, d.size() - 1), n) &&
        n % 10 == 0) {
      if (d.size() == 5 && n >= 1800 && n <= 2090) {
        spec.decade = n / 10;
      } else if (d.size() == 3) {
        spec.decade = 190 + n / 10;  // "the 80s": the twentieth century's
      } else {
        return 0;
      }
      spec.granularity = TimeUnit::kDecade;
      return k + 1 - i;
    }
  }
  // "'82"
  if (lower.size() == 3 && lower[0] == '\'' && lower[1] >= '0' && lower[1] <= '9' && lower[2] >= '0' &&
      lower[2] <= '9') {
    int n = (lower[1] - '0') * 10 + (lower[2] - '0');
    spec.year = n < 50 ? 2000 + n : 1900 + n;
    spec.granularity = TimeUnit::kYear;
    return 1;
  }
  // "mid-2011"
  if (lower.size() == 8 && lower.substr(0, 4) == "mid-") {
    int n = 0;
    if (ParseUnsigned(lower.substr(4), n) && n >= 1800 && n <= 2099) {
      spec.year = n;
      spec.granularity = TimeUnit::kYear;
      return 1;
    }
  }
  // "the first quarter of 2009", "the third quarter of this year", "the fourth quarter",
  // "third-quarter", "Q3 2009", "the first half of 2009".
  {
    uint32_t k = i;
    if (w.Is(k, "the")) ++k;
    auto ordinal = w.Word(k);
    int which = 0;
    if (ordinal && ordinal->kind == WordKind::kOrdinal && ordinal->value <= 4) which = ordinal->value;
    if (w.Is(k, "final") || w.Is(k, "last")) which = -1;
    uint32_t unit = k + 1;
    if (which && w.Is(unit, "-") && w.Joined(k)) ++unit;
    const bool quarter = w.Is(unit, "quarter");
    const bool half = w.Is(unit, "half") && w.Is(unit + 1, "of");
    if (which && (quarter || half)) {
      uint32_t n = unit + 1 - i;
      if (half) {
        if (which > 2) return 0;
        spec.half = which < 0 ? 2 : which;
      } else {
        spec.quarter = which < 0 ? 4 : which;
      }
      uint32_t after = unit + 1;
      if (w.Is(after, "of") && YearAt(w, after + 1)) {
        spec.year = *YearAt(w, after + 1);
        n += 2;
      } else if (w.Is(after, "of") && (w.Is(after + 1, "this") || w.Is(after + 1, "last") || w.Is(after + 1, "next")) &&
                 w.Is(after + 2, "year")) {
        spec.shift_unit = TimeUnit::kYear;
        spec.shift = w.Is(after + 1, "last") ? -1 : w.Is(after + 1, "next") ? 1 : 0;
        n += 3;
      } else if ((w.Is(after, "last") || w.Is(after, "this") || w.Is(after, "next")) && w.Is(after + 1, "year")) {
        spec.shift_unit = TimeUnit::kYear;
        spec.shift = w.Is(after, "last") ? -1 : w.Is(after, "next") ? 1 : 0;
        n += 2;
      } else if (half) {
        return 0;  // "the first half of the match"
      }
      if (!spec.year) spec.anchor = TimeSpec::Anchor::kDocument;
      spec.granularity = half ? TimeUnit::kYear : TimeUnit::kQuarter;
      return n;
    }
  }
  if (lower.size() == 2 && lower[0] == 'q' && lower[1] >= '1' && lower[1] <= '4' && YearAt(w, i + 1)) {
    spec.quarter = lower[1] - '0';
    spec.year = *YearAt(w, i + 1);
    spec.granularity = TimeUnit::kQuarter;
    return 2;
  }
  // Seasons: "spring 2009", "the summer of 2008", "last winter", "this autumn", "in the fall".
  {
    uint32_t k = i;
    int shift = 0;
    bool relative = false;
    if (w.Is(k, "last") || w.Is(k, "next") || w.Is(k, "this")) {
      shift = w.Is(k, "last") ? -1 : w.Is(k, "next") ? 1 : 0;
      relative = true;
      ++k;
    } else if (w.Is(k, "the")) {
      ++k;
    }
    if (const char* season = SeasonCode(w.Lower(k))) {
      uint32_t n = k + 1 - i;
      uint32_t after = k + 1;
      if (w.Is(after, "of") && YearAt(w, after + 1)) {
        spec.year = *YearAt(w, after + 1);
        n += 2;
      } else if (YearAt(w, after)) {
        spec.year = *YearAt(w, after);
        n += 1;
      } else if (!relative && !(w.Is(i - 1, "in") && w.Is(i, "the")) && !w.Capitalized(k)) {
        return 0;  // "spring" the noun or verb
      } else if (w.Lower(k) == "fall" && !relative && !w.Is(i, "the")) {
        return 0;
      }
      spec.season = season;
      if (!spec.year) {
        spec.anchor = TimeSpec::Anchor::kDocument;
        spec.shift_unit = TimeUnit::kYear;
        spec.shift = shift;
      }
      spec.granularity = TimeUnit::kQuarter;
      return n;
    }
  }
  // "the year 2008", "2008"
  {
    uint32_t k = i;
    if (w.Is(k, "the") && w.Is(k + 1, "year")) k += 2;
    if (auto y = YearAt(w, k)) {
      // Not a clock time or a count: "2008" joined to a word ("2008-09") is left alone.
      spec.year = *y;
      spec.granularity = TimeUnit::kYear;
      return k + 1 - i;
    }
  }
  return 0;
}

// Weekdays, deictic days and relative periods: "Monday", "last Friday", "today",
// "yesterday", "this week", "last month", "next year", "this weekend", "the day before",
// "the same day", "the eve", "earlier this week", "tonight", "last night".
uint32_t MatchRelative(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view l = w.Lower(i);
  spec.anchor = TimeSpec::Anchor::kDocument;
  if (auto weekday = WeekdayAt(w, i)) {
    spec.weekday = *weekday;
    spec.granularity = TimeUnit::kDay;
    uint32_t n = 1;
    // "Thursday, April 1" / "Thursday 1 April": the calendar date wins.
    uint32_t k = w.Is(i + 1, ",") ? i + 2 : i + 1;
    TimeSpec dated;
    if (uint32_t m = MatchMonthDay(w, k, dated)) {
      dated.weekday = *weekday;
      spec = dated;
      return k + m - i;
    }
    return n;
  }
  if (l == "last" || l == "next" || l == "this" || l == "coming" || l == "past" || l == "previous" ||
      l == "following") {
    const int shift = l == "last" || l == "past" || l == "previous" ? -1 : l == "this" ? 0 : 1;
    if (auto weekday = WeekdayAt(w, i + 1)) {
      spec.weekday = *weekday;
      spec.direction = shift;
      spec.granularity = TimeUnit::kDay;
      return 2;
    }
    if (l == "last" || l == "next" || l == "this") {
      if (auto unit = UnitAt(w, i + 1); unit && !unit->second) {
        TimeUnit u = unit->first;
        if (u == TimeUnit::kWeek || u == TimeUnit::kWeekend || u == TimeUnit::kMonth || u == TimeUnit::kYear ||
            u == TimeUnit::kQuarter || u == TimeUnit::kDecade) {
          spec.shift_unit = u == TimeUnit::kWeekend ? TimeUnit::kWeek : u;
          spec.shift = shift;
          spec.granularity = u;
          return 2;
        }
      }
      if (l == "this" && PartOfDayCode(w.Lower(i + 1)) && !w.Is(i + 1, "night")) {
        spec.type = TimexType::kTime;
        spec.part_of_day = PartOfDayCode(w.Lower(i + 1));
        spec.granularity = TimeUnit::kDay;
        return 2;
      }
      if (l == "last" && w.Is(i + 1, "night")) {
        spec.type = TimexType::kTime;
        spec.part_of_day = "NI";
        spec.shift_unit = TimeUnit::kDay;
        spec.shift = -1;
        spec.granularity = TimeUnit::kDay;
        return 2;
      }
    }
    return 0;
  }
  if (l == "today" || l == "tonight" || l == "yesterday" || l == "tomorrow") {
    spec.granularity = TimeUnit::kDay;
    if (l == "yesterday" || l == "tomorrow") {
      spec.shift_unit = TimeUnit::kDay;
      spec.shift = l == "yesterday" ? -1 : 1;
    }
    if (l == "tonight") {
      spec.type = TimexType::kTime;
      spec.part_of_day = "NI";
    }
    return 1;
  }
  // "earlier this week", "later this month", "earlier today"
  if ((l == "earlier" || l == "later") && w.Is(i + 1, "this")) {
    if (auto unit = UnitAt(w, i + 2); unit && !unit->second) {
      TimeUnit u = unit->first;
      if (u == TimeUnit::kWeek || u == TimeUnit::kMonth || u == TimeUnit::kYear) {
        spec.shift_unit = u;
        spec.granularity = u;
        return 3;
      }
    }
    return 0;
  }
  if ((l == "earlier" || l == "later") && w.Is(i + 1, "today")) {
    spec.granularity = TimeUnit::kDay;
    return 2;
  }
  // Days named from the last day the text gave: "the day before", "the previous day",
  // "the next day", "the following day", "the day after", "the same day", "that day",
  // "the eve".
  if (l == "the" || l == "that") {
    spec.anchor = TimeSpec::Anchor::kDiscourse;
    spec.granularity = TimeUnit::kDay;
    spec.shift_unit = TimeUnit::kDay;
    if (l == "the" && w.Is(i + 1, "eve") && !w.Is(i + 2, "of")) {
      spec.shift = -1;
      return 2;
    }
    if (l == "the" && w.Is(i + 1, "day") && (w.Is(i + 2, "before") || w.Is(i + 2, "after")) && !w.Is(i + 3, "the") &&
        w.Upos(i + 3) != "PROPN" && w.Upos(i + 3) != "NOUN" && w.Upos(i + 3) != "DET" && w.Upos(i + 3) != "PRON") {
      if (w.Is(i + 3, "yesterday") || w.Is(i + 3, "tomorrow")) {
        spec.anchor = TimeSpec::Anchor::kDocument;
        spec.shift = w.Is(i + 3, "yesterday") ? -2 : 2;
        return 4;
      }
      spec.shift = w.Is(i + 2, "before") ? -1 : 1;
      return 3;
    }
    if (l == "the" && (w.Is(i + 1, "previous") || w.Is(i + 1, "next") || w.Is(i + 1, "following")) &&
        w.Is(i + 2, "day")) {
      spec.shift = w.Is(i + 1, "previous") ? -1 : 1;
      return 3;
    }
    if (l == "the" && w.Is(i + 1, "same") && w.Is(i + 2, "day")) return 3;
    if (l == "that" && w.Is(i + 1, "day")) return 2;
    // "on the day", "earlier in the day", "closed the day": the day last named; not "the day
    // of the vote", "the day when", "the day before the vote".
    if (l == "the" && w.Is(i + 1, "day") && (w.Upos(i - 1) == "ADP" || w.Upos(i - 1) == "VERB")) {
      std::string_view next = w.Lower(i + 2);
      if (next != "of" && next != "when" && next != "that" && next != "before" && next != "after" && next != "'s" &&
          w.Upos(i + 2) != "NOUN")
        return 2;
    }
    // "at that time", "at the time": the time last named.
    if ((l == "that" || l == "the") && w.Is(i + 1, "time") && w.Is(i - 1, "at") && !w.Is(i + 2, "of") &&
        !w.Is(i + 2, "being")) {
      spec.shift_unit = TimeUnit::kNone;
      return 2;
    }
    // "in the morning", "during the night": a part of the day last named.
    if (l == "the" && (w.Is(i - 1, "in") || w.Is(i - 1, "during")) && PartOfDayCode(w.Lower(i + 1)) &&
        !w.Is(i + 2, "of")) {
      spec.type = TimexType::kTime;
      spec.part_of_day = PartOfDayCode(w.Lower(i + 1));
      spec.shift_unit = TimeUnit::kNone;
      return 2;
    }
    // "the previous year", "the following month", "the year before": from the time last named.
    if (l == "the" && (w.Is(i + 1, "previous") || w.Is(i + 1, "following")) &&
        (w.Is(i + 2, "year") || w.Is(i + 2, "month") || w.Is(i + 2, "week"))) {
      TimeUnit u = UnitAt(w, i + 2)->first;
      spec.shift_unit = u;
      spec.granularity = u;
      spec.shift = w.Is(i + 1, "previous") ? -1 : 1;
      return 3;
    }
    if (l == "the" && (w.Is(i + 1, "year") || w.Is(i + 1, "month")) &&
        (w.Is(i + 2, "before") || w.Is(i + 2, "previous") || w.Is(i + 2, "after")) && w.Upos(i + 3) != "DET" &&
        w.Upos(i + 3) != "NOUN" && w.Upos(i + 3) != "PROPN") {
      TimeUnit u = UnitAt(w, i + 1)->first;
      spec.shift_unit = u;
      spec.granularity = u;
      spec.shift = w.Is(i + 2, "after") ? 1 : -1;
      return 3;
    }
    // "the weekend", "over the weekend": the last one, or the next in a future clause.
    if (l == "the" && w.Is(i + 1, "weekend")) {
      spec.anchor = TimeSpec::Anchor::kDocument;
      spec.shift_unit = TimeUnit::kNone;
      spec.weekday = 6;
      spec.granularity = TimeUnit::kWeekend;
      return 2;
    }
    return 0;
  }
  return 0;
}

// A day followed by a part of it: "Friday morning", "late Tuesday night", "yesterday
// afternoon", "tomorrow evening".
uint32_t MatchDayPart(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t k = i;
  if (w.Is(k, "late") || w.Is(k, "early")) ++k;
  TimeSpec day;
  uint32_t n = 0;
  if (WeekdayAt(w, k) || w.Is(k, "yesterday") || w.Is(k, "tomorrow") || w.Is(k, "today")) {
    n = MatchRelative(w, k, day);
  }
  if (!n) return 0;
  const char* part = PartOfDayCode(w.Lower(k + n));
  if (!part) return 0;
  spec = day;
  spec.type = TimexType::kTime;
  spec.part_of_day = part;
  return k + n + 1 - i;
}

// An amount of time, before or after the anchor: "two days ago", "a week ago", "20 years
// ago", "7-10 days ago", "three days later", "a year earlier".
uint32_t MatchAgo(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t k = i + ApproximationAt(w, i);
  double amount = 0, upper = -2;
  uint32_t used = AmountAt(w, k, amount, true);
  if (!used) return 0;
  k += used;
  // A range: "7-10 days ago", "two to three weeks ago"
  if ((w.Is(k, "-") || w.Is(k, "to") || w.Is(k, "or")) && amount >= 0) {
    double second = 0;
    if (uint32_t more = AmountAt(w, k + 1, second, false); more && second > amount) {
      upper = second;
      k += 1 + more;
    }
  }
  if (UnitModifier(w.Lower(k))) ++k;
  auto unit = UnitAt(w, k);
  if (!unit || amount < 0) return 0;
  ++k;
  std::string_view rel = w.Lower(k);
  int sign = 0;
  TimeSpec::Anchor anchor = TimeSpec::Anchor::kDocument;
  if (rel == "ago") {
    sign = -1;
  } else if (rel == "from" && w.Is(k + 1, "now")) {
    sign = 1;
    ++k;
  } else if (rel == "earlier" || rel == "later" || rel == "before" || rel == "after") {
    // "three days after the attack" is a duration before an event, not a day of its own.
    std::string_view next = w.Upos(k + 1);
    if (next == "DET" || next == "NOUN" || next == "PROPN" || next == "PRON" || next == "NUM" || next == "ADJ" ||
        w.Is(k + 1, "that"))
      return 0;
    sign = rel == "earlier" || rel == "before" ? -1 : 1;
    anchor = TimeSpec::Anchor::kDiscourse;
  } else {
    return 0;
  }
  double shift = upper > 0 ? (amount + upper) / 2 : amount;
  TimeUnit u = unit->first;
  if (u == TimeUnit::kSecond || u == TimeUnit::kMinute || u == TimeUnit::kHour) {
    // "two hours later": the same day as its anchor.
    spec.type = TimexType::kDate;
    spec.anchor = anchor;
    spec.granularity = TimeUnit::kDay;
    spec.shift_unit = TimeUnit::kDay;
    spec.shift = 0;
    return k + 1 - i;
  }
  if (shift != static_cast<int>(shift)) {
    // "one and a half years ago": half a unit is days or months.
    if (u == TimeUnit::kYear) {
      u = TimeUnit::kMonth;
      shift *= 12;
    } else if (u == TimeUnit::kMonth) {
      u = TimeUnit::kDay;
      shift *= 30;
    } else if (u == TimeUnit::kWeek) {
      u = TimeUnit::kDay;
      shift *= 7;
    }
  }
  spec.anchor = anchor;
  spec.shift_unit = u == TimeUnit::kWeekend ? TimeUnit::kWeek : u;
  spec.shift = sign * static_cast<int>(shift + 0.5);
  // "a week ago" names a day; "20 years ago" a year; a range ("7-10 days ago") a week.
  spec.granularity = u == TimeUnit::kWeek || u == TimeUnit::kDay ? TimeUnit::kDay : u;
  if (upper > 0 && u == TimeUnit::kDay) spec.granularity = TimeUnit::kWeek;
  return k + 1 - i;
}

// Durations: "12 years", "nearly five months", "the past five trading days", "the next four
// years", "a 20-year", "two and a half years", "several years", "recent years", "decades".
uint32_t MatchDuration(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t k = i;
  const bool the = w.Is(k, "the");
  if (the && (w.Is(k + 1, "past") || w.Is(k + 1, "last") || w.Is(k + 1, "next") || w.Is(k + 1, "coming") ||
              w.Is(k + 1, "first") || w.Is(k + 1, "final") || w.Is(k + 1, "previous") || w.Is(k + 1, "following"))) {
    k += 2;
  }
  k += ApproximationAt(w, k);
  double amount = 0;
  uint32_t used = AmountAt(w, k, amount, true);
  if (used && w.Is(k, "a") && !w.Word(k + 1)) {
    // "a" alone must be followed by its unit: "a year", "a full year".
    if (!UnitModifier(w.Lower(k + 1))) return 0;
  }
  if (!used) {
    // Plurals without an amount: "recent years", "the past few weeks" handled above;
    // "years" after "for" or "over".
    if (w.Is(k, "recent")) {
      amount = -1;
      used = 1;
    } else if (auto unit = UnitAt(w, k);
               unit && unit->second && i == k &&
               (w.Is(i - 1, "for") || w.Is(i - 1, "over") || w.Is(i - 1, "within") || w.Is(i - 1, "in") ||
                w.Is(i - 1, "after") || (w.Is(i + 1, "-") && w.Joined(i) && w.Is(i + 2, "long")))) {
      spec.type = TimexType::kDuration;
      spec.literal = DurationValue(-1, unit->first);
      return w.Is(i + 1, "-") && w.Is(i + 2, "long") ? 3 : 1;
    } else if (w.Is(i, "over") && w.Is(i + 1, "the") && w.Is(i + 2, "years")) {
      spec.type = TimexType::kDuration;
      spec.literal = "PXY";
      return 3;
    } else if (the && k == i + 2 && (w.Is(i + 1, "past") || w.Is(i + 1, "coming")) && UnitAt(w, k) &&
               !UnitAt(w, k)->second && UnitAt(w, k)->first >= TimeUnit::kDay) {
      // "the past decade", "the coming year": a span up to (or from) the anchor.
      spec.type = TimexType::kDuration;
      spec.literal = DurationValue(1, UnitAt(w, k)->first);
      return 3;
    } else {
      return 0;
    }
  }
  uint32_t u = k + used;
  bool hyphenated = false;
  if (w.Is(u, "-") && w.Joined(u - 1)) {
    ++u;  // "12-year", "four-week", "single-day"
    hyphenated = true;
  }
  if (!hyphenated && UnitModifier(w.Lower(u))) ++u;
  auto unit = UnitAt(w, u);
  if (!unit) return 0;
  if (hyphenated && unit->second) return 0;
  if (!hyphenated && amount == 1 && unit->second) return 0;
  // "four day conference": a singular unit after a number word modifies a noun.
  if (!hyphenated && amount > 1 && !unit->second && w.Number(k) < 0 && w.Upos(u + 1) != "NOUN") return 0;
  const bool article = w.Is(k, "a") || w.Is(k, "an");
  // "a second time", "a quarter of the shares", "a minute's silence" is no amount of time.
  if (article && (unit->first == TimeUnit::kSecond || unit->first == TimeUnit::kQuarter) &&
      !(w.Is(i - 1, "for") || w.Is(i - 1, "in") || w.Is(i - 1, "per")))
    return 0;
  if (w.Is(u + 1, "of") && unit->first == TimeUnit::kQuarter) return 0;
  // "a year" after an amount of something else is a rate: "$40 billion a year".
  if ((w.Is(k, "a") || w.Is(k, "an") || w.Is(k, "per")) && !the) {
    for (uint32_t b = i; b > w.begin() && b + 4 > i; --b) {
      std::string_view before = w.Upos(b - 1);
      if (w.Is(b - 1, "times") || w.Is(b - 1, "twice") || w.Is(b - 1, "once") || before == "NUM" || w.Is(b - 1, "$")) {
        spec.type = TimexType::kSet;
        spec.literal = DurationValue(1, unit->first);
        return u + 1 - i;
      }
      if (before == "ADP" || before == "VERB" || before == "AUX") break;
    }
  }
  spec.type = TimexType::kDuration;
  spec.literal = DurationValue(amount, unit->first);
  return u + 1 - i;
}

// Recurrences: "every day", "each year", "per month", "daily", "weekly", "annually".
uint32_t MatchSet(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view l = w.Lower(i);
  if (l == "every" || l == "each") {
    if (auto unit = UnitAt(w, i + 1); unit && !unit->second && unit->first != TimeUnit::kWeekend) {
      spec.type = TimexType::kSet;
      spec.literal = DurationValue(1, unit->first);
      return 2;
    }
    return 0;
  }
  const char* value = nullptr;
  if (l == "daily" || l == "nightly") value = "P1D";
  if (l == "weekly") value = "P1W";
  if (l == "monthly") value = "P1M";
  if (l == "quarterly") value = "P3M";
  if (l == "annually" || l == "yearly" || l == "annual") value = "P1Y";
  if (l == "hourly") value = "PT1H";
  if (!value) return 0;
  spec.type = TimexType::kSet;
  spec.literal = value;
  return 1;
}

// Vague references: "now", "currently", "recently", "in the past", "the future", "soon".
uint32_t MatchReference(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  std::string_view l = w.Lower(i);
  const char* value = nullptr;
  uint32_t n = 1;
  if ((l == "now" && w.Upos(i) == "ADV") || l == "currently" || l == "nowadays") value = "PRESENT_REF";
  if (l == "at" && w.Is(i + 1, "present")) value = "PRESENT_REF", n = 2;
  if (l == "the" && w.Is(i + 1, "time") && w.Is(i + 2, "being")) value = "PRESENT_REF", n = 3;
  if (l == "recently" || l == "lately") value = "PAST_REF";
  if (l == "the" && w.Is(i + 1, "past") && (w.Is(i - 1, "in") || w.Is(i - 1, "than")) && !w.Word(i + 2))
    value = "PAST_REF", n = 2;
  if (l == "soon" && !w.Is(i + 1, "after") && !w.Is(i - 1, "as")) value = "FUTURE_REF";
  if (l == "the" && w.Is(i + 1, "future")) value = "FUTURE_REF", n = 2;
  if (l == "the" && (w.Is(i + 1, "near") || w.Is(i + 1, "foreseeable")) && w.Is(i + 2, "future"))
    value = "FUTURE_REF", n = 3;
  if (l == "the" && (w.Is(i + 1, "long") || w.Is(i + 1, "short") || w.Is(i + 1, "near") || w.Is(i + 1, "medium")) &&
      w.Is(i + 2, "term"))
    value = "FUTURE_REF", n = 3;
  if (!value) return 0;
  spec.type = TimexType::kDate;
  spec.literal = value;
  return n;
}

// A modifier before a month, year or season, kept in the expression: "early 2009", "late
// 2006", "the end of this year", "the start of this year".
uint32_t MatchModified(const SentenceWords& w, uint32_t i, TimeSpec& spec) {
  uint32_t m = PeriodModifierAt(w, i);
  if (!m) return 0;
  TimeSpec inner;
  uint32_t n = MatchMonth(w, i + m, inner);
  if (!n) n = MatchYearPeriod(w, i + m, inner);
  if (!n) {
    if ((w.Is(i + m, "this") || w.Is(i + m, "last") || w.Is(i + m, "next")) &&
        (w.Is(i + m + 1, "year") || w.Is(i + m + 1, "month") || w.Is(i + m + 1, "week"))) {
      n = MatchRelative(w, i + m, inner);
    } else if (w.Is(i + m, "the") && w.Is(i + m + 1, "year") && !YearAt(w, i + m + 2)) {
      inner.anchor = TimeSpec::Anchor::kDocument;
      inner.shift_unit = TimeUnit::kYear;
      inner.granularity = TimeUnit::kYear;
      n = 2;
    }
  }
  if (!n) return 0;
  spec = inner;
  return m + n;
}

using Matcher = uint32_t (*)(const SentenceWords&, uint32_t, TimeSpec&);

// Only tokens that can begin an expression are tried, which keeps recognition cheap.
bool CanBegin(const SentenceWords& w, uint32_t i) {
  std::string_view l = w.Lower(i);
  if (l.empty()) return false;
  const char c = l[0];
  if ((c >= '0' && c <= '9') || c == '\'') return true;
  if (w.Word(i)) return true;
  static const std::string_view kStarters[] = {"the",
                                               "that",
                                               "last",
                                               "next",
                                               "this",
                                               "coming",
                                               "past",
                                               "previous",
                                               "following",
                                               "today",
                                               "tonight",
                                               "yesterday",
                                               "tomorrow",
                                               "earlier",
                                               "later",
                                               "early",
                                               "late",
                                               "mid",
                                               "a",
                                               "an",
                                               "several",
                                               "many",
                                               "few",
                                               "some",
                                               "half",
                                               "nearly",
                                               "almost",
                                               "about",
                                               "around",
                                               "roughly",
                                               "approximately",
                                               "over",
                                               "barely",
                                               "just",
                                               "more",
                                               "less",
                                               "fewer",
                                               "at",
                                               "up",
                                               "recent",
                                               "every",
                                               "each",
                                               "daily",
                                               "nightly",
                                               "weekly",
                                               "monthly",
                                               "quarterly",
                                               "annually",
                                               "yearly",
                                               "annual",
                                               "hourly",
                                               "now",
                                               "currently",
                                               "nowadays",
                                               "recently",
                                               "lately",
                                               "soon",
                                               "noon",
                                               "midday",
                                               "midnight",
                                               "spring",
                                               "summer",
                                               "autumn",
                                               "fall",
                                               "winter",
                                               "q1",
                                               "q2",
                                               "q3",
                                               "q4",
                                               "years",
                                               "months",
                                               "weeks",
                                               "days",
                                               "decades",
                                               "hours",
                                               "minutes"};
  for (std::string_view s : kStarters) {
    if (l == s) return true;
  }
  return l.size() > 4 && l.substr(0, 4) == "mid-";
}

}  // namespace

std::vector<TimexMatch> FindTimexes(const Document& doc, const Sentence& sentence) {
  static constexpr Matcher kMatchers[] = {MatchDayPart,  MatchClock,    MatchNumericDate, MatchModified,
                                          MatchMonthDay, MatchRelative, MatchMonth,       MatchYearPeriod,
                                          MatchAgo,      MatchDuration, MatchSet,         MatchReference};
  const SentenceWords w(doc, sentence);
  std::vector<TimexMatch> found;
  for (uint32_t i = sentence.token_begin; i < sentence.token_end;) {
    if (!CanBegin(w, i)) {
      ++i;
      continue;
    }
    TimexMatch best;
    for (Matcher matcher : kMatchers) {
      TimeSpec spec;
      uint32_t n = matcher(w, i, spec);
      if (n > best.token_end - best.token_begin) {
        best.token_begin = i;
        best.token_end = i + n;
        best.spec = std::move(spec);
      }
    }
    if (best.token_end > best.token_begin) {
      // Never beyond the sentence.
      if (best.token_end > sentence.token_end) best.token_end = sentence.token_end;
      found.push_back(std::move(best));
      i = found.back().token_end;
    } else {
      ++i;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Tense

namespace {

bool IsVerbal(const Token& t) { return t.upos == "VERB" || t.upos == "AUX"; }

}  // namespace

uint32_t ExpressionHead(const Document& doc, uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end; ++i) {
    const int h = doc.tokens[i].head;
    if (h < static_cast<int>(begin) || h >= static_cast<int>(end)) return i;
  }
  return begin;
}

Tense TenseOf(const Document& doc, const TimexMatch& match) {
  // The expression's own head: the token whose head lies outside it.
  // "a June 3 hearing", "Tuesday's talks": a modifier of a noun has no tense of its own.
  const Token& own = doc.tokens[ExpressionHead(doc, match.token_begin, match.token_end)];
  const int head = own.head;
  const bool modifies_noun =
      head >= 0 && (doc.tokens[head].upos == "NOUN" || doc.tokens[head].upos == "PROPN") &&
      (own.deprel == "compound" || own.deprel == "amod" || own.deprel == "nmod:poss" || own.deprel == "nummod");
  const int n = static_cast<int>(doc.tokens.size());
  auto children = [&](int node, auto&& visit) {
    for (int i = std::max(0, node - 12); i < std::min(n, node + 12); ++i) {
      if (doc.tokens[i].head == node) visit(doc.tokens[i]);
    }
  };
  // Up to the clause it belongs to: the first verb, or predicate with a copula, above it.
  int clause = head;
  for (int steps = 0; clause >= 0 && steps < 8; ++steps) {
    if (IsVerbal(doc.tokens[clause])) break;
    bool copula = false;
    children(clause, [&](const Token& t) { copula |= t.deprel == "cop"; });
    if (copula) break;
    clause = doc.tokens[clause].head;
  }
  const std::string& before = match.token_begin > 0 ? doc.tokens[match.token_begin - 1].lower : "";
  const bool ahead = before == "until" || before == "till" || before == "by";
  if (clause < 0 || modifies_noun) return ahead ? Tense::kFuture : Tense::kUnknown;
  const Token& v = doc.tokens[clause];
  bool future = false, past = false, present_be = false, infinitive = false;
  children(clause, [&](const Token& t) {
    if (t.deprel == "aux" || t.deprel == "aux:pass" || t.deprel == "cop") {
      if (t.lower == "will" || t.lower == "shall" || t.lower == "'ll" || t.lower == "wo") future = true;
      if (t.xpos == "VBD" || t.lower == "had" || t.lower == "has" || t.lower == "have") past = true;
      if (t.lower == "is" || t.lower == "are" || t.lower == "am") present_be = true;
    }
    if ((t.deprel == "mark" || t.deprel == "aux") && t.lower == "to") infinitive = true;
  });
  if (future) return Tense::kFuture;
  if (past) return Tense::kPast;
  if (infinitive) {
    // "plans to visit on Monday", "is expected to meet", a headline's "Markets to remain
    // closed until Friday"; else the tense of the clause above it.
    if (v.head < 0) return Tense::kFuture;
    const Token& governor = doc.tokens[v.head];
    if (!IsVerbal(governor) && governor.upos != "ADJ") return Tense::kFuture;
    static const std::string_view kIntent[] = {"plan",    "expect", "schedule", "due",     "set",
                                               "intend",  "hope",   "aim",      "prepare", "want",
                                               "promise", "agree",  "decide",   "go",      "likely"};
    for (std::string_view intent : kIntent) {
      if (governor.lemma == intent) return Tense::kFuture;
    }
    return ahead ? Tense::kFuture : Tense::kUnknown;
  }
  if (v.xpos == "VBG" && present_be) return Tense::kFuture;  // "is meeting on Monday"
  if (v.xpos == "VBD" || (v.xpos == "VBN" && !present_be)) return Tense::kPast;
  return ahead ? Tense::kFuture : Tense::kUnknown;
}

// ---------------------------------------------------------------------------------------
// Resolution

namespace {

std::string Pad(int n, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, n);
  return buffer;
}

CivilDate AddMonths(CivilDate date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  date.year = index / 12;
  date.month = index % 12 + 1;
  date.day = std::min(date.day, CivilDate::DaysInMonth(date.year, date.month));
  return date;
}

std::string WeekValue(CivilDate day) {
  CivilDate::IsoWeek week = day.Week();
  return Pad(week.year, 4) + "-W" + Pad(week.week, 2);
}

}  // namespace

ResolvedTime Resolve(const TimeSpec& spec, std::optional<CivilDate> document_date,
                     std::optional<CivilDate> discourse_day, Tense tense) {
  ResolvedTime out;
  if (!spec.literal.empty()) {
    out.value = spec.literal;
    return out;
  }
  std::optional<CivilDate> anchor =
      spec.anchor == TimeSpec::Anchor::kDiscourse ? (discourse_day ? discourse_day : document_date) : document_date;
  auto time_suffix = [&]() -> std::string {
    if (spec.type != TimexType::kTime) return "";
    if (spec.part_of_day) return std::string("T") + spec.part_of_day;
    if (spec.hour >= 0) return "T" + Pad(spec.hour, 2) + ":" + Pad(spec.minute, 2) + (spec.utc ? "Z" : "");
    return "";
  };
  auto day_result = [&](CivilDate d) {
    out.value = d.ToIso() + time_suffix();
    out.date = d;
    out.precision = DatePrecision::kDay;
  };

  // Decades.
  if (spec.decade) {
    out.value = Pad(spec.decade, 3);
    return out;
  }

  // A calendar day, month, quarter, half or season, with or without its year.
  if (spec.month || spec.quarter || spec.half || spec.season) {
    int year = spec.year;
    if (!year && anchor) {
      year = anchor->year + (spec.shift_unit == TimeUnit::kYear ? spec.shift : 0);
      if (spec.shift_unit != TimeUnit::kYear && (spec.month || spec.quarter)) {
        // A month, day or quarter without a year: of the years around the anchor's, the one
        // nearest to it on the side "last/next" or the tense points to (a week's slack, as
        // news tells a coming date in the present and a past one in the future of its past).
        const int direction = spec.direction            ? spec.direction
                              : tense == Tense::kPast   ? -1
                              : tense == Tense::kFuture ? 1
                                                        : 0;
        int best_year = year;
        int64_t best_distance = -1;
        for (int candidate_year = year - 1; candidate_year <= year + 1; ++candidate_year) {
          const int month = spec.month ? spec.month : 3 * spec.quarter - 2;
          const int last_month = spec.month ? spec.month : 3 * spec.quarter;
          const CivilDate first{candidate_year, month,
                                spec.day ? std::min(spec.day, CivilDate::DaysInMonth(candidate_year, month)) : 1};
          const CivilDate last{candidate_year, last_month,
                               spec.day ? first.day : CivilDate::DaysInMonth(candidate_year, last_month)};
          const int64_t a = anchor->ToDays();
          if (direction < 0 && first.ToDays() > a + 7) continue;
          if (direction > 0 && last.ToDays() < a - 7) continue;
          const int64_t distance = a < first.ToDays() ? first.ToDays() - a : a > last.ToDays() ? a - last.ToDays() : 0;
          if (best_distance < 0 || distance < best_distance) {
            best_distance = distance;
            best_year = candidate_year;
          }
        }
        year = best_year;
      }
    }
    const std::string y = year ? Pad(year, 4) : "XXXX";
    if (spec.month && spec.day) {
      if (year && CivilDate::IsValid(year, spec.month, spec.day)) {
        day_result(CivilDate{year, spec.month, spec.day});
      } else {
        out.value = y + "-" + Pad(spec.month, 2) + "-" + Pad(spec.day, 2) + time_suffix();
      }
      return out;
    }
    if (spec.month) {
      out.value = y + "-" + Pad(spec.month, 2);
      if (year) out.date = CivilDate{year, spec.month, 1}, out.precision = DatePrecision::kMonth;
      return out;
    }
    if (spec.quarter) {
      out.value = y + "-Q" + std::to_string(spec.quarter);
      return out;
    }
    if (spec.half) {
      out.value = y + "-H" + std::to_string(spec.half);
      return out;
    }
    out.value = y + "-" + spec.season;
    return out;
  }

  // A year.
  if (spec.year) {
    out.value = Pad(spec.year, 4);
    out.date = CivilDate{spec.year, 1, 1};
    out.precision = DatePrecision::kYear;
    return out;
  }

  // A weekday, placed by "last/next" or by the tense: a past one is the latest on or before
  // the anchor, a future one the first after it.
  if (spec.weekday) {
    if (!anchor) {
      out.value = "XXXX-WXX-" + std::to_string(spec.weekday) + time_suffix();
      return out;
    }
    const int today = anchor->Weekday();
    int offset;
    if (spec.direction < 0) {
      offset = -(((today - spec.weekday) + 7) % 7);
      if (offset == 0) offset = -7;
    } else if (spec.direction > 0 || (spec.direction == 0 && tense == Tense::kFuture)) {
      offset = ((spec.weekday - today) + 7) % 7;
      if (offset == 0 && spec.direction > 0) offset = 7;
    } else {
      offset = -(((today - spec.weekday) + 7) % 7);
    }
    const CivilDate day = anchor->AddDays(offset);
    if (spec.granularity == TimeUnit::kWeekend) {
      out.value = WeekValue(day) + "-WE";
      out.date = day;
      out.precision = DatePrecision::kWeek;
      return out;
    }
    day_result(day);
    return out;
  }

  // Relative to the anchor: "today", "yesterday", "last week", "next month", "a week ago".
  if (spec.anchor != TimeSpec::Anchor::kNone) {
    if (!anchor) {
      switch (spec.granularity) {
        case TimeUnit::kDay:
          out.value = spec.shift == 0 && spec.shift_unit == TimeUnit::kNone ? "PRESENT_REF" : "XXXX-XX-XX";
          break;
        case TimeUnit::kWeek:
        case TimeUnit::kWeekend:
          out.value = "XXXX-WXX";
          break;
        case TimeUnit::kMonth:
          out.value = "XXXX-XX";
          break;
        default:
          out.value = "XXXX";
      }
      return out;
    }
    CivilDate d = *anchor;
    switch (spec.shift_unit) {
      case TimeUnit::kDay:
        d = d.AddDays(spec.shift);
        break;
      case TimeUnit::kWeek:
      case TimeUnit::kWeekend:
        d = d.AddDays(7 * spec.shift);
        break;
      case TimeUnit::kMonth:
        d = AddMonths(d, spec.shift);
        break;
      case TimeUnit::kQuarter:
        d = AddMonths(d, 3 * spec.shift);
        break;
      case TimeUnit::kYear:
        d = AddMonths(d, 12 * spec.shift);
        break;
      case TimeUnit::kDecade:
        d = AddMonths(d, 120 * spec.shift);
        break;
      default:
        break;
    }
    switch (spec.granularity) {
      case TimeUnit::kDay:
        day_result(d);
        break;
      case TimeUnit::kWeek:
        out.value = WeekValue(d);
        out.date = d.AddDays(1 - d.Weekday());
        out.precision = DatePrecision::kWeek;
        break;
      case TimeUnit::kWeekend:
        out.value = WeekValue(d) + "-WE";
        out.date = d.AddDays(6 - d.Weekday());
        out.precision = DatePrecision::kWeek;
        break;
      case TimeUnit::kMonth:
        out.value = Pad(d.year, 4) + "-" + Pad(d.month, 2);
        out.date = CivilDate{d.year, d.month, 1};
        out.precision = DatePrecision::kMonth;
        break;
      case TimeUnit::kQuarter:
        out.value = Pad(d.year, 4) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
        break;
      case TimeUnit::kYear:
        out.value = Pad(d.year, 4);
        out.date = CivilDate{d.year, 1, 1};
        out.precision = DatePrecision::kYear;
        break;
      case TimeUnit::kDecade:
        out.value = Pad(d.year / 10, 3);
        break;
      default:
        day_result(d);
    }
    return out;
  }
  out.value = "XXXX-XX-XX";
  return out;
}

}  // namespace eventmill::when
