#include "src/legacy/tabari_dictionary.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "src/legacy/tabari_text.h"

namespace eventmill::legacy {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// The line without its comment: ";" starts one anywhere (TABARI's coder notes), "//" too.
std::string_view StripComment(std::string_view line) {
  size_t semicolon = line.find(';');
  if (semicolon != std::string_view::npos) line = line.substr(0, semicolon);
  size_t slashes = line.find("//");
  if (slashes != std::string_view::npos) line = line.substr(0, slashes);
  return line;
}

// Splits "PHRASE [CODE] [CODE d-d]" into the phrase and its bracketed blocks.
std::string_view SplitBlocks(std::string_view line, std::vector<std::string_view>& blocks) {
  size_t open = line.find('[');
  std::string_view phrase = line.substr(0, open);
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) break;
    blocks.push_back(TrimSpace(line.substr(open + 1, close - open - 1)));
    open = line.find('[', close);
  }
  return TrimSpace(phrase);
}

bool IsSeparator(char c) {
  return c == '_' || c == '{' || c == '}' || c == '|' || std::isspace(static_cast<unsigned char>(c));
}

class PhraseParser {
 public:
  static constexpr int kMaxBraceDepth = 16;
  PhraseParser(std::string_view text, TabariDictionaries& dictionaries) : text_(text), dictionaries_(dictionaries) {}

  // Elements up to the end, or up to "|" or "}" inside alternatives.
  bool Parse(Phrase& out, bool inside_braces = false, int depth = 0) {
    if (depth > kMaxBraceDepth) return false;  // "{ { { ...": a line no dictionary writes
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) return !inside_braces;
      char c = text_[pos_];
      if (c == '|' || c == '}') return inside_braces;
      if (c == '_') {  // "_" with nothing before it: the previous element is joined
        if (!out.empty()) out.back().joined_to_next = true;
        ++pos_;
        continue;
      }
      Element e;
      bool stem = false;
      if (c == '{') {
        ++pos_;
        e.kind = ElementKind::kAlternatives;
        while (true) {
          Phrase alternative;
          if (!Parse(alternative, true, depth + 1)) return false;
          if (!alternative.empty()) e.alternatives.push_back(std::move(alternative));
          if (pos_ >= text_.size()) return false;
          if (text_[pos_++] == '}') break;
        }
        if (e.alternatives.empty()) return false;
      } else {
        size_t start = pos_;
        while (pos_ < text_.size() && !IsSeparator(text_[pos_])) ++pos_;
        std::string_view token = text_.substr(start, pos_ - start);
        if (token == "$") {
          e.kind = ElementKind::kSource;
        } else if (token == "+") {
          e.kind = ElementKind::kTarget;
        } else if (token == "%") {
          e.kind = ElementKind::kCompound;
        } else if (token == "^") {
          e.kind = ElementKind::kSkip;
        } else if (token == "*") {
          e.kind = ElementKind::kVerb;
        } else if (token.size() > 1 && token[0] == '&') {
          e.kind = ElementKind::kSynset;
          e.synset = SynsetIndex(token.substr(1));
        } else {
          // "=" ends a word that takes no regular endings; "~" keeps a word a stem even
          // when "_" joins it to the next ("REAL~_PLEASANT" reads "really pleasant").
          while (!token.empty() && (token.back() == '=' || token.back() == '~')) {
            if (token.back() == '=') e.exact = e.no_endings = true;
            if (token.back() == '~') stem = true;
            token.remove_suffix(1);
          }
          if (token.empty()) continue;
          // A hyphen joins like "_" (TABARI reads "BARAD-DUR" as BARAD_DUR, and the text's
          // hyphens are tokens of their own): the words before it become elements of their own.
          size_t hyphen;
          while ((hyphen = token.find('-')) != std::string_view::npos && hyphen + 1 < token.size() && hyphen > 0) {
            Element part;
            part.word = Lower(token.substr(0, hyphen));
            part.exact = true;
            part.joined_to_next = true;
            out.push_back(std::move(part));
            token.remove_prefix(hyphen + 1);
          }
          if (token.size() > 1 && token.back() == '-') {  // "ANTI-": a prefix written apart
            token.remove_suffix(1);
            e.exact = true;
            e.joined_to_next = true;
          }
          e.word = Lower(token);
        }
      }
      // A "_" right after an element makes a word exact and, unless it ends the phrase,
      // joins the element to the next.
      if (pos_ < text_.size() && text_[pos_] == '_') {
        if (e.kind == ElementKind::kWord && !stem) e.exact = true;
        size_t after = pos_ + 1;
        while (after < text_.size() && text_[after] == '_') ++after;
        if (after < text_.size() && !std::isspace(static_cast<unsigned char>(text_[after])) && text_[after] != '|' &&
            text_[after] != '}') {
          e.joined_to_next = true;
        }
        pos_ = after;
      }
      out.push_back(std::move(e));
    }
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  uint32_t SynsetIndex(std::string_view name) {
    const std::string upper = Upper(name);
    int found = dictionaries_.FindSynset(upper);
    if (found >= 0) return static_cast<uint32_t>(found);
    // Used before its definition: an empty synset now, filled when defined.
    return dictionaries_.AddSynset(upper);
  }

  std::string_view text_;
  size_t pos_ = 0;
  TabariDictionaries& dictionaries_;
};

}  // namespace

bool ParsePhrase(std::string_view text, TabariDictionaries& d, Phrase& out) {
  PhraseParser parser(text, d);
  return parser.Parse(out) && !out.empty();
}

// "USAGOV 991201-010114", "HOB < 950601", "HOBREB > 990816", "GON".
bool ParseDatedCode(std::string_view block, DatedCode& out) {
  block = TrimSpace(block);
  size_t space = block.find_first_of(" \t<>");
  size_t digit = block.find_first_of("0123456789");
  // A code may itself hold digits ("G77"): the date part starts at a space, "<" or ">".
  std::string_view code = block.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? std::string_view() : TrimSpace(block.substr(space));
  if (code.empty() && digit == 0) return false;  // "[950601-990815]": a date without a code
  out.code = Upper(code);
  if (rest.empty()) return !out.code.empty();
  std::string compact;
  for (char ch : rest) {
    if (!std::isspace(static_cast<unsigned char>(ch))) compact += ch;
  }
  if (compact[0] == '<') {
    auto to = ParseTabariDate(compact.substr(1));
    if (!to) return false;
    out.to = to;
  } else if (compact[0] == '>') {
    auto from = ParseTabariDate(compact.substr(1));
    if (!from) return false;
    out.from = from;
  } else {
    size_t dash = compact.find('-');
    if (dash == std::string::npos) return false;
    out.from = ParseTabariDate(compact.substr(0, dash));
    out.to = ParseTabariDate(compact.substr(dash + 1));
    if (!out.from || !out.to) return false;
  }
  return !out.code.empty();
}

bool SplitAtVerb(Phrase all, TabariPattern& pattern) {
  bool seen_verb = false;
  for (Element& e : all) {
    if (e.kind == ElementKind::kVerb) {
      seen_verb = true;
      pattern.verb_joined_to_after = e.joined_to_next;
      continue;
    }
    (seen_verb ? pattern.after : pattern.before).push_back(std::move(e));
  }
  return seen_verb;
}

bool ParseAgentCode(std::string_view block, TabariAgent& agent) {
  const std::string code = CodeOf(block);
  agent.before_actor = false;
  if (!code.empty() && code.front() == '~') {
    agent.code = code.substr(1);
  } else if (!code.empty() && code.back() == '~') {
    agent.code = code.substr(0, code.size() - 1);
    agent.before_actor = true;
  } else {
    agent.code = code;
  }
  return !agent.code.empty();
}

namespace {

// The lines of a dictionary: up to TABARI's end-of-file mark "~FINISH"; a line starting
// with "/" is a comment like one starting with "#" (which also keeps an actor's block open).
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::string_view line : SplitLines(text)) {
    if (TrimSpace(line).substr(0, 7) == "~FINISH") break;
    lines.push_back(!line.empty() && line[0] == '/' ? std::string_view("#") : line);
  }
  return lines;
}

bool StartsWithTag(std::string_view line, std::string_view tag) {
  line = TrimSpace(line);
  if (line.size() < tag.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(line[i])) != tag[i]) return false;
  }
  return true;
}

void ReadActors(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  enum class Section { kActors, kNouns, kAdjectives } section = Section::kActors;
  TabariActor* open = nullptr;  // an entry whose codes may follow on later lines
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view raw = lines[n];
    std::string_view line = TrimSpace(StripComment(raw));
    if (StartsWithTag(line, "<NOUN>")) section = Section::kNouns;
    if (StartsWithTag(line, "<ADJECTIVE>")) section = Section::kAdjectives;
    if (StartsWithTag(line, "</")) section = Section::kActors;
    if (line.empty() || line[0] == '<') {
      if (line.empty() && !TrimSpace(raw).empty()) continue;  // a comment line keeps the entry open
      open = nullptr;
      continue;
    }
    if (line[0] == '#') continue;  // commented out
    if (section != Section::kActors) {
      Phrase p;
      if (ParsePhrase(line, d, p)) {
        (section == Section::kNouns ? d.nouns : d.adjectives).push_back(std::move(p));
      } else {
        ++d.skipped_lines;
      }
      continue;
    }
    std::vector<std::string_view> blocks;
    std::string_view phrase_text = SplitBlocks(line, blocks);
    if (line[0] == '+' && open) {  // a synonym of the open entry
      Phrase p;
      if (ParsePhrase(TrimSpace(phrase_text.substr(1)), d, p)) open->phrases.push_back(std::move(p));
      continue;
    }
    if (line[0] == '[' && open) {  // codes of the open entry
      for (std::string_view block : blocks) {
        DatedCode code;
        if (ParseDatedCode(block, code)) open->codes.push_back(std::move(code));
      }
      continue;
    }
    TabariActor actor;
    Phrase p;
    if (!ParsePhrase(phrase_text, d, p)) {
      ++d.skipped_lines;
      open = nullptr;
      continue;
    }
    actor.phrases.push_back(std::move(p));
    for (std::string_view block : blocks) {
      DatedCode code;
      if (ParseDatedCode(block, code)) actor.codes.push_back(std::move(code));
    }
    d.actors.push_back(std::move(actor));
    open = &d.actors.back();
  }
  // Entries that never got a code name nothing.
  std::erase_if(d.actors, [](const TabariActor& a) { return a.codes.empty(); });
}

void ReadAgents(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = TrimSpace(StripComment(lines[n]));
    if (line.empty() || line[0] == '#' || line[0] == '<') continue;
    std::vector<std::string_view> blocks;
    std::string_view phrase_text = SplitBlocks(line, blocks);
    Phrase p;
    if (blocks.empty() || !ParsePhrase(phrase_text, d, p)) {
      ++d.skipped_lines;
      continue;
    }
    TabariAgent agent;
    agent.phrase = std::move(p);
    if (!ParseAgentCode(blocks[0], agent)) {
      ++d.skipped_lines;
      continue;
    }
    d.agents.push_back(std::move(agent));
  }
}

void ReadVerbs(const std::vector<std::string_view>& lines, TabariDictionaries& d) {
  enum class Section { kVerbs, kSynsets, kTime, kOther } section = Section::kVerbs;
  Synset* synset = nullptr;
  bool have_verb = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = TrimSpace(StripComment(lines[n]));
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '<') {
      if (StartsWithTag(line, "<SYNSETS>"))
        section = Section::kSynsets;
      else if (StartsWithTag(line, "<TIME>"))
        section = Section::kTime;
      else if (StartsWithTag(line, "</"))
        section = Section::kVerbs;
      else
        section = Section::kOther;
      synset = nullptr;
      continue;
    }
    if (section == Section::kTime) {
      std::vector<std::string_view> blocks;
      std::string_view phrase_text = SplitBlocks(line, blocks);
      Phrase p;
      if (line[0] != '-' && !blocks.empty() && (CodeOf(blocks[0]) == "###" || CodeOf(blocks[0]) == "+++") &&
          ParsePhrase(phrase_text, d, p)) {
        d.markers.emplace_back(std::move(p), CodeOf(blocks[0]));
      }
      continue;
    }
    if (section == Section::kOther) continue;
    if (section == Section::kSynsets) {
      if (line[0] == '&') {
        std::string name = CodeOf(line.substr(1));
        int found = d.FindSynset(name);
        if (found < 0) found = static_cast<int>(d.AddSynset(name));
        synset = &d.synsets[static_cast<size_t>(found)];
      } else if (line[0] == '+' && synset) {
        // The synset may move when a member names a synset not yet seen: index, not pointer.
        size_t index = static_cast<size_t>(synset - d.synsets.data());
        Phrase p;
        if (ParsePhrase(TrimSpace(line.substr(1)), d, p)) {
          // In a synset "$" is the dollar sign ("PESO_$"), not an actor.
          for (Element& e : p) {
            if (e.kind == ElementKind::kSource) {
              e.kind = ElementKind::kWord;
              e.word.assign(1, '$');
              e.exact = true;
            }
          }
          d.synsets[index].members.push_back(std::move(p));
        } else {
          ++d.skipped_lines;
        }
        synset = &d.synsets[index];
      } else {
        ++d.skipped_lines;
      }
      continue;
    }
    std::vector<std::string_view> blocks;
    if (line[0] == '-') {  // a pattern of the verb above
      std::string_view phrase_text = SplitBlocks(line.substr(1), blocks);
      Phrase all;
      if (!have_verb || blocks.empty() || !ParsePhrase(phrase_text, d, all)) {
        ++d.skipped_lines;
        continue;
      }
      TabariPattern pattern;
      pattern.code = CodeOf(blocks[0]);
      pattern.line = n + 1;
      if (!SplitAtVerb(std::move(all), pattern)) {
        ++d.skipped_lines;
        continue;
      }
      d.verbs.back().patterns.push_back(std::move(pattern));
      continue;
    }
    if (line[0] == '{') {  // irregular forms of the verb above
      size_t close = line.find('}');
      if (!have_verb || close == std::string_view::npos) {
        ++d.skipped_lines;
        continue;
      }
      std::string_view inside = line.substr(1, close - 1);
      size_t start = 0;
      while (start < inside.size()) {
        while (start < inside.size() && std::isspace(static_cast<unsigned char>(inside[start]))) ++start;
        size_t end = start;
        while (end < inside.size() && !std::isspace(static_cast<unsigned char>(inside[end]))) ++end;
        if (end > start) {
          Phrase form;
          if (ParsePhrase(inside.substr(start, end - start), d, form)) d.verbs.back().forms.push_back(std::move(form));
        }
        start = end;
      }
      continue;
    }
    std::string_view phrase_text = SplitBlocks(line, blocks);
    TabariVerb verb;
    if (blocks.empty() || !ParsePhrase(phrase_text, d, verb.root) || verb.root[0].kind != ElementKind::kWord) {
      ++d.skipped_lines;
      have_verb = false;
      continue;
    }
    verb.code = CodeOf(blocks[0]);
    verb.line = n + 1;
    d.verbs.push_back(std::move(verb));
    have_verb = true;
  }
}

}  // namespace

int TabariDictionaries::FindSynset(std::string_view name) const {
  // The index is kept by AddSynset; a TabariDictionaries filled by hand is searched.
  if (synset_index.size() == synsets.size()) {
    auto it = synset_index.find(std::string(name));
    return it == synset_index.end() ? -1 : static_cast<int>(it->second);
  }
  for (size_t i = 0; i < synsets.size(); ++i) {
    if (synsets[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

uint32_t TabariDictionaries::AddSynset(std::string name) {
  const auto index = static_cast<uint32_t>(synsets.size());
  synset_index.emplace(name, index);
  synsets.push_back({std::move(name), {}});
  return index;
}

std::optional<CivilDate> ParseTabariDate(std::string_view digits) {
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto number = [&](size_t from, size_t count) {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) v = v * 10 + (digits[i] - '0');
    return v;
  };
  int year, month, day;
  if (digits.size() == 6) {
    year = number(0, 2);
    year += year < 30 ? 2000 : 1900;
    month = number(2, 2);
    day = number(4, 2);
  } else if (digits.size() == 8) {
    year = number(0, 4);
    month = number(4, 2);
    day = number(6, 2);
  } else {
    return std::nullopt;
  }
  if (!CivilDate::IsValid(year, month, day)) return std::nullopt;
  return CivilDate{year, month, day};
}

namespace {

// "VERBS[5]" -> 5 for `key`, or -1 when absent.
int Bracketed(const std::string& command, std::string_view key) {
  size_t at = command.find(std::string(key) + "[");
  if (at == std::string::npos) return -1;
  return std::atoi(command.c_str() + at + key.size() + 1);
}

// "MIN=2" -> 2 for `key` ("MIN" not inside "BMIN"/"EMIN"), or -1.
int Assigned(const std::string& command, std::string_view key) {
  for (size_t at = command.find(std::string(key) + "="); at != std::string::npos;
       at = command.find(std::string(key) + "=", at + 1)) {
    if (at > 0 && std::isalpha(static_cast<unsigned char>(command[at - 1]))) continue;
    return std::atoi(command.c_str() + at + key.size() + 1);
  }
  return -1;
}

}  // namespace

bool ApplyTabariOption(std::string_view text, TabariOptions& o) {
  const std::string compact = CodeOf(text);
  if (compact.rfind("SET:", 0) == 0) {
    if (compact.rfind("SET:CODEBYSENTENCE", 0) == 0) {
      o.code_by = TabariOptions::CodeBy::kSentence;
    } else if (compact.rfind("SET:CODEBYCLAUSE", 0) == 0) {
      o.code_by = TabariOptions::CodeBy::kClause;
    } else if (compact.rfind("SET:CODEALL", 0) == 0) {
      o.code_by = TabariOptions::CodeBy::kAll;
    } else if (compact.rfind("SET:CONVERTAGENT", 0) == 0) {
      o.convert_agents = compact.find("=T") != std::string::npos;
    } else if (compact.rfind("SET:MINIMUMWORDS=", 0) == 0) {
      o.minimum_words = std::atoi(compact.c_str() + 17);
    } else {
      return false;
    }
    return true;
  }
  if (compact.rfind("FORWARD:", 0) == 0) {
    // "FORWARD: ^^*****NNN*SSS [DOC] [OFF]": the mask is the first word after the colon.
    std::string_view rest = TrimSpace(text.substr(text.find(':') + 1));
    const std::string_view mask = rest.substr(0, rest.find_first_of(" \t"));
    o.forward_mask = compact.ends_with("OFF") ? std::string() : std::string(mask);
    return true;
  }
  if (compact.rfind("COMPLEX:", 0) == 0) {
    o.complex_verbs = std::max(0, Bracketed(compact, "VERBS"));
    o.complex_actors = std::max(0, Bracketed(compact, "ACTORS"));
    o.complex_pronouns = std::max(0, Bracketed(compact, "PRONOUNS"));
    o.complex_conjunctions = std::max(0, Bracketed(compact, "CONJ"));
    o.complex_commas = std::max(0, Bracketed(compact, "COMMA"));
    o.no_actor_prior = compact.find("NOACTPRIOR") != std::string::npos;
    o.no_actor_after = compact.find("NOACTAFTER") != std::string::npos;
    o.no_verb = compact.find("NOVERB") != std::string::npos;
    return true;
  }
  if (compact.rfind("DEFAULT:", 0) == 0) {
    if (compact == "DEFAULT:OFF") {
      o.default_source.clear();
      o.default_target.clear();
      o.default_source_prior = o.default_target_after = false;
      return true;
    }
    auto code_after = [&](std::string_view key) -> std::string {
      size_t at = compact.find(std::string(key) + "[");
      if (at == std::string::npos) return {};
      size_t close = compact.find(']', at);
      if (close == std::string::npos) return {};
      return compact.substr(at + key.size() + 1, close - at - key.size() - 1);
    };
    std::string source = code_after("SOURCE"), target = code_after("TARGET");
    if (!source.empty()) {
      o.default_source = source;
      o.default_source_prior = compact.find("PRIOR") != std::string::npos;
    }
    if (!target.empty()) {
      o.default_target = target;
      o.default_target_after = compact.find("AFTER") != std::string::npos;
    }
    return true;
  }
  if (compact.rfind("COMMA:", 0) == 0) {
    if (compact == "COMMA:OFF") {
      o.comma_on = false;
      return true;
    }
    o.comma_on = true;
    for (auto [key, field] : {std::pair{"BMIN", &o.comma_begin_min}, std::pair{"BMAX", &o.comma_begin_max},
                              std::pair{"EMIN", &o.comma_end_min}, std::pair{"EMAX", &o.comma_end_max},
                              std::pair{"MIN", &o.comma_min}, std::pair{"MAX", &o.comma_max}}) {
      if (int v = Assigned(compact, key); v >= 0) *field = v;
    }
    return true;
  }
  return false;
}

TabariOptions ReadTabariOptions(std::string_view text) {
  TabariOptions options;
  for (std::string_view line : Lines(text)) {
    line = TrimSpace(line);
    if (line.empty() || line[0] == '#') continue;
    if (size_t comment = line.find("//"); comment != std::string_view::npos) line = line.substr(0, comment);
    ApplyTabariOption(line, options);
  }
  return options;
}

Status ReadTabariFile(std::string_view text, std::string_view kind, TabariDictionaries& into) {
  std::vector<std::string_view> lines = Lines(text);
  if (kind == "actors") {
    ReadActors(lines, into);
  } else if (kind == "agents") {
    ReadAgents(lines, into);
  } else if (kind == "verbs") {
    ReadVerbs(lines, into);
  } else {
    return Status::InvalidArgument("unknown TABARI dictionary kind: " + std::string(kind));
  }
  return Status::Ok();
}

}  // namespace eventmill::legacy
