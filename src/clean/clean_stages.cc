#include "src/clean/clean_stages.h"

#include <array>
#include <string>

namespace eventmill::clean {

namespace {

// Lower-cased ASCII, without the bullets, dashes, colons and spaces around the words.
std::string Normalize(std::string_view line) {
  constexpr std::string_view kEdge = " \t\r-*:|>.!";
  constexpr std::string_view kWideEdges[] = {"\u2013", "\u2014", "\u2022"};
  bool changed = true;
  while (changed && !line.empty()) {
    changed = false;
    for (std::string_view p : kWideEdges) {
      if (line.substr(0, p.size()) == p) line.remove_prefix(p.size()), changed = true;
      if (line.size() >= p.size() && line.substr(line.size() - p.size()) == p)
        line.remove_suffix(p.size()), changed = true;
    }
    if (!line.empty() && kEdge.find(line.front()) != std::string_view::npos) line.remove_prefix(1), changed = true;
    if (!line.empty() && kEdge.find(line.back()) != std::string_view::npos) line.remove_suffix(1), changed = true;
  }
  std::string out(line);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Labels that introduce a list of other stories.
constexpr std::array<std::string_view, 16> kListIntros = {
    "read more",    "read also",   "also read",         "related",      "related articles", "related stories",
    "related news", "see also",    "more articles",     "more stories", "latest articles",  "latest news",
    "most read",    "recommended", "you may also like", "top stories"};

// Lines that are page furniture on their own.
constexpr std::array<std::string_view, 22> kPageLabels = {"advertisement",
                                                          "advertisement - scroll to continue",
                                                          "story continues below advertisement",
                                                          "source link",
                                                          "comments",
                                                          "join our commenting forum",
                                                          "must read",
                                                          "latest article",
                                                          "share",
                                                          "share this article",
                                                          "subscribe",
                                                          "sign up",
                                                          "newsletter",
                                                          "print",
                                                          "email",
                                                          "click here",
                                                          "continue reading",
                                                          "trending",
                                                          "more from",
                                                          "leave a comment",
                                                          "skip to content",
                                                          "back to top"};

bool IsBullet(std::string_view line) {
  size_t p = line.find_first_not_of(" \t");
  if (p == std::string_view::npos) return false;
  line.remove_prefix(p);
  return line.substr(0, 2) == "- " || line.substr(0, 2) == "* " || line.substr(0, 4) == "\u2022 " ||
         line.substr(0, 4) == "\u2013 " || line.substr(0, 4) == "\u2014 ";
}

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

bool Contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != haystack.npos; }

bool IsWidget(const std::string& n) {
  // A temperature: "28.6 C", "-3°C", "75 °F".
  size_t i = 0;
  if (i < n.size() && (n[i] == '-' || n[i] == '+')) ++i;
  size_t digits = i;
  while (i < n.size() && ((n[i] >= '0' && n[i] <= '9') || n[i] == '.' || n[i] == ',')) ++i;
  if (i > digits) {
    std::string_view rest = std::string_view(n).substr(i);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.substr(0, 2) == "\u00B0") rest.remove_prefix(2);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest == "c" || rest == "f") return true;
  }
  // A lone date: "friday, july 19, 2024", "19 july 2024", "july 19, 2024".
  static constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                               "may",       "june",     "july",     "august",
                                                               "september", "october",  "november", "december"};
  bool month = false;
  for (std::string_view m : kMonths) month = month || Contains(n, m);
  if (!month || n.size() > 40) return false;
  size_t digit_count = 0, letters = 0;
  for (char c : n) {
    if (c >= '0' && c <= '9') ++digit_count;
    if (c >= 'a' && c <= 'z') ++letters;
  }
  // Only weekday and month words besides the numbers.
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  size_t known = 0;
  for (std::string_view m : kMonths) known += Contains(n, m) ? m.size() : 0;
  for (std::string_view d : kDays) known += Contains(n, d) ? d.size() : 0;
  return digit_count >= 4 && known == letters;
}

bool IsSocialPrompt(const std::string& n) {
  static constexpr std::array<std::string_view, 7> kPlaces = {"facebook", "twitter", "instagram", "telegram",
                                                              "fanpage",  "youtube", "whatsapp"};
  static constexpr std::array<std::string_view, 6> kActions = {"follow",    "like ",   "join",
                                                               "subscribe", "sign up", "stay updated"};
  bool place = false, action = false;
  for (std::string_view p : kPlaces) place = place || Contains(n, p);
  for (std::string_view a : kActions) action = action || Contains(n, a);
  return place && action;
}

}  // namespace

std::string_view ClassifyLine(std::string_view line) {
  std::string n = Normalize(line);
  if (n.empty()) return {};
  for (std::string_view label : kPageLabels) {
    if (n == label) return "page-label";
  }
  for (std::string_view intro : kListIntros) {
    if (n == intro) return "headline-list";
  }
  if (IsWidget(n)) return "widget";
  if (IsSocialPrompt(n)) return "social-prompt";
  return {};
}

Status LineCleanStage::Process(Document& doc) const {
  std::string_view text = doc.text;
  bool in_list = false;
  size_t pos = 0;
  // Lines the reader removed (a date header) are skipped; the spans this stage adds never
  // overlap a later line, so only the reader's are checked.
  Document earlier;
  earlier.removed = doc.removed;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    Span span{static_cast<uint32_t>(pos), static_cast<uint32_t>(eol)};
    pos = eol + 1;
    if (IsBlank(line) || earlier.IsRemoved(span)) continue;
    if (in_list && IsBullet(line)) {
      doc.removed.push_back({span, "headline-list"});
      continue;
    }
    in_list = false;
    std::string_view reason = ClassifyLine(line);
    if (reason.empty()) continue;
    doc.removed.push_back({span, std::string(reason)});
    in_list = reason == "headline-list";
  }
  return Status::Ok();
}

Status SentenceCleanStage::Process(Document& doc) const {
  // An appeal asks the reader for money, support or a subscription ("your support", "donate",
  // "subscribe to"), or speaks for the outlet about its own journalism ("we ... paywalls").
  // Single words such as "support" are not enough: leaders say "we support you" in the news.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kAppeals = {{{"your", "support"},
                                                                                              {"your", "donation"},
                                                                                              {"your", "contribution"},
                                                                                              {"your", "subscription"},
                                                                                              {"support", "us"},
                                                                                              {"support", "our"},
                                                                                              {"subscribe", "to"},
                                                                                              {"sign", "up"},
                                                                                              {"donate", ""},
                                                                                              {"donating", ""}}};
  static constexpr std::array<std::string_view, 4> kOutletWords = {"journalism", "paywall", "paywalls", "reporters"};
  std::vector<Sentence> kept;
  kept.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    bool appeal = false, first_plural = false, outlet_word = false;
    for (uint32_t t = s.token_begin; t < s.token_end && !appeal; ++t) {
      const std::string& w = doc.tokens[t].lower;
      const std::string* next = t + 1 < s.token_end ? &doc.tokens[t + 1].lower : nullptr;
      for (const auto& [first, second] : kAppeals) {
        if (w == first && (second.empty() || (next && *next == second))) appeal = true;
      }
      first_plural = first_plural || w == "we" || w == "our";
      for (std::string_view o : kOutletWords) outlet_word = outlet_word || w == o;
    }
    if (appeal || (first_plural && outlet_word)) {
      doc.removed.push_back({s.span, "appeal"});
    } else {
      kept.push_back(s);
    }
  }
  doc.sentences = std::move(kept);
  return Status::Ok();
}

}  // namespace eventmill::clean
