// UTF-8 checks for input text.
#ifndef EVENTMILL_SRC_READ_UTF8_H_
#define EVENTMILL_SRC_READ_UTF8_H_

#include <cstddef>
#include <string_view>

namespace eventmill::read {

// Offset of the first byte that does not start or continue a valid UTF-8 sequence
// (overlong forms and surrogates included), or npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace eventmill::read

#endif  // EVENTMILL_SRC_READ_UTF8_H_
