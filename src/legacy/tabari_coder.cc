#include "src/legacy/tabari_coder.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_set>

namespace eventmill::legacy {

// One place in a sentence as the patterns see it: a word, or a whole actor.
struct TabariCoder::Unit {
  uint32_t token_begin = 0, token_end = 0;
  std::string lower;  // the first word's lower-cased form
  bool capitalized = false;
  bool actor = false;
  std::string code;                       // actor units: the actor's code, with its agent's
  bool noun = false;                      // a null-coded actor: a noun, neither actor nor verb
  int agent = -1;                         // an agent's index in the dictionaries, before it composes
  int compound = -1;                      // actor units in "A, B and C": the unit of A
  bool pronoun = false;                   // an actor by coreference; still a word to patterns
  bool in_compound = false;               // the "and" or "," of such a phrase
  uint32_t name_begin = 0, name_end = 0;  // actor units: the words naming it, with its agent's
  std::string base_code;                  // actor units: the actor's code before an agent composed with it
  std::string agent_code;                 // actor units: the agent code composed with it, if any
};

namespace {

// Words a pattern or phrase may skip between two elements not joined by "_": actor names
// run over a quoted nickname ("Al \"The Weasel\" Gore") but not over a clause.
constexpr size_t kPhraseGap = 5;

bool WordMatches(const Element& e, std::string_view word, bool endings = true) {
  if (word.size() < e.word.size() || word.substr(0, e.word.size()) != e.word) return false;
  if (!e.exact) return true;  // a stem
  std::string_view ending = word.substr(e.word.size());
  if (ending.empty()) return true;
  if (!endings) return false;
  // The possessive is a clitic, not an ending: "Gondor's" names Gondor even for a word that
  // takes no endings (PETRARCH reads it from a parse where "'s" is a token of its own).
  if (e.no_endings) return ending == "'s" || ending == "'";
  return ending == "s" || ending == "es" || ending == "ed" || ending == "en" || ending == "ing" || ending == "'s";
}

// What a pattern's "$", "+" and "%" bound.
struct Bindings {
  int source = -1, target = -1, compound = -1;  // unit indices
  std::vector<size_t> skipped;                  // actors a "^" passed over
  size_t length = 0;                            // letters and digits of the words matched, for choosing among patterns
};

size_t AlnumLength(std::string_view w) {
  return static_cast<size_t>(
      std::count_if(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
}

// What a phrase is: the regular endings (-S, -'S, -ED, ...) go on the last word of a name
// (an actor, an agent, a verb root) and on no word of a pattern, synset or alternative.
enum class PhraseKind { kName, kPattern, kSet };

class Matcher {
 public:
  Matcher(const TabariDictionaries& d, const std::vector<TabariCoder::Unit>* units, PhraseKind kind)
      : d_(d), units_(units), kind_(kind) {}

  // Whether elements[k..] match from units[pos] (at pos exactly when `anchored`, else at
  // pos or after, up to `gap` units later), all before `limit`. On success `end` is one past
  // the last unit matched.
  // With `required_end`, the match must end exactly there.
  //
  // Cost: whether elements[k..] match from a position does not depend on what was bound
  // before, so each failed (phrase, element, position) is remembered for the call and never
  // tried again: a pattern of k elements costs about k * n * n steps on n units, not n^k.
  // A step budget bounds hostile dictionaries all the same.
  // With `free_start`, the first element may also be found past a comma.
  bool Match(const Phrase& elements, size_t k, size_t pos, size_t limit, bool anchored, size_t gap, Bindings& b,
             size_t& end, size_t required_end = SIZE_MAX, bool free_start = false) const {
    required_end_ = required_end;
    free_start_ = free_start;
    failed_.clear();
    steps_ = 0;
    nesting_ = 0;
    const bool ok = MatchAs(kind_, elements, k, pos, limit, anchored, gap, b, end);
    required_end_ = SIZE_MAX;
    return ok;
  }

 private:
  struct State {
    const Element* phrase;
    size_t k, pos;
    bool anchored, top;
    bool operator==(const State&) const = default;
  };
  struct StateHash {
    size_t operator()(const State& s) const {
      size_t h = std::hash<const void*>{}(s.phrase);
      for (size_t v : {s.k, s.pos, size_t{s.anchored}, size_t{s.top}}) h = h * 1000003u ^ v;
      return h;
    }
  };
  static constexpr size_t kStepBudget = 200000;  // per call of Match
  static constexpr int kMaxNesting = 8;          // synsets within synsets (and cycles)

  bool MatchAs(PhraseKind kind, const Phrase& elements, size_t k, size_t pos, size_t limit, bool anchored, size_t gap,
               Bindings& b, size_t& end, bool top = true) const {
    if (k == elements.size()) {
      if (top && required_end_ != SIZE_MAX && pos != required_end_) return false;
      end = pos;
      return true;
    }
    const State state{elements.data(), k, pos, anchored, top};
    if (++steps_ > kStepBudget || failed_.count(state)) return false;
    if (MatchFrom(kind, elements, k, pos, limit, anchored, gap, b, end, top)) return true;
    failed_.insert(state);
    return false;
  }

  bool MatchFrom(PhraseKind kind, const Phrase& elements, size_t k, size_t pos, size_t limit, bool anchored, size_t gap,
                 Bindings& b, size_t& end, bool top) const {
    const Element& e = elements[k];
    const bool endings = kind == PhraseKind::kName && k + 1 == elements.size();
    size_t last = anchored ? pos + 1 : std::min(limit, pos + gap + 1);
    for (size_t p = pos; p < last && p < limit; ++p) {
      // Matching stops at a comma: the words of a name or a pattern do not straddle one
      // ("Radagast, the Brown" is not RADAGAST THE BROWN); the first word may come after it.
      if (p > pos && (k > 0 || !top || !free_start_) && IsWord(p - 1, ",")) break;
      if (MatchOne(e, endings, p, limit, b, [&](size_t next, Bindings& nb) {
            return MatchAs(kind, elements, k + 1, next, limit, e.joined_to_next, gap, nb, end, top);
          })) {
        return true;
      }
    }
    return false;
  }

  bool IsWord(size_t p, std::string_view w) const { return !(*units_)[p].actor && (*units_)[p].lower == w; }
  bool IsActor(size_t p) const { return (*units_)[p].actor; }

  // Calls `then(next, bindings)` for each way `e` matches at units[p]; true once one succeeds.
  template <typename Then>
  bool MatchOne(const Element& e, bool endings, size_t p, size_t limit, Bindings& b, Then&& then) const {
    const TabariCoder::Unit& u = (*units_)[p];
    switch (e.kind) {
      case ElementKind::kWord:
        if ((!u.actor || u.pronoun) && WordMatches(e, u.lower, endings)) {
          Bindings nb = b;
          nb.length += AlnumLength(e.word);
          if (then(p + 1, nb)) return (b = nb, true);
        }
        return false;
      case ElementKind::kSkip: {
        // "^" passes over an actor (a whole compound) without making it source or target.
        if (!IsActor(p)) return false;
        Bindings nb = b;
        size_t next = p + 1;
        nb.skipped.push_back(p);
        while (next + 1 < limit && (IsWord(next, "and") || IsWord(next, ",")) && IsActor(next + 1) &&
               (*units_)[next + 1].compound >= 0 && (*units_)[next + 1].compound == (*units_)[p].compound) {
          nb.skipped.push_back(next + 1);
          next += 2;
        }
        if (then(next, nb)) return (b = nb, true);
        return false;
      }
      case ElementKind::kSource:
      case ElementKind::kTarget:
      case ElementKind::kCompound: {
        if (!IsActor(p)) return false;
        Bindings nb = b;
        (e.kind == ElementKind::kSource   ? nb.source
         : e.kind == ElementKind::kTarget ? nb.target
                                          : nb.compound) = static_cast<int>(p);
        size_t next = p + 1;
        // A compound actor is "A and B" (or "A, B and C"); its first actor stands for it.
        if (e.kind == ElementKind::kCompound) {
          while (next + 1 < limit && (IsWord(next, "and") || IsWord(next, ",")) && IsActor(next + 1)) next += 2;
        }
        if (then(next, nb)) return (b = nb, true);
        return false;
      }
      case ElementKind::kSynset:
      case ElementKind::kAlternatives: {
        const std::vector<Phrase>& options =
            e.kind == ElementKind::kSynset ? d_.synsets[e.synset].members : e.alternatives;
        if (nesting_ >= kMaxNesting) return false;  // a synset within itself
        for (const Phrase& option : options) {
          Bindings nb = b;
          size_t end = 0;
          ++nesting_;
          const bool matched = MatchAs(PhraseKind::kSet, option, 0, p, limit, true, kPhraseGap, nb, end, false);
          --nesting_;
          if (!matched) continue;
          // A synset counts nothing towards a pattern's length; alternatives count the one matched.
          if (e.kind == ElementKind::kSynset) nb.length = b.length;
          if (then(end, nb)) return (b = nb, true);
        }
        return false;
      }
      case ElementKind::kVerb:
        return false;
    }
    return false;
  }

  const TabariDictionaries& d_;
  const std::vector<TabariCoder::Unit>* units_;
  PhraseKind kind_;
  // The state of one call of Match (a Matcher lives within one sentence's coding).
  mutable size_t required_end_ = SIZE_MAX;
  mutable bool free_start_ = false;
  mutable std::unordered_set<State, StateHash> failed_;
  mutable size_t steps_ = 0;
  mutable int nesting_ = 0;
};

// The code of an actor on `date`: the first code whose dates hold, else the first undated
// one, else the first.
const std::string& CodeOn(const TabariActor& actor, const std::optional<CivilDate>& date) {
  const DatedCode* undated = nullptr;
  for (const DatedCode& c : actor.codes) {
    if (!c.from && !c.to) {
      if (!undated) undated = &c;
      continue;
    }
    if (date && (!c.from || *date >= *c.from) && (!c.to || *date <= *c.to)) return c.code;
  }
  return undated ? undated->code : actor.codes.front().code;
}

bool IsDeterminer(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

}  // namespace

size_t TabariCoder::TextLength(const Phrase& phrase, int depth) const {
  size_t length = 0;
  for (const Element& e : phrase) {
    if (e.kind == ElementKind::kWord) {
      length += AlnumLength(e.word);
    } else if (e.kind == ElementKind::kAlternatives && depth < 4) {
      size_t longest = 0;
      for (const Phrase& option : e.alternatives) longest = std::max(longest, TextLength(option, depth + 1));
      length += longest;
    }
  }
  return length;
}

TabariCoder::TabariCoder(TabariDictionaries dictionaries) : d_(std::move(dictionaries)) {
  auto first_word = [](const Phrase& p) -> const std::string* {
    return !p.empty() && p[0].kind == ElementKind::kWord ? &p[0].word : nullptr;
  };
  for (uint32_t i = 0; i < d_.actors.size(); ++i) {
    for (uint32_t k = 0; k < d_.actors[i].phrases.size(); ++k) {
      if (const std::string* w = first_word(d_.actors[i].phrases[k])) actors_by_first_[*w].push_back({i, k});
    }
  }
  for (uint32_t i = 0; i < d_.agents.size(); ++i) {
    if (const std::string* w = first_word(d_.agents[i].phrase)) agents_by_first_[*w].push_back({i, 0});
  }
  for (uint32_t kind = 0; kind < 2; ++kind) {
    const std::vector<Phrase>& list = kind == 0 ? d_.nouns : d_.adjectives;
    for (uint32_t i = 0; i < list.size(); ++i) {
      if (list[i].size() == 1 && list[i][0].kind == ElementKind::kWord)
        nouns_by_first_[list[i][0].word].push_back({kind, i});
    }
  }
  for (uint32_t i = 0; i < d_.verbs.size(); ++i) {
    if (const std::string* w = first_word(d_.verbs[i].root)) verbs_by_first_[*w].push_back({i, 0});
    for (uint32_t k = 0; k < d_.verbs[i].forms.size(); ++k) {
      if (const std::string* w = first_word(d_.verbs[i].forms[k])) verbs_by_first_[*w].push_back({i, k + 1});
    }
    // Longest pattern first, length counted as TABARI does: the letters and digits of its
    // words, alternatives by their longest member, synsets and actor tokens not at all.
    std::vector<std::pair<size_t, TabariPattern>> by_length;
    for (TabariPattern& p : d_.verbs[i].patterns) {
      const size_t length = TextLength(p.before) + TextLength(p.after);
      by_length.emplace_back(length, std::move(p));
    }
    std::stable_sort(by_length.begin(), by_length.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    d_.verbs[i].patterns.clear();
    for (auto& [length, p] : by_length) d_.verbs[i].patterns.push_back(std::move(p));
  }
}

bool TabariCoder::IsListed(const std::string& lower, uint32_t kind) const {
  bool listed = false;
  ForFirstWord(nouns_by_first_, lower, [&](const PhraseRef& r) {
    if (r.entry != kind || listed) return;
    const std::vector<Phrase>& list = kind == 0 ? d_.nouns : d_.adjectives;
    listed = WordMatches(list[r.phrase][0], lower);
  });
  return listed;
}

template <typename F>
void TabariCoder::ForFirstWord(const PhraseIndex& index, const std::string& lower, F&& f) const {
  // A dictionary word is a stem of the words it matches: look up every prefix.
  const std::string_view word = lower;
  for (size_t n = 1; n <= word.size(); ++n) {
    auto it = index.find(word.substr(0, n));
    if (it == index.end()) continue;
    for (const PhraseRef& ref : it->second) f(ref);
  }
}

namespace {

// A sentence's dependency tree, each token mapped to the coder's unit that holds it: what the
// parse-reading parts of the coder (PETRARCH's reading) walk.
class UnitTree {
 public:
  // With `actor_names`, the words of an agent composed with an actor ("Danish media") map to
  // the actor; else each unit maps only its own words.
  UnitTree(const Document& doc, const Sentence& sentence, const std::vector<TabariCoder::Unit>& units, bool actor_names)
      : doc_(doc), begin_(sentence.token_begin), end_(sentence.token_end) {
    unit_of_.assign(end_ - begin_, -1);
    children_.resize(end_ - begin_);
    auto map = [&](size_t k, uint32_t from, uint32_t to) {
      for (uint32_t t = std::max(from, begin_); t < to && t < end_; ++t) {
        if (unit_of_[t - begin_] < 0) unit_of_[t - begin_] = static_cast<int>(k);
      }
    };
    if (actor_names) {
      for (size_t k = 0; k < units.size(); ++k) {
        if (units[k].actor && !units[k].pronoun) map(k, units[k].name_begin, units[k].name_end);
      }
    }
    for (size_t k = 0; k < units.size(); ++k) map(k, units[k].token_begin, units[k].token_end);
    for (uint32_t t = begin_; t < end_; ++t) {
      if (Inside(doc.tokens[t].head)) children_[static_cast<uint32_t>(doc.tokens[t].head) - begin_].push_back(t);
    }
  }

  bool Inside(int32_t t) const { return t >= static_cast<int32_t>(begin_) && t < static_cast<int32_t>(end_); }
  int UnitAt(uint32_t t) const { return unit_of_[t - begin_]; }
  const std::vector<uint32_t>& Children(uint32_t t) const { return children_[t - begin_]; }

  // The token of unit k whose head lies outside the unit, or -1.
  int HeadToken(size_t k) const {
    for (uint32_t t = begin_; t < end_; ++t) {
      if (UnitAt(t) != static_cast<int>(k)) continue;
      const int32_t h = doc_.tokens[t].head;
      if (!Inside(h) || UnitAt(static_cast<uint32_t>(h)) != static_cast<int>(k)) return static_cast<int>(t);
    }
    return -1;
  }

  // The conjuncts of the coordination token t stands in: its first conjunct and that one's
  // "conj" dependents (t alone when it is in none).
  std::vector<uint32_t> Conjuncts(uint32_t t) const {
    uint32_t first = t;
    for (int depth = 0; depth < 16 && doc_.tokens[first].deprel == "conj" && Inside(doc_.tokens[first].head); ++depth) {
      first = static_cast<uint32_t>(doc_.tokens[first].head);
    }
    std::vector<uint32_t> conjuncts{first};
    for (uint32_t c : Children(first)) {
      if (doc_.tokens[c].deprel == "conj") conjuncts.push_back(c);
    }
    return conjuncts;
  }

  // The units of the subtree at t in text order, without the subtrees of the children that
  // `skip(parent, child)` leaves out.
  template <typename Skip>
  std::vector<size_t> UnitsUnder(uint32_t t, Skip&& skip) const {
    std::vector<uint32_t> stack{t};
    std::vector<size_t> found;
    for (size_t steps = 0; !stack.empty() && steps < 4096; ++steps) {
      const uint32_t x = stack.back();
      stack.pop_back();
      if (const int k = UnitAt(x); k >= 0) found.push_back(static_cast<size_t>(k));
      for (uint32_t c : Children(x)) {
        if (!skip(x, c)) stack.push_back(c);
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }

  // The first token of the subtree at t.
  uint32_t FirstToken(uint32_t t) const {
    uint32_t first = t;
    std::vector<uint32_t> stack{t};
    for (size_t steps = 0; !stack.empty() && steps < 4096; ++steps) {
      const uint32_t x = stack.back();
      stack.pop_back();
      first = std::min(first, x);
      for (uint32_t c : Children(x)) stack.push_back(c);
    }
    return first;
  }

 private:
  const Document& doc_;
  uint32_t begin_, end_;
  std::vector<int> unit_of_;                     // token - begin_ -> unit index, -1 for none
  std::vector<std::vector<uint32_t>> children_;  // token - begin_ -> child tokens
};

// Agents and actors linked by the parse, for composing them where words keep them apart, and
// for giving an agent to every actor of a coordination ("lawmakers in Fornost and Gondor":
// FORLEG and GONLEG; "Danish media and government": DNKMED and DNKGOV).
class AgentLinks {
 public:
  AgentLinks(const Document& doc, const Sentence& sentence, const std::vector<TabariCoder::Unit>& units)
      : doc_(doc), tree_(doc, sentence, units, /*actor_names=*/false) {}

  // An actor unit that modifies the agent at unit `i` in the parse (its possessor,
  // compound, adjective or "of"/"in" phrase), or -1.
  int ActorLinkedTo(size_t i, const std::vector<TabariCoder::Unit>& units) const {
    const int head = tree_.HeadToken(i);
    if (head < 0) return -1;
    for (uint32_t t : tree_.Children(static_cast<uint32_t>(head))) {
      const std::string& rel = doc_.tokens[t].deprel;
      if (rel != "nmod:poss" && rel != "compound" && rel != "amod" && rel != "nmod" && rel != "obl") continue;
      const int k = tree_.UnitAt(t);
      if (k >= 0 && units[static_cast<size_t>(k)].actor && !units[static_cast<size_t>(k)].pronoun) return k;
    }
    return -1;
  }

  // After composition: an actor coordinated with one that took an agent takes it too, when
  // the agent stands outside the coordination; an agent coordinated with one that composed
  // becomes an actor of the same country.
  void Distribute(std::vector<TabariCoder::Unit>& units, const std::vector<int>& composed_with,
                  const TabariDictionaries& d) const {
    for (size_t i = 0; i < units.size(); ++i) {
      if (composed_with[i] < 0) continue;
      const TabariCoder::Unit actor = units[static_cast<size_t>(composed_with[i])];
      const TabariAgent& agent = d.agents[static_cast<size_t>(units[i].agent)];
      // Actors coordinated with the composed one, the agent being neither of them.
      for (int k : Coordinated(static_cast<size_t>(composed_with[i]))) {
        TabariCoder::Unit& other = units[static_cast<size_t>(k)];
        if (!other.actor || other.pronoun || !other.agent_code.empty()) continue;
        if (other.token_begin <= units[i].token_begin && units[i].token_begin < other.token_end) continue;
        other.base_code = other.code;
        other.agent_code = actor.agent_code;
        other.code = agent.before_actor ? actor.agent_code + other.code : other.code + actor.agent_code;
      }
      // Agents coordinated with this one: "media and government".
      for (int k : Coordinated(i)) {
        TabariCoder::Unit& other = units[static_cast<size_t>(k)];
        if (other.agent < 0 || composed_with[static_cast<size_t>(k)] >= 0) continue;
        const TabariAgent& second = d.agents[static_cast<size_t>(other.agent)];
        other.actor = true;
        other.agent_code = second.code;
        other.base_code = actor.base_code;
        other.code = second.before_actor ? second.code + actor.base_code : actor.base_code + second.code;
        other.name_begin = other.token_begin;
        other.name_end = other.token_end;
      }
    }
  }

 private:
  // The other units coordinated with unit `i` by "conj".
  std::vector<int> Coordinated(size_t i) const {
    std::vector<int> out;
    const int head = tree_.HeadToken(i);
    if (head < 0) return out;
    for (uint32_t t : tree_.Conjuncts(static_cast<uint32_t>(head))) {
      const int k = tree_.UnitAt(t);
      if (k >= 0 && k != static_cast<int>(i) && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
    return out;
  }

  const Document& doc_;
  UnitTree tree_;
};

}  // namespace

std::vector<TabariCoder::Unit> TabariCoder::Units(const Document& doc, uint32_t sentence,
                                                  const std::optional<CivilDate>& date, const TabariOptions& options,
                                                  bool& discard, bool& complex) const {
  const Sentence& s = doc.sentences[sentence];
  // Words as TABARI reads text: clitics stay on their word ("didn't", "Arnor's"), "_"
  // separates words, hyphens, "?" and "!" and the final period are blanks.
  std::vector<Unit> words;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    const Token& token = doc.tokens[t];
    const std::string& w = token.lower;
    if (w == "-" || w == "--" || w == "?" || w == "!" || w == "." || w == "...") continue;
    const bool clitic =
        !words.empty() && words.back().token_end == t && doc.tokens[t - 1].span.end == token.span.begin &&
        (w == "n't" || (w.size() >= 2 && w[0] == '\'' && std::isalpha(static_cast<unsigned char>(w[1]))));
    if (clitic) {
      words.back().lower += w;
      words.back().token_end = t + 1;
      continue;
    }
    // "_" and a hyphen inside a word ("pro-government") separate words, as TABARI's blanks.
    size_t start = 0;
    while (start <= w.size()) {
      size_t end = w.find_first_of("_-", start);
      if (end == std::string::npos) end = w.size();
      if (end > start) {
        Unit word;
        word.token_begin = t;
        word.token_end = t + 1;
        word.lower = w.substr(start, end - start);
        char first = doc.text[token.span.begin + start];
        word.capitalized = first >= 'A' && first <= 'Z';
        words.push_back(std::move(word));
      }
      start = end + 1;
    }
  }
  Matcher word_matcher(d_, &words, PhraseKind::kName);
  // The <TIME> phrases coded "###" or "+++" discard the sentence or mark it complex.
  for (const auto& [phrase, code] : d_.markers) {
    for (size_t i = 0; i < words.size(); ++i) {
      Bindings b;
      size_t end = 0;
      if (!word_matcher.Match(phrase, 0, i, words.size(), true, kPhraseGap, b, end)) continue;
      (code == "###" ? discard : complex) = true;
      break;
    }
  }
  // Actors and agents: the longest phrase at each word, more words matched first, then the
  // phrase with more of its words joined (the stricter spelling).
  struct Found {
    size_t end = 0;
    int actor = -1, agent = -1;
    size_t length = 0, joined = 0;
  };
  std::vector<Unit> units;
  for (size_t i = 0; i < words.size();) {
    Found best;
    auto consider = [&](const Phrase& phrase, int actor, int agent) {
      Bindings b;
      size_t end = 0;
      if (!word_matcher.Match(phrase, 0, i, words.size(), true, kPhraseGap, b, end)) return;
      size_t joined = 0;
      for (const Element& e : phrase) joined += e.joined_to_next;
      if (phrase.size() > best.length || (phrase.size() == best.length && joined > best.joined)) {
        best = {end, actor, agent, phrase.size(), joined};
      }
    };
    ForFirstWord(actors_by_first_, words[i].lower, [&](const PhraseRef& r) {
      consider(d_.actors[r.entry].phrases[r.phrase], static_cast<int>(r.entry), -1);
    });
    ForFirstWord(agents_by_first_, words[i].lower,
                 [&](const PhraseRef& r) { consider(d_.agents[r.entry].phrase, -1, static_cast<int>(r.entry)); });
    if (best.length == 0) {
      units.push_back(words[i]);
      ++i;
      continue;
    }
    Unit u = words[i];
    u.token_end = words[best.end - 1].token_end;
    u.name_begin = u.token_begin;
    u.name_end = u.token_end;
    if (best.actor >= 0) {
      u.code = CodeOn(d_.actors[static_cast<size_t>(best.actor)], date);
      if (u.code == "###") discard = true;
      if (u.code == "+++") complex = true;
      // A null-coded actor is a noun: it names no one and is no verb either.
      u.actor = u.code != "---" && u.code != "###" && u.code != "+++";
      u.noun = !u.actor;
    }
    u.agent = best.agent;
    units.push_back(std::move(u));
    i = best.end;
  }
  // An agent composes with the actor right before it ("Arnor police", "Arnor's police"),
  // else right after it, else after a preposition ("police of Arnor"): ARN with COP.
  std::optional<AgentLinks> parse_links;
  if (options.roles_from_parse) parse_links.emplace(doc, s, units);
  const AgentLinks* parse = parse_links ? &*parse_links : nullptr;
  std::vector<int> composed_with(units.size(), -1);  // agent unit -> the actor unit it composed with
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].agent < 0) continue;
    const TabariAgent& agent = d_.agents[static_cast<size_t>(units[i].agent)];
    Unit* actor = nullptr;
    if (i >= 1 && units[i - 1].actor) {
      actor = &units[i - 1];
    } else if (i >= 2 && (units[i - 1].lower == "'s" || units[i - 1].lower == "former") && units[i - 2].actor) {
      actor = &units[i - 2];
    } else if (i + 1 < units.size() && units[i + 1].actor) {
      actor = &units[i + 1];
    } else if (i + 2 < units.size() &&
               (units[i + 1].lower == "of" || units[i + 1].lower == "in" || units[i + 1].lower == "from" ||
                units[i + 1].lower == "for" || units[i + 1].lower == "to") &&
               units[i + 2].actor) {
      actor = &units[i + 2];
    }
    if (!actor && parse) {
      // The parse links what adjectives or a clause keep apart: "Ithilen's awful and evil
      // minister", "officials in the capital of Arnor".
      const int linked = parse->ActorLinkedTo(i, units);
      if (linked >= 0) actor = &units[static_cast<size_t>(linked)];
    }
    if (!actor) {
      // CONVERT AGENTS: an agent on its own is an actor, its code marked as an agent's.
      if (options.convert_agents) {
        units[i].actor = true;
        units[i].code = options.agents_as_null_country ? "---" + agent.code
                        : agent.before_actor           ? agent.code + "~"
                                                       : "~" + agent.code;
        units[i].name_begin = units[i].token_begin;
        units[i].name_end = units[i].token_end;
      }
      continue;
    }
    // "Former" before the actor or the agent makes an elite of the agent (CAMEO's rule).
    const size_t actor_index = static_cast<size_t>(actor - units.data());
    const size_t first = std::min(actor_index, i);
    const std::string agent_code =
        (i >= 1 && units[i - 1].lower == "former") || (first >= 1 && units[first - 1].lower == "former")
            ? std::string("ELI")
            : agent.code;
    // "White House security officials": USAGOV already holds GOV; "human rights activists
    // Amnesty International": NGM already is NGM.
    bool holds = false;
    for (size_t at = 0; at + agent_code.size() <= actor->code.size() && !holds; at += 3) {
      holds = actor->code.compare(at, agent_code.size(), agent_code) == 0;
    }
    if (holds) continue;
    if (actor->base_code.empty()) actor->base_code = actor->code;
    actor->agent_code = agent_code;
    actor->code = agent.before_actor ? agent_code + actor->code : actor->code + agent_code;
    actor->name_begin = std::min(actor->name_begin, units[i].token_begin);
    actor->name_end = std::max(actor->name_end, units[i].token_end);
    composed_with[i] = static_cast<int>(actor - units.data());
  }
  if (parse) parse->Distribute(units, composed_with, d_);
  return units;
}

namespace {

// Stand-ins for the DEFAULT source and target among unit indices.
constexpr size_t kDefaultSource = SIZE_MAX, kDefaultTarget = SIZE_MAX - 1;
// A side no actor fills when a dyad is not required.
constexpr size_t kNullActor = SIZE_MAX - 2;

// The first token in [begin, end) the tagger calls a verb, or -1.
int TaggedVerb(const Document& doc, uint32_t begin, uint32_t end) {
  for (uint32_t t = begin; t < end && t < doc.tokens.size(); ++t) {
    if (doc.tokens[t].upos == "VERB") return static_cast<int>(t);
  }
  return -1;
}

bool HasPrefix(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Who a verb's subject and objects are, read off a sentence's dependency parse and mapped
// onto the coder's units.
class ParseRoles {
 public:
  ParseRoles(const Document& doc, const Sentence& sentence, const std::vector<TabariCoder::Unit>& units)
      : doc_(doc), begin_(sentence.token_begin), tree_(doc, sentence, units, /*actor_names=*/true) {}

  struct Actors {
    int source = -1;              // a unit index
    std::vector<size_t> sources;  // the source and the actors coordinated with it
    std::vector<size_t> targets;  // unit indices: candidates after the verb first, then before it
    bool has_subject = false;     // the parse gave the verb a subject, with or without an actor
  };

  // Unit k and the actors coordinated with it in the parse ("A, the awful B and C"): the
  // first actor of each conjunct of the phrase k heads.
  template <typename Usable>
  std::vector<size_t> Members(size_t k, Usable&& usable) const {
    std::vector<size_t> members{k};
    const int head = tree_.HeadToken(k);
    if (head < 0) return members;
    // The conjuncts of the actor's own phrase ("A, the awful B and C"), and of the phrase it
    // modifies ("A's sheep and the goats of B"; "lawmakers in A and B" keeps A's conjuncts).
    std::vector<uint32_t> phrases{static_cast<uint32_t>(head)};
    const std::string& head_rel = doc_.tokens[static_cast<uint32_t>(head)].deprel;
    const int32_t outer = doc_.tokens[static_cast<uint32_t>(head)].head;
    if ((head_rel == "nmod:poss" || head_rel == "nmod" || head_rel == "compound") && tree_.Inside(outer) &&
        doc_.tokens[static_cast<uint32_t>(outer)].upos != "VERB") {
      phrases.push_back(static_cast<uint32_t>(outer));
    }
    for (uint32_t phrase : phrases) {
      for (uint32_t c : tree_.Conjuncts(phrase)) {
        const std::vector<size_t> inside =
            tree_.UnitsUnder(c, [&](uint32_t parent, uint32_t child) { return parent == c && Rel(child) == "conj"; });
        for (size_t u : inside) {
          if (!usable(u)) continue;
          if (std::find(members.begin(), members.end(), u) == members.end()) members.push_back(u);
          break;
        }
      }
    }
    std::sort(members.begin(), members.end());
    return members;
  }

  // The source and target candidates of the verb at token `verb`, among units `usable` accepts.
  template <typename Usable>
  Actors Of(uint32_t verb, Usable&& usable) const {
    Actors out;
    // The subject: the verb's own, else that of what it hangs from.
    int subject = -1, without = -1;
    std::vector<uint32_t> more_subjects;  // a verb given two subjects: a coordination the parser split
    bool passive = false;
    uint32_t at = verb;
    for (int depth = 0; depth < 8 && subject < 0; ++depth) {
      for (uint32_t c : tree_.Children(at)) {
        const std::string& rel = doc_.tokens[c].deprel;
        if (HasPrefix(rel, "nsubj") || HasPrefix(rel, "csubj")) {
          for (uint32_t other : tree_.Children(at)) {
            // Only a second subject joined by "and" ("Ithilen and the government of Gondor
            // warned"), not the speaker of a report the parser hung on the same verb.
            if (other > c && HasPrefix(doc_.tokens[other].deprel, "nsubj") && other < verb &&
                JoinedByConjunction(other)) {
              more_subjects.push_back(other);
            }
          }
          subject = static_cast<int>(c);
          // "Gollum was seen to break into ...": the subject a verb takes from the passive
          // verb it hangs from is its doer.
          passive = at == verb && (rel == "nsubj:pass" || rel == "csubj:pass");
          break;
        }
      }
      if (subject >= 0) break;
      const std::string& rel = doc_.tokens[at].deprel;
      const int32_t head = doc_.tokens[at].head;
      if (!tree_.Inside(head)) break;
      if (HasPrefix(rel, "acl")) {  // "soldiers seized ...", "the group that attacked ...": the noun
        subject = head;
        without = static_cast<int>(at);
        break;
      }
      // A conjunct the parse put under a noun ("... on Thursday and promised aid") takes
      // the subject of the verb further up.
      if (rel != "xcomp" && rel != "conj" && rel != "advcl" && rel != "ccomp" &&
          !(at != verb && doc_.tokens[at].upos != "VERB")) {
        break;
      }
      at = static_cast<uint32_t>(head);
    }
    // A relative pronoun subject stands for the noun its clause hangs from.
    if (subject >= 0 && doc_.tokens[static_cast<uint32_t>(subject)].upos == "PRON" &&
        HasPrefix(doc_.tokens[at].deprel, "acl")) {
      const std::string& w = doc_.tokens[static_cast<uint32_t>(subject)].lower;
      const int32_t head = doc_.tokens[at].head;
      if ((w == "who" || w == "which" || w == "that") && tree_.Inside(head)) {
        subject = head;
        without = static_cast<int>(at);
      }
    }
    out.has_subject = subject >= 0;
    std::vector<size_t> subject_units;
    if (subject >= 0) subject_units = Phrase(static_cast<uint32_t>(subject), without);
    // Names right before the subject's words belong to its phrase ("Bree Prime Minister
    // Romendacil"), whatever the parser made of them.
    while (!subject_units.empty() && subject_units.front() > 0 && usable(subject_units.front() - 1) &&
           subject_units.front() - 1 != static_cast<size_t>(std::max(0, tree_.UnitAt(verb)))) {
      subject_units.insert(subject_units.begin(), subject_units.front() - 1);
    }
    // The objects and complements: the verb's subtree without its subject and without
    // clauses of their own.
    std::vector<size_t> object_units;
    for (uint32_t c : tree_.Children(verb)) {
      if (static_cast<int>(c) == subject) continue;
      const std::string& rel = doc_.tokens[c].deprel;
      // (A word the parser labelled "punct" is still a word; an adverbial clause with no
      // subject of its own, "signed an accord to supply Gondor", is part of the verb's phrase.)
      const bool own_clause = IsOwnClause(rel) && !(rel == "punct" && doc_.tokens[c].upos != "PUNCT") &&
                              !(HasPrefix(rel, "advcl") && !HasSubject(c));
      if (own_clause || HasPrefix(rel, "nsubj") || HasPrefix(rel, "csubj")) continue;
      if (passive && HasPrefix(rel, "obl") && HasCase(c, "by")) {  // the doer of a passive verb
        for (size_t k : Phrase(c)) {
          if (usable(k) && out.source < 0) out.source = static_cast<int>(k);
        }
        continue;
      }
      for (size_t k : Phrase(c)) object_units.push_back(k);
    }
    std::sort(object_units.begin(), object_units.end());
    // "Arnor believes Dagolath can cope", "Gollum allowed that Mordor isn't ...": with no
    // actor among its objects, a verb of saying or thinking is aimed at the subject of the
    // clause it reports (PETRARCH's reading, which its dictionaries are written for).
    if (std::none_of(object_units.begin(), object_units.end(), usable)) {
      for (uint32_t c : tree_.Children(verb)) {
        // A clause before the verb is the report, not what it is about ("X did Y, officials said").
        if (doc_.tokens[c].deprel != "ccomp" || c < verb) continue;
        for (uint32_t g : tree_.Children(c)) {
          if (!HasPrefix(doc_.tokens[g].deprel, "nsubj")) continue;
          for (size_t k : Phrase(g)) object_units.push_back(k);
        }
      }
    }
    std::vector<size_t> sides[2] = {subject_units, object_units};
    if (passive) std::swap(sides[0], sides[1]);
    // A passive verb's doer is only ever its "by" phrase: "X was criticized over its
    // dispute with Y" says nothing of who criticized.
    if (out.source < 0 && !passive) {
      for (size_t k : sides[0]) {
        if (usable(k)) {
          out.source = static_cast<int>(k);
          break;
        }
      }
    }
    if (out.source >= 0) out.sources = Members(static_cast<size_t>(out.source), usable);
    for (uint32_t other : more_subjects) {
      if (passive || out.source < 0) break;
      for (size_t k : Phrase(other)) {
        if (!usable(k)) continue;
        for (size_t m : Members(k, usable)) {
          if (std::find(out.sources.begin(), out.sources.end(), m) == out.sources.end()) out.sources.push_back(m);
        }
        break;
      }
    }
    std::sort(out.sources.begin(), out.sources.end());
    const size_t verb_unit = static_cast<size_t>(std::max(0, tree_.UnitAt(verb)));
    // The target is in what follows the verb (its phrase, as PETRARCH reads it), or, for a
    // passive verb, its subject; a phrase before an active verb is the setting or a parse
    // error ("..., five years after the crowds, an official said").
    for (size_t k : sides[1]) {
      if (usable(k) && std::find(out.sources.begin(), out.sources.end(), k) == out.sources.end() &&
          (passive || k > verb_unit)) {
        out.targets.push_back(k);
      }
    }
    return out;
  }

 private:
  static bool IsOwnClause(const std::string& rel) {
    return rel == "ccomp" || HasPrefix(rel, "advcl") || rel == "parataxis" || rel == "conj" || rel == "punct" ||
           rel == "cc" || HasPrefix(rel, "acl:relcl");
  }
  const std::string& Rel(uint32_t t) const { return doc_.tokens[t].deprel; }
  // Whether the phrase headed by t opens with or right after "and", "or" or "nor".
  bool JoinedByConjunction(uint32_t t) const {
    const uint32_t first = tree_.FirstToken(t);
    // The parser may have hung the "and" on the phrase itself.
    auto conjunction = [&](uint32_t k) {
      const std::string& w = doc_.tokens[k].lower;
      return w == "and" || w == "or" || w == "nor";
    };
    return conjunction(first) || (first > begin_ && conjunction(first - 1));
  }
  bool HasSubject(uint32_t t) const {
    for (uint32_t c : tree_.Children(t)) {
      if (HasPrefix(Rel(c), "nsubj") || HasPrefix(Rel(c), "csubj")) return true;
    }
    return false;
  }
  bool HasCase(uint32_t t, std::string_view word) const {
    for (uint32_t c : tree_.Children(t)) {
      if (Rel(c) == "case" && doc_.tokens[c].lower == word) return true;
    }
    return false;
  }
  // The units of the phrase at t, in text order: its subtree without the subtree at
  // `without` and without clauses below it that have a subject of their own.
  std::vector<size_t> Phrase(uint32_t t, int without = -1) const {
    return tree_.UnitsUnder(t, [&](uint32_t parent, uint32_t child) {
      return static_cast<int>(child) == without ||
             (parent != t && (Rel(child) == "ccomp" || HasPrefix(Rel(child), "advcl")));
    });
  }

  const Document& doc_;
  uint32_t begin_;
  UnitTree tree_;
};

bool IsConjunction(std::string_view w) { return w == "and" || w == "but" || w == "or" || w == "nor"; }
bool IsPassiveAuxiliary(std::string_view w) { return w == "was" || w == "were" || w == "been"; }

// Strips TABARI's code marks: "023?" is subordinate (coded only when nothing else is),
// "111!" dominant (when present, only dominant events are coded).
std::string PlainCode(std::string_view code, bool& subordinate, bool& dominant) {
  subordinate = dominant = false;
  std::string out;
  for (char c : code) {
    if (c == '?') {
      subordinate = true;
    } else if (c == '!') {
      dominant = true;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<TabariCoder::Unit> TabariCoder::Prepare(const Document& doc, uint32_t sentence,
                                                    const std::optional<CivilDate>& date, const TabariOptions& options,
                                                    const std::string* forwarded, bool& discard, bool& complex,
                                                    bool& all_capitals, size_t& commas_dropped,
                                                    size_t& word_count) const {
  std::vector<Unit> units = Units(doc, sentence, date, options, discard, complex);
  // Words for MINIMUM WORDS: a comma counts, other punctuation does not; an actor counts
  // its words ("the Prince of Dol Amroth"), a word its clitic not ("Gondor's").
  word_count = 0;
  for (const Unit& u : units) {
    for (uint32_t t = u.token_begin; t < u.token_end; ++t) {
      const std::string& w = doc.tokens[t].lower;
      const bool clitic = w == "n't" || (!w.empty() && w[0] == '\'');
      const bool word = std::any_of(w.begin(), w.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      });
      word_count += w == "," || (word && !clitic);
    }
  }
  // Text in capitals throughout says nothing by its capitals.
  all_capitals = std::none_of(units.begin(), units.end(), [](const Unit& u) {
    return std::any_of(u.lower.begin(), u.lower.end(), [](char c) { return c >= 'a' && c <= 'z'; }) && !u.capitalized;
  });
  // Reading the parse, an adjective is also what the tagger calls one ("the awful Fornost").
  auto is_adjective = [&](const Unit& u) {
    return IsListed(u.lower, 1) || (options.roles_from_parse && doc.tokens[u.token_begin].upos == "ADJ");
  };

  // 1. Parsed compound actors: "A and B", "A, B(,) and C", "neither A nor B", each member an actor after any
  // determiners and adjectives ("the United States and Egypt").
  for (size_t i = 0; i < units.size(); ++i) {
    if (!units[i].actor || units[i].compound >= 0) continue;
    std::vector<size_t> members{i}, joints;
    size_t q = i;
    while (q + 1 < units.size() && !units[q + 1].actor &&
           (units[q + 1].lower == "," || units[q + 1].lower == "and" || units[q + 1].lower == "nor")) {
      size_t next = q + 2;
      // ", and": the list's last comma.
      const bool oxford = units[q + 1].lower == "," && next < units.size() && units[next].lower == "and";
      if (oxford) ++next;
      while (next < units.size() && !units[next].actor &&
             (IsDeterminer(units[next].lower) || is_adjective(units[next]))) {
        ++next;
      }
      if (next >= units.size() || !units[next].actor) break;
      joints.push_back(q + 1);
      if (oxford) joints.push_back(q + 2);
      members.push_back(next);
      const bool ended = units[q + 1].lower != "," || oxford;
      q = next;
      if (ended) break;
    }
    // A list must end with "and" (or "nor"): "A, B, C" alone is no compound.
    if (members.size() < 2 || units[joints.back()].lower == ",") continue;
    for (size_t m : members) units[m].compound = static_cast<int>(i);
    for (size_t j : joints) units[j].in_compound = true;
  }

  // 2. Pronouns: HE, SHE, HIM, IT the first actor of the sentence; ITS, HIS, HER the first actor
  // before them; THEY, THEM, THEIR the first compound actor, else the first actor.
  for (size_t i = 0; i < units.size(); ++i) {
    const std::string& w = units[i].lower;
    if (units[i].actor) continue;
    int referent = -1;
    // Reading roles from the parse (PETRARCH's way), a possessive names whose thing it is,
    // not an actor of the event: "crowds trashed its embassy".
    if (options.roles_from_parse && (w == "its" || w == "his" || w == "her" || w == "their")) continue;
    // FORWARD: a subject pronoun before every actor of the sentence is the actor the story
    // has been about ("He has also asked Gondor ...").
    const bool subject_pronoun = w == "he" || w == "she" || w == "it" || w == "they";
    if (forwarded && !forwarded->empty() && subject_pronoun &&
        std::none_of(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(i),
                     [](const Unit& u) { return u.actor; })) {
      units[i].actor = true;
      units[i].pronoun = true;
      units[i].name_begin = units[i].token_begin;
      units[i].name_end = units[i].token_end;
      units[i].code = *forwarded;
      units[i].base_code = *forwarded;
      continue;
    }
    // Nor is the "it" of "it has been noted that ..." anyone.
    if (options.roles_from_parse && doc.tokens[units[i].token_begin].deprel == "expl") continue;
    if (w == "he" || w == "she" || w == "him" || w == "it" || w == "its" || w == "his" || w == "her") {
      const bool before_only = w == "its" || w == "his" || w == "her";
      for (size_t k = 0; k < (before_only ? i : units.size()); ++k) {
        if (units[k].actor) {
          referent = static_cast<int>(k);
          break;
        }
      }
    } else if (w == "they" || w == "them" || w == "their") {
      for (size_t k = 0; k < units.size() && referent < 0; ++k) {
        if (units[k].actor && units[k].compound == static_cast<int>(k)) referent = static_cast<int>(k);
      }
      for (size_t k = 0; k < units.size() && referent < 0; ++k) {
        if (units[k].actor) referent = static_cast<int>(k);
      }
    }
    if (referent < 0 || static_cast<size_t>(referent) == i) continue;
    const Unit& r = units[static_cast<size_t>(referent)];
    units[i].actor = true;
    units[i].pronoun = true;
    units[i].name_begin = units[i].token_begin;
    units[i].name_end = units[i].token_end;
    units[i].code = r.code;
    // "They" stands for the whole compound; "he" or "its" for one actor.
    if (w == "they" || w == "them" || w == "their") units[i].compound = r.compound;
  }

  // 3. Comma-delimited clauses are dropped by their length in words (COMMA: by default
  // more than two and at most ten, "Gollum, centre of a row, called on Gondor", the last
  // one running to the end of the sentence too, ", the news agency said", the first one
  // never); commas of a compound actor do not count.
  commas_dropped = 0;
  {
    std::vector<bool> keep(units.size(), true);
    auto words_between = [&](int a, size_t b) {
      size_t words = 0;
      for (size_t k = static_cast<size_t>(a + 1); k < b; ++k) words += units[k].token_end - units[k].token_begin;
      return static_cast<int>(words);
    };
    size_t end = units.size();
    while (end > 0 && !units[end - 1].actor && units[end - 1].token_end - units[end - 1].token_begin == 1 &&
           (units[end - 1].lower == "." || units[end - 1].lower == "\"")) {
      --end;
    }
    // The comma that opened the current clause; -1 the sentence's start; -2 none (the
    // comma that closed a dropped clause went with it).
    int open = -1;
    for (size_t k = 0; options.comma_on && k <= end; ++k) {
      const bool comma = k < end && units[k].lower == "," && !units[k].actor && !units[k].in_compound;
      if (!comma && k != end) continue;
      if (!comma && open == -1) break;  // no comma at all
      if (open == -2) {
        open = static_cast<int>(k);
        continue;
      }
      const int words = words_between(open, k);
      const bool first = open < 0, last = !comma;
      const int min = first ? options.comma_begin_min : last ? options.comma_end_min : options.comma_min;
      const int max = first ? options.comma_begin_max : last ? options.comma_end_max : options.comma_max;
      if (words > min && words <= max) {
        for (size_t m = static_cast<size_t>(std::max(open, 0)); m < k; ++m) keep[m] = false;
        if (comma && !first) keep[k] = false;
        ++commas_dropped;
        open = first ? static_cast<int>(k) : -2;
        continue;
      }
      open = static_cast<int>(k);
    }
    std::vector<Unit> kept;
    std::vector<int> new_index(units.size(), -1);
    for (size_t k = 0; k < units.size(); ++k) {
      if (!keep[k]) continue;
      new_index[k] = static_cast<int>(kept.size());
      kept.push_back(std::move(units[k]));
    }
    for (Unit& u : kept) {
      if (u.compound >= 0) u.compound = new_index[static_cast<size_t>(u.compound)];
    }
    units = std::move(kept);
  }

  return units;
}

std::string TabariCoder::Explain(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                                 const TabariOptions& options, const std::string* forwarded) const {
  bool discard = false, complex = false, all_capitals = false;
  size_t commas = 0, words = 0;
  std::string out;
  for (const Unit& u :
       Prepare(doc, sentence, date, options, forwarded, discard, complex, all_capitals, commas, words)) {
    if (!out.empty()) out += ' ';
    const Span span{doc.tokens[u.token_begin].span.begin, doc.tokens[u.token_end - 1].span.end};
    out += doc.Slice(span);
    if (u.actor) out += "=[" + u.code + "]";
    if (u.noun) out += "=[noun]";
  }
  if (discard) out += "  (discarded)";
  if (complex) out += "  (complex)";
  return out;
}

LegacySentence TabariCoder::CodeSentence(const Document& doc, uint32_t sentence, const std::optional<CivilDate>& date,
                                         const TabariOptions& options, const std::string* forwarded) const {
  LegacySentence result;
  bool discard = false, complex = false, all_capitals = false;
  size_t commas_dropped = 0, word_count = 0;
  std::vector<Unit> units =
      Prepare(doc, sentence, date, options, forwarded, discard, complex, all_capitals, commas_dropped, word_count);
  if (discard || complex) {
    result.outcome = discard ? SentenceOutcome::kDiscarded : SentenceOutcome::kComplex;
    return result;
  }
  if (options.minimum_words > 0 && word_count < static_cast<size_t>(options.minimum_words)) return result;
  auto is_listed_noun = [&](const std::string& w) { return IsListed(w, 0) || IsListed(w, 1); };
  auto group = [&](size_t p) {
    std::vector<size_t> members;
    if (units[p].compound < 0) return std::vector<size_t>{p};
    for (size_t k = 0; k < units.size(); ++k) {
      if (units[k].compound == units[p].compound) members.push_back(k);
    }
    return members;
  };
  Matcher matcher(d_, &units, PhraseKind::kPattern);
  Matcher root_matcher(d_, &units, PhraseKind::kName);
  const size_t n = units.size();
  int first_actor = -1;
  for (size_t k = 0; k < n && first_actor < 0; ++k) {
    if (units[k].actor) first_actor = static_cast<int>(k);
  }

  const ParseRoles roles(doc, doc.sentences[sentence], units);

  // The verb at units[v], if any: its entry and one past its last word (within `limit`).
  // Not a verb: a capitalised word inside the sentence, a word after a determiner, a
  // listed noun; of several entries, the root (or irregular form) with the most words.
  auto verb_at = [&](size_t v, size_t limit) -> std::pair<int, size_t> {
    const Unit& u = units[v];
    if (u.actor || u.noun || u.lower.empty()) return {-1, 0};
    if (u.capitalized && v > 0 && !all_capitals) return {-1, 0};
    if (v > 0 && !units[v - 1].actor && IsDeterminer(units[v - 1].lower)) return {-1, 0};
    if (is_listed_noun(u.lower)) return {-1, 0};
    int best_verb = -1;
    size_t best_end = 0, best_length = 0;
    ForFirstWord(verbs_by_first_, u.lower, [&](const PhraseRef& r) {
      const TabariVerb& verb = d_.verbs[r.entry];
      Phrase phrase = r.phrase == 0 ? verb.root : verb.forms[r.phrase - 1];
      if (r.phrase > 0) phrase.insert(phrase.end(), verb.root.begin() + 1, verb.root.end());
      Bindings b;
      size_t end = 0;
      if (!root_matcher.Match(phrase, 0, v, limit, true, kPhraseGap, b, end)) return;
      if (options.roles_from_parse && TaggedVerb(doc, units[v].token_begin, units[end - 1].token_end) < 0) return;
      // More words first, then longer words: ATTACKED before ATTACK, as TABARI orders roots.
      const size_t length = phrase.size() * 1000 + TextLength(phrase);
      if (length > best_length) {
        best_verb = static_cast<int>(r.entry);
        best_end = end;
        best_length = length;
      }
    });
    return {best_verb, best_end};
  };
  auto is_clause_conjunction = [&](size_t k) {
    return IsConjunction(units[k].lower) && !units[k].actor && !units[k].in_compound;
  };

  // The COMPLEX conditions of the options. A verb null-coded without patterns counts for
  // nothing, as in TABARI.
  {
    size_t verbs = 0, actors = 0, pronouns = 0, conjunctions = 0;
    int first_verb = -1;
    for (size_t k = 0; k < n; ++k) {
      if (units[k].actor) ++(units[k].pronoun ? pronouns : actors);
      if (k > 0 && is_clause_conjunction(k)) ++conjunctions;
      auto [entry, end] = verb_at(k, n);
      if (entry < 0) continue;
      const TabariVerb& verb = d_.verbs[static_cast<size_t>(entry)];
      if (verb.code == "---" && verb.patterns.empty()) continue;
      ++verbs;
      if (first_verb < 0) first_verb = static_cast<int>(k);
    }
    auto actor_between = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        if (units[k].actor) return true;
      }
      return false;
    };
    auto at_least = [](int limit, size_t count) { return limit > 0 && count >= static_cast<size_t>(limit); };
    if (at_least(options.complex_verbs, verbs) || at_least(options.complex_actors, actors) ||
        at_least(options.complex_pronouns, pronouns) || at_least(options.complex_conjunctions, conjunctions) ||
        at_least(options.complex_commas, commas_dropped) || (options.no_verb && first_verb < 0) ||
        (options.no_actor_prior && first_verb >= 0 && !actor_between(0, static_cast<size_t>(first_verb))) ||
        (options.no_actor_after && first_verb >= 0 && !actor_between(static_cast<size_t>(first_verb) + 1, n))) {
      result.outcome = SentenceOutcome::kComplex;
      return result;
    }
  }

  // 4. Clauses: split at a conjunction that joins no compound actor. The first event of
  // each clause is coded (CODE BY CLAUSE; BY SENTENCE: the first of the sentence; ALL:
  // every one); the source carries over to the next clause unless an actor follows the
  // conjunction.
  struct Found {
    std::vector<LegacyEvent> events;
    bool subordinate = false, dominant = false;
  };
  std::vector<Found> found;
  int carried_source = first_actor;
  size_t clause_begin = 0;
  while (clause_begin < n) {
    if (options.code_by == TabariOptions::CodeBy::kSentence &&
        std::any_of(found.begin(), found.end(), [](const Found& f) { return !f.subordinate; })) {
      break;
    }
    size_t clause_end = clause_begin;
    while (clause_end < n && !(is_clause_conjunction(clause_end) && clause_end > clause_begin)) ++clause_end;
    if (clause_begin > 0 && clause_begin < n && IsConjunction(units[clause_begin].lower) && clause_begin + 1 < n &&
        units[clause_begin + 1].actor) {
      carried_source = static_cast<int>(clause_begin + 1);
    }
    std::optional<Found> subordinate;
    bool clause_coded = false;
    for (size_t v = clause_begin; v < clause_end && !clause_coded; ++v) {
      const Unit& u = units[v];
      auto [best_verb, best_end] = verb_at(v, clause_end);
      if (best_verb < 0) continue;
      const TabariVerb& verb = d_.verbs[static_cast<size_t>(best_verb)];
      // Every pattern is tried; the longest actual match wins (a pattern with alternatives
      // counts the alternative it matched), the earlier one on a tie. A pattern matches
      // forward from the start of the clause, its words before the verb first.
      std::string code = verb.code;
      Bindings bound;
      size_t bound_length = 0;
      bool from_pattern = false;
      size_t rule_line = verb.line;
      for (const TabariPattern& pattern : verb.patterns) {
        Bindings b;
        size_t end = 0;
        if (!matcher.Match(pattern.after, 0, best_end, clause_end, pattern.verb_joined_to_after, n, b, end)) continue;
        // The words before the verb: the earliest start in the clause that matches (the
        // first element is looked for from the clause's start on, as TABARI does).
        bool before_ok = pattern.before.empty();
        if (!before_ok && v > clause_begin) {
          Bindings bb = b;
          size_t before_end = 0;
          if (matcher.Match(pattern.before, 0, clause_begin, v, false, n, bb, before_end,
                            pattern.before.back().joined_to_next ? v : SIZE_MAX, /*free_start=*/true)) {
            before_ok = true;
            b = std::move(bb);
          }
        }
        if (!before_ok || (from_pattern && b.length <= bound_length)) continue;
        code = pattern.code;
        rule_line = pattern.line;
        bound_length = b.length;
        bound = std::move(b);
        from_pattern = true;
      }
      if (code == "###") {
        result.outcome = SentenceOutcome::kDiscarded;
        result.events.clear();
        return result;
      }
      if (code == "+++") {
        result.outcome = SentenceOutcome::kComplex;
        result.events.clear();
        return result;
      }
      if (code == "---" || code.empty()) continue;
      Found event;
      const std::string plain = PlainCode(code, event.subordinate, event.dominant);
      // Default actors (TABARI's rules): the source is the clause's carried source, else
      // the first actor before the verb (one whose code differs from a pattern's target);
      // the target the first actor after the verb whose code differs from the source's,
      // else the first such actor before it, else, for a compound source, the compound
      // itself. Actors a "^" passed over take no part.
      auto usable = [&](size_t p) {
        return units[p].actor && std::find(bound.skipped.begin(), bound.skipped.end(), p) == bound.skipped.end();
      };
      bool compound_pairs = false;
      std::vector<size_t> sources, targets;
      // Read from the parse, a "%" after the verb is aimed at by the verb's subject when it
      // has one ("Eriador agrees with the Philippines and France": ERI with each).
      std::optional<ParseRoles::Actors> subject_roles;
      if (options.roles_from_parse && bound.compound >= 0 && static_cast<size_t>(bound.compound) >= best_end) {
        subject_roles =
            roles.Of(static_cast<uint32_t>(TaggedVerb(doc, u.token_begin, units[best_end - 1].token_end)), usable);
        const std::vector<size_t> compound = group(static_cast<size_t>(bound.compound));
        if (subject_roles->source < 0 ||
            std::find(compound.begin(), compound.end(), static_cast<size_t>(subject_roles->source)) != compound.end()) {
          subject_roles.reset();
        }
      }
      if (subject_roles) {
        sources = subject_roles->sources;
        targets = group(static_cast<size_t>(bound.compound));
      } else if (bound.compound >= 0) {
        sources = group(static_cast<size_t>(bound.compound));
        compound_pairs = true;
      } else if (options.roles_from_parse) {
        const int verb_token = TaggedVerb(doc, u.token_begin, units[best_end - 1].token_end);
        ParseRoles::Actors found_roles = roles.Of(static_cast<uint32_t>(verb_token), usable);
        // Coordinated actors by the parse and by the shallow reading of "A, B and C" (the
        // parser may miss a coordination of names it has never seen).
        auto members = [&](size_t p) {
          std::vector<size_t> all = roles.Members(p, usable);
          for (size_t k : group(p)) {
            if (usable(k) && std::find(all.begin(), all.end(), k) == all.end()) all.push_back(k);
          }
          std::sort(all.begin(), all.end());
          return all;
        };
        if (bound.source >= 0) {
          sources = members(static_cast<size_t>(bound.source));
        } else if (found_roles.source >= 0) {
          sources = members(static_cast<size_t>(found_roles.source));
          for (size_t k : found_roles.sources) {
            if (std::find(sources.begin(), sources.end(), k) == sources.end()) sources.push_back(k);
          }
          std::sort(sources.begin(), sources.end());
        } else if (!found_roles.has_subject) {
          // A parse with no subject for the verb (a name it took for an adverb): the first
          // actor before the verb in its clause, as TABARI would.
          for (size_t p = clause_begin; p < v && sources.empty(); ++p) {
            if (usable(p)) sources = members(p);
          }
        }
        if (bound.target >= 0) {
          targets = members(static_cast<size_t>(bound.target));
        } else {
          for (size_t p : found_roles.targets) {
            if (std::any_of(sources.begin(), sources.end(),
                            [&](size_t k) { return k == p || units[k].code == units[p].code; })) {
              continue;
            }
            targets = members(p);
            std::erase_if(targets,
                          [&](size_t t) { return std::find(sources.begin(), sources.end(), t) != sources.end(); });
            break;
          }
        }
        if (targets.empty() && sources.size() > 1 && bound.target < 0 && options.default_target.empty()) {
          compound_pairs = true;
        }
      } else {
        if (bound.target >= 0) targets = group(static_cast<size_t>(bound.target));
        const std::string target_code = targets.empty() ? std::string() : units[targets[0]].code;
        if (bound.source >= 0) {
          sources = group(static_cast<size_t>(bound.source));
        } else if (carried_source >= 0 && static_cast<size_t>(carried_source) < v && usable(carried_source) &&
                   units[static_cast<size_t>(carried_source)].code != target_code) {
          sources = group(static_cast<size_t>(carried_source));
        } else {
          for (size_t p = 0; p < v && sources.empty(); ++p) {
            if (usable(p) && units[p].code != target_code &&
                std::find(targets.begin(), targets.end(), p) == targets.end()) {
              sources = group(p);
            }
          }
          // No actor before the verb: TABARI looks after it (unless a DEFAULT source
          // stands in for every missing prior actor).
          if (sources.empty() && !(options.default_source_prior && !options.default_source.empty())) {
            for (size_t p = best_end; p < clause_end && sources.empty(); ++p) {
              if (usable(p) && units[p].code != target_code &&
                  std::find(targets.begin(), targets.end(), p) == targets.end()) {
                sources = {p};  // the first actor alone: the rest of a compound may be the target
              }
            }
          }
        }
        const std::string source_code = sources.empty() ? std::string() : units[sources[0]].code;
        auto candidate = [&](size_t p) {
          return usable(p) && units[p].code != source_code &&
                 std::find(sources.begin(), sources.end(), p) == sources.end();
        };
        if (bound.target < 0) {
          for (size_t p = best_end; p < clause_end && targets.empty(); ++p) {
            if (candidate(p)) targets = group(p);
          }
          for (size_t p = clause_begin; p < v && targets.empty(); ++p) {
            if (candidate(p)) targets = group(p);
          }
          if (targets.empty() && sources.size() > 1 && options.default_target.empty()) compound_pairs = true;
        }
        // Passive voice, unless a pattern placed the actors: "was attacked by Serbia".
        const bool passive =
            bound.source < 0 && bound.target < 0 && best_end < n && units[best_end].lower == "by" &&
            ((v >= 1 && IsPassiveAuxiliary(units[v - 1].lower)) || (v >= 2 && IsPassiveAuxiliary(units[v - 2].lower)));
        if (passive && !compound_pairs) std::swap(sources, targets);
      }
      // DEFAULT codes stand in for a missing source or target (and, with PRIOR and AFTER,
      // for one that is not before or after the verb).
      auto actor_in = [&](size_t from, size_t to) {
        for (size_t k = from; k < to; ++k) {
          if (usable(k)) return true;
        }
        return false;
      };
      if (!options.default_source.empty() && !compound_pairs &&
          (sources.empty() || (options.default_source_prior && !actor_in(0, v)))) {
        sources = {kDefaultSource};
      }
      if (!options.default_target.empty() && !compound_pairs &&
          (targets.empty() || (options.default_target_after && !actor_in(best_end, clause_end)))) {
        targets = {kDefaultTarget};
      }
      if (!options.require_dyad && !compound_pairs) {
        if (sources.empty()) sources = {kNullActor};
        if (targets.empty()) targets = {kNullActor};
      }
      std::string forward = plain, backward;
      if (size_t colon = plain.find(':'); colon != std::string::npos) {
        forward = plain.substr(0, colon);
        backward = plain.substr(colon + 1);
      }
      const Span trigger{doc.tokens[u.token_begin].span.begin, doc.tokens[units[best_end - 1].token_end - 1].span.end};
      // A coded compound actor ("FRO/BIL/SAM") stands for each of its codes.
      auto actors_of = [&](const std::vector<size_t>& list) {
        std::vector<LegacyActor> actors;
        for (size_t k : list) {
          if (k == kDefaultSource || k == kDefaultTarget) {  // no words name it
            const std::string& stand_in = k == kDefaultSource ? options.default_source : options.default_target;
            actors.push_back({stand_in, u.token_begin, u.token_begin, stand_in, false});
            continue;
          }
          if (k == kNullActor) {
            actors.push_back({"---", u.token_begin, u.token_begin, "---", false});
            continue;
          }
          std::string_view rest = units[k].code;
          auto add = [&](std::string_view one) {
            const std::string own = units[k].base_code.empty() ? std::string(one) : units[k].base_code;
            actors.push_back({std::string(one), units[k].name_begin, units[k].name_end, own, units[k].pronoun});
          };
          for (size_t slash; (slash = rest.find('/')) != std::string_view::npos; rest.remove_prefix(slash + 1)) {
            add(rest.substr(0, slash));
          }
          add(rest);
        }
        return actors;
      };
      if (compound_pairs) {
        // The members of a compound act on each other: each pair once each way, the
        // second code of a pair from the later member back to the earlier.
        const std::vector<LegacyActor> members = actors_of(sources);
        for (size_t i = 0; i < members.size(); ++i) {
          for (size_t j = i + 1; j < members.size(); ++j) {
            if (members[i].code == members[j].code) continue;
            event.events.push_back({sentence, members[i], members[j], forward, trigger, rule_line});
            event.events.push_back(
                {sentence, members[j], members[i], backward.empty() ? forward : backward, trigger, rule_line});
          }
        }
      } else {
        for (const LegacyActor& source : actors_of(sources)) {
          for (const LegacyActor& target : actors_of(targets)) {
            if (source.code == target.code) continue;
            event.events.push_back({sentence, source, target, forward, trigger, rule_line});
            if (!backward.empty()) event.events.push_back({sentence, target, source, backward, trigger, rule_line});
          }
        }
      }
      if (event.events.empty()) continue;
      if (event.subordinate) {
        if (!subordinate) subordinate = std::move(event);
        continue;
      }
      found.push_back(std::move(event));
      clause_coded = options.code_by != TabariOptions::CodeBy::kAll;
    }
    if (!clause_coded && subordinate) found.push_back(std::move(*subordinate));
    clause_begin = clause_end;
  }
  // Subordinate events only where nothing else was found; dominant ones alone if any.
  const bool any_main = std::any_of(found.begin(), found.end(), [](const Found& f) { return !f.subordinate; });
  const bool any_dominant = std::any_of(found.begin(), found.end(), [](const Found& f) { return f.dominant; });
  for (Found& f : found) {
    if ((any_main && f.subordinate) || (any_dominant && !f.dominant)) continue;
    for (LegacyEvent& e : f.events) {
      const bool seen = std::any_of(result.events.begin(), result.events.end(), [&](const LegacyEvent& x) {
        return x.source.code == e.source.code && x.target.code == e.target.code && x.code == e.code;
      });
      if (!seen) result.events.push_back(std::move(e));
    }
  }
  result.outcome = result.events.empty() ? SentenceOutcome::kNoEvent : SentenceOutcome::kCoded;
  return result;
}

}  // namespace eventmill::legacy
