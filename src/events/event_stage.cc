#include "src/events/event_stage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <span>
#include <tuple>

#include "src/data/data_files.h"
#include "src/document/clauses.h"
#include "src/document/organization_words.h"
#include "src/document/place_words.h"

namespace eventmill::events {

namespace {

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// A verb form after these is a noun or a gerund ("the attack", "in shelling by"), not a
// finite verb with a subject of its own.
constexpr std::array<std::string_view, 28> kNounMarkers = {
    "the", "a",     "an",      "this", "these", "that", "its",     "his", "her", "their",
    "our", "'s",    "another", "any",  "every", "each", "some",    "no",  "in",  "of",
    "by",  "after", "during",  "from", "for",   "with", "against", "on"};
// Auxiliaries and adverbs between a coordinating "and" and its second verb ("and has also rejected").
constexpr std::array<std::string_view, 14> kVerbGroup = {"has",   "have",         "had",        "also", "then",
                                                         "later", "was",          "were",       "is",   "are",
                                                         "did",   "subsequently", "reportedly", "again"};
// Words that may stand between "and" and a coordinated actor ("A and the head of B").
constexpr std::array<std::string_view, 9> kCoordinationFillers = {"the", "head", "of",    "chief", "his",
                                                                  "her", "its",  "their", "leader"};
constexpr std::array<std::string_view, 8> kBe = {"was", "were", "been", "being", "is", "are", "be", "got"};
// Words that end the clause an actor can be taken from.
constexpr std::array<std::string_view, 16> kClauseBoundaries = {
    ";",    ":",     "that",     "which", "who", "because", "after",  "before",
    "when", "while", "although", "but",   "if",  "whereas", "unless", "\u201C"};
constexpr std::array<std::string_view, 2> kSubjectRelations = {"nsubj", "nsubj:pass"};
// How many conjoined verbs, participle clauses and complements up a verb seeks its
// subject ("blaming Iran ..., committing to send troops": send, committing, blaming, was).
constexpr int kRoleDepth = 4;
// Reporting verbs: the actor before them is the speaker, not the actor of the event after.
constexpr std::array<std::string_view, 16> kReporting = {
    "said",     "says",  "say",   "told",      "stated",   "announced", "reported", "claimed",
    "stressed", "noted", "added", "according", "insisted", "explained", "argued",   "believes"};
constexpr std::array<std::string_view, 11> kNegations = {"not",     "n't",     "never",    "no",     "without", "nor",
                                                         "neither", "refused", "declined", "failed", "denied"};
constexpr std::array<std::string_view, 16> kModals = {"will",    "would", "could", "may",  "might", "should",
                                                      "must",    "shall", "can",   "'ll",  "'d",    "plans",
                                                      "intends", "wants", "hopes", "ready"};
// The modal auxiliaries that make an act possible, obliged or hypothetical rather than
// announced: they cancel even an intent ("Russia should stop threatening Ukraine"), where
// the future "will"/"'ll" does not ("Iran will retaliate" is itself a threat).
constexpr std::array<std::string_view, 10> kNonFutureModals = {"would", "could", "may", "might", "should",
                                                               "must",  "shall", "can", "ca",    "'d"};
// Nouns that count the people "of" them.
constexpr std::array<std::string_view, 10> kQuantityNouns = {"score",  "dozen",   "hundred", "thousand", "million",
                                                             "number", "handful", "group",   "couple",   "majority"};
// Nouns for what belongs to someone, who is named after "of": "defended the right of
// Russian troops to ...", "support the rights of Palestinians", "the welfare of refugees".
constexpr std::array<std::string_view, 12> kOwnedNouns = {"right",    "interest",  "welfare",  "sovereignty",
                                                          "security", "integrity", "safety",   "independence",
                                                          "freedom",  "property",  "position", "territory"};
// Particles of phrasal verbs ("hand over", "call off", "step down").
constexpr std::array<std::string_view, 8> kVerbParticles = {"over", "out", "off", "up", "down", "back", "away", "in"};
// Nouns for people whose modifiers say whose they are: "his counterpart in Kyiv".
constexpr std::array<std::string_view, 14> kPeopleNouns = {
    "counterpart", "colleague",      "leader",  "minister", "official",   "president", "envoy",
    "delegation",  "representative", "partner", "ally",     "government", "authority", "side"};
// Nouns for groups and people that act as the actor modifying them: "the APEC forum agreed",
// "Israeli tanks fired", "Palestinian workers struck" (unlike "a Kabul car bombing killed").
constexpr std::array<std::string_view, 26> kActingNouns = {
    "forum", "group",  "coalition", "alliance", "bloc",    "faction", "wing",  "member",   "supporter",
    "elder", "worker", "farmer",    "fighter",  "warship", "tank",    "jet",   "aircraft", "warplane",
    "team",  "unit",   "crowd",     "mob",      "hacker",  "settler", "youth", "prisoner"};
// The most actors coordinated with a subject that each act with it (see CoSources).
constexpr size_t kMaxCoSources = 7;
// What makes the word before it a possessor, straight or curly: "Chile's", "the States'".
constexpr std::array<std::string_view, 4> kPossessiveMarks = {"'s", "'", "\u2019s", "\u2019"};
// Nouns for places held by an actor, whose "of" phrase names the actor: "shelled positions
// of the Syrian army", "attacked the headquarters of the ruling party".
constexpr std::array<std::string_view, 12> kHeldPlaces = {"position", "base",   "headquarters", "stronghold",
                                                          "camp",     "office", "outpost",      "checkpoint",
                                                          "convoy",   "post",   "barracks",     "garrison"};
// Prepositions that attach a phrase to a non-actor object.
constexpr std::array<std::string_view, 10> kObjectPrepositions = {"on",    "of",   "at",   "from",   "over",
                                                                  "about", "into", "near", "during", "for"};
constexpr std::array<std::string_view, 3> kConditionals = {"if", "unless", "whether"};
// Verbs (lemmas) whose infinitive is done, not intended: "continued to send arms".
constexpr std::array<std::string_view, 6> kAspectual = {"continue", "begin", "start", "resume", "keep", "proceed"};
// Verbs (lemmas) that act on an event of someone else's, named by their object noun:
// "police dispersed the protests", "France welcomed the talks", "sent troops to quell
// protests".
constexpr std::array<std::string_view, 44> kActingOnEvents = {
    "quell",     "disperse", "suppress", "crush",   "ban",     "prohibit", "outlaw",  "condemn",     "criticize",
    "criticise", "denounce", "deplore",  "welcome", "praise",  "hail",     "applaud", "support",     "endorse",
    "oppose",    "reject",   "stop",     "halt",    "prevent", "block",    "cancel",  "investigate", "probe",
    "report",    "cover",    "witness",  "watch",   "fear",    "predict",  "deny",    "mark",        "commemorate",
    "mourn",     "blame",    "discuss",  "debate",  "monitor", "mediate",  "broker",  "facilitate"};
// Verbs (lemmas) of sending people, whose purpose infinitive they are sent to do: "sent
// inspectors to Iraq to investigate".
constexpr std::array<std::string_view, 4> kSending = {"send", "dispatch", "deploy", "despatch"};
// Sectors of people a country's police and courts act on at home.
constexpr std::array<std::string_view, 8> kDomesticSectors = {"CVL", "OPP", "EDU", "MED", "REB", "BUS", "AGR", "LAB"};
// Prepositions of place: where an event happens.
constexpr std::array<std::string_view, 6> kPlacePrepositions = {"in", "at", "near", "outside", "across", "inside"};
// Prepositions of a phrase that says what an act is about or against ("a protest against
// the government", "a curfew on Palestinians", "independence from Iraq").
constexpr std::array<std::string_view, 7> kAimPrepositions = {"against", "on", "over", "from", "to", "for", "by"};
// CAMEO families whose acts are aimed at someone even when not their object: demands,
// rejections, protests.
constexpr std::array<std::string_view, 3> kAimedFamilies = {"10", "12", "14"};
// Nouns that, after "in", say what an act answers or opposes ("in protest against ...").
constexpr std::array<std::string_view, 6> kAimNouns = {"protest",  "defiance", "opposition",
                                                       "response", "support",  "solidarity"};
// Verbs (lemmas) of asking, wanting and planning: the act in their complement is called
// for or intended, not done ("Germany urged Russia to stop attacking Ukraine", "Chile
// plans to expel ...").
constexpr std::array<std::string_view, 44> kAppealOrIntent = {
    "urge",     "call",   "ask",      "appeal", "request",  "demand",  "press",   "push",    "encourage",
    "persuade", "invite", "tell",     "order",  "instruct", "advise",  "beg",     "implore", "exhort",
    "want",     "wish",   "plan",     "intend", "hope",     "seek",    "try",     "attempt", "aim",
    "prepare",  "expect", "threaten", "vow",    "pledge",   "promise", "propose", "offer",   "agree",
    "decide",   "need",   "plead",    "warn",   "prefer",   "like",    "love",    "enjoy"};
// Of those, and of adjectives, the ones by which the subject states its own intention
// ("offered to", "is ready to"): the act is coded as an intent (03x).
constexpr std::array<std::string_view, 17> kIntentions = {
    "offer", "agree",   "pledge",   "promise", "plan", "intend", "vow",  "decide", "prepare",
    "ready", "willing", "prepared", "commit",  "aim",  "want",   "hope", "wish"};
// Of those, the ones whose "that" clause is wanted too ("demanded that Israel withdraw"),
// where a "that" clause of "warn" or "hope" may report a fact.
constexpr std::array<std::string_view, 5> kAnnouncerPronouns = {"it", "they", "he", "she", "we"};
// Verbs (lemmas) by which an actor announces what it will do: "Nigeria announced that it
// will withdraw ...", "NATO confirmed it would tighten the blockade".
constexpr std::array<std::string_view, 12> kAnnouncing = {
    "say", "announce", "confirm", "declare", "state", "warn", "tell", "insist", "add", "stress", "vow", "reiterate"};
constexpr std::array<std::string_view, 7> kDirectives = {"urge",    "ask",   "demand", "request",
                                                         "propose", "plead", "insist"};

// Verbs (lemmas) that deny what they govern, and nouns for what is told: an event in a
// clause under "denied that", "dismissed reports that", "rejected claims that" is not
// asserted by anyone.
constexpr std::array<std::string_view, 13> kDenials = {"deny",   "dismiss", "reject",  "refute",   "rebut",
                                                       "debunk", "dispute", "contest", "discount", "disprove",
                                                       "oppose", "resist",  "object"};
constexpr std::array<std::string_view, 14> kReportNouns = {
    "report",      "rumour",    "rumor", "claim",  "allegation", "accusation", "suggestion",
    "speculation", "assertion", "story", "charge", "notion",     "news",       "talk"};

bool HasPrefix(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsSpecific(const Actor& a) { return !a.country.empty() || !a.org.empty() || !a.name.empty(); }

class SentenceCoder {
 public:
  // Mentions [mention_begin, mention_end) are this sentence's: the actor stage appends
  // them in sentence order.
  SentenceCoder(const Lexicon& lexicon, Document& doc, uint32_t sentence_index, size_t mention_begin,
                size_t mention_end)
      : lexicon_(lexicon),
        doc_(doc),
        index_(sentence_index),
        s_(doc.sentences[sentence_index]),
        mention_begin_(mention_begin),
        mention_end_(mention_end) {
    const uint32_t n = s_.token_end - s_.token_begin;
    mention_at_.assign(n, -1);
    for (size_t m = mention_begin; m < mention_end; ++m) {
      const ActorMention& mention = doc.mentions[m];
      for (uint32_t t = mention.token_begin; t < mention.token_end; ++t) {
        mention_at_[t - s_.token_begin] = static_cast<int>(m);
      }
    }
    in_found_.assign(mention_end - mention_begin, 0);
    // The children index, built once: child_begin_[k]..child_begin_[k + 1] in children_
    // are the dependents of the sentence's k-th token, in token order (a counting sort).
    child_begin_.assign(n + 1, 0);
    for (uint32_t t = s_.token_begin; t < s_.token_end; ++t) {
      if (auto h = LocalHead(t)) ++child_begin_[*h + 1];
    }
    for (uint32_t k = 0; k < n; ++k) child_begin_[k + 1] += child_begin_[k];
    children_.resize(child_begin_[n]);
    std::vector<uint32_t> next(child_begin_.begin(), child_begin_.end() - 1);
    for (uint32_t t = s_.token_begin; t < s_.token_end; ++t) {
      if (auto h = LocalHead(t)) children_[next[*h]++] = t;
    }
    for (auto& cache : roles_cache_) cache.resize(n);
  }

  void Code() {
    const auto& tokens = doc_.tokens;
    if (doc_.Slice(s_.span).find('?') != std::string_view::npos && tokens[s_.token_end - 1].lower == "?") return;
    if (Parsed()) {
      for (size_t m = mention_begin_; m < mention_end_; ++m) TakePossessorCountry(static_cast<uint32_t>(m));
    }
    const size_t first_event = doc_.events.size();
    for (uint32_t i = s_.token_begin; i < s_.token_end; ++i) {
      if (MentionAt(i) >= 0) continue;
      const auto* ids = lexicon_.EntriesForFirstWord(tokens[i].lower);
      if (!ids) continue;
      // A negated verb is read first as a refusal ("would not meet the demands"), when the
      // lexicon has one for it; otherwise the entries that are not refusals.
      const bool negated_verb = Parsed() && tokens[i].upos == "VERB" && RolesOf(i).negated;
      std::optional<uint32_t> chosen, chosen_end;
      for (int pass = negated_verb ? 0 : 1; pass < 2 && !chosen; ++pass) {
        for (uint32_t id : *ids) {
          if (lexicon_.entries()[id].negated != (pass == 0)) continue;
          if (auto trigger_end = MatchEntry(id, i)) {
            chosen = id;
            chosen_end = trigger_end;
            break;
          }
        }
      }
      if (chosen) {
        CodeTrigger(lexicon_.entries()[*chosen], i, *chosen_end);
        i = *chosen_end - 1;
      }
    }
    DropGoverningIntents(first_event);
  }

 private:
  int MentionAt(uint32_t t) const { return mention_at_[t - s_.token_begin]; }

  // Whether the word at token j is `word` or its plural, written whole or, when `word` is
  // a compound, with a hyphen the tokenizer split off ("cease-fire" for "ceasefire"). The
  // tokens the word spans are added to j in `last`.
  bool WordIs(uint32_t j, const std::string& word, uint32_t& last) const {
    const auto& tokens = doc_.tokens;
    const std::string& w = tokens[j].lower;
    last = j;
    if (w == word || w == NounPlural(word)) return true;
    if (j + 2 >= s_.token_end || tokens[j + 1].lower != "-" || w.size() >= word.size() ||
        word.compare(0, w.size(), w) != 0 || tokens[j].span.end != tokens[j + 1].span.begin ||
        tokens[j + 1].span.end != tokens[j + 2].span.begin) {
      return false;
    }
    const std::string joined = w + tokens[j + 2].lower;
    last = j + 2;
    return joined == word || joined == NounPlural(word);
  }

  // The end of the trigger when entry `id` matches at token i.
  std::optional<uint32_t> MatchEntry(uint32_t id, uint32_t i) const {
    const LexiconEntry& e = lexicon_.entries()[id];
    const auto& tokens = doc_.tokens;
    if (e.noun) {
      if (i + e.words.size() > s_.token_end) return std::nullopt;
      for (size_t k = 1; k < e.words.size(); ++k) {
        bool last = k + 1 == e.words.size();
        const std::string& w = tokens[i + k].lower;
        if (last ? !lexicon_.IsLastNounForm(id, w) : w != e.words[k]) return std::nullopt;
      }
      return i + static_cast<uint32_t>(e.words.size());
    }
    if (i > s_.token_begin && OneOf(tokens[i - 1].lower, kNounMarkers)) return std::nullopt;
    // With a parse, a verb entry needs a verb: "the attack", "the accused", "held talks" are
    // not; nor is a participle inside a noun phrase that a determiner or possessive opens
    // ("a much-criticized ride", "the imprisoned former prime minister"). A bare "rejected
    // calls" may be the parser's misreading of a main verb, and stays.
    if (Parsed() && tokens[i].upos != "VERB") return std::nullopt;
    // Nor the second half of a hyphenated modifier: "Moroccan-occupied Dakhla",
    // "Russia-backed separatists".
    if (i > s_.token_begin + 1 && tokens[i - 1].lower == "-" && tokens[i - 1].span.end == tokens[i].span.begin &&
        tokens[i - 2].span.end == tokens[i - 1].span.begin) {
      return std::nullopt;
    }
    if (const auto noun = Head(i); Parsed() && noun && tokens[i].deprel == "amod") {
      for (uint32_t c : Children(*noun)) {
        if (c < i && (tokens[c].deprel == "det" || tokens[c].deprel == "nmod:poss")) return std::nullopt;
      }
    }
    uint32_t pos = i + 1;
    bool found_all = true;
    for (size_t k = 1; k < e.words.size() && found_all; ++k) {
      bool found = false;
      for (uint32_t j = pos; j < s_.token_end && j < pos + 3; ++j) {
        const std::string& w = tokens[j].lower;
        if (w == "," || w == ";" || w == ".") break;
        if (uint32_t last = j; WordIs(j, e.words[k], last)) {
          pos = last + 1;
          found = true;
          break;
        }
      }
      found_all = found;
    }
    if (found_all) return pos;
    return Parsed() ? MatchInVerbPhrase(e, i) : std::nullopt;
  }

  // The later words of verb entry `e` found, in order, among the words of the verb at i's own
  // phrase, however far apart ("gave the Ivory Coast 5.1 million dollars of aid", "agreed to
  // undertake joint military exercises"): the heads of its objects, of its infinitive's
  // objects, their modifiers and what they measure ("dollars of aid"); never words of a
  // phrase nested inside them ("sent a letter to the UN about troops" is no sending of
  // troops).
  std::optional<uint32_t> MatchInVerbPhrase(const LexiconEntry& e, uint32_t i) const {
    const auto& tokens = doc_.tokens;
    std::vector<uint32_t> heads, words;
    auto arguments = [&](uint32_t verb) {
      for (uint32_t c : Children(verb)) {
        const std::string& rel = tokens[c].deprel;
        if (rel == "obj" || rel == "iobj" || rel == "compound:prt") heads.push_back(c);
        // A particle the parser read as an adverb: "handed over 700 kg of medicine".
        if (rel == "advmod" && OneOf(tokens[c].lower, kVerbParticles)) words.push_back(c);
      }
    };
    arguments(i);
    // Or right after the verb, wherever the parser hung it ("handed over 500 kg", read as
    // "more than 500 kg").
    if (i + 1 < s_.token_end && OneOf(tokens[i + 1].lower, kVerbParticles) &&
        (tokens[i + 1].upos == "ADV" || tokens[i + 1].upos == "ADP")) {
      words.push_back(i + 1);
    }
    for (uint32_t c : Children(i)) {
      if (tokens[c].deprel == "xcomp") {
        words.push_back(c);
        arguments(c);
      }
    }
    // Conjoined objects too: "providing aerial photographs and other military intelligence".
    for (size_t k = 0, n = heads.size(); k < n; ++k) {
      for (uint32_t c : Children(heads[k])) {
        if (tokens[c].deprel == "conj" && tokens[c].upos == "NOUN") heads.push_back(c);
      }
    }
    for (uint32_t h : heads) {
      words.push_back(h);
      for (uint32_t c : Children(h)) {
        const std::string& rel = tokens[c].deprel;
        if (rel == "amod" || rel == "compound") words.push_back(c);
        // A measure of something: "5.1 million dollars of aid", "700 tons of food", "ten
        // days of war games".
        if (rel == "nmod" && CaseOf(c) == "of") {
          words.push_back(c);
          for (uint32_t g : Children(c)) {
            if (tokens[g].deprel == "amod" || tokens[g].deprel == "compound") words.push_back(g);
          }
        }
      }
    }
    std::sort(words.begin(), words.end());
    uint32_t pos = i + 1;
    for (size_t k = 1; k < e.words.size(); ++k) {
      uint32_t last = 0;
      auto it = std::find_if(words.begin(), words.end(),
                             [&](uint32_t t) { return t >= pos && t < i + 16 && WordIs(t, e.words[k], last); });
      if (it == words.end()) return std::nullopt;
      pos = last + 1;
    }
    return pos;
  }

  // "Kirby said that they will reach out to Russia", "officials said we would ...": a
  // plural "they"/"we" subject of a reported clause speaks for the reporter's side, the
  // reporting verb's subject. Only with a parse.
  std::optional<uint32_t> ReportingSide(uint32_t t) const {
    if (!Parsed() || !OneOf(doc_.tokens[t].deprel, kSubjectRelations)) return std::nullopt;
    return ReportingSideOf(t);
  }

  // The specific actor that is the subject of the reporting verb whose "that" clause has
  // subject token t.
  std::optional<uint32_t> ReportingSideOf(uint32_t t) const {
    const auto verb = Head(t);
    if (!verb || doc_.tokens[*verb].deprel != "ccomp") return std::nullopt;
    const auto reporting = Head(*verb);
    if (!reporting || !OneOf(doc_.tokens[*reporting].lower, kReporting)) return std::nullopt;
    for (uint32_t m : SpeakersOf(*reporting)) {
      if (IsSpecific(doc_.mentions[m].actor)) return m;
    }
    return std::nullopt;
  }

  // The actors who are the subject of a verb of saying: its subject's, or for a subject the
  // parse missed ("Nigeria today announced"), the actor right before it past adverbs and
  // bare time words.
  std::vector<uint32_t> SpeakersOf(uint32_t verb) const {
    const auto& tokens = doc_.tokens;
    bool subject = false;
    for (uint32_t c : Children(verb)) {
      if (tokens[c].deprel == "nsubj") {
        subject = true;
        if (c < verb) return MentionsOf(c);
      }
    }
    if (subject) return {};
    uint32_t p = verb;
    while (p > s_.token_begin && MentionAt(p - 1) < 0 &&
           (tokens[p - 1].upos == "ADV" || tokens[p - 1].deprel == "obl:unmarked")) {
      --p;
    }
    if (p > s_.token_begin && MentionAt(p - 1) >= 0) return {static_cast<uint32_t>(MentionAt(p - 1))};
    return {};
  }

  // "Russia accused Ukraine of shelling. It also accused Poland ...": "it" as a subject (not
  // the "it" of "it is unclear") stands for the latest country or organisation that was a
  // subject before it, in this sentence or the one before. Only with a parse.
  std::optional<uint32_t> ResolveIt(uint32_t t, bool any_subject = false) const {
    // "it is prepared to", parsed as a passive: a passive subject too.
    if (!Parsed() || (!OneOf(doc_.tokens[t].deprel, kSubjectRelations) && !any_subject)) return std::nullopt;
    auto subject_actor = [&](const ActorMention& m) {
      if (!IsSpecific(m.actor) || !m.actor.name.empty()) return false;
      for (uint32_t k = m.token_begin; k < m.token_end; ++k) {
        if (doc_.tokens[k].deprel == "nsubj" || doc_.tokens[k].deprel == "nsubj:pass") return true;
      }
      return false;
    };
    for (uint32_t k = t; k-- > s_.token_begin;) {
      const int m = MentionAt(k);
      if (m >= 0 && subject_actor(doc_.mentions[static_cast<size_t>(m)])) return static_cast<uint32_t>(m);
    }
    for (size_t m = mention_begin_; m-- > 0;) {
      const ActorMention& mention = doc_.mentions[m];
      if (mention.sentence + 1 < index_) break;
      if (subject_actor(mention)) return static_cast<uint32_t>(m);
    }
    return std::nullopt;
  }

  // The latest person named before token t, in this or the two previous sentences. In this
  // sentence, not one named inside a prepositional phrase: in "X met with President Trump,
  // where he denounced ...", "he" is X, not Trump.
  std::optional<uint32_t> ResolvePronoun(uint32_t t) const {
    for (uint32_t k = t; k-- > s_.token_begin;) {
      int m = MentionAt(k);
      if (m >= 0 && NamesPerson(doc_.mentions[m].actor)) {
        if (InPrepositionalPhrase(static_cast<uint32_t>(m))) return std::nullopt;
        return static_cast<uint32_t>(m);
      }
    }
    for (size_t m = mention_begin_; m-- > 0;) {
      const ActorMention& mention = doc_.mentions[m];
      if (mention.sentence + 2 < index_) break;
      if (NamesPerson(mention.actor)) return static_cast<uint32_t>(m);
    }
    return std::nullopt;
  }

  // Whether actor a is a person by name: named, and not by an organisation's name ("the
  // Thai Raksa Chart Party" is no "she").
  static bool NamesPerson(const Actor& a) {
    if (a.name.empty()) return false;
    for (size_t begin = 0; begin < a.name.size();) {
      size_t end = a.name.find(' ', begin);
      if (end == std::string::npos) end = a.name.size();
      std::string word = a.name.substr(begin, end - begin);
      std::transform(word.begin(), word.end(), word.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (IsOrganizationWord(word)) return false;
      begin = end + 1;
    }
    return true;
  }

  // The first token of the subtree under token t.
  uint32_t SubtreeBegin(uint32_t t) const {
    uint32_t first = t;
    for (uint32_t c : Children(t)) first = std::min(first, SubtreeBegin(c));
    return first;
  }

  // Whether mention m hangs by a preposition ("with President Trump"). Only with a parse.
  bool InPrepositionalPhrase(uint32_t m) const {
    if (!Parsed()) return false;
    const ActorMention& mention = doc_.mentions[m];
    auto has_case = [&](uint32_t t) {
      for (uint32_t c : Children(t)) {
        if (c < mention.token_begin && doc_.tokens[c].deprel == "case") return true;
      }
      return false;
    };
    for (uint32_t t = mention.token_begin; t < mention.token_end; ++t) {
      if (has_case(t)) return true;
      // A mention modifying the phrase's head, owning it or in apposition to it: "with
      // Roman Catholic Pope Francis", "during the government's crackdown", "in Mpika, Zambia".
      const std::string& rel = doc_.tokens[t].deprel;
      if (const auto head = Head(t); head && (*head < mention.token_begin || *head >= mention.token_end) &&
                                     (rel == "compound" || rel == "amod" || rel == "nmod:desc" || rel == "flat" ||
                                      rel == "appos" || rel == "nmod:poss") &&
                                     has_case(*head)) {
        return true;
      }
    }
    return false;
  }

  // A title or sector named with no country takes its possessor's: "Taiwan's Vice Foreign
  // Minister" (a title word the dictionary keeps apart), and, as a subject, "its troops" /
  // "their forces" the country "it" or "they" stands for ("Russia said its troops had
  // withdrawn": the reporting subject; else the latest country that was a subject, as for
  // "it"). Only with a parse.
  void TakePossessorCountry(uint32_t m) {
    Actor& a = doc_.mentions[m].actor;
    if (IsSpecific(a) || a.code.size() != 6 || a.code.compare(0, 3, "---") != 0) return;
    const ActorMention& mention = doc_.mentions[m];
    std::optional<uint32_t> head;
    for (uint32_t t = mention.token_begin; t < mention.token_end && !head; ++t) {
      const auto h = Head(t);
      if (!h || *h < mention.token_begin || *h >= mention.token_end) head = t;
    }
    if (!head) return;
    const auto& tokens = doc_.tokens;
    std::optional<uint32_t> owner;
    for (uint32_t c : Children(*head)) {
      if (c >= mention.token_begin && c < mention.token_end) continue;
      const std::string& rel = tokens[c].deprel;
      if (rel != "nmod:poss" && rel != "amod" && rel != "compound") continue;
      if (const int o = MentionAt(c); o >= 0) {
        const Actor& b = doc_.mentions[o].actor;
        if (!b.country.empty() && b.org.empty() && b.name.empty()) owner = static_cast<uint32_t>(o);
        break;
      }
      if (rel == "nmod:poss" && (tokens[c].lower == "its" || tokens[c].lower == "their") &&
          OneOf(tokens[*head].deprel, kSubjectRelations)) {
        owner = ReportingSideOf(*head);
        if (!owner) owner = ResolveIt(*head, /*any_subject=*/true);
        break;
      }
    }
    if (!owner) return;
    const Actor& b = doc_.mentions[*owner].actor;
    if (b.country.empty() || !b.org.empty() || !b.name.empty()) return;
    const std::string sector = a.code.substr(3);
    const bool non_state = b.code.size() == 6 && (b.code.compare(3, 3, "REB") == 0 || b.code.compare(3, 3, "OPP") == 0);
    a.country = b.country;
    a.code = non_state ? b.code : b.country + sector;
  }

  // When the comma at `close` ends an insertion that opened with a comma, the opening
  // comma: a participle phrase (", supported by Poland,"), an apposition (", an ally of
  // Poland,") after an actor, or a relative clause (", which borders Poland,"). Its actors
  // describe the actor before it and act in nothing outside it. Not an insertion: ",
  // including three Lebanese soldiers," (members of the group before it), and an
  // apposition after no actor (", the UN relief coordinator," after an unknown name
  // stands for the person).
  std::optional<uint32_t> InsertionStart(uint32_t close) const {
    const auto& tokens = doc_.tokens;
    constexpr uint32_t kMaxInsertion = 12;
    for (uint32_t k = close; k-- > s_.token_begin + 1 && k + kMaxInsertion > close;) {
      const std::string& w = tokens[k].lower;
      if (w == ";" || w == ":" || w == "\u201C" || w == "\u201D" || w == "\"") return std::nullopt;
      if (w != ",") continue;
      if (k + 1 == close) return std::nullopt;
      const Token& first = tokens[k + 1];
      bool participle = (first.xpos == "VBN" || first.xpos == "VBG") && first.lower != "including";
      bool apposition = (first.lower == "a" || first.lower == "an" || first.lower == "the") && MentionAt(k - 1) >= 0 &&
                        IsSpecific(doc_.mentions[MentionAt(k - 1)].actor);
      bool relative = first.lower == "which" || first.lower == "who" || first.lower == "whose";
      if (participle || apposition || relative) return k;
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The nearest specific actor before token `pos` in the same clause. Mentions without a
  // country, organisation or name are passed over; an apposition after a person
  // ("Mark Milley, the chairman of the Joint Chiefs of Staff,") yields the person, and
  // actors inside an insertion between commas (see InsertionStart) are passed over.
  std::optional<uint32_t> ScanLeft(uint32_t pos, uint32_t& clause_start) const {
    const auto& tokens = doc_.tokens;
    for (uint32_t t = pos; t-- > s_.token_begin;) {
      if (tokens[t].lower == ",") {
        if (auto open = InsertionStart(t)) {
          t = *open;
          continue;
        }
      }
      int m = MentionAt(t);
      if (m >= 0) {
        const ActorMention& mention = doc_.mentions[m];
        t = mention.token_begin;
        if (!IsSpecific(mention.actor)) continue;
        clause_start = mention.token_end;
        if (mention.actor.name.empty() && mention.token_end < s_.token_end && tokens[mention.token_end].lower == ",") {
          for (uint32_t k = t; k-- > s_.token_begin && k + 5 >= t;) {
            if (tokens[k].lower != ",") continue;
            if (k > s_.token_begin && MentionAt(k - 1) >= 0 && !doc_.mentions[MentionAt(k - 1)].actor.name.empty()) {
              return static_cast<uint32_t>(MentionAt(k - 1));
            }
            break;
          }
        }
        return static_cast<uint32_t>(m);
      }
      const std::string& w = tokens[t].lower;
      if (w == "he" || w == "she") {
        clause_start = t + 1;
        return ResolvePronoun(t);
      }
      if (w == "they" || w == "we") {
        if (auto speaker = ReportingSide(t)) {
          clause_start = t + 1;
          return speaker;
        }
      }
      if (w == "it") {
        // "Kenya said it ...": the reporter; else the latest subject country.
        if (auto speaker = ReportingSide(t)) {
          clause_start = t + 1;
          return speaker;
        }
        if (auto referent = ResolveIt(t)) {
          clause_start = t + 1;
          return referent;
        }
      }
      if (OneOf(w, kClauseBoundaries) || OneOf(w, kReporting) || w == "it" || w == "they" || w == "we" || w == "i") {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The sentence's first specific actor before `pos`: the subject, for a second verb of the
  // subject ("Russia denied ... and rejected ...") or a participle (", accusing the US").
  std::optional<uint32_t> FirstActorBefore(uint32_t pos, uint32_t& clause_start) const {
    for (uint32_t t = s_.token_begin; t < pos; ++t) {
      int m = MentionAt(t);
      // Not one in a prepositional phrase ("giving an address at the United Nations,
      // meeting with ..."): a subject hangs by none.
      if (m >= 0 && IsSpecific(doc_.mentions[m].actor) && !InPrepositionalPhrase(static_cast<uint32_t>(m))) {
        clause_start = doc_.mentions[m].token_end;
        return static_cast<uint32_t>(m);
      }
    }
    return std::nullopt;
  }

  // The first actor after `pos`, within a short window and the same clause. Once the
  // object has turned out to be something else ("condemned the attack on Israel"), an
  // actor inside a following prepositional phrase is not the target.
  std::optional<uint32_t> ScanRight(uint32_t pos, uint32_t window = 8) const {
    const auto& tokens = doc_.tokens;
    bool passed_object = false;
    for (uint32_t t = pos; t < s_.token_end && t < pos + window; ++t) {
      int m = MentionAt(t);
      if (m >= 0) return static_cast<uint32_t>(m);
      const std::string& w = tokens[t].lower;
      if (w == "," || w == "." || OneOf(w, kClauseBoundaries) || OneOf(w, kReporting)) return std::nullopt;
      // "positions of the Syrian army": the actor holding the place is the one aimed at.
      const bool held_place = w == "of" && t > pos && OneOf(tokens[t - 1].lemma, kHeldPlaces);
      if (passed_object && OneOf(w, kObjectPrepositions) && !held_place) return std::nullopt;
      if (tokens[t].kind == TokenKind::kWord && !OneOf(w, kNounMarkers) && !OneOf(w, kObjectPrepositions) &&
          !OneOf(w, kCoordinationFillers)) {  // "the head of X" leads to X
        passed_object = true;
      }
    }
    return std::nullopt;
  }

  // The first mention that begins after token t.
  std::optional<uint32_t> FirstMentionAfter(uint32_t t) const {
    for (uint32_t k = t + 1; k < s_.token_end; ++k) {
      if (MentionAt(k) >= 0) return static_cast<uint32_t>(MentionAt(k));
    }
    return std::nullopt;
  }

  // Whether mentions a and b, joined by a coordination, act together: not when the later
  // one is the subject of a new clause ("Russia bombed Ukraine and France condemned ...").
  bool Coordinated(uint32_t a, uint32_t b) const {
    const ActorMention& x = doc_.mentions[std::min(a, b)];
    const ActorMention& y = doc_.mentions[std::max(a, b)];
    return !StartsNewClause(doc_, s_, x, y);
  }

  // Mentions coordinated with mention m: "A and B", "A, B and C", "Russian and Ukrainian".
  std::vector<uint32_t> WithCoordinated(uint32_t m) const {
    std::vector<uint32_t> all = {m};
    const auto& tokens = doc_.tokens;
    uint32_t t = doc_.mentions[m].token_end;
    while (t + 1 < s_.token_end) {
      const std::string& w = tokens[t].lower;
      if (w != "and" && w != "or" && w != ",") break;
      uint32_t next = t + 1;
      if (next < s_.token_end && tokens[next].lower == "and") ++next;
      while (next < s_.token_end && next < t + 6 && MentionAt(next) < 0 &&
             OneOf(tokens[next].lower, kCoordinationFillers)) {
        ++next;
      }
      if (next >= s_.token_end || MentionAt(next) < 0) break;
      uint32_t n = static_cast<uint32_t>(MentionAt(next));
      if (!Coordinated(all.back(), n)) break;
      all.push_back(n);
      t = doc_.mentions[n].token_end;
    }
    return all;
  }

  bool Contains(uint32_t begin, uint32_t end, auto predicate) const {
    for (uint32_t t = begin; t < end; ++t) {
      if (predicate(doc_.tokens[t].lower)) return true;
    }
    return false;
  }

  // Whether mention m is directly followed by a reporting verb: "..., Kyiv said".
  bool IsSpeaker(uint32_t m) const {
    uint32_t next = doc_.mentions[m].token_end;
    return next < s_.token_end && OneOf(doc_.tokens[next].lower, kReporting);
  }

  bool Parsed() const { return !doc_.tokens[s_.token_begin].deprel.empty(); }

  // The head of token t as an index into this sentence, when it is inside it.
  std::optional<uint32_t> LocalHead(uint32_t t) const {
    int32_t h = doc_.tokens[t].head;
    if (h < static_cast<int32_t>(s_.token_begin) || h >= static_cast<int32_t>(s_.token_end)) return std::nullopt;
    return static_cast<uint32_t>(h) - s_.token_begin;
  }

  // The head of token t as a document token index, if it is in this sentence (not the root).
  std::optional<uint32_t> Head(uint32_t t) const {
    auto local = LocalHead(t);
    return local ? std::optional<uint32_t>(*local + s_.token_begin) : std::nullopt;
  }

  // Children of token `head` in this sentence's tree, in token order.
  std::span<const uint32_t> Children(uint32_t head) const {
    const uint32_t k = head - s_.token_begin;
    return std::span<const uint32_t>(children_).subspan(child_begin_[k], child_begin_[k + 1] - child_begin_[k]);
  }

  // "a call by Kofi Annan", "an offer from Afghanistan": the phrase names who made it.
  bool MadeBy(uint32_t node) const {
    for (uint32_t c : Children(node)) {
      const Token& t = doc_.tokens[c];
      if (t.deprel == "case" && (t.lower == "by" || t.lower == "from")) return true;
    }
    return false;
  }

  // The actor mentions a dependent stands for: its own mention, or those of its modifiers
  // ("his Russian and Ukrainian colleagues", "Israel's decision"), with their conjuncts. A
  // prepositional modifier names the actor only on a word for people ("counterparts in
  // Ukraine and Russia"), not on a thing ("the attack on Israel's embassy").
  std::vector<uint32_t> MentionsOf(uint32_t node) const {
    std::vector<uint32_t> found;
    // in_found_ marks what is in `found` (cleared again below), so a long coordination
    // costs linear time, not quadratic.
    auto add = [&](uint32_t t) {
      int m = MentionAt(t);
      if (m >= 0 && !in_found_[m - mention_begin_]) {
        in_found_[m - mention_begin_] = 1;
        found.push_back(static_cast<uint32_t>(m));
      }
      return m >= 0;
    };
    if (!add(node)) {
      for (uint32_t child : Children(node)) {
        const std::string& rel = doc_.tokens[child].deprel;
        // "further action against Russia": what an act is against is whom it is aimed at.
        const bool against = rel == "nmod" && CaseOf(child) == "against";
        // "scores of Liberian refugees": a quantity of people is those people.
        // (By word order too: the parser may hang "of" on a word inside the phrase.)
        const bool counted =
            OneOf(doc_.tokens[node].lemma, kQuantityNouns) &&
            (CaseOf(child) == "of" || (child > node && node + 1 < s_.token_end && doc_.tokens[node + 1].lower == "of"));
        if (rel == "amod" || rel == "nmod:poss" || rel == "compound" || rel == "appos" ||
            (rel == "nmod" && (OneOf(doc_.tokens[node].lemma, kPeopleNouns) || MadeBy(child) || against || counted ||
                               (OneOf(doc_.tokens[node].lemma, kOwnedNouns) && CaseOf(child) == "of") ||
                               (OneOf(doc_.tokens[node].lemma, kHeldPlaces) && CaseOf(child) == "of")))) {
          add(child);
        }
      }
    }
    // Conjuncts of what was found, either way, but not a conjunct that is the subject of
    // a clause of its own (see Coordinated).
    auto add_conjunct = [&](uint32_t from, uint32_t t) {
      int m = MentionAt(t);
      if (m >= 0 && Coordinated(from, static_cast<uint32_t>(m))) add(t);
    };
    for (size_t i = 0; i < found.size(); ++i) {
      const uint32_t from = found[i];
      const ActorMention& m = doc_.mentions[from];
      for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
        // Not conjuncts of the place inside a mention of people there ("students in Kisumu
        // and Nakuru" are students, not Nakuru; "the delegations of Cyprus and Greece" are
        // both).
        const int32_t head = doc_.tokens[t].head;
        const bool place_inside = head >= static_cast<int32_t>(m.token_begin) &&
                                  head < static_cast<int32_t>(m.token_end) && OneOf(CaseOf(t), kPlacePrepositions);
        for (uint32_t child : Children(t)) {
          if (doc_.tokens[child].deprel == "conj" && !place_inside) add_conjunct(from, child);
        }
        const Token& token = doc_.tokens[t];
        if (token.deprel == "conj" && LocalHead(t)) add_conjunct(from, static_cast<uint32_t>(token.head));
      }
    }
    for (uint32_t m : found) in_found_[m - mention_begin_] = 0;
    std::sort(found.begin(), found.end(),
              [&](uint32_t a, uint32_t b) { return doc_.mentions[a].token_begin < doc_.mentions[b].token_begin; });
    return found;
  }

  struct ParseRoles {
    std::vector<uint32_t> subjects, objects, patients, agents;  // mention indices
    std::vector<uint32_t> direct_objects;                       // of the verb's own obj/iobj, not of a clause below
    bool passive = false, negated = false, conditional = false;
    bool on_condition = false;  // an "if"/"unless" clause hangs on the verb: cancels all but intent events
    bool future = false;        // "will", "'ll": cancels all but intent events
    bool modal = false;         // another modal auxiliary (kNonFutureModals): cancels every event
    // Whether the first subject (agent) mention is the subject (agent) phrase itself, not a
    // word modifying it: "Hezbollah guerrillas killed", not "a Kabul car bombing killed".
    bool subject_heads = false, agent_heads = false;
  };

  // Whether the first of `mentions` is the phrase headed by token t: it covers t, or it
  // modifies a noun for a group or people that acts as it ("Israeli tanks", "the APEC forum").
  bool FirstCovers(const std::vector<uint32_t>& mentions, uint32_t t) const {
    if (mentions.empty()) return false;
    const ActorMention& m = doc_.mentions[mentions[0]];
    if (m.token_begin <= t && t < m.token_end) return true;
    return OneOf(doc_.tokens[t].lemma, kActingNouns) && m.token_end <= t &&
           doc_.tokens[m.token_end - 1].head == static_cast<int32_t>(t);
  }

  // Who does what to whom around verb token v, read off the dependency tree.
  // `depth` bounds how far up a chain of conjoined verbs the subject is sought, so a
  // run-on "attacked and attacked and ..." stays linear.
  // Cached per token and depth: every verb of a long coordination asks for the roles of
  // the same head.
  const ParseRoles& RolesOf(uint32_t v, int depth = 0) const {
    std::optional<ParseRoles>& cached = roles_cache_[depth][v - s_.token_begin];
    if (!cached) cached = ComputeRolesOf(v, depth);
    return *cached;
  }

  ParseRoles ComputeRolesOf(uint32_t v, int depth) const {
    ParseRoles roles;
    const auto& tokens = doc_.tokens;
    bool by_agent = false, by_nominal = false, perfect = false;
    bool own_subject = false, own_auxiliary = false;  // any, actor or not
    bool active_arguments = false;                    // an active subject or an object
    for (uint32_t child : Children(v)) {
      const std::string& rel = tokens[child].deprel;
      const std::string& w = tokens[child].lower;
      own_subject = own_subject || rel == "nsubj" || rel == "nsubj:pass";
      own_auxiliary = own_auxiliary || rel == "aux" || rel == "aux:pass";
      active_arguments = active_arguments || rel == "nsubj" || rel == "obj";
      // English news puts the subject before its verb and the object after it; a parse that
      // says otherwise is more likely wrong than the word order ("Poland accused Belarus",
      // with Belarus mis-parsed as a second subject).
      if (rel == "nsubj" && child < v) {
        if (roles.subjects.empty()) {
          roles.subjects = MentionsOf(child);
          roles.subject_heads = FirstCovers(roles.subjects, child);
        }
      } else if (rel == "nsubj:pass") {
        roles.passive = true;
        roles.patients = MentionsOf(child);
      } else if ((rel == "obj" || rel == "iobj") && child > v) {
        auto m = MentionsOf(child);
        roles.objects.insert(roles.objects.end(), m.begin(), m.end());
        roles.direct_objects.insert(roles.direct_objects.end(), m.begin(), m.end());
      } else if (rel == "obl:agent") {
        // Only a real "by" phrase makes the verb passive: the parser also gives obl:agent
        // to a plain object ("blamed both Israel and ...").
        by_agent = by_agent || CaseOf(child) == "by";
        roles.agents = MentionsOf(child);
        roles.agent_heads = FirstCovers(roles.agents, child);
      } else if (rel == "obl") {
        const std::string_view preposition = CaseOf(child);
        if (preposition == "by") {
          by_nominal = by_nominal || tokens[child].upos == "NOUN" || tokens[child].upos == "PROPN" ||
                       tokens[child].upos == "PRON";
          roles.agents = MentionsOf(child);
          roles.agent_heads = FirstCovers(roles.agents, child);
        } else if (preposition == "to" || preposition == "against" ||
                   (preposition == "with" && MentionAt(child) >= 0)) {
          // "with" names a partner when its noun is one ("met with Albania"), not the means
          // or help an actor lends ("with Albania's help").
          auto m = MentionsOf(child);
          if (!AnySpecific(roles.objects)) roles.objects = m;
        }
      } else if (rel == "advmod" && (w == "not" || w == "n't" || w == "never")) {
        roles.negated = true;
      } else if (rel == "aux" && tokens[child].lemma == "have") {
        perfect = true;
      } else if (rel == "aux" && OneOf(w, kNonFutureModals)) {
        roles.modal = true;
      } else if (rel == "aux" && OneOf(w, kModals)) {
        roles.future = true;
      } else if (rel == "mark" && OneOf(w, kConditionals)) {
        roles.conditional = true;
      } else if (HasPrefix(rel, "advcl")) {
        // "would defend Saudi Arabia if it is attacked": the act hangs on a condition.
        for (uint32_t c : Children(child)) {
          if (tokens[c].deprel == "mark" && OneOf(tokens[c].lower, kConditionals) && tokens[c].lower != "whether") {
            roles.on_condition = true;
          }
        }
      }
    }
    // No object: the actor of a clause the verb governs. "demanded that Israel withdraw"
    // (the clause's subject), "threatened to expel the Turkish envoy" (the clause's object).
    // Only the first actor after the verb: in "bombed Ukraine and French officials
    // condemned ..." the clause's subject is not what was bombed.
    // An object that names no one ("offered troops to Lebanon") leaves room for one that does.
    if (!AnySpecific(roles.objects)) {
      for (uint32_t child : Children(v)) {
        const std::string& rel = tokens[child].deprel;
        if (rel != "ccomp" && rel != "xcomp") continue;
        for (uint32_t grandchild : Children(child)) {
          const std::string& inner = tokens[grandchild].deprel;
          // Not what a clause's verb of being names ("resigned to become Secretary of State").
          if ((rel == "ccomp" && inner == "nsubj" && grandchild < child) ||
              (rel == "xcomp" && (inner == "obj" || inner == "iobj") && grandchild > child &&
               tokens[child].lemma != "become" && tokens[child].lemma != "remain")) {
            roles.objects = MentionsOf(grandchild);
          }
        }
        if (AnySpecific(roles.objects) && FirstMentionAfter(v) != roles.objects.front()) roles.objects.clear();
        if (AnySpecific(roles.objects)) break;
      }
    }
    // By English word order the actor right before a finite verb is its subject. It is
    // taken when the parse names none ("Russia bombed Ukraine and France condemned the
    // strikes", where the parser hangs "condemned" under "bombed" and France under
    // Ukraine), or names one that belongs to the clause before ("attacked Ukraine and
    // Georgia has condemned ...", parsed with Ukraine as the subject).
    if (IsFiniteVerb(doc_, v)) {
      uint32_t p = v;
      while (p > s_.token_begin &&
             (tokens[p - 1].upos == "ADV" || (tokens[p - 1].upos == "AUX" && LocalHead(p - 1) == v - s_.token_begin))) {
        --p;
      }
      if (p > s_.token_begin && MentionAt(p - 1) >= 0) {
        const uint32_t m = static_cast<uint32_t>(MentionAt(p - 1));
        if (SubjectVerbOf(doc_, s_, doc_.mentions[m]) == v &&
            (!own_subject ||
             (!roles.subjects.empty() && roles.subjects.front() < m && !Coordinated(roles.subjects.front(), m)))) {
          roles.subjects = MentionsOf(p - 1);
          roles.subject_heads = FirstCovers(roles.subjects, p - 1);
        }
      }
    }
    // A participle with an agent is passive even without "be", as in a reduced relative
    // ("Russian troops, accused by Ukraine of looting, ...") or a participle clause
    // ("Attacked by rebels, the convoy ..."); one with an active subject or an object
    // ("Russia attacked Kyiv by air", with "attacked" tagged VBN), or after "has", is not.
    // So is a verb with a passive auxiliary of its own ("but was arrested in 1963", which
    // shares no subject with the verb before it).
    bool passive_auxiliary = false;
    for (uint32_t child : Children(v)) {
      passive_auxiliary = passive_auxiliary || (tokens[child].deprel == "aux:pass" &&
                                                (tokens[child].lemma == "be" || tokens[child].lemma == "get"));
    }
    // A bare past participle clause is passive too: "to save civilians threatened with
    // starvation" (an active one has an object or an auxiliary: "having threatened Chile").
    const bool participle_clause =
        tokens[v].deprel == "advcl" && tokens[v].xpos == "VBN" && !own_subject && !own_auxiliary && !active_arguments;
    if (tokens[v].deprel == "aux:pass" || (passive_auxiliary && !active_arguments) || participle_clause ||
        (!active_arguments && (by_agent || (tokens[v].xpos == "VBN" && by_nominal && !perfect)))) {
      roles.passive = true;
    }
    // A verb conjoined to another, or a participle clause, shares its subject and mood.
    // An open complement (xcomp) is done by the governing verb's object when it has one
    // ("urged Russia to stop": Russia stops), else by its subject ("wants to stop").
    int32_t head = tokens[v].head;
    const std::string& rel = tokens[v].deprel;
    // A passive participle modifying a noun is about that noun: "the convoy, attacked by".
    if (head >= 0 && rel == "acl" && roles.passive && !own_subject) {
      roles.patients = MentionsOf(static_cast<uint32_t>(head));
    }
    if (head >= 0 && depth < kRoleDepth && (rel == "conj" || rel == "advcl" || rel == "xcomp")) {
      const ParseRoles& outer = RolesOf(static_cast<uint32_t>(head), depth + 1);
      // "are shot and killed by Israeli soldiers": a bare participle conjoined to a
      // passive verb is passive too, with its agent.
      if (rel == "conj" && outer.passive && tokens[v].xpos == "VBN" && !own_subject && !own_auxiliary) {
        roles.passive = true;
        if (roles.agents.empty()) {
          roles.agents = outer.agents;
          roles.agent_heads = outer.agent_heads;
        }
      }
      if (roles.subjects.empty() && !roles.passive) {
        const bool by_object = rel == "xcomp" && !outer.direct_objects.empty();
        roles.subjects = by_object ? outer.direct_objects : outer.subjects;
        roles.subject_heads = by_object || outer.subject_heads;
      }
      // A passive participle clause or conjunct is about the other verb's subject (or
      // patient): "Accused by Kyiv of looting, Russian troops left".
      if (roles.passive && !own_subject) roles.patients = outer.passive ? outer.patients : outer.subjects;
      roles.conditional = roles.conditional || outer.conditional;
      if (rel != "advcl") {
        roles.modal = roles.modal || outer.modal;
        roles.future = roles.future || outer.future;
      }
    }
    return roles;
  }

  // The country where verb v happens: a country or a place of one in a phrase "in", "at",
  // "near", "outside" or "across" hanging on the verb or on its object. Only with a parse.
  std::optional<uint32_t> PlaceOf(uint32_t v) const {
    if (!Parsed()) return std::nullopt;
    const auto& tokens = doc_.tokens;
    // The verb's phrases, its object's, and those of the infinitive it governs ("refused to
    // deploy peacekeepers in Iraq").
    std::vector<uint32_t> verbs = {v};
    for (uint32_t c : Children(v)) {
      if (tokens[c].deprel == "xcomp") verbs.push_back(c);
    }
    std::vector<uint32_t> phrases;
    for (uint32_t verb : verbs) {
      for (uint32_t c : Children(verb)) {
        if (HasPrefix(tokens[c].deprel, "obl")) phrases.push_back(c);
        if (tokens[c].deprel == "obj") {
          for (uint32_t g : Children(c)) {
            if (tokens[g].deprel == "nmod") phrases.push_back(g);
          }
        }
      }
    }
    for (size_t next = 0; next < phrases.size(); ++next) {
      const uint32_t phrase = phrases[next];
      // Where the act goes counts as where it happens: "contribute troops to a force in
      // Liberia", "dispatched inspectors to a plant in central Iran".
      if (CaseOf(phrase) == "to" || CaseOf(phrase) == "into") {
        for (uint32_t g : Children(phrase)) {
          if (tokens[g].deprel == "nmod" && OneOf(CaseOf(g), kPlacePrepositions)) phrases.push_back(g);
        }
        continue;
      }
      if (!OneOf(CaseOf(phrase), kPlacePrepositions)) continue;
      // The place itself, or the country of a place inside it: "in the town of Cizre in
      // southeastern Turkey".
      std::vector<uint32_t> places = {phrase};
      for (size_t k = 0; k < places.size() && k < 8; ++k) {
        // A place named ("in Tel Aviv", "in the Lebanon border area"), or a word for a place
        // a demonym qualifies ("in Lebanese villages", "at the Thai border"); not a demonym on
        // anything else ("in the Palestinian uprising" is no place).
        const bool place_word = MentionAt(places[k]) >= 0 || IsPlaceWord(tokens[places[k]]);
        for (uint32_t m : MentionsOf(places[k])) {
          const Actor& a = doc_.mentions[m].actor;
          const bool adjective = doc_.tokens[doc_.mentions[m].token_end - 1].deprel == "amod";
          if (!a.country.empty() && a.code == a.country && (place_word || !adjective)) return m;
        }
        for (uint32_t g : Children(places[k])) {
          if (tokens[g].deprel == "nmod" && (CaseOf(g) == "of" || OneOf(CaseOf(g), kPlacePrepositions))) {
            places.push_back(g);
          }
        }
      }
    }
    return std::nullopt;
  }

  // The subjects of the "if" or "unless" clauses hanging on verb v or on the infinitives
  // below it ("threatened to stop ... if the United States ...").
  std::vector<uint32_t> ConditionSubjects(uint32_t v) const {
    const auto& tokens = doc_.tokens;
    std::vector<uint32_t> verbs{v}, found;
    for (size_t k = 0; k < verbs.size() && k < 8; ++k) {
      for (uint32_t c : Children(verbs[k])) {
        const std::string& rel = tokens[c].deprel;
        if (rel == "xcomp") verbs.push_back(c);
        if (!HasPrefix(rel, "advcl")) continue;
        bool condition = false, infinitive = false;
        for (uint32_t g : Children(c)) {
          if (tokens[g].deprel != "mark") continue;
          condition = condition || tokens[g].lower == "if" || tokens[g].lower == "unless";
          infinitive = infinitive || tokens[g].lower == "to";
        }
        if (infinitive) verbs.push_back(c);  // "to stop the talks to reduce arms if ..."
        if (!condition) continue;
        for (uint32_t g : Children(c)) {
          if (HasPrefix(tokens[g].deprel, "nsubj")) {
            for (uint32_t m : MentionsOf(g)) found.push_back(m);
          }
        }
      }
    }
    return found;
  }

  // Police and courts act at home on civilians, students, journalists, opposition, rebels
  // and businesses named with no country; governments and armies on rebels and opposition.
  // `end`: one past the event's words; with no target yet, the people named right after
  // them ("detained journalists") are the candidates.
  void InferDomesticTargets(uint32_t source, uint32_t end, std::vector<uint32_t>& targets) {
    const Actor& a = doc_.mentions[source].actor;
    if (a.country.empty() || a.code.size() != 6 || a.code.compare(0, 3, a.country) != 0) return;
    const std::string_view sector = std::string_view(a.code).substr(3);
    const bool police = sector == "COP" || sector == "JUD";
    // A government or army acts at home on rebels and opposition, when the sentence names
    // no other country ("the Sudanese government accused rebels"; not "Israeli troops
    // attacked militants in Gaza").
    const bool state = sector == "GOV" || sector == "MIL";
    if (!police && !state) return;
    if (state) {
      for (size_t m = mention_begin_; m < mention_end_; ++m) {
        const std::string& country = doc_.mentions[m].actor.country;
        // Not who reports it (", a member of the Chadian team ... has said").
        if (!country.empty() && country != a.country && !InReporter(static_cast<uint32_t>(m), end)) return;
      }
    }
    if (targets.empty() && end > s_.token_begin) {
      // Not the subject of a clause of its own ("resigned as the opposition threatened ...").
      if (auto next = FirstMentionAfter(end - 1); next && doc_.mentions[*next].token_begin < end + 4 &&
                                                  !InClauseOf(doc_.mentions[*next].token_begin, end - 1)) {
        targets.push_back(*next);
      }
    }
    for (uint32_t t : targets) {
      Actor& b = doc_.mentions[t].actor;
      if (IsSpecific(b) || b.code.size() != 6 || b.code.compare(0, 3, "---") != 0) continue;
      const std::string b_sector = b.code.substr(3);
      if (police ? !OneOf(b_sector, kDomesticSectors) : (b_sector != "REB" && b_sector != "OPP")) continue;
      b.country = a.country;
      b.code = a.country + b.code.substr(3);
    }
  }

  // Whether mention m is part of the subject of a verb of saying after token `after` (", a
  // member of the Chadian team has said"): who reports the event, not a party to it.
  bool InReporter(uint32_t m, uint32_t after) const {
    const auto& tokens = doc_.tokens;
    const uint32_t begin = doc_.mentions[m].token_begin;
    // By word order: the sentence ends ", <speaker> (has) said (on Thursday)." and the
    // mention is in that last part.
    uint32_t last = s_.token_end;
    while (last > s_.token_begin && (tokens[last - 1].upos == "PUNCT" || tokens[last - 1].upos == "PROPN" ||
                                     tokens[last - 1].upos == "ADP" || tokens[last - 1].upos == "NOUN")) {
      if (OneOf(tokens[last - 1].lower, kReporting)) break;
      --last;
    }
    if (last > s_.token_begin && OneOf(tokens[last - 1].lower, kReporting)) {
      uint32_t comma = last - 1;
      while (comma > s_.token_begin && tokens[comma].lower != ",") --comma;
      if (tokens[comma].lower == "," && comma >= after && begin > comma && begin < last - 1) return true;
    }
    if (!Parsed()) return false;
    uint32_t node = begin;
    for (int step = 0; step < 12; ++step) {
      const auto up = Head(node);
      if (!up) return false;
      if (HasPrefix(doc_.tokens[node].deprel, "nsubj") && *up >= after && OneOf(doc_.tokens[*up].lower, kReporting)) {
        return true;
      }
      node = *up;
    }
    return false;
  }

  // The preposition a phrase hangs by (its last "case" dependent: "in", "against"), or "".
  std::string_view CaseOf(uint32_t node) const {
    std::string_view preposition;
    for (uint32_t c : Children(node)) {
      if (doc_.tokens[c].deprel == "case") preposition = doc_.tokens[c].lower;
    }
    return preposition;
  }

  // The first of `mentions` (not empty) that names an actor with a country, organisation or
  // name, else the first: "The militant organisation, the Islamic State, claimed ..." is the
  // Islamic State's act, not the militants' of no country.
  uint32_t FirstSpecific(const std::vector<uint32_t>& mentions) const {
    for (uint32_t m : mentions) {
      if (IsSpecific(doc_.mentions[m].actor)) return m;
    }
    return mentions.front();
  }

  bool AnySpecific(const std::vector<uint32_t>& mentions) const {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](uint32_t m) { return IsSpecific(doc_.mentions[m].actor); });
  }

  // The actors of the subject of verb v's complement clause when that clause must happen:
  // "said (that) Sudan must return", "insisted that Israel has to withdraw".
  std::vector<uint32_t> MustClauseSubjects(uint32_t v) const {
    const auto& tokens = doc_.tokens;
    for (uint32_t clause : Children(v)) {
      if (tokens[clause].deprel != "ccomp") continue;
      bool must = false;
      std::optional<uint32_t> subject;
      for (uint32_t c : Children(clause)) {
        const std::string& rel = tokens[c].deprel;
        if (rel == "aux" && tokens[c].lower == "must") must = true;
        if (rel == "nsubj" || rel == "nsubj:pass") subject = c;
      }
      // "has to" / "have to": the clause's verb is "have" with an infinitive below it.
      if (!must && (tokens[clause].lower == "has" || tokens[clause].lower == "have")) {
        for (uint32_t c : Children(clause)) {
          if (tokens[c].deprel != "xcomp") continue;
          must = must || InfinitiveMark(c).has_value();
        }
      }
      if (must && subject) return MentionsOf(*subject);
    }
    return {};
  }

  // The verb of announcing ("said", "announced", "confirmed") whose clause verb v is,
  // through conjoined verbs and infinitives.
  std::optional<uint32_t> AnnouncingVerb(uint32_t v) const {
    const auto& tokens = doc_.tokens;
    uint32_t node = v;
    for (int step = 0; step < 5; ++step) {
      const auto up = Head(node);
      if (!up) return std::nullopt;
      const std::string& rel = tokens[node].deprel;
      if (rel == "ccomp") {
        if (OneOf(tokens[*up].lemma, kAnnouncing)) return *up;
        return std::nullopt;
      }
      if (rel != "conj" && rel != "xcomp") return std::nullopt;
      node = *up;
    }
    return std::nullopt;
  }

  // Whether "would" is the auxiliary of verb v or of a verb it is conjoined to.
  bool HasWould(uint32_t v) const {
    uint32_t node = v;
    for (int step = 0; step < 4; ++step) {
      for (uint32_t c : Children(node)) {
        if (doc_.tokens[c].deprel == "aux" && (doc_.tokens[c].lower == "would" || doc_.tokens[c].lower == "'d")) {
          return true;
        }
      }
      const auto up = Head(node);
      // Not through an infinitive: "said he would prefer to agree" is a preference.
      if (!up || doc_.tokens[node].deprel != "conj") return false;
      node = *up;
    }
    return false;
  }

  // Whether the clause of verb v, under `announcing` ("Nigeria announced that it will
  // withdraw"), is about the announcer itself: its subject is a pronoun or names the
  // announcer's actor.
  bool AnnouncedByItsActor(uint32_t v, uint32_t announcing) const {
    const auto& tokens = doc_.tokens;
    const std::vector<uint32_t> speakers = SpeakersOf(announcing);
    if (!AnySpecific(speakers)) return false;
    uint32_t node = v;
    for (int step = 0; step < 5; ++step) {
      for (uint32_t c : Children(node)) {
        if (tokens[c].deprel != "nsubj") continue;
        if (tokens[c].upos == "PRON") return OneOf(tokens[c].lower, kAnnouncerPronouns);
        for (uint32_t m : MentionsOf(c)) {
          for (uint32_t sp : speakers) {
            if (m == sp || doc_.mentions[m].actor.country == doc_.mentions[sp].actor.country) return true;
          }
        }
        return false;
      }
      const auto up = Head(node);
      if (!up || node == announcing) return false;
      node = *up;
      if (node == announcing) return false;
    }
    return false;
  }

  // Whether verb v is what its own subject offers, agrees, promises or plans to do ("Syria
  // offered to withdraw", "France is ready to contribute troops"), through conjoined verbs,
  // and not what another actor is asked to do.
  bool IntendedBySubject(uint32_t v) const {
    const auto& tokens = doc_.tokens;
    uint32_t node = v;
    for (int step = 0; step < 6; ++step) {
      const auto up = Head(node);
      if (!up) return false;
      const std::string& rel = tokens[node].deprel;
      // The infinitive may hang as an adverbial clause when words come between ("agreed in
      // principle on Saturday to provide aid").
      if (rel == "xcomp" || (rel == "advcl" && InfinitiveMark(node))) {
        if (!OneOf(tokens[*up].lemma, kIntentions)) return false;
        // "want him to resign": with an object of its own the verb intends someone else's act.
        for (uint32_t c : Children(*up)) {
          if (tokens[c].deprel == "obj" || tokens[c].deprel == "iobj") return false;
        }
        return true;
      }
      if (rel != "conj") return false;
      node = *up;
    }
    return false;
  }

  // Whether the event of verb v is only asked for or intended: v stands, through
  // conjoined verbs and complements, under a verb of asking, wanting or planning ("Germany
  // urged Russia to stop attacking Ukraine", "called on Russia to stop attacking", "demanded
  // that Israel withdraw its troops"). An intent event (a pledge, a threat) under such a
  // verb still stands when its own subject wants or plans it ("agreed to pledge aid"), not
  // when another actor is asked for it ("urged Russia to agree to talks").
  bool Unasserted(uint32_t v, bool intent) const {
    const auto& tokens = doc_.tokens;
    uint32_t node = v;
    for (int step = 0; step < 6; ++step) {
      const auto up = Head(node);
      if (!up) return false;
      const uint32_t head = *up;
      const std::string& rel = tokens[node].deprel;
      const std::string& governor = tokens[head].lemma;
      const bool infinitive = InfinitiveMark(node).has_value();
      // A gerund conjoined to the verb, with no auxiliary of its own, is one more thing the
      // verb governs: "likes dropping bombs on people, and killing them".
      bool gerund_conjunct = false;
      if (rel == "conj" && tokens[node].xpos == "VBG") {
        gerund_conjunct = true;
        for (uint32_t c : Children(node)) gerund_conjunct = gerund_conjunct && !HasPrefix(tokens[c].deprel, "aux");
      }
      bool complement = rel == "xcomp" || (rel == "advcl" && infinitive) || gerund_conjunct;
      bool directive_clause = rel == "ccomp" && OneOf(governor, kDirectives);
      // "urged Sudan's warring parties to agree to a ceasefire", the infinitive parsed as a
      // clause of the object noun: the act is asked of the object, another actor.
      if (rel == "acl" && infinitive && (tokens[head].deprel == "obj" || tokens[head].deprel == "iobj")) {
        if (const auto asker = Head(head); asker && OneOf(tokens[*asker].lemma, kAppealOrIntent)) return true;
      }
      if ((complement && OneOf(governor, kAppealOrIntent)) || directive_clause) {
        if (!intent || directive_clause) return true;
        const ParseRoles& outer = RolesOf(head, 2);
        if (!outer.direct_objects.empty() || (rel == "advcl" && !outer.objects.empty())) return true;
      }
      if (rel != "conj" && !complement && rel != "ccomp") return false;
      node = head;
    }
    return false;
  }

  // The "to" that marks verb v as an infinitive ("agreed to provide"), if it has one.
  std::optional<uint32_t> InfinitiveMark(uint32_t v) const {
    for (uint32_t c : Children(v)) {
      if (doc_.tokens[c].deprel == "mark" && doc_.tokens[c].lower == "to") return c;
    }
    return std::nullopt;
  }

  // Whether verb v has an auxiliary `rel` of lemma `lemma` in the present tense ("does
  // not recognise", "is banned").
  bool HasPresentAuxiliary(uint32_t v, std::string_view rel, std::string_view lemma) const {
    for (uint32_t c : Children(v)) {
      const Token& aux = doc_.tokens[c];
      if (aux.deprel == rel && aux.lemma == lemma && (aux.xpos == "VBZ" || aux.xpos == "VBP")) return true;
    }
    return false;
  }

  // Whether mention m is this sentence's (a pronoun may stand for an earlier one's).
  bool InSentence(uint32_t m) const { return m >= mention_begin_ && m < mention_end_; }

  // The preposition mention m's phrase hangs by ("by" in "by the army"), or "".
  std::string_view CaseOfMention(uint32_t m) const {
    const ActorMention& mention = doc_.mentions[m];
    for (uint32_t t = mention.token_begin; t < mention.token_end; ++t) {
      if (const std::string_view c = CaseOf(t); !c.empty()) return c;
    }
    const auto up = Head(mention.token_end - 1);
    return up ? CaseOf(*up) : std::string_view();
  }

  // Whether mention m lies in an "against" phrase ("against al-Shabaab").
  bool InAgainstPhrase(uint32_t m) const {
    for (uint32_t node = doc_.mentions[m].token_end - 1, step = 0; step < 4; ++step) {
      const std::string& rel = doc_.tokens[node].deprel;
      if ((rel == "nmod" || HasPrefix(rel, "obl")) && CaseOf(node) == "against") return true;
      const auto up = Head(node);
      if (!up) return false;
      node = *up;
    }
    return false;
  }

  // Whether event noun t is named as ended or failed: "announced the suspension of the
  // trade talks", "after the collapse of the ceasefire" (the talks are not held).
  // [begin, end): the entry's own words, which may be such a phrase ("suspension of
  // flights" is itself an event).
  bool Ended(uint32_t t, uint32_t begin, uint32_t end) const {
    static constexpr std::array<std::string_view, 10> kEndings = {
        "suspension", "cancellation", "cancelation", "end",  "collapse",
        "breakdown",  "postponement", "failure",     "halt", "termination"};
    if (doc_.tokens[t].deprel != "nmod" || CaseOf(t) != "of") return false;
    const auto up = Head(t);
    if (up && *up >= begin && *up < end) return false;
    return up && OneOf(doc_.tokens[*up].lemma, kEndings);
  }

  // Whether event noun t is only asked for, planned or arranged: "worked to arrange a meeting
  // between Zelensky and Trump", "called for talks with Russia" (a meeting planned is no
  // meeting).
  // `protest`: the noun is a protest, which "organised" does not make only planned.
  bool Planned(uint32_t t, bool protest) const {
    static constexpr std::array<std::string_view, 5> kArranging = {"arrange", "schedule", "organize", "organise",
                                                                   "set"};
    // Protests are spoken of as organised when they are held ("organised a general strike
    // that shut down the capital").
    static constexpr std::array<std::string_view, 3> kArrangingProtests = {"arrange", "schedule", "set"};
    const std::string& rel = doc_.tokens[t].deprel;
    if (rel != "obj" && !HasPrefix(rel, "obl") && rel != "nmod") return false;
    const auto up = Head(t);
    if (!up) return false;
    const std::string& governor = doc_.tokens[*up].lemma;
    return doc_.tokens[*up].upos == "VERB" &&
           (OneOf(governor, kAppealOrIntent) ||
            (protest ? OneOf(governor, kArrangingProtests) : OneOf(governor, kArranging)));
  }

  // Whether token v (an event verb or noun) stands in a clause that a verb of denial
  // governs, directly ("Egypt denied that Sudan attacked Ethiopia") or through a noun of
  // report ("Egypt dismissed reports that Sudan had attacked Ethiopia", "rejected claims
  // of talks with ..."), possibly through conjoined verbs and further clauses. A "that"
  // the parser took for the object of the verb ("denied [that] ...") counts as the clause.
  bool Denied(uint32_t v) const {
    const auto& tokens = doc_.tokens;
    // By word order too, for a parse that missed the clause ("dismissed reports that"
    // with "reports" taken for a verb): a verb of denial followed by "that", or by a noun
    // of report and "that" or "of", before v.
    for (uint32_t i = s_.token_begin; i + 1 < v; ++i) {
      if (!OneOf(tokens[i].lemma, kDenials)) continue;
      uint32_t k = i + 1;
      if (tokens[k].lower == "the" || tokens[k].lower == "these" || tokens[k].lower == "those") ++k;
      if (k < v && OneOf(tokens[k].lemma, kReportNouns)) ++k;
      if (k < v && k > i + 1 && (tokens[k].lower == "that" || tokens[k].lower == "of")) return true;
      if (k == i + 1 && tokens[k].lower == "that") return true;
    }
    uint32_t node = v;
    for (int step = 0; step < 6; ++step) {
      const auto up = Head(node);
      if (!up) return false;
      const uint32_t head = *up;
      const std::string& rel = tokens[node].deprel;
      if (rel == "conj" || rel == "xcomp" || rel == "advcl") {
        node = head;
        continue;
      }
      // "Israel is opposed to French mediation", "rejected talks with Syria": what a verb of
      // denial takes as its object did not happen.
      if (node == v && tokens[v].upos != "VERB" && (rel == "obj" || HasPrefix(rel, "obl")) &&
          OneOf(tokens[head].lemma, kDenials)) {
        return true;
      }
      if (rel != "ccomp" && rel != "acl" && rel != "acl:relcl" && rel != "nmod") return false;
      const Token& h = tokens[head];
      if (rel == "ccomp" && OneOf(h.lemma, kDenials)) return true;
      if (OneOf(h.lemma, kReportNouns) || (h.lower == "that" && rel != "nmod")) {
        if (auto g = Head(head); g && OneOf(tokens[*g].lemma, kDenials)) return true;
      }
      node = head;
    }
    return false;
  }

  void CodeTrigger(const LexiconEntry& entry, uint32_t begin, uint32_t end) {
    const auto& tokens = doc_.tokens;
    // A future, offered or promised act of cooperation is coded as the intent to do it
    // ("will visit Moscow" is 036, "offered to send troops" 0334); other acts only intended
    // are not coded.
    const std::string* intent_code = entry.intent ? nullptr : lexicon_.IntentCodeFor(entry.code);
    bool as_intent = false;
    std::optional<uint32_t> source;
    std::vector<uint32_t> targets;
    uint32_t clause_start = begin;
    bool passive_by_words = false;
    bool reported_would = false;  // "said it would ...": a future, not a modal
    // Whether the act may stand without a target: its actor is its subject (or agent) in the
    // parse, and it has a complement that is not a clause of its own (see StandsAlone).
    bool may_stand_alone = false;
    // Actors coordinated with the source that act with it: "The United States and Britain
    // condemned Russia" is two events (see CoSources).
    std::vector<uint32_t> co_sources;
    std::optional<uint32_t> negation_start;  // where negation of this verb may start, when not clause_start

    if (entry.noun) {
      uint32_t after = end;
      if (after < s_.token_end && tokens[after].lower == "between") {
        auto first = ScanRight(after + 1, 6);
        if (entry.between_targets) {
          // "a mediation effort between Egypt and Sudan": the parties are the targets.
          if (first) targets = WithCoordinated(*first);
          source = ScanLeft(begin, clause_start);
        } else {
          if (first) {
            auto pair = WithCoordinated(*first);
            if (pair.size() >= 2) {
              source = pair[0];
              targets.push_back(pair[1]);
            }
          }
          clause_start = begin > s_.token_begin + 2 ? begin - 2 : s_.token_begin;
        }
      } else {
        // Force is done on or against someone; "airstrikes with the air force" names the means.
        const bool force = entry.code >= "18";
        const std::string_view w = after < s_.token_end ? std::string_view(tokens[after].lower) : std::string_view();
        if (w == "on" || w == "against" || (!force && (w == "with" || w == "to"))) {
          if (auto t = ScanRight(after + 1, 6)) targets = WithCoordinated(*t);
        }
        // What the noun is against, with the parse, past words between ("ethnic cleansing in
        // Montenegro against the Albanian population").
        if (targets.empty() && Parsed()) {
          // Its own phrases, or those of the verb it is the object or phrase of ("engaged in
          // ethnic cleansing ... against ...", with "against" hung on "engaged").
          std::vector<uint32_t> heads = {end - 1};
          if (auto verb = VerbOfNoun(end - 1)) heads.push_back(*verb);
          for (uint32_t h : heads) {
            for (uint32_t c : Children(h)) {
              if (c != end - 1 && (doc_.tokens[c].deprel == "nmod" || doc_.tokens[c].deprel == "obl") &&
                  (CaseOf(c) == "against" || (force && CaseOf(c) == "on"))) {
                for (uint32_t m : MentionsOf(c)) targets.push_back(m);
              }
            }
          }
        }
        source = ScanLeft(begin, clause_start);
        // Nor an actor in a phrase of its own before the noun ("protests against deportation
        // during the second Trump administration, a general strike"); one "of" or "by" a
        // phrase may be ("a member of the Syrian parliament ... started a hunger strike"), and
        // so may one on the noun itself ("killed in a Russian missile strike").
        auto on_the_noun = [&](uint32_t m) {
          const int32_t head = doc_.tokens[doc_.mentions[m].token_end - 1].head;
          return head >= static_cast<int32_t>(begin) && head < static_cast<int32_t>(end);
        };
        if (source && Parsed() && InSentence(*source) && !on_the_noun(*source) && InPrepositionalPhrase(*source) &&
            CaseOfMention(*source) != "by" && CaseOfMention(*source) != "of") {
          source.reset();
        }
        // The agent of a passive is not the act of the patient before it ("warplanes were
        // destroyed by drone attacks"): only a mention on the noun itself names its actor.
        if (source && Parsed() && !on_the_noun(*source) &&
            (tokens[end - 1].deprel == "obl:agent" ||
             (HasPrefix(tokens[end - 1].deprel, "obl") && CaseOf(end - 1) == "by"))) {
          source.reset();
        }
        // The noun as the object of a verb is that verb's subject's act ("Saudi Arabia ...,
        // providing airstrikes", "Israel carried out an air raid"), not the act of whoever is
        // named last before it. So is a visit or talks a verb's phrase speaks of ("Saddam
        // arrived in Amman on a visit"); not force it suffered ("died in an attack").
        const bool on_or_for =
            tokens[end - 1].deprel == "obl" && !force && (CaseOf(end - 1) == "on" || CaseOf(end - 1) == "for");
        if (auto verb = VerbOfNoun(end - 1); verb && (tokens[end - 1].deprel == "obj" || on_or_for)) {
          const ParseRoles& roles = RolesOf(*verb);
          if (tokens[end - 1].deprel == "obj" && OneOf(tokens[*verb].lemma, kActingOnEvents)) {
            // A verb that acts on someone else's event ("police dispersed the protests",
            // "France welcomed the talks", "to quell protests"): the event is not its
            // subject's, and no one before it is its actor either.
            source.reset();
          } else if (!roles.passive && !roles.subjects.empty() && IsSpecific(doc_.mentions[roles.subjects[0]].actor)) {
            source = roles.subjects[0];
          }
        }
      }
    } else {
      bool passive = false;
      for (uint32_t t = begin; t-- > s_.token_begin && t + 3 >= begin;) {
        const std::string& w = tokens[t].lower;
        if (OneOf(w, kBe)) {
          passive = true;
          break;
        }
        if (!(w.size() > 2 && w.compare(w.size() - 2, 2, "ly") == 0) && w != "also" && w != "reportedly") break;
      }
      if (passive) {
        passive_by_words = true;
        uint32_t left_clause = begin;
        auto patient = ScanLeft(begin, left_clause);
        if (patient) targets = {*patient};
        for (uint32_t t = end; t < s_.token_end; ++t) {
          if (tokens[t].lower == "by") {
            source = ScanRight(t + 1, 4);
            break;
          }
          if (tokens[t].lower == "," || tokens[t].lower == ";") break;
        }
        clause_start = left_clause;
      } else {
        bool participle_after_comma = begin > s_.token_begin && tokens[begin - 1].lower == "," &&
                                      tokens[begin].lower.size() > 4 &&
                                      tokens[begin].lower.compare(tokens[begin].lower.size() - 3, 3, "ing") == 0;
        uint32_t before = begin;
        while (before > s_.token_begin &&
               (OneOf(tokens[before - 1].lower, kVerbGroup) ||
                (tokens[before - 1].lower.size() > 4 &&
                 tokens[before - 1].lower.compare(tokens[before - 1].lower.size() - 2, 2, "ly") == 0))) {
          --before;
        }
        bool second_verb = before > s_.token_begin && tokens[before - 1].lower == "and" && MentionAt(before) < 0;
        if (participle_after_comma || second_verb) {
          source = FirstActorBefore(begin, clause_start);
          if (second_verb) negation_start = before;  // "is not a party ..., and called on": not this verb's
        } else {
          source = ScanLeft(begin, clause_start);
        }
        if (auto t = ScanRight(end)) targets = WithCoordinated(*t);
      }
    }

    if (entry.noun && Parsed()) {
      for (uint32_t t = begin; t < end; ++t) {
        if (Denied(t) || Planned(t, entry.code.starts_with("14")) || Ended(t, begin, end)) return;
      }
    }
    if (entry.must_clause) {
      // Only with a parse, and only a "that" clause whose subject must act.
      if (!Parsed()) return;
      targets = MustClauseSubjects(begin);
      if (targets.empty()) return;
    }
    if (!entry.noun && Parsed()) {
      // The dependency parse, where it names the actors, decides over word order.
      const ParseRoles& roles = RolesOf(begin);
      // A refusal entry is chosen only for a verb the parse negates (see Code).
      if (roles.conditional || (roles.negated && !entry.negated)) return;
      // "Iran does not recognise Israel": a refusal in the present simple is a standing
      // position, not an act; so is a present passive with no agent ("The PKK is banned in
      // Turkey").
      if (entry.negated && HasPresentAuxiliary(begin, "aux", "do")) return;
      if (roles.agents.empty() && HasPresentAuxiliary(begin, "aux:pass", "be")) return;
      // "has always condemned any form of violence": a habit, not an event.
      for (uint32_t c : Children(begin)) {
        if (doc_.tokens[c].deprel == "advmod" &&
            (doc_.tokens[c].lower == "always" || doc_.tokens[c].lower == "usually")) {
          return;
        }
      }
      // "said it would withdraw": "would" in an announced clause is the future of the past.
      const std::optional<uint32_t> announcer = AnnouncingVerb(begin);
      const bool reported_future = roles.modal && announcer && HasWould(begin);
      // A conflictual act the actor itself announces or states it will do is a threat
      // ("announced that it will withdraw its peacekeepers unless ..." is 136, "is prepared
      // to impose martial law" 1324); one only predicted by others is not coded.
      const bool threat = intent_code && intent_code->compare(0, 2, "13") == 0;
      const bool future = roles.future || reported_future;
      // Not an aim of something named in a relative clause ("a resolution that aims to impose
      // a blockade").
      std::optional<uint32_t> intention;
      for (uint32_t node = begin, step = 0; step < 6 && !intention; ++step) {
        const auto up = Head(node);
        if (!up) break;
        if (doc_.tokens[node].deprel == "xcomp") intention = up;
        if (doc_.tokens[node].deprel != "conj") break;
        node = *up;
      }
      const bool intended_threat =
          threat && IntendedBySubject(begin) && intention && !HasPrefix(doc_.tokens[*intention].deprel, "acl");
      if (threat && future && !intended_threat && !(announcer && AnnouncedByItsActor(begin, *announcer))) return;
      reported_would = reported_future;
      if (entry.actor_object) {
        bool someone = false;
        for (uint32_t c : Children(begin)) {
          // People the object names ("two Bolivian migrants", "scores of refugees"); not
          // whoever does what the object names ("ordered patrols by police").
          if (doc_.tokens[c].deprel != "obj") continue;
          for (uint32_t m : MentionsOf(c)) someone = someone || CaseOfMention(m) != "by";
        }
        if (!someone && !(roles.passive && !roles.patients.empty())) return;
      }
      if (entry.intransitive || entry.no_clause) {
        for (uint32_t c : Children(begin)) {
          const std::string& rel = doc_.tokens[c].deprel;
          if (rel == "ccomp" || (entry.intransitive && (rel == "obj" || rel == "iobj" || rel == "xcomp"))) return;
        }
      }
      if (roles.on_condition && !entry.intent && !(threat && (future || intended_threat))) return;
      if (roles.modal && !reported_future) return;
      if (future && !entry.intent) {
        if (!intent_code) return;
        as_intent = true;
      }
      const bool intended = intent_code && IntendedBySubject(begin) && (!threat || intended_threat);
      if (Unasserted(begin, entry.intent) && !intended) return;
      as_intent = as_intent || intended;
      if (Denied(begin)) return;
      if (roles.passive) {
        // The words after a passive verb are its agent, not its target: without a patient
        // from the parse only one found before the verb ("was attacked") stands.
        if (!roles.patients.empty()) {
          targets = roles.patients;
        } else if (!passive_by_words) {
          targets.clear();
        }
        // The agent may hang lower in the tree ("killed in shelling by Russian forces"):
        // then the "by" found in the words stands.
        if (!roles.agents.empty()) {
          source = FirstSpecific(roles.agents);
          may_stand_alone = roles.agent_heads;
          co_sources = CoSources(roles.agents);
        } else if (!passive_by_words) {
          source.reset();
        }
      } else if (entry.must_clause) {
        if (!roles.subjects.empty()) source = FirstSpecific(roles.subjects);
      } else {
        if (!roles.subjects.empty()) {
          source = FirstSpecific(roles.subjects);
          may_stand_alone = roles.subject_heads;
          co_sources = CoSources(roles.subjects);
          clause_start = doc_.mentions[*source].token_end;
        } else if (source && !passive_by_words) {
          // A subject of its own that names no actor ("..., a human rights group protested")
          // leaves no room for an actor before it in another clause (past a comma). So does
          // the noun a participle was hung on as its modifier, which is that participle's
          // subject when the parser misread the clause ("a rights group protested" parsed
          // as the group "protested" on a Tuesday).
          const auto children = Children(begin);
          std::vector<uint32_t> own_subjects(children.begin(), children.end());
          const int32_t modified = doc_.tokens[begin].deprel == "acl" ? doc_.tokens[begin].head : -1;
          if (modified >= 0 && (MentionAt(static_cast<uint32_t>(modified)) < 0 ||
                                !IsSpecific(doc_.mentions[MentionAt(static_cast<uint32_t>(modified))].actor))) {
            own_subjects.push_back(static_cast<uint32_t>(doc_.tokens[begin].head));
          }
          for (uint32_t c : own_subjects) {
            const bool subject = doc_.tokens[c].deprel == "nsubj" || static_cast<int32_t>(c) == doc_.tokens[begin].head;
            if (!subject || c > begin || doc_.tokens[c].upos == "PRON") continue;
            // The phrase's first word, past a comma the parser hung on it.
            uint32_t subject_begin = SubtreeBegin(c);
            while (subject_begin < c && doc_.tokens[subject_begin].upos == "PUNCT") ++subject_begin;
            if (doc_.mentions[*source].token_end <= subject_begin &&
                Contains(doc_.mentions[*source].token_end, subject_begin,
                         [](const std::string& w) { return w == "," || w == ";"; })) {
              source.reset();
              break;
            }
            // Nor an actor inside the subject's own clause: "Brett McGurk, who was envoy to
            // the intervention against ISIL, criticized ..." is not ISIL's act.
            bool in_clause = false;
            for (uint32_t node = doc_.mentions[*source].token_begin, step = 0; step < 12; ++step) {
              const auto up = Head(node);
              if (!up) break;
              if (*up == c) {
                in_clause = doc_.tokens[node].deprel == "acl:relcl";
                break;
              }
              node = *up;
            }
            if (in_clause) {
              source.reset();
              break;
            }
          }
        }
        // An object that names no one ("agreed to undertake military exercises": the
        // military of no country) leaves coordinated subjects to act on each other.
        const bool specific_object = std::any_of(roles.objects.begin(), roles.objects.end(),
                                                 [&](uint32_t m) { return IsSpecific(doc_.mentions[m].actor); });
        if (entry.mutual && !specific_object && roles.subjects.size() >= 2) {
          // "Hungarian and Romanian officials agreed": each with the others.
          targets.assign(roles.subjects.begin() + 1, roles.subjects.end());
          co_sources.clear();
        } else if (!roles.objects.empty()) {
          targets = roles.objects;
        } else if (entry.untargeted) {
          // An act that stands alone is not aimed at what a clause of its own names
          // ("resigned to become the United States Secretary of State").
          std::erase_if(targets, [&](uint32_t m) { return InClauseOf(doc_.mentions[m].token_begin, begin); });
        }
      }
    }

    // "A missionary was arrested in Lebanon": arrests, detentions and sentences with no
    // agent are the work of the authorities of the country where they happen.
    if (!source && !entry.noun && Parsed() && RolesOf(begin).passive && entry.code.compare(0, 2, "17") == 0) {
      if (auto place = PlaceOf(begin); place && std::find(targets.begin(), targets.end(), *place) == targets.end()) {
        source = place;
        may_stand_alone = true;
      }
    }
    if (!source || !IsSpecific(doc_.mentions[*source].actor)) return;
    const uint32_t actor = source.value_or(0);
    uint32_t from = std::min(clause_start, begin);
    // Conditionals and hypotheticals in the clause ("if Russia attacks", "in the event of").
    uint32_t clause_begin = std::min(from, doc_.mentions[actor].token_begin);
    while (clause_begin > s_.token_begin && tokens[clause_begin - 1].lower != "," &&
           tokens[clause_begin - 1].lower != ";") {
      --clause_begin;
    }
    if (Contains(clause_begin, begin, [](const std::string& w) { return OneOf(w, kConditionals); })) return;
    for (uint32_t t = clause_begin; t + 2 < begin; ++t) {
      if (tokens[t].lower == "in" && tokens[t + 1].lower == "the" && tokens[t + 2].lower == "event") return;
    }
    // Negation and modality between the source and the event words (a refusal entry is its
    // verb's negation).
    if (!entry.negated &&
        Contains(negation_start.value_or(from), begin, [](const std::string& w) { return OneOf(w, kNegations); })) {
      return;
    }
    if (!reported_would && Contains(from, begin, [](const std::string& w) { return OneOf(w, kNonFutureModals); })) {
      return;
    }
    if (!entry.intent && !as_intent) {
      if (Contains(from, begin, [](const std::string& w) { return OneOf(w, kModals); })) return;
      // An infinitive: "plans to visit", "to discuss ... and consult"; but not one that
      // continues or begins an act ("continued to send arms", "began to withdraw").
      uint32_t t = begin;
      while (t > s_.token_begin && OneOf(tokens[t - 1].lower, kVerbGroup)) --t;
      const auto governor = Parsed() && tokens[begin].deprel == "xcomp" ? Head(begin) : std::nullopt;
      // Nor what people are sent to do ("sent personnel to Bosnia to investigate ..."): the
      // sending is the act's beginning.
      const auto sender = Parsed() && HasPrefix(tokens[begin].deprel, "advcl") ? Head(begin) : std::nullopt;
      const bool ongoing = (governor && OneOf(tokens[*governor].lemma, kAspectual)) ||
                           (sender && OneOf(tokens[*sender].lemma, kSending));
      // "resorted to throwing stones": "to" before a gerund is a preposition.
      const bool gerund = tokens[begin].xpos == "VBG" && t == begin;
      // Also when words come between, as the parse marks it ("to please step down").
      const bool marked = (t > s_.token_begin && tokens[t - 1].lower == "to") || (Parsed() && InfinitiveMark(begin));
      if (marked && !ongoing && !gerund) return;
    }
    LexiconEntry coded = entry;
    if (as_intent) {
      coded.code = *intent_code;
      coded.between_people.clear();
    }
    // An appeal or demand names what it asks for ("urged Uganda to extradite ..." 0213).
    if (Parsed() && (coded.code == "020" || coded.code == "100")) {
      // Or what a verb of asking takes as its object: "requested an urgent meeting".
      std::optional<std::string> act = RequestedAct(entry.noun ? end - 1 : begin);
      if (!act && !entry.noun) act = ObjectAct(begin);
      if (act) {
        if (std::string refined = lexicon_.RequestCodeFor(coded.code, *act); !refined.empty()) coded.code = refined;
      }
    }
    // A threat names what it threatens: "threatened a general strike" is a threat of
    // protest (133), as "threatened to strike" is.
    if (Parsed() && coded.code == "130" && !entry.noun) {
      std::optional<std::string> act = RequestedAct(begin);
      if (!act) act = ObjectAct(begin);
      if (act) {
        if (const std::string* threat = lexicon_.IntentCodeFor(*act); threat && threat->starts_with("13")) {
          coded.code = *threat;
        }
      }
    }
    // "reiterated the United States' support for Ukraine": the possessor of an event noun
    // among the event's words is whose act it is, not its target; what the noun is for or
    // with is.
    if (Parsed() && end > begin + 1 && entry.possessor_target) {
      // "welcomed Chile's decision", "rejected an offer from Peru": whose the noun is, or
      // whom it came from, is the target.
      std::vector<uint32_t> owners;
      for (uint32_t w = begin + 1; w < end; ++w) {
        for (uint32_t c : Children(w)) {
          const std::string& rel = doc_.tokens[c].deprel;
          if (rel == "nmod:poss" || (rel == "nmod" && (CaseOf(c) == "from" || CaseOf(c) == "by"))) {
            for (uint32_t m : MentionsOf(c)) owners.push_back(m);
          }
        }
      }
      if (AnySpecific(owners)) targets = owners;
    } else if (Parsed() && end > begin + 1) {
      auto inside = [&](int32_t h) { return h > static_cast<int32_t>(begin) && h < static_cast<int32_t>(end); };
      std::erase_if(targets, [&](uint32_t m) {
        const ActorMention& mention = doc_.mentions[m];
        for (uint32_t t = mention.token_begin; t < mention.token_end; ++t) {
          if (tokens[t].deprel == "nmod:poss" && inside(tokens[t].head)) return true;
        }
        // A possessive the parser missed ("the United States’ support", a curly apostrophe).
        const uint32_t after = mention.token_end;
        return after + 1 < end && after > begin && OneOf(tokens[after].lower, kPossessiveMarks);
      });
      // What the event's own noun is with, to or for ("lodged an official protest with
      // Albania", where "official" is no one).
      if (!AnySpecific(targets)) {
        for (uint32_t w = begin + 1; w < end; ++w) AddPartnersOfNoun(w, /*with_for=*/true, targets);
      }
      // "gave the Ivory Coast 5.1 million dollars of aid": the first object of a verb of
      // giving among the event's words is who receives it, unless it owns what follows.
      if (!AnySpecific(targets) && !entry.noun) {
        const int m = MentionAt(begin + 1);
        if (m >= 0 && IsSpecific(doc_.mentions[static_cast<uint32_t>(m)].actor)) {
          const uint32_t after = doc_.mentions[static_cast<uint32_t>(m)].token_end;
          if (after < end && !OneOf(tokens[after].lower, kPossessiveMarks)) targets = {static_cast<uint32_t>(m)};
        }
      }
    }
    // "would boycott all official contact with the United States", "suspended aid to
    // Serbia", "offered troops to Lebanon": an object that names no one may say with or to
    // whom.
    if (Parsed() && !entry.noun && !AnySpecific(targets)) {
      for (uint32_t c : Children(begin)) {
        if (tokens[c].deprel == "obj" &&
            (MentionAt(c) < 0 || !IsSpecific(doc_.mentions[static_cast<uint32_t>(MentionAt(c))].actor))) {
          AddPartnersOfNoun(c, /*with_for=*/false, targets);
        }
      }
    }
    // Police and courts act at home: the protesters, students or journalists they act on,
    // named with no country, are of the police's country ("Egyptian police dispersed
    // demonstrators").
    InferDomesticTargets(actor, end, targets);
    // Cooperation is not aimed at whom it is against: "support the Somali military against
    // al-Shabaab" supports the military.
    if (Parsed() && coded.code < "09") {
      std::erase_if(targets, [&](uint32_t t) { return InSentence(t) && InAgainstPhrase(t); });
    }
    // A target without a country, organisation or name ("both sides") is no target, and
    // neither is the speaker of a trailing report (", a spokeswoman for the U.S. embassy said").
    std::erase_if(targets, [&](uint32_t t) { return !IsSpecific(doc_.mentions[t].actor) || IsSpeaker(t); });
    // "Johnson stated that Britain must leave": what one's own country must do is policy,
    // not a demand.
    if (entry.must_clause) {
      const std::string& own = doc_.mentions[actor].actor.country;
      std::erase_if(targets, [&](uint32_t t) { return !own.empty() && doc_.mentions[t].actor.country == own; });
    }
    // A withdrawal is from whom it withdraws: "Russia withdrew its troops from Georgia",
    // "will withdraw weapons inspectors from Iraq". So is a seizure: "confiscated weapons
    // from rebel groups".
    if (targets.empty() && !entry.noun &&
        (entry.code.compare(0, 2, "08") == 0 || entry.code.compare(0, 2, "16") == 0 ||
         entry.code.compare(0, 3, "171") == 0) &&
        Parsed()) {
      std::vector<uint32_t> phrases;
      for (uint32_t c : Children(begin)) {
        if (HasPrefix(tokens[c].deprel, "obl")) phrases.push_back(c);
        if (tokens[c].deprel != "obj") continue;
        for (uint32_t g : Children(c)) {
          if (tokens[g].deprel == "nmod") phrases.push_back(g);
        }
      }
      for (uint32_t c : phrases) {
        if (CaseOf(c) != "from") continue;
        for (uint32_t m : MentionsOf(c)) {
          if (IsSpecific(doc_.mentions[m].actor)) targets.push_back(m);
        }
      }
    }
    // Demands, rejections and protests with no one as their object are aimed at whom their
    // purpose or complement names (see AimOf); a protest at home may be aimed at its own
    // country's government ("Syrian deputies ... to protest President Assad's failure").
    // No target but the actor itself.
    auto aimless = [&] { return std::all_of(targets.begin(), targets.end(), [&](uint32_t t) { return t == actor; }); };
    if (aimless() && Parsed() && OneOf(std::string_view(coded.code).substr(0, 2), kAimedFamilies)) {
      // A noun event ("began a hunger strike to protest ...") is aimed by its own phrases,
      // else by those of the verb it is the object of.
      std::optional<uint32_t> aim = AimOf(entry.noun ? end - 1 : begin, actor);
      if (!aim && entry.noun) {
        if (auto verb = VerbOfNoun(end - 1)) aim = AimOf(*verb, actor);
      }
      // A protest at home that names its own country's rulers after it, however deep in
      // the sentence's phrases, is aimed at them: "demonstrators rioted following a
      // demonstration calling for the removal of President Mubarak", "blocked roads ... to
      // press their demands ... from President Bouteflika's government".
      if (!aim && coded.code.starts_with("14")) aim = OwnRulersAfter(end, actor);
      if (aim) targets.push_back(*aim);
    }
    // Calling off a strike or protest (082) yields to one's own rulers when the sentence
    // names them after it ("called off the strike after talks with the government").
    if (targets.empty() && Parsed() && coded.code == "082") {
      if (auto rulers = OwnRulersAfter(end, actor)) targets.push_back(*rulers);
    }
    // A threat with no one as its object is aimed at whoever its condition names: "Russia
    // threatened to stop the talks if the United States deploys the missiles".
    if (targets.empty() && entry.intent && coded.code.compare(0, 2, "13") == 0) {
      for (uint32_t m : ConditionSubjects(begin)) {
        if (IsSpecific(doc_.mentions[m].actor)) targets.push_back(m);
      }
    }
    // Intents, aid, yielding, demands, rejections, threats, protest, coercion and force with
    // no one as their object are aimed at the country where they happen ("strengthened its
    // forces in Lebanon", "rioted at a jail in northern Israel", "refused to deploy
    // peacekeepers in Iraq"), as CAMEO coders code them; at home too, when the actor is one
    // part of it ("Turkish police imposed a curfew in southeastern Turkey": TURCOP -> TUR).
    // Not criticism (11): "blamed Democrats for violence in US cities" is not aimed at the
    // United States.
    const bool place_aimed = (coded.code >= "07" || coded.code.starts_with("03")) && !coded.code.starts_with("11");
    if (targets.empty() && !entry.noun && place_aimed) {
      const Actor& own_actor = doc_.mentions[actor].actor;
      if (auto place = PlaceOf(begin); place && (doc_.mentions[*place].actor.country != own_actor.country ||
                                                 own_actor.code.size() > own_actor.country.size())) {
        targets.push_back(*place);
      }
    }
    // A visit named by a noun is to the country where the verb it hangs on happens:
    // "arrived in Amman on a visit", "was in Beijing for an official visit".
    if (aimless() && entry.noun && (coded.code == "042" || coded.code == "043")) {
      if (auto verb = VerbOfNoun(end - 1)) {
        if (auto place = PlaceOf(*verb)) targets.push_back(*place);
      }
    }
    // A target that is the source itself ("blocked roads outside Nairobi" by Kenyans) is
    // no target; the event may still stand without one.
    // Nor is a place of the source's own country for a meeting or visit ("Trump visited
    // Kenosha"): travelling at home is no visit to anyone.
    const Actor& own = doc_.mentions[actor].actor;
    // Nor, for a resignation, a reform, a ceasefire, a retreat or a surrender (083, 087, and
    // their intents 034, 0356), the place at home where it happens ("rebels surrendered in the town of Soroti",
    // "withdrew from the town of Gorazde"): yielding at home is aimed at no one by its place, unlike easing a curfew
    // there (081), which is done to the people of the place.
    const bool at_home_untargeted = coded.code.starts_with("04") || coded.code.starts_with("083") ||
                                    coded.code.starts_with("087") || coded.code.starts_with("034") ||
                                    coded.code.starts_with("0356");
    std::erase_if(targets, [&](uint32_t t) {
      const Actor& b = doc_.mentions[t].actor;
      return t == actor || (b.code == own.code && b.name == own.name) ||
             (at_home_untargeted && b.code == own.country && b.name.empty() && b.org.empty());
    });
    std::vector<uint32_t> sources = {actor};
    for (uint32_t m : co_sources) {
      if (m != actor && IsSpecific(doc_.mentions[m].actor)) sources.push_back(m);
    }
    if (targets.empty()) {
      if (entry.untargeted || (may_stand_alone && lexicon_.TargetOptional(coded.code) && StandsAlone(coded, begin))) {
        for (uint32_t s : sources) Emit(coded, begin, end, s, std::nullopt);
      }
      return;
    }
    for (uint32_t s : sources) {
      for (uint32_t target : targets) {
        if (std::find(sources.begin(), sources.end(), target) != sources.end()) continue;
        TakeCounterpartSector(s, target);
        Emit(coded, begin, end, s, target);
      }
    }
  }

  // The verb that noun t is the object or a phrase of ("carried out an air raid", "engaged
  // in ethnic cleansing"), with a parse.
  std::optional<uint32_t> VerbOfNoun(uint32_t t) const {
    if (!Parsed()) return std::nullopt;
    const std::string& rel = doc_.tokens[t].deprel;
    if (rel != "obj" && rel != "obl") return std::nullopt;
    return Head(t);
  }

  // Whether token t lies in a clause that verb v governs (an infinitive, adverbial or
  // complement clause), rather than among its own arguments.
  bool InClauseOf(uint32_t t, uint32_t v) const {
    uint32_t node = t;
    for (int step = 0; step < 12; ++step) {
      const auto up = Head(node);
      if (!up) return false;
      if (*up == v) {
        const std::string& rel = doc_.tokens[node].deprel;
        return rel == "xcomp" || rel == "ccomp" || HasPrefix(rel, "advcl");
      }
      node = *up;
    }
    return false;
  }

  // The lexicon code of the act that verb or noun v asks for in its infinitive or clause
  // ("urged Uganda to extradite ...", "demanded that Israel lift the curfew"), if the lexicon
  // has one.
  std::optional<std::string> RequestedAct(uint32_t v) const {
    // The verb's own clauses, and an infinitive the parser hung on its object ("called on
    // Energy Minister Murungi to resign").
    std::vector<uint32_t> clauses;
    for (uint32_t c : Children(v)) {
      clauses.push_back(c);
      if (doc_.tokens[c].deprel != "obj") continue;
      for (uint32_t g : Children(c)) {
        if (doc_.tokens[g].deprel.starts_with("acl") && InfinitiveMark(g)) clauses.push_back(g);
      }
    }
    for (uint32_t c : clauses) {
      const std::string& rel = doc_.tokens[c].deprel;
      // A noun's own infinitive: "an appeal to Belgium to extradite ...".
      // An infinitive the parser took for a purpose ("called on Ecuador to repatriate ...")
      // is what is asked too.
      if (rel != "xcomp" && rel != "ccomp" &&
          !((HasPrefix(rel, "acl") || HasPrefix(rel, "advcl")) && InfinitiveMark(c))) {
        continue;
      }
      const auto* ids = lexicon_.EntriesForFirstWord(doc_.tokens[c].lower);
      if (!ids) continue;
      for (uint32_t id : *ids) {
        // Not a refusal's entry: what is asked for is the act itself.
        if (!lexicon_.entries()[id].negated && MatchEntry(id, c)) return lexicon_.entries()[id].code;
      }
    }
    return std::nullopt;
  }

  // The lexicon code of the event noun that verb v takes as its object ("threatened a
  // general strike", "threatened sanctions"), if the lexicon has one: the noun phrase's own
  // words, ending on its head.
  std::optional<std::string> ObjectAct(uint32_t v) const {
    for (uint32_t c : Children(v)) {
      if (doc_.tokens[c].deprel != "obj") continue;
      for (uint32_t t = SubtreeBegin(c); t <= c; ++t) {
        const auto* ids = lexicon_.EntriesForFirstWord(doc_.tokens[t].lower);
        if (!ids) continue;
        for (uint32_t id : *ids) {
          if (lexicon_.entries()[id].noun && MatchEntry(id, t) == c + 1) return lexicon_.entries()[id].code;
        }
      }
    }
    return std::nullopt;
  }

  // Adds to `out` the actors noun t is with or to ("a protest with Albania", "contact with
  // the United States"), and what it is for when `with_for` ("aid for Romania": an event's
  // own noun; not any object's, "blamed Democrats for violence").
  void AddPartnersOfNoun(uint32_t t, bool with_for, std::vector<uint32_t>& out) const {
    for (uint32_t c : Children(t)) {
      if (doc_.tokens[c].deprel != "nmod") continue;
      const std::string_view preposition = CaseOf(c);
      // What a verb's object is against names its target as well: "launched rocket fire
      // against guerrilla camps", "imposed sanctions against Iran".
      if (preposition == "with" || preposition == "to" || preposition == "against" ||
          (with_for && preposition == "for")) {
        for (uint32_t m : MentionsOf(c)) out.push_back(m);
      }
    }
  }

  // The first mention after token `after` of the government, army, police or courts of the
  // country of `source`'s actor, when that actor is not itself one of them; not who reports
  // the sentence.
  std::optional<uint32_t> OwnRulersAfter(uint32_t after, uint32_t source) const {
    const Actor& own = doc_.mentions[source].actor;
    if (own.country.empty()) return std::nullopt;
    auto state = [&](const Actor& a) {
      if (a.code.size() != 6 || a.country != own.country || a.code.compare(0, 3, a.country) != 0) return false;
      const std::string_view sector = std::string_view(a.code).substr(3);
      return sector == "GOV" || sector == "MIL" || sector == "COP" || sector == "JUD";
    };
    if (state(own)) return std::nullopt;
    for (size_t m = mention_begin_; m < mention_end_; ++m) {
      const auto mention = static_cast<uint32_t>(m);
      if (doc_.mentions[m].token_begin < after || mention == source) continue;
      if (state(doc_.mentions[m].actor) && !IsSpeaker(mention) && !InReporter(mention, after)) return mention;
    }
    return std::nullopt;
  }

  // Whom an act with no one as its object is aimed at, as the words that say what it is
  // for or about name them: "began a hunger strike to protest President Assad's failure",
  // "demonstrated calling for independence from Iraq", "rallies against the party's
  // leader", "refused to lift the curfew on Palestinians", "refused to respond to a demand
  // from the US President". The first specific actor, shallowest first, at most three steps
  // below `node` (deeper, a phrase is about something else: "assistance to the US-led war
  // against Iraq"), through objects, purpose clauses and phrases that are not places or
  // times; never inside a reported or relative clause. `skip`: the act's own actor, whom
  // the act is not aimed at, nor at another mention of the same actor.
  std::optional<uint32_t> AimOf(uint32_t node, uint32_t skip) const {
    const auto& tokens = doc_.tokens;
    const Actor& own = doc_.mentions[skip].actor;
    std::vector<uint32_t> level = {node};
    for (int depth = 1; depth <= 3 && !level.empty(); ++depth) {
      std::vector<uint32_t> next;
      for (uint32_t head : level) {
        for (uint32_t c : Children(head)) {
          const std::string& rel = tokens[c].deprel;
          const std::string_view preposition = CaseOf(c);
          bool enter = false;
          if (rel == "obj" || rel == "xcomp" || rel == "nmod:poss" || rel == "acl" || rel == "conj") {
            enter = true;
          } else if (rel == "amod" && tokens[c].xpos == "VBN") {
            enter = true;  // "the Brazilian-led mission": who leads it
          } else if (HasPrefix(rel, "advcl")) {
            // A purpose ("to protest ...") or a participle with no subject of its own
            // ("calling for ..."); not a condition or a time ("after the arrest of ...").
            bool to_mark = false, other_mark = false, own_subject = false;
            for (uint32_t g : Children(c)) {
              const std::string& inner = tokens[g].deprel;
              if (inner == "mark") (tokens[g].lower == "to" ? to_mark : other_mark) = true;
              own_subject = own_subject || HasPrefix(inner, "nsubj");
            }
            enter = !own_subject && (to_mark || (tokens[c].xpos == "VBG" && !other_mark));
          } else if (rel == "obl" || rel == "nmod") {
            // "in protest against ...", "in defiance of ..." are what the act is about; other
            // "in", "at" and "near" phrases are where it happens.
            enter = OneOf(preposition, kAimPrepositions) || (preposition == "in" && OneOf(tokens[c].lemma, kAimNouns));
          }
          if (enter) next.push_back(c);
        }
      }
      std::sort(next.begin(), next.end());
      for (uint32_t n : next) {
        for (uint32_t m : MentionsOf(n)) {
          if (m == skip || IsSpeaker(m)) continue;
          const Actor& a = doc_.mentions[m].actor;
          if (IsSpecific(a) && !(a.code == own.code && a.name == own.name)) return m;
        }
      }
      level = std::move(next);
    }
    return std::nullopt;
  }

  // Of the actors the parse gives as a verb's subjects (or agents), those joined to the first
  // by "and" or a list comma in the text, who act with it: "France, Germany and Italy
  // accused Iran". Not the possessor or modifier the parse also gives ("Israel's army"). A
  // list longer than kMaxCoSources is no group acting together (and would multiply the
  // events of every verb it governs): its first actor stands for it.
  std::vector<uint32_t> CoSources(const std::vector<uint32_t>& actors) const {
    if (actors.size() < 2 || actors.size() > kMaxCoSources + 1) return {};
    std::vector<uint32_t> joined = WithCoordinated(actors[0]);
    std::erase_if(joined, [&](uint32_t m) {
      return m == actors[0] || std::find(actors.begin(), actors.end(), m) == actors.end();
    });
    return joined;
  }

  // "agreed to provide aid to Chile": the agreement is the intent to give aid, coded from
  // "provide"; an untargeted event of the verb of intention that governs another event of
  // the same actor says nothing more, and goes (events [first, end) are this sentence's).
  void DropGoverningIntents(size_t first) {
    if (!Parsed() || doc_.events.size() - first < 2) return;
    auto trigger_token = [&](const Event& e) -> std::optional<uint32_t> {
      for (uint32_t t = s_.token_begin; t < s_.token_end; ++t) {
        if (doc_.tokens[t].span.begin == e.trigger.begin) return t;
      }
      return std::nullopt;
    };
    std::vector<bool> drop(doc_.events.size() - first, false);
    for (size_t a = first; a < doc_.events.size(); ++a) {
      const Event& outer = doc_.events[a];
      if (outer.target || outer.cameo.compare(0, 2, "03") != 0) continue;
      const auto verb = trigger_token(outer);
      if (!verb) continue;
      for (size_t b = first; b < doc_.events.size() && !drop[a - first]; ++b) {
        const Event& inner = doc_.events[b];
        if (b == a || doc_.mentions[*inner.source].actor.code != doc_.mentions[*outer.source].actor.code) continue;
        const auto t = trigger_token(inner);
        if (!t || Head(*t) != verb) continue;
        // Only what the verb intends: its infinitive ("agreed to provide", "agreed on
        // Saturday to provide"), not a clause beside it ("Refusing to resign, he agreed ...").
        const auto to = InfinitiveMark(*t);
        if (doc_.tokens[*t].deprel == "xcomp" || (doc_.tokens[*t].deprel == "advcl" && to && *verb < *to)) {
          drop[a - first] = true;
        }
      }
    }
    size_t kept = first;
    for (size_t a = first; a < doc_.events.size(); ++a) {
      if (drop[a - first]) continue;
      if (kept != a) doc_.events[kept] = std::move(doc_.events[a]);
      ++kept;
    }
    doc_.events.resize(kept);
  }

  // Whether the act of verb v, coded `entry`, says enough without a target: it has an object,
  // an infinitive or a prepositional phrase ("released the prisoners", "agreed to resume
  // talks", "agreed to power-sharing"), but no clause of its own ("agreed the issue should
  // be decided", "warned the delay could be a threat": opinions, not acts); force is done to
  // people ("killed five", "attacked journalists", "wounded two others"), not to a thing
  // ("attacked the proclamation" is words).
  bool StandsAlone(const LexiconEntry& entry, uint32_t v) const {
    if (entry.noun || !Parsed()) return false;
    const auto& tokens = doc_.tokens;
    const bool force = entry.code.compare(0, 2, "18") >= 0;
    bool complement = false;
    for (uint32_t c : Children(v)) {
      const std::string& rel = tokens[c].deprel;
      if (rel == "ccomp") return false;
      if (rel == "obj" || rel == "iobj") {
        complement = true;
        if (force && tokens[c].upos != "NUM" && tokens[c].upos != "PRON" && MentionAt(c) < 0) {
          // "killed 23 people": the number measures people.
          bool counted = false;
          for (uint32_t g : Children(c)) counted = counted || tokens[g].deprel == "nummod";
          if (!counted) return false;
        }
      } else if (rel == "xcomp" || HasPrefix(rel, "obl")) {
        complement = true;
      }
    }
    // A passive needs no complement: "was killed by rebels".
    return complement || RolesOf(v).passive;
  }

  // "General Milley telephoned his Russian counterpart": a counterpart holds the source's
  // office in the named country, so the bare country takes the source's sector (RUS ->
  // RUSMIL when the source is USAMIL).
  void TakeCounterpartSector(uint32_t source, uint32_t target) {
    if (!Parsed()) return;
    Actor& a = doc_.mentions[target].actor;
    const Actor& s = doc_.mentions[source].actor;
    if (a.country.empty() || a.code != a.country || s.country.empty() || s.code.size() <= 3) return;
    const ActorMention& m = doc_.mentions[target];
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      // Up the modifiers and conjuncts to the word they describe: "his Russian and
      // Ukrainian colleagues", "his counterparts in Ukraine and Russia", and a country
      // name used as a noun modifier, "his Egypt counterpart" (compound).
      int32_t node = static_cast<int32_t>(t);
      for (int step = 0; step < 3 && node >= 0; ++step) {
        const Token& n = doc_.tokens[static_cast<size_t>(node)];
        if (n.deprel != "amod" && n.deprel != "compound" && n.deprel != "conj" && n.deprel != "nmod") break;
        node = n.head;
        if (node < 0) break;
        const std::string& lemma = doc_.tokens[static_cast<size_t>(node)].lemma;
        if (lemma == "counterpart" || lemma == "colleague") {
          a.code = a.country + s.code.substr(3);
          return;
        }
      }
    }
  }

  // Whether mention m names protesters, demonstrators or rioters.
  bool ByProtesters(uint32_t m) const {
    static constexpr std::array<std::string_view, 5> kProtesters = {"protester", "protestor", "demonstrator", "rioter",
                                                                    "marcher"};
    const ActorMention& mention = doc_.mentions[m];
    for (uint32_t t = mention.token_begin; t < mention.token_end; ++t) {
      if (OneOf(doc_.tokens[t].lemma, kProtesters)) return true;
    }
    return false;
  }

  void Emit(const LexiconEntry& entry, uint32_t begin, uint32_t end, uint32_t source, std::optional<uint32_t> target) {
    const Actor& a = doc_.mentions[source].actor;
    if (target) {
      const Actor& b = doc_.mentions[*target].actor;
      if (*target == source || (a.code == b.code && a.name == b.name)) return;
      // Talking to the press ("speaking to Agence France-Presse", "met reporters") is no
      // consultation between the source and the media's country, and neither is a reporter
      // reaching out to someone for an interview.
      const bool consultation = entry.code.starts_with("04") || entry.code == "036";
      if (consultation &&
          ((b.code.size() == 6 && b.code.ends_with("MED")) || (a.code.size() == 6 && a.code.ends_with("MED")))) {
        return;
      }
    }
    // One event per (code, source actor, target actor) and sentence, however many mentions
    // name the actors ("her Canada and Mexico counterparts" holds two mentions of Canada).
    const std::string target_key =
        target ? doc_.mentions[*target].actor.code + "|" + doc_.mentions[*target].actor.name : std::string("-");
    // Between two people, some words speak of words, not force ("attacked his rival").
    const bool people = target && !a.name.empty() && !doc_.mentions[*target].actor.name.empty();
    std::string code = people && !entry.between_people.empty() ? entry.between_people : entry.code;
    // Force used by protesters is a violent protest, a riot (145): "protesters clashed with
    // the police", "journalists were attacked by protesters".
    if ((code.starts_with("18") || code.starts_with("19")) && ByProtesters(source)) code = "145";
    if (!coded_.emplace(code, a.code + "|" + a.name, target_key).second) return;
    Event event;
    event.sentence = index_;
    event.trigger = {doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end};
    event.source = source;
    event.target = target;
    event.cameo = code;
    doc_.events.push_back(std::move(event));
  }

  const Lexicon& lexicon_;
  Document& doc_;
  uint32_t index_;
  const Sentence& s_;
  size_t mention_begin_, mention_end_;  // this sentence's mentions
  std::vector<int> mention_at_;
  std::vector<uint32_t> child_begin_, children_;  // the children index, see the constructor
  mutable std::vector<uint8_t> in_found_;         // per mention of the sentence, for MentionsOf
  // RolesOf per depth (0..2) and token of the sentence.
  mutable std::array<std::vector<std::optional<ParseRoles>>, kRoleDepth + 1> roles_cache_;
  // (code, source actor, target actor or "-") of the events coded for this sentence, so none
  // is coded twice.
  std::set<std::tuple<std::string, std::string, std::string>> coded_;
};

}  // namespace

Result<std::unique_ptr<Stage>> EventStage::Create(const StageContext& context) {
  auto text = data::Load(context.options.data_dir, "lexicon/events.txt");
  if (!text.ok()) return text.status();
  auto lexicon = Lexicon::Parse(*text, context.codebook);
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<Stage>(new EventStage(std::move(lexicon).value()));
}

Status EventStage::Process(Document& doc) const {
  size_t mention = 0;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    size_t begin = mention;
    while (mention < doc.mentions.size() && doc.mentions[mention].sentence == i) ++mention;
    SentenceCoder(lexicon_, doc, i, begin, mention).Code();
  }
  return Status::Ok();
}

}  // namespace eventmill::events
