#include "src/parse/clause_repair.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "src/parse/parser.h"
#include "src/tag/tagger.h"

namespace eventmill::parse {

namespace {

bool IsTimeWord(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kWords = {
      "monday",  "tuesday",   "wednesday", "thursday",  "friday",   "saturday", "sunday",
      "today",   "yesterday", "tonight",   "week",      "month",    "year",     "weekend",
      "morning", "evening",   "night",     "january",   "february", "march",    "april",
      "june",    "july",      "august",    "september", "october",  "november", "december"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// A word naming a day: "today", "yesterday", "tonight", a weekday.
bool IsDayWord(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kDays = {"today",     "yesterday", "tonight", "monday",   "tuesday",
                                                             "wednesday", "thursday",  "friday",  "saturday", "sunday"};
  return std::find(kDays.begin(), kDays.end(), w) != kDays.end();
}

bool HasChild(const Document& doc, const Sentence& s, uint32_t head, std::string_view rel, std::string_view word) {
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (doc.tokens[t].head == static_cast<int32_t>(head) && doc.tokens[t].deprel == rel &&
        doc.tokens[t].lower == word) {
      return true;
    }
  }
  return false;
}

}  // namespace

void RepairClausesOnTimeWords(Document& doc, const Sentence& s) {
  for (uint32_t c = s.token_begin; c < s.token_end; ++c) {
    Token& clause = doc.tokens[c];
    if ((clause.deprel.substr(0, 3) != "acl" && clause.deprel != "ccomp") || clause.head < 0) continue;
    const uint32_t time = static_cast<uint32_t>(clause.head);
    const Token& time_word = doc.tokens[time];
    if (time >= c || !IsTimeWord(time_word.lower) || time_word.head < 0) continue;
    const uint32_t verb = static_cast<uint32_t>(time_word.head);
    // The time word modifies the verb and comes right after it, but for "on", "last" or "this".
    if (verb >= time || doc.tokens[verb].upos != "VERB" || time - verb > 3) continue;
    if (time_word.deprel.substr(0, 3) != "obl" && time_word.deprel != "nmod:tmod") continue;
    if (!HasChild(doc, s, c, "mark", "that")) continue;
    clause.head = static_cast<int32_t>(verb);
    clause.deprel = "ccomp";
  }
}

void RepairReadinessSubjects(Document& doc, const Sentence& s) {
  static constexpr std::array<std::string_view, 9> kReadiness = {
      "willing", "ready", "prepared", "able", "determined", "eager", "keen", "reluctant", "unwilling"};
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    Token& it = doc.tokens[t];
    if (it.deprel != "expl" || it.lower != "it" || it.head < 0) continue;
    const std::string& adjective = doc.tokens[static_cast<size_t>(it.head)].lower;
    if (std::find(kReadiness.begin(), kReadiness.end(), adjective) != kReadiness.end()) it.deprel = "nsubj";
  }
}

void RepairStrayConjuncts(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  for (uint32_t cc = s.token_begin + 1; cc + 1 < s.token_end; ++cc) {
    if (tokens[cc].deprel != "cc" || tokens[cc].head != static_cast<int32_t>(cc + 1)) continue;
    Token& second = tokens[cc + 1];
    const Token& first = tokens[cc - 1];
    if (second.deprel == "conj" || second.head < 0 || second.head != first.head) continue;
    if (second.upos == "PUNCT" || first.upos == "PUNCT") continue;
    second.head = static_cast<int32_t>(cc - 1);
    second.deprel = "conj";
  }
}

void RepairDescribedSubjects(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  const uint32_t n = s.token_end - s.token_begin;
  // Most sentences have no verb with two subjects: nothing to do.
  std::vector<int> subjects(n, 0);
  bool twice = false;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (tokens[t].deprel != "nsubj" || tokens[t].head < 0) continue;
    twice = twice || ++subjects[static_cast<uint32_t>(tokens[t].head) - s.token_begin] > 1;
  }
  if (!twice) return;
  std::vector<int> heads(n);
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t h = tokens[s.token_begin + i].head;
    heads[i] = h < 0 ? -1 : h - static_cast<int32_t>(s.token_begin);
  }
  const SubtreeSpans spans(heads);
  auto first = [&](uint32_t i) { return static_cast<uint32_t>(spans.first[i]); };
  auto last = [&](uint32_t i) { return static_cast<uint32_t>(spans.last[i]); };
  std::vector<int64_t> previous(n, -1);  // per head, its last subject so far
  for (uint32_t i = 0; i < n; ++i) {
    Token& subject = tokens[s.token_begin + i];
    if (subject.deprel != "nsubj" || subject.head < 0) continue;
    const uint32_t head = static_cast<uint32_t>(subject.head) - s.token_begin;
    const int64_t a = previous[head];
    previous[head] = i;
    if (a < 0 || last(static_cast<uint32_t>(a)) + 1 != first(i)) continue;
    if (tokens[s.token_begin + first(i) - 1].upos == "PUNCT") continue;  // "foes, Gondor ...": an apposition
    Token& described = tokens[s.token_begin + static_cast<uint32_t>(a)];
    if (described.upos != "NOUN") continue;  // a common noun describes a name ("foes Gondor")
    described.head = static_cast<int32_t>(s.token_begin + i);
    described.deprel = "nmod:desc";
  }
}

void RepairClausesAfterAs(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  for (uint32_t as = s.token_begin; as + 2 < s.token_end; ++as) {
    Token& mark = tokens[as];
    if (mark.lower != "as" || mark.deprel != "case" || mark.head <= static_cast<int32_t>(as)) continue;
    const uint32_t noun = static_cast<uint32_t>(mark.head);
    const Token& subject = tokens[noun];
    if ((subject.upos != "NOUN" && subject.upos != "PROPN" && subject.upos != "PRON") || subject.head < 0) continue;
    const uint32_t governor = static_cast<uint32_t>(subject.head);
    // The verb: the first word after the noun outside its phrase, or a verb the parser hung
    // on it as a relative clause.
    auto inside = [&](uint32_t t) {
      for (int32_t up = static_cast<int32_t>(t), step = 0; up >= 0 && step < 16; ++step) {
        if (up == static_cast<int32_t>(noun)) return true;
        up = tokens[static_cast<uint32_t>(up)].head;
      }
      return false;
    };
    uint32_t verb = noun + 1;
    while (verb < s.token_end && inside(verb) &&
           !(tokens[verb].head == static_cast<int32_t>(noun) && tokens[verb].upos == "VERB" &&
             tokens[verb].deprel.compare(0, 3, "acl") == 0)) {
      ++verb;
    }
    if (verb >= s.token_end || tokens[verb].upos != "VERB") continue;
    // A participle read as a reduced relative ("as the opposition threatened to ...") is
    // the past tense when it is plainly active: it has an object, an infinitive or a clause.
    bool active = false;
    for (uint32_t t = verb + 1; t < s.token_end; ++t) {
      const std::string& rel = tokens[t].deprel;
      active = active ||
               (tokens[t].head == static_cast<int32_t>(verb) && (rel == "obj" || rel == "xcomp" || rel == "ccomp"));
    }
    if (!tag::IsFiniteVerbTag(tokens[verb].xpos) && !(tokens[verb].xpos == "VBN" && active)) continue;
    // The parser made it a conjunct of the governor or a relative clause on the noun.
    const bool on_governor = tokens[verb].head == static_cast<int32_t>(governor) && governor != verb;
    const bool on_noun =
        tokens[verb].head == static_cast<int32_t>(noun) && tokens[verb].deprel.compare(0, 3, "acl") == 0;
    // Or it made the noun the verb's subject, "as" its preposition, and the clause a
    // complement or conjunct of a word before it.
    const bool subject_already = governor == verb && subject.deprel == "nsubj" && tokens[verb].head >= 0 &&
                                 tokens[verb].head < static_cast<int32_t>(as);
    if (subject_already) {
      const std::string& rel = tokens[verb].deprel;
      if (rel != "ccomp" && rel != "conj" && rel != "parataxis" && rel != "dep") continue;
    } else if (!on_governor && !on_noun) {
      continue;
    }
    bool has_subject = false;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      has_subject =
          has_subject || (tokens[t].head == static_cast<int32_t>(verb) && tokens[t].deprel.compare(0, 5, "nsubj") == 0);
    }
    if (has_subject && !subject_already) continue;
    if (!subject_already) tokens[verb].head = static_cast<int32_t>(governor);
    tokens[verb].deprel = "advcl";
    if (tokens[verb].xpos == "VBN") {
      tokens[verb].xpos = "VBD";
      tokens[verb].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
    }
    tokens[noun].head = static_cast<int32_t>(verb);
    tokens[noun].deprel = "nsubj";
    mark.head = static_cast<int32_t>(verb);
    mark.deprel = "mark";
    mark.upos = "SCONJ";
  }
}

void RepairNounsWithVerbRoles(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  // What each word's dependents say of it, in one pass over the sentence.
  struct Roles {
    bool subject = false, object = false, nominal = false;
  };
  std::vector<Roles> roles(s.token_end - s.token_begin);
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    const int32_t head = tokens[t].head;
    if (head < static_cast<int32_t>(s.token_begin) || head >= static_cast<int32_t>(s.token_end)) continue;
    Roles& r = roles[static_cast<uint32_t>(head) - s.token_begin];
    const std::string& rel = tokens[t].deprel;
    r.subject = r.subject || (rel == "nsubj" && t < static_cast<uint32_t>(head));
    r.object = r.object || (rel == "obj" && t > static_cast<uint32_t>(head));
    r.nominal = r.nominal || rel == "det" || rel == "nmod:poss" || rel == "amod" || rel == "case" ||
                rel == "compound" || rel == "nummod";
  }
  for (uint32_t v = s.token_begin; v < s.token_end; ++v) {
    Token& word = tokens[v];
    if (word.upos != "NOUN" || (word.xpos != "NN" && word.xpos != "NNS")) continue;
    const Roles& r = roles[v - s.token_begin];
    if (!r.subject || !r.object || r.nominal) continue;
    word.upos = "VERB";
    word.xpos = word.xpos == "NNS" ? "VBZ" : "VBP";
    word.feats = "Mood=Ind|Tense=Pres|VerbForm=Fin";
  }
}

void RepairSubjectsBeforeDayWords(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  for (uint32_t day = s.token_begin + 1; day < s.token_end; ++day) {
    Token& word = tokens[day];
    if (word.deprel != "nsubj" || word.head < 0 || !IsDayWord(word.lower)) continue;
    const uint32_t name = day - 1;
    if (tokens[name].head != static_cast<int32_t>(day) || tokens[name].deprel != "compound" ||
        (tokens[name].upos != "PROPN" && tokens[name].upos != "NOUN")) {
      continue;
    }
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (t != name && tokens[t].head == static_cast<int32_t>(day)) tokens[t].head = static_cast<int32_t>(name);
    }
    tokens[name].head = word.head;
    tokens[name].deprel = "nsubj";
    word.deprel = "obl:unmarked";
  }
}

void RepairVerblessSentences(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  auto finite = [](const Token& t) { return t.upos == "AUX" || tag::IsFiniteVerbTag(t.xpos); };
  auto nominal = [](const Token& t) { return t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "PRON"; };
  int32_t root = -1;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (tokens[t].head < 0) root = static_cast<int32_t>(t);
  }
  if (root < 0 || !nominal(tokens[static_cast<size_t>(root)])) return;
  // The first verb, right after a noun, every word before it a noun phrase's.
  uint32_t verb = s.token_end;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (tokens[t].upos == "VERB") {
      verb = t;
      break;
    }
  }
  if (verb == s.token_end || verb == s.token_begin || (tokens[verb].xpos != "VBN" && tokens[verb].xpos != "VBD")) {
    return;
  }
  // No finite verb but in a clause of its own after the participle ("agreed that their
  // countries should cooperate"): a clause hung on the participle or on the root noun.
  // The walk up is bounded, which keeps the check linear.
  constexpr int kMaxDepth = 32;
  auto in_later_clause = [&](uint32_t t) {
    uint32_t node = t;
    for (int step = 0; step < kMaxDepth; ++step) {
      const int32_t up = tokens[node].head;
      if (up < 0) return false;
      if (up == root || up == static_cast<int32_t>(verb)) {
        const std::string& rel = tokens[node].deprel;
        return node > verb && node != t &&
               (rel.starts_with("acl") || rel == "ccomp" || rel == "advcl" || rel == "xcomp");
      }
      node = static_cast<uint32_t>(up);
    }
    return false;
  };
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (t != verb && finite(tokens[t]) && !in_later_clause(t)) return;
  }
  // Past up to two asides set off by commas between the subject and the participle ("Russia,
  // in a statement on Monday, accused ..."; "His opponent, Biden, in a message, accused"):
  // each a phrase of its own that hangs on a word before it.
  uint32_t subject_end = verb;
  std::vector<uint32_t> asides;
  while (subject_end > s.token_begin + 1 && tokens[subject_end - 1].lower == "," && asides.size() < 2) {
    uint32_t open = subject_end - 1;
    while (open > s.token_begin && tokens[open - 1].lower != ",") --open;
    if (open <= s.token_begin + 1 || open + 1 >= subject_end) break;
    const uint32_t comma = open - 1;
    std::optional<uint32_t> head;
    bool one_phrase = true;
    for (uint32_t t = open; t + 1 < subject_end && one_phrase; ++t) {
      const int32_t h = tokens[t].head;
      if (h >= static_cast<int32_t>(open) && h < static_cast<int32_t>(subject_end)) continue;
      one_phrase = !head && h >= static_cast<int32_t>(s.token_begin) && h < static_cast<int32_t>(comma);
      head = t;
    }
    if (!one_phrase || !head) break;
    asides.push_back(*head);
    subject_end = comma;
  }
  const Token& before = tokens[subject_end - 1];
  if (!before.xpos.starts_with("NN") && before.xpos != "PRP") return;
  // Plainly active: an object, a "to" infinitive or a clause (also a "that" clause the
  // parser hung on the root noun); no "by" agent. The marker and the preposition come a
  // few words before their head at most ("by the Sudanese army", "that their countries
  // should cooperate"): looking that far keeps the check linear in the sentence's length.
  auto marked = [&](uint32_t c, std::string_view rel, std::string_view word, uint32_t reach = 4) {
    for (uint32_t m = c > s.token_begin + reach ? c - reach : s.token_begin; m < c; ++m) {
      if (tokens[m].head == static_cast<int32_t>(c) && tokens[m].deprel == rel && tokens[m].lower == word) return true;
    }
    return false;
  };
  bool active = false;
  std::vector<uint32_t> that_clauses;  // "that" clauses after the participle, hung on the root noun
  for (uint32_t c = verb + 1; c < s.token_end; ++c) {
    if (tokens[c].head == root && tokens[c].deprel.starts_with("acl") && marked(c, "mark", "that", 10)) {
      that_clauses.push_back(c);
      active = true;
    }
  }
  for (uint32_t c = s.token_begin; c < s.token_end; ++c) {
    const Token& child = tokens[c];
    if (child.head != static_cast<int32_t>(verb)) continue;
    if (child.deprel == "obj" || child.deprel == "ccomp") active = true;
    if ((child.deprel == "xcomp" || child.deprel == "advcl") && marked(c, "mark", "to")) active = true;
    if (child.deprel.starts_with("obl") && marked(c, "case", "by")) return;
  }
  const int32_t old_head = tokens[verb].head;
  // "arrested Russian students": the participle read as the modifier of the noun after it,
  // which is its object.
  const bool modifies_next = old_head > static_cast<int32_t>(verb) && tokens[verb].deprel == "amod" &&
                             nominal(tokens[static_cast<size_t>(old_head)]);
  if (!active && !modifies_next) return;
  const int32_t v = static_cast<int32_t>(verb);
  // The subject: the root, or, when the root is the noun the participle modified ("police
  // arrested students" parsed as one noun phrase headed by "students"), the last noun hung
  // on it before the participle.
  int32_t subject = root;
  if (modifies_next && old_head == root) {
    subject = -1;
    for (uint32_t t = verb; t-- > s.token_begin;) {
      if (tokens[t].head == root && nominal(tokens[t])) {
        subject = static_cast<int32_t>(t);
        break;
      }
    }
    if (subject < 0) return;
  }
  if (modifies_next) {
    tokens[static_cast<size_t>(old_head)].head = v;
    tokens[static_cast<size_t>(old_head)].deprel = "obj";
  }
  // The rest of the sentence that hung on the old root after the verb now hangs on the verb.
  for (uint32_t t = verb + 1; t < s.token_end; ++t) {
    if (tokens[t].head == root && !(modifies_next && static_cast<int32_t>(t) == old_head)) tokens[t].head = v;
  }
  for (uint32_t c : that_clauses) tokens[c].deprel = "ccomp";
  // An aside with a preposition says how or when the act was done: the verb's.
  for (uint32_t aside : asides) {
    if (tokens[aside].deprel != "nmod") continue;
    bool preposition = false;
    for (uint32_t m = aside > s.token_begin + 4 ? aside - 4 : s.token_begin; m < aside; ++m) {
      preposition = preposition || (tokens[m].head == static_cast<int32_t>(aside) && tokens[m].deprel == "case");
    }
    if (!preposition) continue;
    tokens[aside].head = v;
    tokens[aside].deprel = "obl";
  }
  tokens[verb].head = -1;
  tokens[verb].deprel = "root";
  tokens[verb].xpos = "VBD";
  tokens[verb].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
  tokens[static_cast<size_t>(subject)].head = v;
  tokens[static_cast<size_t>(subject)].deprel = "nsubj";
}

void RepairFinalReportingClauses(Document& doc, const Sentence& s) {
  auto& tokens = doc.tokens;
  static constexpr std::array<std::string_view, 9> kSaying = {"say",     "add",   "report", "announce", "state",
                                                              "confirm", "claim", "note",   "tell"};
  auto saying = [](const Token& t) {
    if (t.upos != "VERB") return false;
    for (std::string_view k : kSaying) {
      if (t.lemma == k) return true;
    }
    return false;
  };
  auto verbal = [](const Token& t) { return t.upos == "VERB" || t.upos == "AUX"; };
  // The verb of saying: the last verb, with only modifiers of it after it.
  uint32_t verb = s.token_end;
  for (uint32_t t = s.token_end; t-- > s.token_begin;) {
    if (verbal(tokens[t])) {
      verb = t;
      break;
    }
  }
  if (verb == s.token_end || !saying(tokens[verb])) return;
  // The comma before it, with a noun phrase (no verb, no comma) between them.
  uint32_t comma = verb;
  while (comma > s.token_begin && tokens[comma - 1].lower != "," && !verbal(tokens[comma - 1])) --comma;
  if (comma == s.token_begin || tokens[comma - 1].lower != "," || comma == verb) return;
  --comma;
  const int32_t v = static_cast<int32_t>(verb);
  auto inside = [&](int32_t h, uint32_t from, uint32_t to) {
    return h >= static_cast<int32_t>(from) && h < static_cast<int32_t>(to);
  };
  // The report: the words before the comma; its top words are those whose heads lie outside.
  std::vector<uint32_t> tops;
  bool report_verb = false;
  for (uint32_t t = s.token_begin; t < comma; ++t) {
    report_verb = report_verb || tokens[t].upos == "VERB";
    if (!inside(tokens[t].head, s.token_begin, comma)) tops.push_back(t);
  }
  if (!report_verb || tops.empty()) return;
  uint32_t root = tops[0];
  for (uint32_t t : tops) {
    if (tokens[t].upos == "VERB") {
      root = t;
      break;
    }
  }
  // The noun phrase's head: a subject the verb already has there, else its last noun whose
  // head lies outside the phrase.
  int32_t subject = -1;
  for (uint32_t t = comma + 1; t < verb; ++t) {
    if (tokens[t].head == v && tokens[t].deprel.starts_with("nsubj")) subject = static_cast<int32_t>(t);
  }
  for (uint32_t t = verb; subject < 0 && t-- > comma + 1;) {
    const Token& w = tokens[t];
    if ((w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON") && !inside(w.head, comma + 1, verb)) {
      subject = static_cast<int32_t>(t);
    }
  }
  if (subject < 0) return;
  const int32_t r = static_cast<int32_t>(root);
  tokens[root].head = v;
  tokens[root].deprel = "ccomp";
  for (uint32_t t : tops) {
    if (t == root) continue;
    // Another top word of the report: a noun after the report's verb is its object
    // ("condemned Norland", Norland taken for the saying verb's complement).
    const bool object = t > root && (tokens[t].upos == "NOUN" || tokens[t].upos == "PROPN");
    tokens[t].head = r;
    if (object) tokens[t].deprel = "obj";
  }
  for (uint32_t t = comma + 1; t < verb; ++t) {
    if (static_cast<int32_t>(t) == subject || inside(tokens[t].head, comma + 1, verb)) continue;
    tokens[t].head = subject;  // the rest of the phrase: names and titles beside its head
  }
  tokens[static_cast<size_t>(subject)].head = v;
  tokens[static_cast<size_t>(subject)].deprel = "nsubj";
  tokens[comma].head = v;
  tokens[comma].deprel = "punct";
  tokens[verb].head = -1;
  tokens[verb].deprel = "root";
  // What hung before the verb from after it (the final period) goes to the verb.
  for (uint32_t t = verb + 1; t < s.token_end; ++t) {
    if (!inside(tokens[t].head, verb, s.token_end)) tokens[t].head = v;
  }
}

}  // namespace eventmill::parse
