// How TABARI's (and PETRARCH's) files are cut into lines and words: the conventions their
// dictionary, options, project and text readers share.
#ifndef EVENTMILL_SRC_LEGACY_TABARI_TEXT_H_
#define EVENTMILL_SRC_LEGACY_TABARI_TEXT_H_

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill::legacy {

// Without leading and trailing white space.
inline std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The lines of a file, "\r\n" or "\n" ended (files from every system of the last 30 years).
inline std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Dictionary words are compared in upper case (ASCII letters).
inline std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A code or command as TABARI and PETRARCH compare them: upper case, white space dropped
// ("[ ~GOV ]", "COMPLEX: VERBS[5]").
inline std::string CodeOf(std::string_view block) {
  std::string code;
  for (char c : block) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_TABARI_TEXT_H_
