// libFuzzer target: the whole pipeline on one document, then both writers. Checks the
// invariants every stage promises: spans inside the text, heads inside their sentence.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "eventmill/eventmill.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto pipeline = eventmill::Pipeline::Create(eventmill::PipelineOptions{});
  if (!pipeline.ok()) __builtin_trap();
  auto doc = eventmill::DocumentFromText(std::string(reinterpret_cast<const char*>(data), size), "fuzz", "fuzz");
  if (!doc.ok()) return 0;
  if (!pipeline->Process(*doc).ok()) __builtin_trap();
  const size_t n = doc->text.size();
  for (const auto& t : doc->tokens) {
    if (t.span.begin >= t.span.end || t.span.end > n) __builtin_trap();
  }
  for (const auto& s : doc->sentences) {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      int32_t head = doc->tokens[t].head;
      if (head >= 0 && (head < static_cast<int32_t>(s.token_begin) || head >= static_cast<int32_t>(s.token_end))) {
        __builtin_trap();
      }
    }
  }
  for (const auto& e : doc->events) {
    if (e.trigger.end > n || (e.source && *e.source >= doc->mentions.size())) __builtin_trap();
  }
  std::ostringstream out;
  eventmill::EventWriter writer(out, eventmill::OutputFormat::kJsonl, pipeline->codebook());
  writer.Write(*doc);
  eventmill::WriteParse(out, *doc, eventmill::ParseFormat::kConllu);
  return 0;
}
