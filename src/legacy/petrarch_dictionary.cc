#include "src/legacy/petrarch_dictionary.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "src/legacy/tabari_text.h"

namespace eventmill::legacy {

namespace {

// The line without its "#" comment, trimmed.
std::string_view Content(std::string_view line) {
  size_t hash = line.find('#');
  return TrimSpace(line.substr(0, hash));
}

// "PHRASE {FORMS} [CODE] [CODE]": the phrase, the text inside "{}" (has_braces says whether
// there were any), and the insides of the "[]" blocks.
struct LineParts {
  std::string phrase, braces;
  bool has_braces = false;
  std::vector<std::string> blocks;
};

LineParts SplitLine(std::string_view line) {
  LineParts parts;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      size_t end = line.find(close, i + 1);
      if (end == std::string_view::npos) end = line.size();
      std::string inside(line.substr(i + 1, end - i - 1));
      if (c == '[') {
        parts.blocks.push_back(std::move(inside));
      } else {
        parts.braces += " " + inside;
        parts.has_braces = true;
      }
      i = end + 1;
      continue;
    }
    parts.phrase += c;
    ++i;
  }
  parts.phrase = std::string(TrimSpace(parts.phrase));
  return parts;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == '_' || c == ',' || std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The white-space separated items of a "{...}" list ("BROKE BROKEN", "+BREAKS_DOWN +BROKE_DOWN").
std::vector<std::string> Phrases(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "_") + w;
  return out;
}

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

std::string Plural(const std::string& w) {
  if (w.empty()) return w;
  const char last = w.back();
  if (last == 'Y' && w.size() > 1 && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "IES";
  if (last == 'S' || last == 'X' || last == 'Z' || w.ends_with("CH") || w.ends_with("SH")) return w + "ES";
  return w + "S";
}

// The regular forms PETRARCH gives a verb without a "{...}" list: -S, -ED, -ING.
std::vector<std::string> RegularForms(const std::string& verb) {
  std::vector<std::string> forms{Plural(verb)};
  if (verb.ends_with("E")) {
    forms.push_back(verb + "D");
    forms.push_back(verb.substr(0, verb.size() - 1) + "ING");
  } else if (verb.size() > 1 && verb.back() == 'Y' && !IsVowel(verb[verb.size() - 2])) {
    forms.push_back(verb.substr(0, verb.size() - 1) + "IED");
    forms.push_back(verb + "ING");
  } else {
    forms.push_back(verb + "ED");
    forms.push_back(verb + "ING");
  }
  return forms;
}

// Words are whole words; a clitic written apart, as in a treebank ("DID N'T", "GONDOR 'S"),
// goes back on its word, as the coder reads text ("didn't").
void WholeWords(Phrase& phrase) {
  for (size_t i = 0; i < phrase.size(); ++i) {
    Element& e = phrase[i];
    if (e.kind == ElementKind::kWord) e.exact = e.no_endings = true;
    for (Phrase& alternative : e.alternatives) WholeWords(alternative);
    const bool clitic = e.kind == ElementKind::kWord && (e.word == "n't" || (e.word.size() >= 2 && e.word[0] == '\''));
    if (clitic && i > 0 && phrase[i - 1].kind == ElementKind::kWord) {
      phrase[i - 1].word += e.word;
      phrase[i - 1].joined_to_next = e.joined_to_next;
      phrase.erase(phrase.begin() + static_cast<std::ptrdiff_t>(i));
      --i;
    }
  }
}

void Contiguous(Phrase& phrase) {
  for (size_t i = 0; i + 1 < phrase.size(); ++i) phrase[i].joined_to_next = true;
}

// A phrase of whole words (actors, agents, verbs, discards); with `contiguous` the words
// follow each other at once even where a space separates them.
bool ParseNamePhrase(std::string_view text, TabariDictionaries& d, Phrase& out, bool contiguous = true) {
  if (!ParsePhrase(text, d, out)) return false;
  WholeWords(out);
  if (contiguous) Contiguous(out);
  return true;
}

void ReadActors(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  TabariActor* open = nullptr;  // an entry whose synonyms and codes may follow
  for (std::string_view raw : lines) {
    std::string_view line = Content(raw);
    if (line.empty()) {
      if (TrimSpace(raw).empty()) open = nullptr;  // a blank line ends an entry; a comment does not
      continue;
    }
    LineParts parts = SplitLine(line);
    auto add_codes = [&](TabariActor& actor) {
      for (const std::string& block : parts.blocks) {
        DatedCode code;
        if (ParseDatedCode(block, code)) actor.codes.push_back(std::move(code));
      }
    };
    if (line[0] == '+' && open) {
      Phrase p;
      if (ParseNamePhrase(TrimSpace(std::string_view(parts.phrase).substr(1)), d, p, false)) open->phrases.push_back(p);
      add_codes(*open);
      continue;
    }
    if (line[0] == '[' && open) {
      add_codes(*open);
      continue;
    }
    TabariActor actor;
    Phrase p;
    if (parts.phrase.empty() || parts.phrase[0] == '<' || !ParseNamePhrase(parts.phrase, d, p, false)) {
      ++d.skipped_lines;
      open = nullptr;
      continue;
    }
    actor.phrases.push_back(std::move(p));
    add_codes(actor);
    d.actors.push_back(std::move(actor));
    open = &d.actors.back();
  }
  std::erase_if(d.actors, [](const TabariActor& a) { return a.codes.empty(); });
}

void ReadAgents(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  std::map<std::string, std::vector<std::string>> substitutions;  // "!PERSON!" -> MAN, MEN, ...
  for (std::string_view raw : lines) {
    std::string_view line = Content(raw);
    if (line.empty() || line[0] == '<') continue;
    if (line[0] == '!') {
      size_t equals = line.find('=');
      size_t close = line.find('!', 1);
      if (equals == std::string_view::npos || close == std::string_view::npos || close > equals) {
        ++d.skipped_lines;
        continue;
      }
      std::vector<std::string>& values = substitutions[Upper(line.substr(0, close + 1))];
      for (const std::string& w : Words(line.substr(equals + 1))) values.push_back(Upper(w));
      continue;
    }
    LineParts parts = SplitLine(line);
    if (parts.blocks.empty() || parts.phrase.empty()) {
      ++d.skipped_lines;
      continue;
    }
    TabariAgent agent;
    if (!ParseAgentCode(parts.blocks[0], agent)) {
      ++d.skipped_lines;
      continue;
    }
    // The phrase's spellings: each substitution marker replaced by each of its values, then
    // the singular and its plurals.
    std::vector<std::string> spellings{Upper(parts.phrase)};
    for (const auto& [marker, values] : substitutions) {
      std::vector<std::string> expanded;
      for (const std::string& s : spellings) {
        size_t at = s.find(marker);
        if (at == std::string::npos) {
          expanded.push_back(s);
          continue;
        }
        for (const std::string& v : values) expanded.push_back(s.substr(0, at) + v + s.substr(at + marker.size()));
      }
      spellings = std::move(expanded);
    }
    // "{}" says the phrase has no plural; "{A_B C_D}" lists its plurals; without braces the
    // last word takes the regular one.
    std::vector<std::string> all = spellings;
    if (parts.has_braces) {
      for (const std::string& plural : Phrases(parts.braces)) all.push_back(Upper(plural));
    } else {
      for (const std::string& s : spellings) {
        std::vector<std::string> words = Words(s);
        if (words.empty()) continue;
        words.back() = Plural(words.back());
        all.push_back(Join(words));
      }
    }
    for (const std::string& s : all) {
      if (s.find('!') != std::string::npos) {  // a marker with no substitution list
        ++d.skipped_lines;
        continue;
      }
      TabariAgent spelled = agent;
      if (ParseNamePhrase(s, d, spelled.phrase)) d.agents.push_back(std::move(spelled));
    }
  }
}

void ReadDiscards(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  for (std::string_view raw : lines) {
    std::string_view line = Content(raw);
    if (line.empty() || line[0] == '<') continue;
    if (line[0] == '+') line = TrimSpace(line.substr(1));  // a story discard: here, its sentence
    Phrase p;
    if (ParseNamePhrase(Upper(line), d, p)) {
      d.markers.emplace_back(std::move(p), "###");
    } else {
      ++d.skipped_lines;
    }
  }
}

// One verb line of a block: "ABANDON", "BAN {BANS BANNED}", "+BREAK_DOWN {+BREAKS_DOWN ...}",
// "WIRE_+TAP", "KLM_NOP_+RST [002]". Adds a TabariVerb for each spelling.
// A verb listed again (in another block, or another file) is the same verb: it gains the
// new block's patterns, and its code if it had none.
void ReadVerbLine(std::string_view line, size_t number, const std::string& block_code, TabariDictionaries& d,
                  std::map<std::string, size_t>& verb_index, std::vector<size_t>& block_verbs) {
  LineParts parts = SplitLine(line);
  std::vector<std::string> words = Words(Upper(parts.phrase));
  if (words.empty()) {
    ++d.skipped_lines;
    return;
  }
  size_t verb_word = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i][0] == '+') {
      verb_word = i;
      words[i].erase(0, 1);
    }
  }
  std::vector<std::vector<std::string>> spellings{words};
  if (parts.has_braces) {
    for (const std::string& text : Phrases(parts.braces)) {
      std::vector<std::string> form = Words(Upper(text));
      for (std::string& w : form) {
        if (!w.empty() && w[0] == '+') w.erase(0, 1);
      }
      if (form.size() == 1 && words.size() > 1) {  // the verb word's form alone
        std::vector<std::string> whole = words;
        whole[verb_word] = form[0];
        form = std::move(whole);
      }
      if (!form.empty()) spellings.push_back(std::move(form));
    }
  } else {
    for (const std::string& f : RegularForms(words[verb_word])) {
      std::vector<std::string> whole = words;
      whole[verb_word] = f;
      spellings.push_back(std::move(whole));
    }
  }
  std::string code = parts.blocks.empty() ? block_code : CodeOf(parts.blocks[0]);
  for (const std::vector<std::string>& spelling : spellings) {
    const std::string key = Join(spelling);
    if (auto known = verb_index.find(key); known != verb_index.end()) {
      TabariVerb& verb = d.verbs[known->second];
      if (verb.code == "---" && !code.empty()) verb.code = code;
      if (std::find(block_verbs.begin(), block_verbs.end(), known->second) == block_verbs.end()) {
        block_verbs.push_back(known->second);
      }
      continue;
    }
    TabariVerb verb;
    bool empty_word = false;
    for (const std::string& w : spelling) empty_word |= w.empty();
    if (empty_word || !ParseNamePhrase(Join(spelling), d, verb.root) || verb.root[0].kind != ElementKind::kWord) {
      ++d.skipped_lines;
      continue;
    }
    verb.code = code.empty() ? "---" : code;
    verb.line = number;
    verb_index.emplace(key, d.verbs.size());
    block_verbs.push_back(d.verbs.size());
    d.verbs.push_back(std::move(verb));
  }
}

// A CAMEO event code ("064", "1721", "075A"), a pair of them ("032:033"), or "---". TABARI's
// marks "+++" and "###" mean nothing to PETRARCH, and a pattern with any other code
// ("xxy") codes nothing: it is skipped.
bool IsEventCode(std::string_view code) {
  if (code == "---") return true;
  size_t colon = code.find(':');
  if (colon != std::string_view::npos) return IsEventCode(code.substr(0, colon)) && IsEventCode(code.substr(colon + 1));
  return !code.empty() && std::isdigit(static_cast<unsigned char>(code[0])) &&
         std::all_of(code.begin(), code.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

bool ReadPattern(std::string_view line, size_t number, TabariDictionaries& d, TabariPattern& pattern) {
  size_t open = line.rfind('[');
  size_t close = line.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  pattern.code = CodeOf(line.substr(open + 1, close - open - 1));
  std::string text(line.substr(1, open - 1));
  for (char& c : text) {
    if (c == '{' || c == '}' || c == '(' || c == ')') c = ' ';  // PETRARCH-2 phrase groups
  }
  Phrase all;
  if (!IsEventCode(pattern.code) || !ParsePhrase(Upper(text), d, all)) return false;
  WholeWords(all);
  pattern.line = number;
  return SplitAtVerb(std::move(all), pattern);
}

void ReadVerbs(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  enum class State { kNone, kSynset, kBlock } state = State::kNone;
  uint32_t synset = 0;
  bool synset_plurals = true;
  std::string block_code;
  std::vector<size_t> block_verbs;
  std::vector<TabariPattern> block_patterns;
  std::map<std::string, size_t> verb_index;  // a spelling ("WIRE_TAPPED") -> its verb
  for (size_t v = 0; v < d.verbs.size(); ++v) {
    std::string key;
    for (const Element& e : d.verbs[v].root) {
      if (!key.empty()) key.push_back('_');
      key.append(Upper(e.word));
    }
    verb_index.emplace(key, v);
  }
  auto close_block = [&] {
    for (size_t v : block_verbs) {
      for (const TabariPattern& p : block_patterns) d.verbs[v].patterns.push_back(p);
    }
    block_verbs.clear();
    block_patterns.clear();
  };
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = Content(lines[n]);
    if (line.empty() || line[0] == '<') continue;
    if (line.starts_with("---")) {  // "--- NAME [CODE] ---"
      close_block();
      LineParts parts = SplitLine(line);
      block_code = parts.blocks.empty() ? "---" : CodeOf(parts.blocks[0]);
      state = State::kBlock;
      continue;
    }
    if (line[0] == '&') {
      std::string name = CodeOf(line.substr(1));
      synset_plurals = !name.ends_with("_");
      while (name.ends_with("_")) name.pop_back();
      int found = d.FindSynset(name);
      synset = found >= 0 ? static_cast<uint32_t>(found) : d.AddSynset(name);
      state = State::kSynset;
      continue;
    }
    if (state == State::kSynset && line[0] == '+') {
      std::string member = Upper(TrimSpace(line.substr(1)));
      std::vector<std::string> spellings{member};
      if (synset_plurals && member[0] != '&') {
        std::vector<std::string> words = Words(member);
        if (!words.empty()) {
          words.back() = Plural(words.back());
          spellings.push_back(Join(words));
        }
      }
      for (const std::string& s : spellings) {
        Phrase p;
        if (!ParsePhrase(s, d, p)) {
          ++d.skipped_lines;
          continue;
        }
        WholeWords(p);
        Contiguous(p);
        for (Element& e : p) {  // in a synset "$" is the dollar sign
          if (e.kind == ElementKind::kSource) {
            e.kind = ElementKind::kWord;
            e.word.assign(1, '$');
            e.exact = e.no_endings = true;
          }
        }
        d.synsets[synset].members.push_back(std::move(p));
      }
      continue;
    }
    if (state != State::kBlock) {
      ++d.skipped_lines;
      continue;
    }
    if (line[0] == '-') {
      TabariPattern pattern;
      if (ReadPattern(line, n + 1, d, pattern)) {
        block_patterns.push_back(std::move(pattern));
      } else {
        ++d.skipped_lines;
      }
      continue;
    }
    ReadVerbLine(line, n + 1, block_code, d, verb_index, block_verbs);
  }
  close_block();
}

}  // namespace

TabariOptions PetrarchCodingOptions() {
  TabariOptions options;
  options.code_by = TabariOptions::CodeBy::kAll;
  options.minimum_words = 0;
  options.comma_on = false;  // the parse says which clause a word belongs to
  options.roles_from_parse = true;
  options.convert_agents = true;
  options.agents_as_null_country = true;
  options.require_dyad = true;
  return options;
}

std::string BlankXmlComments(std::string_view text) {
  std::string out(text);
  size_t pos = 0;
  while ((pos = out.find("<!", pos)) != std::string::npos) {
    size_t end = out.find("-->", pos);
    end = end == std::string::npos ? out.size() : end + 3;
    for (size_t i = pos; i < end; ++i) {
      if (out[i] != '\n') out[i] = ' ';
    }
    pos = end;
  }
  return out;
}

Status ReadPetrarchFile(std::string_view text, PetrarchFileKind kind, TabariDictionaries& into) {
  const std::string blanked = BlankXmlComments(text);
  const std::vector<std::string_view> lines = SplitLines(blanked);
  switch (kind) {
    case PetrarchFileKind::kVerbs:
      ReadVerbs(lines, into);
      break;
    case PetrarchFileKind::kActors:
      ReadActors(lines, into);
      break;
    case PetrarchFileKind::kAgents:
      ReadAgents(lines, into);
      break;
    case PetrarchFileKind::kDiscards:
      ReadDiscards(lines, into);
      break;
  }
  return Status::Ok();
}

}  // namespace eventmill::legacy
