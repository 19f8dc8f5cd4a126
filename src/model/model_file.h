// eventmill's binary model files: self-describing, versioned, checked on load.
//
// Layout (all integers little-endian):
//   "EVMLMODL"                 8-byte magic
//   u32 format version         kModelFormatVersion
//   str kind                   "tagger", "parser", ...
//   str training data hash     SHA-256 (hex) of the treebank the model was trained on
//   str description            free text: corpus, date, settings
//   ... kind-specific payload written with ModelWriter, read with ModelReader
// where `str` is a u32 length followed by that many bytes. Readers check every length
// against the bytes that remain, so a truncated or corrupt file is refused, not misread.
#ifndef EVENTMILL_SRC_MODEL_MODEL_FILE_H_
#define EVENTMILL_SRC_MODEL_MODEL_FILE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::model {

inline constexpr std::string_view kModelMagic = "EVMLMODL";
// 2: tagger and parser carry their word clusters; 3: the tagger takes a second look at
// past tenses and participles, the parser reads (UPOS, XPOS).
inline constexpr uint32_t kModelFormatVersion = 3;

struct ModelHeader {
  std::string kind;
  std::string training_data_hash;
  std::string description;
};

class ModelWriter {
 public:
  explicit ModelWriter(const ModelHeader& header);
  void U8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, sizeof v); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void Raw(const void* p, size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  std::string bytes_;
};

class ModelReader {
 public:
  // Checks magic, version and `kind`; `name` is used in error messages.
  static Result<ModelReader> Open(std::string_view bytes, std::string_view kind, std::string_view name);

  const ModelHeader& header() const { return header_; }
  // Each read fails (and stays failed) once the data runs out; check ok() or status().
  uint8_t U8();
  uint16_t U16() { return Fixed<uint16_t>(); }
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  float F32() { return Fixed<float>(); }
  std::string Str();
  // A count of items that each take at least `min_item_bytes`: fails when the rest of the
  // file cannot hold them, so a corrupt count never drives a huge allocation.
  uint32_t Count(size_t min_item_bytes);
  void Fail(const std::string& why);
  bool ok() const { return failure_.empty(); }
  bool AtEnd() const { return pos_ == bytes_.size(); }
  Status status() const;

 private:
  template <typename T>
  T Fixed() {
    T v{};
    if (!ok() || bytes_.size() - pos_ < sizeof v) {
      Fail("truncated");
      return v;
    }
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  std::string name_;
  std::string failure_;
  ModelHeader header_;
};

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_MODEL_FILE_H_
