#include "src/document/clauses.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace eventmill {

namespace {

// Verbs (lemmas) that take a clause without "that": the actors after them may be the
// subject of that clause ("said Ukraine and France condemned ...") rather than their object.
constexpr std::array<std::string_view, 56> kClauseVerbs = {
    "say",        "tell",        "announce", "report",   "claim",     "state",     "stress",   "note",
    "add",        "insist",      "explain",  "argue",    "believe",   "think",     "hope",     "fear",
    "know",       "warn",        "confirm",  "deny",     "suggest",   "show",      "expect",   "estimate",
    "feel",       "acknowledge", "admit",    "assert",   "allege",    "reveal",    "indicate", "learn",
    "understand", "realize",     "realise",  "assume",   "suspect",   "predict",   "agree",    "decide",
    "ensure",     "mean",        "worry",    "conclude", "declare",   "demand",    "promise",  "threaten",
    "vow",        "pledge",      "recall",   "complain", "emphasize", "emphasise", "maintain", "see"};

bool IsClauseVerb(const std::string& lemma) {
  return std::find(kClauseVerbs.begin(), kClauseVerbs.end(), lemma) != kClauseVerbs.end();
}

bool InSentence(const Sentence& s, int32_t t) {
  return t >= static_cast<int32_t>(s.token_begin) && t < static_cast<int32_t>(s.token_end);
}

// Relations that stay inside a noun phrase: climbing them leads to the phrase's head.
bool IsPhraseInternal(const std::string& rel) {
  return rel == "conj" || rel == "compound" || rel == "amod" || rel == "nmod" || rel == "nmod:poss" || rel == "appos" ||
         rel == "flat" || rel == "nummod" || rel == "det";
}

// The token of mention m whose head lies outside it (its last token when none does).
uint32_t MentionHead(const Document& doc, const ActorMention& m) {
  for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
    int32_t h = doc.tokens[t].head;
    if (h < static_cast<int32_t>(m.token_begin) || h >= static_cast<int32_t>(m.token_end)) return t;
  }
  return m.token_end - 1;
}

// Whether mention m comes right after a verb (across determiners and adjectives) that
// takes no clause, and so is that verb's object: "bombed [the] Ukrainian capital".
bool FollowsNonClauseVerb(const Document& doc, const Sentence& s, const ActorMention& m, uint32_t verb) {
  uint32_t k = m.token_begin;
  while (k > s.token_begin &&
         (doc.tokens[k - 1].upos == "DET" || doc.tokens[k - 1].upos == "ADJ" || doc.tokens[k - 1].upos == "NUM")) {
    --k;
  }
  if (k == s.token_begin) return false;
  const Token& w = doc.tokens[k - 1];
  return w.upos == "VERB" && k - 1 != verb && !IsClauseVerb(w.lemma);
}

}  // namespace

bool IsFiniteVerb(const Document& doc, uint32_t t) {
  const Token& k = doc.tokens[t];
  if (k.upos != "VERB" && k.upos != "AUX") return false;
  if (k.xpos == "VBD" || k.xpos == "VBZ" || k.xpos == "VBP" || k.xpos == "MD") return true;
  if (k.upos != "VERB" || k.xpos != "VBN") return false;
  // A past participle is a past tense when the parse makes it the sentence's verb or it
  // has an object of its own ("France condemned the strikes"); without one it may as well
  // be a reduced relative ("talks ... aimed at ending the war").
  if (k.deprel == "root") return true;
  for (uint32_t j = t + 1; j < doc.tokens.size() && j <= t + 6; ++j) {
    if (doc.tokens[j].head == static_cast<int32_t>(t) && doc.tokens[j].deprel == "obj") return true;
  }
  return false;
}

std::optional<uint32_t> SubjectVerbOf(const Document& doc, const Sentence& s, const ActorMention& m) {
  const Token& head = doc.tokens[MentionHead(doc, m)];
  if ((head.deprel == "nsubj" || head.deprel == "nsubj:pass") && InSentence(s, head.head)) {
    return static_cast<uint32_t>(head.head);
  }
  // By word order only a phrase the parse did not attach as an argument or modifier of
  // something else (its conjunct, or a subject): "... crisis of Cuba amid" is no subject.
  const std::string& rel = head.deprel;
  if (!rel.empty() && rel != "conj" && rel != "nsubj" && rel != "nsubj:pass" && rel != "dep" && rel != "root" &&
      rel != "parataxis") {
    return std::nullopt;
  }
  uint32_t p = m.token_end;
  for (int skipped = 0; p < s.token_end && skipped < 2 && doc.tokens[p].upos == "ADV"; ++skipped) ++p;
  if (p >= s.token_end || !IsFiniteVerb(doc, p)) return std::nullopt;
  const Token& v = doc.tokens[p];
  if (v.upos == "AUX" && (v.deprel == "aux" || v.deprel == "aux:pass") && InSentence(s, v.head) &&
      v.head > static_cast<int32_t>(p)) {
    return static_cast<uint32_t>(v.head);
  }
  return p;
}

bool StartsNewClause(const Document& doc, const Sentence& s, const ActorMention& first, const ActorMention& second) {
  if (first.token_end > second.token_begin) return false;
  auto verb = SubjectVerbOf(doc, s, second);
  if (!verb) return false;
  if (!doc.tokens[s.token_begin].deprel.empty()) {
    // Up from the first mention to the relation that attaches its phrase to a verb.
    uint32_t node = MentionHead(doc, first);
    for (int step = 0; step < 8; ++step) {
      const Token& k = doc.tokens[node];
      if (!IsPhraseInternal(k.deprel) || !InSentence(s, k.head)) break;
      node = static_cast<uint32_t>(k.head);
    }
    const Token& attached = doc.tokens[node];
    if (InSentence(s, attached.head) && static_cast<uint32_t>(attached.head) != *verb) {
      const Token& other = doc.tokens[static_cast<size_t>(attached.head)];
      // An argument of another verb, unless that verb's clause may begin with it.
      return (other.upos == "VERB" || other.upos == "AUX") && !IsClauseVerb(other.lemma);
    }
    if (attached.deprel != "nsubj" && attached.deprel != "nsubj:pass" && InSentence(s, attached.head)) return false;
  }
  // In the same subject by the parse, or no parse: one phrase unless the first follows a
  // verb whose object it must be.
  return FollowsNonClauseVerb(doc, s, first, *verb);
}

}  // namespace eventmill
