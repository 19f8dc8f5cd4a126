#include "src/events/lexicon.h"

#include <algorithm>
#include <iterator>

#include "src/data/data_files.h"

namespace eventmill::events {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Short consonant-vowel-consonant verbs double their last letter: "ban" -> "banned".
// One-syllable verbs ending consonant-vowel-consonant double it: "ban", "stop", "plan";
// "open", of two syllables, does not ("opened").
bool DoublesFinalConsonant(const std::string& w) {
  if (w.size() < 3 || w.size() > 4) return false;
  if (w.size() == 4 && IsVowel(w[0])) return false;
  char last = w.back();
  return !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(w[w.size() - 2]) &&
         !IsVowel(w[w.size() - 3]);
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string_view::npos) space = s.size();
    if (space > start) words.emplace_back(s.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// The lexicon's yes/no flags, the entry field each sets, and the kind of entry it is for.
enum class FlagKind : uint8_t { kAny, kVerbs, kNouns };
struct FlagField {
  std::string_view name;
  bool LexiconEntry::*field;
  FlagKind kind;
};
constexpr FlagField kFlags[] = {
    {"intent", &LexiconEntry::intent, FlagKind::kAny},
    {"untargeted", &LexiconEntry::untargeted, FlagKind::kAny},
    {"mutual", &LexiconEntry::mutual, FlagKind::kAny},
    {"possessor-target", &LexiconEntry::possessor_target, FlagKind::kAny},
    {"between-targets", &LexiconEntry::between_targets, FlagKind::kNouns},
    {"intransitive", &LexiconEntry::intransitive, FlagKind::kVerbs},
    {"actor-object", &LexiconEntry::actor_object, FlagKind::kVerbs},
    {"no-clause", &LexiconEntry::no_clause, FlagKind::kVerbs},
    {"must-clause", &LexiconEntry::must_clause, FlagKind::kVerbs},
    {"negated", &LexiconEntry::negated, FlagKind::kVerbs},
};

}  // namespace

std::string NounPlural(const std::string& noun) {
  if (noun.empty() || noun.back() == 's') return noun;
  if (noun.back() == 'y' && noun.size() > 1 && !IsVowel(noun[noun.size() - 2]))
    return noun.substr(0, noun.size() - 1) + "ies";
  if (noun.back() == 'h' || noun.back() == 'x') return noun + "es";
  return noun + "s";
}

std::vector<std::string> VerbForms(const std::string& lemma) {
  std::vector<std::string> forms = {lemma};
  const char last = lemma.back();
  const bool consonant_y = last == 'y' && lemma.size() > 1 && !IsVowel(lemma[lemma.size() - 2]);
  // Third person singular.
  if (consonant_y) {
    forms.push_back(lemma.substr(0, lemma.size() - 1) + "ies");
  } else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             (lemma.size() > 1 && (lemma.substr(lemma.size() - 2) == "sh" || lemma.substr(lemma.size() - 2) == "ch"))) {
    forms.push_back(lemma + "es");
  } else {
    forms.push_back(lemma + "s");
  }
  // Past and participle, present participle.
  if (last == 'e') {
    forms.push_back(lemma + "d");
    forms.push_back(lemma.size() > 2 && lemma[lemma.size() - 2] == 'e' ? lemma + "ing"
                                                                       : lemma.substr(0, lemma.size() - 1) + "ing");
  } else if (consonant_y) {
    forms.push_back(lemma.substr(0, lemma.size() - 1) + "ied");
    forms.push_back(lemma + "ing");
  } else if (DoublesFinalConsonant(lemma)) {
    forms.push_back(lemma + last + "ed");
    forms.push_back(lemma + last + "ing");
  } else {
    forms.push_back(lemma + "ed");
    forms.push_back(lemma + "ing");
    // Longer verbs ending consonant-vowel-consonant double it when the last syllable is
    // stressed ("expelled", "committed") and not otherwise ("visited"); both spellings are
    // listed, since the wrong one never occurs in text ("canceled"/"cancelled").
    if (lemma.size() > 4 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        IsVowel(lemma[lemma.size() - 2]) && !IsVowel(lemma[lemma.size() - 3])) {
      forms.push_back(lemma + last + "ed");
      forms.push_back(lemma + last + "ing");
    }
  }
  return forms;
}

Result<Lexicon> Lexicon::Parse(std::string_view text, const Codebook& codebook) {
  auto rows = data::ParseTable(text, "lexicon", "eventmill-lexicon", 1);
  if (!rows.ok()) return rows.status();
  Lexicon lexicon;
  for (const CameoEventType& type : codebook.types()) lexicon.codes_.insert(type.code);
  for (const data::Row& row : *rows) {
    auto fail = [&](const std::string& why) {
      return Status::CorruptData("lexicon line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 3) return fail("expected kind, words and code");
    if (row.fields[0] == "intent") {
      // "intent  04  036": acts under these codes, when only intended, code as this one (an
      // intent to cooperate, 03x, or a threat, 13x).
      const std::string prefix(row.fields[1]), code(row.fields[2]);
      if (!codebook.Find(prefix)) return fail("code " + prefix + " is not in the codebook");
      if (!codebook.Find(code) || (code.substr(0, 2) != "03" && code.substr(0, 2) != "13")) {
        return fail("intent code " + code + " is not a 03x or 13x code");
      }
      lexicon.intents_.emplace_back(prefix, code);
      continue;
    }
    if (row.fields[0] == "target") {
      // "target  07  optional": acts under these codes stand without a target.
      const std::string prefix(row.fields[1]);
      if (!codebook.Find(prefix)) return fail("code " + prefix + " is not in the codebook");
      if (row.fields[2] != "optional" && row.fields[2] != "required") {
        return fail("a target line ends in 'optional' or 'required'");
      }
      lexicon.target_rules_.emplace_back(prefix, row.fields[2] == "optional");
      continue;
    }
    LexiconEntry entry;
    entry.line = row.line;
    if (row.fields[0] == "noun") {
      entry.noun = true;
    } else if (row.fields[0] != "verb") {
      return fail("kind must be 'verb', 'noun', 'intent' or 'target'");
    }
    std::vector<std::string> words = SplitWords(row.fields[1]);
    if (words.empty()) return fail("no words");
    entry.code = std::string(row.fields[2]);
    if (!codebook.Find(entry.code)) return fail("code " + entry.code + " is not in the codebook");
    if (row.fields.size() > 3) {
      std::string flags(row.fields[3]);
      size_t start = 0;
      while (start <= flags.size()) {
        size_t comma = flags.find(',', start);
        if (comma == std::string::npos) comma = flags.size();
        std::string flag = flags.substr(start, comma - start);
        const auto simple =
            std::find_if(std::begin(kFlags), std::end(kFlags), [&](const FlagField& f) { return f.name == flag; });
        if (simple != std::end(kFlags)) {
          if (simple->kind == FlagKind::kVerbs && entry.noun) return fail(flag + " is for verbs");
          if (simple->kind == FlagKind::kNouns && !entry.noun) return fail(flag + " is for nouns");
          entry.*(simple->field) = true;
        } else if (flag.rfind("between-people=", 0) == 0) {
          entry.between_people = flag.substr(15);
          if (!codebook.Find(entry.between_people)) {
            return fail("code " + entry.between_people + " is not in the codebook");
          }
        } else if (!flag.empty()) {
          return fail("unknown flag '" + flag + "'");
        }
        start = comma + 1;
      }
    }
    std::vector<std::string> first_forms;
    if (entry.noun) {
      first_forms = {words[0]};
      if (words.size() == 1) first_forms.push_back(NounPlural(words[0]));
    } else {
      size_t slash = words[0].find('/');
      if (slash == std::string::npos) {
        first_forms = VerbForms(words[0]);
      } else {
        std::string listed = words[0];
        for (char& c : listed) {
          if (c == '/') c = '|';
        }
        for (std::string_view form : data::SplitAlternatives(listed)) first_forms.emplace_back(form);
        if (first_forms.empty()) return fail("no verb forms in '" + words[0] + "'");
        words[0] = first_forms[0];
      }
    }
    entry.words = std::move(words);
    uint32_t id = static_cast<uint32_t>(lexicon.entries_.size());
    lexicon.entries_.push_back(std::move(entry));
    for (const std::string& form : first_forms) {
      auto& ids = lexicon.by_form_[form];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  for (auto& [form, ids] : lexicon.by_form_) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return lexicon.entries_[a].words.size() > lexicon.entries_[b].words.size();
    });
  }
  return lexicon;
}

const std::vector<uint32_t>* Lexicon::EntriesForFirstWord(const std::string& lower) const {
  auto it = by_form_.find(lower);
  return it == by_form_.end() ? nullptr : &it->second;
}

const std::string* Lexicon::IntentCodeFor(std::string_view code) const {
  const std::string* best = nullptr;
  size_t best_length = 0;
  for (const auto& [prefix, intent] : intents_) {
    if (code.substr(0, prefix.size()) == prefix && prefix.size() > best_length) {
      best = &intent;
      best_length = prefix.size();
    }
  }
  return best;
}

std::string Lexicon::RequestCodeFor(std::string_view request, std::string_view act) const {
  std::string_view intent = act;
  if (!act.starts_with("03")) {
    const std::string* code = IntentCodeFor(act);
    if (!code || !code->starts_with("03")) return {};
    intent = *code;
  }
  if (intent.size() < 3 || intent == "030") return {};
  std::string code = std::string(request.substr(0, 2)) + std::string(intent.substr(2));
  return codes_.count(code) ? code : std::string();
}

bool Lexicon::TargetOptional(std::string_view code) const {
  bool optional = false;
  size_t best_length = 0;
  for (const auto& [prefix, rule] : target_rules_) {
    if (code.substr(0, prefix.size()) == prefix && prefix.size() > best_length) {
      optional = rule;
      best_length = prefix.size();
    }
  }
  return optional;
}

bool Lexicon::IsLastNounForm(uint32_t id, const std::string& lower) const {
  const std::string& last = entries_[id].words.back();
  return lower == last || lower == NounPlural(last);
}

}  // namespace eventmill::events
