#include "src/when/date_stage.h"

#include <algorithm>
#include <string>
#include <vector>

#include "src/when/timex.h"

namespace eventmill::when {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  std::string lower = Lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (int m = 0; m < 12; ++m) {
    if (lower == kMonths[m] || (lower.size() >= 3 && kMonths[m].substr(0, lower.size()) == lower)) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  std::string lower = Lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (std::string_view d : kDays) {
    if (lower == d || (lower.size() == 3 && d.substr(0, 3) == lower)) return true;
  }
  return false;
}

int Digits(std::string_view s) {
  if (s.size() >= 3 && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"))) {
    s.remove_suffix(2);
  }
  if (s.empty() || s.size() > 4) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool IsClockWord(std::string_view word) {
  std::string lower = Lower(word);
  if (lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m." || lower == "utc" || lower == "gmt" ||
      lower == "|")
    return true;
  auto colon = lower.find(':');
  return colon != std::string::npos && colon > 0 && Digits(lower.substr(0, colon)) >= 0;
}

std::optional<CivilDate> Checked(int year, int month, int day) {
  if (year < 1900 || year > 2099 || !CivilDate::IsValid(year, month, day)) return std::nullopt;
  return CivilDate{year, month, day};
}

// Where a dateline's date ends: before "(Reuters)", " - ", " — ".
std::string_view DatelineDatePart(std::string_view rest) {
  size_t end = rest.size();
  for (std::string_view stop : {"(", " - ", " \xE2\x80\x94", " \xE2\x80\x93", "\n"}) {
    end = std::min(end, rest.find(stop));
  }
  return rest.substr(0, end);
}

}  // namespace

std::optional<CivilDate> ParseDateLine(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != ',' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  if (!words.empty()) {
    std::string first = Lower(words.front());
    if (first == "published:" || first == "updated:" || first == "posted:" || first == "date:") {
      words.erase(words.begin());
    }
  }
  while (!words.empty() && IsClockWord(words.back())) words.pop_back();
  if (!words.empty() && IsWeekday(words.front())) words.erase(words.begin());
  if (words.size() == 1) {
    std::string_view w = words[0];
    int a = -1, b = -1, c = -1;
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      a = Digits(w.substr(0, 4)), b = Digits(w.substr(5, 2)), c = Digits(w.substr(8, 2));
      return Checked(a, b, c);
    }
    if (w.size() == 10 && w[2] == '.' && w[5] == '.') {
      a = Digits(w.substr(0, 2)), b = Digits(w.substr(3, 2)), c = Digits(w.substr(6, 4));
      return Checked(c, b, a);
    }
    if (w.size() == 10 && w[2] == '/' && w[5] == '/') {
      a = Digits(w.substr(0, 2)), b = Digits(w.substr(3, 2)), c = Digits(w.substr(6, 4));
      return Checked(c, a, b);
    }
    return std::nullopt;
  }
  if (words.size() != 3) return std::nullopt;
  if (int month = MonthNumber(words[0])) return Checked(Digits(words[2]), month, Digits(words[1]));
  if (int month = MonthNumber(words[1])) return Checked(Digits(words[2]), month, Digits(words[0]));
  return std::nullopt;
}

Status DocumentDateStage::Process(Document& doc) const {
  if (doc.meta.date) return Status::Ok();
  const std::string_view text = doc.text;
  // The first lines: a dateline opening the story, or a line holding only a date.
  size_t begin = 0;
  for (int line_no = 0; line_no < 15 && begin < text.size(); ++line_no) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    // "MOSCOW, April 10, 2021 (Reuters) - ...": a capitalised place, a comma, a date.
    size_t comma = line.find(',');
    if (comma != std::string_view::npos && comma >= 2 && comma <= 40) {
      std::string_view place = line.substr(0, comma);
      const bool upper = std::all_of(place.begin(), place.end(),
                                     [](char c) { return (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-'; });
      if (upper) {
        if (auto date = ParseDateLine(DatelineDatePart(line.substr(comma + 1)))) {
          doc.meta.date = date;
          doc.meta.date_origin = DocumentDateOrigin::kDateline;
          return Status::Ok();
        }
      }
    }
    if (line.size() <= 60) {
      if (auto date = ParseDateLine(line)) {
        doc.meta.date = date;
        doc.meta.date_origin = DocumentDateOrigin::kPageHeader;
        return Status::Ok();
      }
    }
  }
  if (default_date_) {
    doc.meta.date = default_date_;
    doc.meta.date_origin = DocumentDateOrigin::kDefault;
  }
  return Status::Ok();
}

Status TimexStage::Process(Document& doc) const {
  struct Found {
    TimexMatch match;
    uint32_t sentence;
    Tense tense;
  };
  std::vector<Found> found;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    for (TimexMatch& match : FindTimexes(doc, doc.sentences[s])) {
      Tense tense = TenseOf(doc, match);
      found.push_back(Found{std::move(match), s, tense});
    }
  }
  if (!doc.meta.date) {
    std::optional<CivilDate> latest;
    for (const Found& f : found) {
      const TimeSpec& spec = f.match.spec;
      if (spec.literal.empty() && spec.year && spec.month && spec.day &&
          CivilDate::IsValid(spec.year, spec.month, spec.day)) {
        CivilDate date{spec.year, spec.month, spec.day};
        if (!latest || date > *latest) latest = date;
      }
    }
    if (latest) {
      doc.meta.date = latest;
      doc.meta.date_origin = DocumentDateOrigin::kLatestInText;
    }
  }
  const std::optional<CivilDate> anchor =
      doc.meta.date_origin == DocumentDateOrigin::kLatestInText ? std::nullopt : doc.meta.date;
  std::optional<CivilDate> discourse = anchor;
  doc.timexes.clear();
  doc.timexes.reserve(found.size());
  for (const Found& f : found) {
    ResolvedTime resolved = Resolve(f.match.spec, anchor, discourse, f.tense);
    Timex timex;
    timex.span = Span{doc.tokens[f.match.token_begin].span.begin, doc.tokens[f.match.token_end - 1].span.end};
    timex.sentence = f.sentence;
    timex.token_begin = f.match.token_begin;
    timex.token_end = f.match.token_end;
    timex.type = f.match.spec.type;
    timex.value = std::move(resolved.value);
    timex.date = resolved.date;
    timex.precision = resolved.precision;
    if (timex.precision == DatePrecision::kDay) discourse = timex.date;
    doc.timexes.push_back(std::move(timex));
  }
  return Status::Ok();
}

namespace {

// "since 2014", "until Friday", "before March": a bound on the event, not its date.
bool IsBound(const Document& doc, const Timex& timex, const Sentence& sentence) {
  if (timex.token_begin <= sentence.token_begin) return false;
  const std::string& before = doc.tokens[timex.token_begin - 1].lower;
  return before == "since" || before == "until" || before == "till" || before == "before" || before == "after" ||
         before == "by" || before == "from" || before == "through" || before == "to" || before == "between" ||
         before == "and" || before == "than";
}

uint32_t TokenAt(const Document& doc, const Sentence& sentence, uint32_t byte) {
  for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
    if (doc.tokens[i].span.begin <= byte && byte < doc.tokens[i].span.end) return i;
  }
  return sentence.token_begin;
}

// A clause opened by "then" or "at the time" / "at that time" takes the last date named.
bool RefersBack(const Document& doc, const Sentence& sentence, uint32_t clause_token) {
  for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.head != static_cast<int>(clause_token)) continue;
    if (t.lower == "then" && t.deprel == "advmod") return true;
    if ((t.lower == "time") && i >= sentence.token_begin + 2 && doc.tokens[i - 2].lower == "at" &&
        (doc.tokens[i - 1].lower == "the" || doc.tokens[i - 1].lower == "that"))
      return true;
  }
  return false;
}

}  // namespace

Status EventDateStage::Process(Document& doc) const {
  const bool document_usable = doc.meta.date && doc.meta.date_origin != DocumentDateOrigin::kLatestInText;
  for (Event& event : doc.events) {
    if (event.date) continue;  // dated by an earlier stage
    event.date_precision = DatePrecision::kNone;
    event.date_origin = EventDateOrigin::kNone;
    if (event.sentence < doc.sentences.size()) {
      const Sentence& sentence = doc.sentences[event.sentence];
      // The timexes of this sentence that can date an event, by the token they attach to.
      std::vector<std::pair<int, const Timex*>> attached;
      const Timex* last_before = nullptr;  // the last dated expression before the sentence
      for (const Timex& timex : doc.timexes) {
        if (timex.sentence < event.sentence && timex.date) last_before = &timex;
        if (timex.sentence != event.sentence || !timex.date) continue;
        if (timex.type != TimexType::kDate && timex.type != TimexType::kTime) continue;
        if (IsBound(doc, timex, sentence)) continue;
        attached.emplace_back(doc.tokens[ExpressionHead(doc, timex.token_begin, timex.token_end)].head, &timex);
      }
      // Up from the trigger: its own expression, its clause's, then the clauses above.
      int node = static_cast<int>(TokenAt(doc, sentence, event.trigger.begin));
      const Timex* chosen = nullptr;
      bool refers_back = false;
      for (int steps = 0; node >= 0 && steps < 12 && !chosen; ++steps) {
        for (auto& [token, timex] : attached) {
          if (token == node) {
            chosen = timex;
            break;
          }
        }
        if (!chosen && !refers_back && RefersBack(doc, sentence, static_cast<uint32_t>(node))) refers_back = true;
        node = doc.tokens[node].head;
      }
      if (!chosen && refers_back && last_before) chosen = last_before;
      if (chosen) {
        event.date = chosen->date;
        event.date_precision = chosen->precision;
        event.date_origin = EventDateOrigin::kText;
        continue;
      }
    }
    if (document_usable) {
      event.date = doc.meta.date;
      event.date_precision = DatePrecision::kDay;
      event.date_origin = EventDateOrigin::kDocument;
    }
  }
  return Status::Ok();
}

}  // namespace eventmill::when
