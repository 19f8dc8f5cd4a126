// Small formatting helpers shared by the writers.
#ifndef EVENTMILL_SRC_WRITE_TEXT_FORMAT_H_
#define EVENTMILL_SRC_WRITE_TEXT_FORMAT_H_

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eventmill/document.h"

namespace eventmill::write {

inline void AppendNumber(std::string& out, int64_t n) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, end);
}

// "[begin,end]": a byte span as a JSON array.
inline void AppendJsonSpan(std::string& out, Span span) {
  out += '[';
  AppendNumber(out, span.begin);
  out += ',';
  AppendNumber(out, span.end);
  out += ']';
}

// A JSON string, or null for an empty one.
void AppendNullableString(std::string& out, std::string_view s);

// Actor mention `index` of `doc` as {code, country, org, name, text, span}, or null.
void AppendJsonActor(std::string& out, const Document& doc, const std::optional<uint32_t>& index);

}  // namespace eventmill::write

#endif  // EVENTMILL_SRC_WRITE_TEXT_FORMAT_H_
