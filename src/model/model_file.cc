#include "src/model/model_file.h"

namespace eventmill::model {

static_assert(sizeof(float) == 4, "model files store IEEE-754 binary32");

ModelWriter::ModelWriter(const ModelHeader& header) {
  bytes_.append(kModelMagic);
  U32(kModelFormatVersion);
  Str(header.kind);
  Str(header.training_data_hash);
  Str(header.description);
}

Result<ModelReader> ModelReader::Open(std::string_view bytes, std::string_view kind, std::string_view name) {
  ModelReader r;
  r.name_ = std::string(name);
  if (bytes.substr(0, kModelMagic.size()) != kModelMagic) {
    return Status::CorruptData(r.name_ + ": not an eventmill model file");
  }
  r.bytes_ = bytes;
  r.pos_ = kModelMagic.size();
  uint32_t version = r.U32();
  if (r.ok() && version != kModelFormatVersion) {
    return Status::CorruptData(r.name_ + ": model format version " + std::to_string(version) +
                               ", this eventmill reads " + std::to_string(kModelFormatVersion));
  }
  r.header_.kind = r.Str();
  r.header_.training_data_hash = r.Str();
  r.header_.description = r.Str();
  if (!r.ok()) return r.status();
  if (r.header_.kind != kind) {
    return Status::CorruptData(r.name_ + ": a '" + r.header_.kind + "' model where a '" + std::string(kind) +
                               "' model was expected");
  }
  return r;
}

uint8_t ModelReader::U8() {
  if (!ok() || pos_ >= bytes_.size()) {
    Fail("truncated");
    return 0;
  }
  return static_cast<uint8_t>(bytes_[pos_++]);
}

std::string ModelReader::Str() {
  uint32_t n = U32();
  if (!ok()) return {};
  if (bytes_.size() - pos_ < n) {
    Fail("truncated string");
    return {};
  }
  std::string s(bytes_.substr(pos_, n));
  pos_ += n;
  return s;
}

uint32_t ModelReader::Count(size_t min_item_bytes) {
  uint32_t n = U32();
  if (ok() && min_item_bytes > 0 && n > (bytes_.size() - pos_) / min_item_bytes) {
    Fail("count " + std::to_string(n) + " exceeds the file");
    return 0;
  }
  return ok() ? n : 0;
}

void ModelReader::Fail(const std::string& why) {
  if (failure_.empty()) failure_ = why + " at byte " + std::to_string(pos_);
}

Status ModelReader::status() const { return ok() ? Status::Ok() : Status::CorruptData(name_ + ": " + failure_); }

}  // namespace eventmill::model
