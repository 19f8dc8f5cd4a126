// libFuzzer target: the plain-text and JSONL readers on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "eventmill/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto doc = eventmill::DocumentFromText(bytes, "fuzz", "fuzz");
  if (doc.ok() && doc->text.size() != bytes.size()) __builtin_trap();  // the text is kept unchanged
  (void)eventmill::DocumentFromJsonLine(bytes, "fuzz:1");
  return 0;
}
