#include "src/tag/tagger.h"

#include <algorithm>
#include <optional>

namespace eventmill::tag {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c + 32);
  }
  return out;
}

// Word shape with repeats collapsed: "Kyiv" -> "Xx", "2021" -> "d", "U.S." -> "X.X.", "e-mail" -> "x-x".
std::string Shape(std::string_view w) {
  std::string s;
  for (unsigned char c : w) {
    char k = IsUpper(static_cast<char>(c))   ? 'X'
             : IsLower(static_cast<char>(c)) ? 'x'
             : IsDigit(static_cast<char>(c)) ? 'd'
             : c >= 0x80                     ? 'u'
                                             : static_cast<char>(c);
    if (s.empty() || s.back() != k) s += k;
    if (s.size() >= 8) break;
  }
  return s;
}

// "expell", "travell", "controll": a final "l" doubled before -ed/-ing after a stem of two
// syllables or more, where the verb itself ends in one "l" ("expel"); one-syllable verbs
// keep both ("kill", "call").
bool DoubledFinalL(const std::string& stem) {
  if (stem.size() < 4 || stem.compare(stem.size() - 2, 2, "ll") != 0) return false;
  int groups = 0;
  for (size_t i = 0; i + 2 < stem.size(); ++i) {
    if (IsVowel(stem[i]) && (i == 0 || !IsVowel(stem[i - 1]))) ++groups;
  }
  return groups >= 2;
}

std::string_view Suffix(std::string_view w, size_t n) { return w.size() > n ? w.substr(w.size() - n) : w; }
std::string_view Prefix(std::string_view w, size_t n) { return w.substr(0, std::min(n, w.size())); }

}  // namespace

bool IsFiniteVerbTag(std::string_view xpos) { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD"; }

void TaggerFeatures(const TagInput& input, size_t i, const std::string& prev1, const std::string& prev2,
                    std::vector<uint64_t>& out) {
  using model::FeatureSeed;
  using model::HashBytes;
  out.clear();
  const auto& words = input.words;
  const std::string& w = input.lower[i];
  std::string_view raw = words[i];
  auto word_at = [&](long k) -> std::string_view {
    if (k < 0) return "<s>";
    if (k >= static_cast<long>(words.size())) return "</s>";
    return input.lower[static_cast<size_t>(k)];
  };
  long li = static_cast<long>(i);
  std::string_view p1w = word_at(li - 1), p2w = word_at(li - 2), n1w = word_at(li + 1), n2w = word_at(li + 2);
  out.push_back(FeatureSeed(0));
  out.push_back(HashBytes(FeatureSeed(1), w));
  out.push_back(HashBytes(FeatureSeed(2), Suffix(w, 1)));
  out.push_back(HashBytes(FeatureSeed(3), Suffix(w, 2)));
  out.push_back(HashBytes(FeatureSeed(4), Suffix(w, 3)));
  out.push_back(HashBytes(FeatureSeed(5), Suffix(w, 4)));
  out.push_back(HashBytes(FeatureSeed(6), Prefix(w, 1)));
  out.push_back(HashBytes(FeatureSeed(7), Prefix(w, 3)));
  out.push_back(HashBytes(FeatureSeed(8), Shape(raw)));
  out.push_back(HashBytes(FeatureSeed(9), prev1));
  out.push_back(HashBytes(FeatureSeed(10), prev2));
  out.push_back(HashBytes(HashBytes(FeatureSeed(11), prev1), prev2));
  out.push_back(HashBytes(HashBytes(FeatureSeed(12), prev1), w));
  out.push_back(HashBytes(FeatureSeed(13), p1w));
  out.push_back(HashBytes(FeatureSeed(14), Suffix(p1w, 3)));
  out.push_back(HashBytes(FeatureSeed(15), p2w));
  out.push_back(HashBytes(FeatureSeed(16), n1w));
  out.push_back(HashBytes(FeatureSeed(17), Suffix(n1w, 3)));
  out.push_back(HashBytes(FeatureSeed(18), n2w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(19), p1w), w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(20), w), n1w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(21), prev1), n1w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(22), i == 0 ? "first" : "inner"), Shape(raw)));
  out.push_back(
      HashBytes(HashBytes(FeatureSeed(23), Shape(words[i])), i + 1 < words.size() ? Shape(words[i + 1]) : "</s>"));
  out.push_back(HashBytes(FeatureSeed(24), raw));
  out.push_back(HashBytes(FeatureSeed(25), Prefix(w, 2)));
  out.push_back(HashBytes(FeatureSeed(26), Suffix(p1w, 2)));
  out.push_back(HashBytes(FeatureSeed(27), Suffix(n1w, 2)));
  out.push_back(HashBytes(FeatureSeed(28), Suffix(n2w, 3)));
  out.push_back(HashBytes(HashBytes(FeatureSeed(29), prev1), Suffix(w, 3)));
  out.push_back(HashBytes(HashBytes(HashBytes(FeatureSeed(30), prev1), prev2), w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(31), Suffix(w, 3)), n1w));
  out.push_back(HashBytes(HashBytes(FeatureSeed(32), p1w), Suffix(w, 3)));
  if (!input.ambiguity.empty()) {
    auto amb = [&](size_t k) -> uint64_t { return k < input.ambiguity.size() ? input.ambiguity[k] : 7; };
    auto mix = [](uint64_t seed, uint64_t a) { return (seed ^ a) * 0x9e3779b97f4a7c15ull; };
    out.push_back(mix(FeatureSeed(40), amb(i)));
    out.push_back(mix(FeatureSeed(41), amb(i + 1)));
    out.push_back(mix(FeatureSeed(42), amb(i + 2)));
    out.push_back(mix(mix(FeatureSeed(43), amb(i)), amb(i + 1)));
    out.push_back(mix(HashBytes(FeatureSeed(44), prev1), amb(i + 1)));
    out.push_back(mix(HashBytes(FeatureSeed(45), w), amb(i + 1)));
  }
  if (!input.clusters.empty()) {
    // Classes of word k; outside the sentence a class of its own (0xfffe).
    auto at = [&](long k) {
      return k >= 0 && k < static_cast<long>(input.clusters.size()) ? input.clusters[static_cast<size_t>(k)]
                                                                    : model::WordClusters::Classes{0xfffe, 0xfffe};
    };
    auto fine = [&](long k) -> uint64_t { return at(k).fine; };
    auto coarse = [&](long k) -> uint64_t { return at(k).coarse; };
    auto mix = [](uint64_t seed, uint64_t a) { return (seed ^ (a + 1)) * 0x9e3779b97f4a7c15ull; };
    out.push_back(mix(FeatureSeed(50), fine(li)));
    out.push_back(mix(FeatureSeed(51), coarse(li)));
    out.push_back(mix(FeatureSeed(52), fine(li - 1)));
    out.push_back(mix(FeatureSeed(53), fine(li + 1)));
    out.push_back(mix(FeatureSeed(54), coarse(li + 2)));
    out.push_back(mix(HashBytes(FeatureSeed(55), prev1), fine(li)));
    out.push_back(mix(mix(FeatureSeed(56), fine(li)), coarse(li + 1)));
  }
  if (i < input.known.size() && !input.known[i]) {
    std::string shape = Shape(raw);
    out.push_back(HashBytes(FeatureSeed(33), shape));
    out.push_back(HashBytes(HashBytes(FeatureSeed(34), i == 0 ? "first" : "inner"), shape));
    out.push_back(HashBytes(HashBytes(FeatureSeed(35), shape), Suffix(w, 3)));
    out.push_back(HashBytes(HashBytes(FeatureSeed(36), prev1), shape));
    out.push_back(HashBytes(HashBytes(FeatureSeed(37), shape), n1w));
  }
}

SentenceVerbs::SentenceVerbs(const std::vector<std::string_view>& xpos)
    : finite_before(xpos.size()), finite_after(xpos.size()), last_verb(xpos.size()) {
  bool finite = false;
  std::string_view verb = "none";
  for (size_t k = 0; k < xpos.size(); ++k) {
    finite_before[k] = finite;
    last_verb[k] = verb;
    finite = finite || IsFiniteVerbTag(xpos[k]);
    if (IsFiniteVerbTag(xpos[k]) || xpos[k].starts_with("VB")) verb = xpos[k];
  }
  finite = false;
  for (size_t k = xpos.size(); k-- > 0;) {
    finite_after[k] = finite;
    finite = finite || IsFiniteVerbTag(xpos[k]);
  }
}

const std::vector<SecondLookPair>& SecondLookPairs() {
  // Tried on EWT dev and not kept: present verb or plural noun, auxiliary or main verb
  // (VBZ, VBP, VBD), present verb or infinitive (docs/ACCURACY.md).
  static const std::vector<SecondLookPair> kPairs = {{{"VERB", "VBD"}, {"VERB", "VBN"}}};
  return kPairs;
}

void SecondLookFeatures(const TagInput& input, const std::vector<std::string_view>& xpos, const SentenceVerbs& verbs,
                        size_t i, std::vector<uint64_t>& out) {
  using model::FeatureSeed;
  using model::HashBytes;
  out.clear();
  const size_t n = xpos.size();
  const std::string& w = input.lower[i];
  std::string_view prev_tag = i > 0 ? xpos[i - 1] : "<s>", next_tag = i + 1 < n ? xpos[i + 1] : "</s>";
  std::string_view prev_word = i > 0 ? std::string_view(input.lower[i - 1]) : "<s>";
  std::string_view next_word = i + 1 < n ? std::string_view(input.lower[i + 1]) : "</s>";
  // The nearest auxiliary to the left, over adverbs and "not": "was attacked", "had not seen".
  std::string_view auxiliary = "none";
  for (size_t k = i; k-- > 0 && k + 5 > i;) {
    const std::string& a = input.lower[k];
    if (a == "is" || a == "are" || a == "was" || a == "were" || a == "be" || a == "been" || a == "being" || a == "'s" ||
        a == "'re" || a == "am" || a == "'m") {
      auxiliary = "be";
    } else if (a == "has" || a == "have" || a == "had" || a == "'ve" || a == "'d" || a == "having") {
      auxiliary = "have";
    } else if (a == "get" || a == "gets" || a == "got" || a == "getting" || a == "gotten") {
      auxiliary = "get";
    } else if (xpos[k] == "RB" || a == "n't") {
      continue;
    }
    break;
  }
  const bool finite_before = verbs.finite_before[i], finite_after = verbs.finite_after[i];
  const std::string_view last_verb = verbs.last_verb[i];
  const bool verb_before = last_verb != "none";
  // "condemned Sudria and sent aid": a verb after "and" or "or" takes the form of the
  // verb it is joined to.
  const bool joined = i > 0 && (input.lower[i - 1] == "and" || input.lower[i - 1] == "or");
  const bool subject_before = !verb_before && (prev_tag.starts_with("NN") || prev_tag == "PRP");
  const char finite[] = {finite_before ? 'b' : '-', finite_after ? 'a' : '-', '\0'};
  auto f = [&](uint32_t id, std::initializer_list<std::string_view> parts) {
    uint64_t h = FeatureSeed(id);
    for (std::string_view part : parts) h = HashBytes(h, part);
    out.push_back(h);
  };
  f(100, {});
  f(101, {w});
  f(102, {Suffix(w, 3)});
  f(103, {prev_tag});
  f(104, {next_tag});
  f(105, {prev_word});
  f(106, {next_word});
  f(107, {auxiliary});
  f(108, {finite});
  f(109, {auxiliary, finite});
  f(110, {prev_tag, next_tag});
  f(111, {subject_before ? "subject" : "-", next_tag});
  f(112, {subject_before ? "subject" : "-", finite});
  f(113, {auxiliary, prev_tag});
  f(114, {i == 0 ? "first" : "inner"});
  f(115, {prev_tag == "," ? "comma" : "-", next_tag});
  f(116, {w, auxiliary});
  f(117, {w, subject_before ? "subject" : "-"});
  f(118, {prev_tag, w});
  f(119, {next_tag, finite});
  f(122, {joined ? "joined" : "-", last_verb});
}

std::string RuleLemma(std::string_view word, std::string_view xpos, const std::unordered_set<std::string>& known) {
  if (xpos == "NNP" || xpos == "NNPS") {
    std::string w(word);
    if (xpos == "NNPS" && w.size() > 3 && w.back() == 's') w.pop_back();
    return w;
  }
  std::string w = Lower(word);
  if (w == "i" && xpos == "PRP") return "I";
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() + 1 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  auto cut = [&](size_t n) { return w.substr(0, w.size() - n); };
  std::vector<std::string> candidates;
  if (xpos == "NNS" || xpos == "VBZ") {
    if (ends("ies")) candidates.push_back(cut(3) + "y");
    if (ends("es")) candidates.push_back(cut(2));
    if (ends("s") && !ends("ss")) candidates.push_back(cut(1));
  } else if (xpos == "VBD" || xpos == "VBN") {
    if (ends("ied")) candidates.push_back(cut(3) + "y");
    if (ends("ed")) {
      std::string stem = cut(2);
      if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] && !IsVowel(stem.back()) && stem.back() != 's' &&
          stem.back() != 'l') {
        candidates.push_back(stem.substr(0, stem.size() - 1));  // stopped -> stop
      }
      candidates.push_back(stem + "e");                                                // used -> use
      candidates.push_back(stem);                                                      // killed -> kill
      if (DoubledFinalL(stem)) candidates.push_back(stem.substr(0, stem.size() - 1));  // expelled -> expel
    }
  } else if (xpos == "VBG") {
    if (ends("ing")) {
      std::string stem = cut(3);
      if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] && !IsVowel(stem.back()) && stem.back() != 's' &&
          stem.back() != 'l') {
        candidates.push_back(stem.substr(0, stem.size() - 1));
      }
      candidates.push_back(stem + "e");
      candidates.push_back(stem);
      if (DoubledFinalL(stem)) candidates.push_back(stem.substr(0, stem.size() - 1));  // expelling -> expel
    }
  } else if (xpos == "JJR" || xpos == "RBR" || xpos == "JJS" || xpos == "RBS") {
    size_t n = (xpos == "JJR" || xpos == "RBR") ? 2 : 3;
    if (w.size() > n + 2) {
      std::string stem = cut(n);
      if (stem.back() == 'i') candidates.push_back(stem.substr(0, stem.size() - 1) + "y");
      if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2])
        candidates.push_back(stem.substr(0, stem.size() - 1));
      candidates.push_back(stem + "e");
      candidates.push_back(stem);
    }
  }
  for (const std::string& c : candidates) {
    if (known.count(c)) return c;
  }
  // No candidate seen in training: the most regular one, or the word itself.
  if (!candidates.empty()) return candidates.back();
  return w;
}

Result<TaggerModel> TaggerModel::Load(std::string_view bytes, std::string_view name) {
  auto reader = model::ModelReader::Open(bytes, kKind, name);
  if (!reader.ok()) return reader.status();
  model::ModelReader& r = *reader;
  TaggerModel m;
  m.header_ = r.header();
  uint32_t classes = r.Count(8);
  for (uint32_t i = 0; i < classes && r.ok(); ++i) {
    TagClass c;
    c.upos = r.Str();
    c.xpos = r.Str();
    m.parts_.classes.push_back(std::move(c));
  }
  if (r.ok() && (classes == 0 || classes > UINT16_MAX)) r.Fail("bad class count");
  m.parts_.weights = model::SparseWeights::Read(r, classes);
  uint32_t unambiguous = r.Count(6);
  for (uint32_t i = 0; i < unambiguous && r.ok(); ++i) {
    std::string w = r.Str();
    uint16_t cls = r.U16();
    if (cls >= classes) r.Fail("class index out of range");
    m.parts_.unambiguous.emplace(std::move(w), cls);
  }
  uint32_t exceptions = r.Count(8);
  for (uint32_t i = 0; i < exceptions && r.ok(); ++i) {
    std::string key = r.Str();
    m.parts_.lemma_exceptions.emplace(std::move(key), r.Str());
  }
  uint32_t known = r.Count(4);
  for (uint32_t i = 0; i < known && r.ok(); ++i) m.parts_.known_lemmas.insert(r.Str());
  uint32_t vocabulary = r.Count(4);
  for (uint32_t i = 0; i < vocabulary && r.ok(); ++i) m.parts_.vocabulary.insert(r.Str());
  uint32_t allowed = r.Count(6);
  for (uint32_t i = 0; i < allowed && r.ok(); ++i) {
    std::string word = r.Str();
    uint32_t n = r.Count(2);
    std::vector<uint16_t> word_classes;
    for (uint32_t k = 0; k < n && r.ok(); ++k) {
      word_classes.push_back(r.U16());
      if (word_classes.back() >= m.parts_.classes.size()) r.Fail("class index out of range");
    }
    if (word_classes.empty()) r.Fail("empty class list");
    m.parts_.allowed.emplace(std::move(word), std::move(word_classes));
  }
  m.parts_.class_feats.resize(m.parts_.classes.size());
  for (std::string& f : m.parts_.class_feats) f = r.Str();
  uint32_t feats = r.Count(8);
  for (uint32_t i = 0; i < feats && r.ok(); ++i) {
    std::string key = r.Str();
    m.parts_.feats_exceptions.emplace(std::move(key), r.Str());
  }
  m.parts_.clusters = model::WordClusters::Read(r);
  auto class_index = [&](const TagClass& wanted) {
    for (size_t c = 0; c < m.parts_.classes.size(); ++c) {
      if (m.parts_.classes[c].upos == wanted.upos && m.parts_.classes[c].xpos == wanted.xpos)
        return static_cast<int>(c);
    }
    return -1;
  };
  for (const SecondLookPair& pair : SecondLookPairs()) {
    m.parts_.second_look.push_back(model::SparseWeights::Read(r, 2));
    m.second_look_classes_.emplace_back(class_index(pair.first), class_index(pair.second));
  }
  if (r.ok() && !r.AtEnd()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return m;
}

std::string TaggerModel::Serialize(const model::ModelHeader& header, const Parts& parts) {
  model::ModelWriter w(header);
  w.U32(static_cast<uint32_t>(parts.classes.size()));
  for (const TagClass& c : parts.classes) {
    w.Str(c.upos);
    w.Str(c.xpos);
  }
  parts.weights.Write(w);
  // Sorted, so the same model always serializes to the same bytes.
  std::vector<std::pair<std::string, uint16_t>> unambiguous(parts.unambiguous.begin(), parts.unambiguous.end());
  std::sort(unambiguous.begin(), unambiguous.end());
  w.U32(static_cast<uint32_t>(unambiguous.size()));
  for (const auto& [word, cls] : unambiguous) {
    w.Str(word);
    w.U16(cls);
  }
  std::vector<std::pair<std::string, std::string>> exceptions(parts.lemma_exceptions.begin(),
                                                              parts.lemma_exceptions.end());
  std::sort(exceptions.begin(), exceptions.end());
  w.U32(static_cast<uint32_t>(exceptions.size()));
  for (const auto& [key, lemma] : exceptions) {
    w.Str(key);
    w.Str(lemma);
  }
  std::vector<std::string> known(parts.known_lemmas.begin(), parts.known_lemmas.end());
  std::sort(known.begin(), known.end());
  w.U32(static_cast<uint32_t>(known.size()));
  for (const std::string& k : known) w.Str(k);
  std::vector<std::string> vocabulary(parts.vocabulary.begin(), parts.vocabulary.end());
  std::sort(vocabulary.begin(), vocabulary.end());
  w.U32(static_cast<uint32_t>(vocabulary.size()));
  for (const std::string& v : vocabulary) w.Str(v);
  std::vector<std::pair<std::string, std::vector<uint16_t>>> allowed(parts.allowed.begin(), parts.allowed.end());
  std::sort(allowed.begin(), allowed.end());
  w.U32(static_cast<uint32_t>(allowed.size()));
  for (const auto& [word, classes] : allowed) {
    w.Str(word);
    w.U32(static_cast<uint32_t>(classes.size()));
    for (uint16_t c : classes) w.U16(c);
  }
  for (size_t c = 0; c < parts.classes.size(); ++c) w.Str(c < parts.class_feats.size() ? parts.class_feats[c] : "");
  std::vector<std::pair<std::string, std::string>> feats(parts.feats_exceptions.begin(), parts.feats_exceptions.end());
  std::sort(feats.begin(), feats.end());
  w.U32(static_cast<uint32_t>(feats.size()));
  for (const auto& [key, value] : feats) {
    w.Str(key);
    w.Str(value);
  }
  parts.clusters.Write(w);
  for (size_t k = 0; k < SecondLookPairs().size(); ++k) {
    (k < parts.second_look.size() ? parts.second_look[k] : model::SparseWeights()).Write(w);
  }
  return w.bytes();
}

uint16_t BestClass(const std::vector<float>& scores, const std::vector<uint16_t>* allowed) {
  if (!allowed) return static_cast<uint16_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  uint16_t best = (*allowed)[0];
  for (uint16_t c : *allowed) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

const std::vector<uint16_t>* TaggerModel::Allowed(std::string_view word) const {
  auto it = parts_.allowed.find(Lower(word));
  return it == parts_.allowed.end() ? nullptr : &it->second;
}

void TaggerModel::Prepare(TagInput& input) const { PrepareWith(parts_, input); }

void TaggerModel::PrepareWith(const Parts& parts, TagInput& input) {
  const size_t n = input.words.size();
  input.known.resize(n);
  input.lower.resize(n);
  input.ambiguity.resize(n);
  input.clusters.clear();
  if (!parts.clusters.empty()) input.clusters.resize(n);
  for (size_t i = 0; i < n; ++i) {
    input.lower[i] = Lower(input.words[i]);
    if (!parts.clusters.empty()) input.clusters[i] = parts.clusters.Of(input.lower[i]);
    input.known[i] = parts.vocabulary.count(input.lower[i]) > 0;
    auto allowed = parts.allowed.find(input.lower[i]);
    uint64_t h = model::FeatureSeed(99);
    if (allowed != parts.allowed.end()) {
      for (uint16_t c : allowed->second) h = model::HashBytes(h, parts.classes[c].xpos);
    } else {
      h = model::HashBytes(h, input.known[i] ? "open" : "unknown");
    }
    input.ambiguity[i] = h;
  }
}

std::vector<uint16_t> TaggerModel::Tag(const TagInput& input) const {
  std::vector<uint16_t> tags(input.words.size(), 0);
  std::vector<uint64_t> features;
  std::vector<float> scores(parts_.classes.size());
  std::string prev1, prev2;
  for (size_t i = 0; i < input.words.size(); ++i) {
    auto it = parts_.unambiguous.find(std::string(input.words[i]));
    uint16_t best = 0;
    auto allowed = it == parts_.unambiguous.end() ? parts_.allowed.find(input.lower[i]) : parts_.allowed.end();
    if (it != parts_.unambiguous.end()) {
      best = it->second;
    } else if (allowed != parts_.allowed.end() && allowed->second.size() == 1) {
      best = allowed->second[0];  // the only class the word was seen with: scoring cannot change it
    } else {
      TaggerFeatures(input, i, prev1, prev2, features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      parts_.weights.AddAll(features.data(), features.size(), scores.data());
      best = BestClass(scores, allowed == parts_.allowed.end() ? nullptr : &allowed->second);
    }
    tags[i] = best;
    prev2 = std::move(prev1);
    prev1 = parts_.classes[best].xpos;
  }
  // The second look, with the whole sentence's first-pass tags; only where the word may
  // take either class of a pair (a word seen only as one keeps it).
  std::vector<std::string_view> xpos;
  std::optional<SentenceVerbs> verbs;
  for (size_t i = 0; i < tags.size(); ++i) {
    for (size_t k = 0; k < second_look_classes_.size(); ++k) {
      const auto [first, second] = second_look_classes_[k];
      if (first < 0 || second < 0 || (tags[i] != first && tags[i] != second)) continue;
      if (parts_.unambiguous.count(std::string(input.words[i]))) break;
      if (auto allowed = parts_.allowed.find(input.lower[i]); allowed != parts_.allowed.end()) {
        const auto& a = allowed->second;
        if (std::find(a.begin(), a.end(), first) == a.end() || std::find(a.begin(), a.end(), second) == a.end()) {
          continue;
        }
      }
      if (xpos.empty()) {
        for (uint16_t t : tags) xpos.push_back(parts_.classes[t].xpos);
        verbs.emplace(xpos);
      }
      SecondLookFeatures(input, xpos, *verbs, i, features);
      float scores2[2] = {0.0f, 0.0f};
      parts_.second_look[k].AddAll(features.data(), features.size(), scores2);
      tags[i] = static_cast<uint16_t>(scores2[1] > scores2[0] ? second : first);
    }
  }
  return tags;
}

const std::string& TaggerModel::Feats(std::string_view lower_word, uint16_t cls) const {
  if (!parts_.feats_exceptions.empty()) {
    auto it = parts_.feats_exceptions.find(std::string(lower_word) + "\t" + std::to_string(cls));
    if (it != parts_.feats_exceptions.end()) return it->second;
  }
  return parts_.class_feats[cls];
}

std::optional<uint16_t> TaggerModel::FindClass(std::string_view upos, std::string_view xpos) const {
  for (size_t c = 0; c < parts_.classes.size(); ++c) {
    if (parts_.classes[c].upos == upos && parts_.classes[c].xpos == xpos) return static_cast<uint16_t>(c);
  }
  return std::nullopt;
}

std::string TaggerModel::Lemma(std::string_view word, uint16_t cls) const {
  const std::string& xpos = parts_.classes[cls].xpos;
  std::string key = Lower(word) + "\t" + xpos;
  if (xpos == "NNP" || xpos == "NNPS") key = std::string(word) + "\t" + xpos;
  auto it = parts_.lemma_exceptions.find(key);
  if (it != parts_.lemma_exceptions.end()) return it->second;
  return RuleLemma(word, xpos, parts_.known_lemmas);
}

}  // namespace eventmill::tag
