// Time expressions: finding them in a tagged sentence (FindTimexes) and placing them on
// the calendar (Resolve).
//
// Recognition reads words and tags only; resolution needs the document date, the last day
// the text named before the expression (for "the day before", "two days later") and the
// tense of the clause the expression belongs to (a past "on Wednesday" is the Wednesday
// before the story, a future one the Wednesday after). Values follow TIMEX3 (ISO 8601 with
// TimeML's extensions: "2021-W13", "2021-Q1", "2021-SU", "PAST_REF", "XXXX-03-26").
#ifndef EVENTMILL_SRC_WHEN_TIMEX_H_
#define EVENTMILL_SRC_WHEN_TIMEX_H_

#include <optional>
#include <string>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::when {

enum class TimeUnit { kNone, kSecond, kMinute, kHour, kDay, kWeek, kWeekend, kMonth, kQuarter, kYear, kDecade };

// What the words of a time expression say, before they are placed on the calendar. A field
// left at 0 (or -1 for the clock) is one the words do not give.
struct TimeSpec {
  TimexType type = TimexType::kDate;
  // A fixed value the anchor cannot change: durations ("P3D"), sets ("P1W"), vague
  // references ("PAST_REF"). When set, every other field is ignored.
  std::string literal;

  int year = 0;
  int month = 0;
  int day = 0;
  int decade = 0;                // 198 for "the 1980s"
  int quarter = 0;               // 1..4
  int half = 0;                  // 1..2
  const char* season = nullptr;  // "SP", "SU", "FA", "WI"
  int weekday = 0;               // 1 = Monday ... 7 = Sunday
  int hour = -1;
  int minute = 0;
  bool utc = false;
  const char* part_of_day = nullptr;  // "MO", "AF", "EV", "NI"

  // Relative expressions: the anchor, moved by `shift` units of `shift_unit`.
  enum class Anchor { kNone, kDocument, kDiscourse };
  Anchor anchor = Anchor::kNone;
  TimeUnit shift_unit = TimeUnit::kNone;
  int shift = 0;
  // The unit the value is given in: "a week ago" is a day, "last week" a week.
  TimeUnit granularity = TimeUnit::kNone;
  // For a weekday or a month without a year: -1 the one before the anchor ("last Friday"),
  // +1 the one after ("next Monday"), 0 by the tense of the clause.
  int direction = 0;
};

struct TimexMatch {
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  TimeSpec spec;
};

// The time expressions of one sentence, in text order, none overlapping another; where
// several readings start at a token, the longest wins. Needs the "tag" stage (a capitalised
// "May" or "March" is a month only where the tagger reads a proper noun or a number follows).
std::vector<TimexMatch> FindTimexes(const Document& doc, const Sentence& sentence);

// The token of [begin, end) that heads it in the parse: the first whose head lies outside
// the range (its head is where the expression attaches; -1 for the sentence root).
uint32_t ExpressionHead(const Document& doc, uint32_t begin, uint32_t end);

enum class Tense { kUnknown, kPast, kFuture };

// The tense of the clause a time expression belongs to, from the parse: future with
// "will", "shall", "be going to", "is meeting" or under "plan/expect/schedule to"; past with
// a past tense or perfect; else unknown (news tells past events in the present too).
Tense TenseOf(const Document& doc, const TimexMatch& match);

struct ResolvedTime {
  std::string value;              // TIMEX3 value
  std::optional<CivilDate> date;  // first day of what it names, when an event can take it
  DatePrecision precision = DatePrecision::kNone;
};

// Places `spec` on the calendar. `document_date` anchors deictic words ("today", "last
// week", a weekday); `discourse_day` (the last day the text named, else the document date)
// anchors "the day before", "the same day", "three days later". Without the anchor it
// needs, the value keeps X for what cannot be known ("XXXX-03-26", "XXXX-WXX-3").
ResolvedTime Resolve(const TimeSpec& spec, std::optional<CivilDate> document_date,
                     std::optional<CivilDate> discourse_day, Tense tense);

}  // namespace eventmill::when

#endif  // EVENTMILL_SRC_WHEN_TIMEX_H_
