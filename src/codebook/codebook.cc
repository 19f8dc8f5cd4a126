#include "eventmill/codebook.h"

#include <charconv>

#include "src/data/data_files.h"

namespace eventmill {

int QuadClassOfRoot(std::string_view root) {
  if (root.size() != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9') return 0;
  int value = (root[0] - '0') * 10 + (root[1] - '0');
  if (value >= 1 && value <= 5) return 1;
  if (value >= 6 && value <= 8) return 2;
  if (value >= 9 && value <= 13) return 3;
  if (value >= 14 && value <= 20) return 4;
  return 0;
}

Result<Codebook> Codebook::Parse(std::string_view text) {
  auto rows = data::ParseTable(text, "codebook", "eventmill-codebook", 1);
  if (!rows.ok()) return rows.status();
  Codebook codebook;
  for (const data::Row& row : *rows) {
    auto fail = [&](const std::string& why) {
      return Status::CorruptData("codebook line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 5) return fail("expected at least 5 tab-separated fields");
    CameoEventType type;
    type.code = std::string(row.fields[0]);
    if (type.code.size() < 2 || type.code.size() > 4 ||
        type.code.find_first_not_of("0123456789") != std::string::npos) {
      return fail("bad CAMEO code '" + type.code + "'");
    }
    type.root = type.code.substr(0, 2);
    type.quad_class = QuadClassOfRoot(type.root);
    if (type.quad_class == 0) return fail("CAMEO root out of range in '" + type.code + "'");
    type.label = std::string(row.fields[1]);
    std::string_view g = row.fields[2];
    // from_chars for double is available in libstdc++ 11+.
    auto [end, ec] = std::from_chars(g.data(), g.data() + g.size(), type.goldstein);
    if (ec != std::errc() || end != g.data() + g.size() || type.goldstein < -10 || type.goldstein > 10) {
      return fail("bad Goldstein value '" + std::string(g) + "'");
    }
    type.plover_type = std::string(row.fields[3]);
    type.plover_mode = std::string(row.fields[4]);
    if (codebook.index_.count(type.code)) return fail("duplicate code " + type.code);
    codebook.index_.emplace(type.code, codebook.types_.size());
    codebook.types_.push_back(std::move(type));
  }
  if (codebook.types_.empty()) return Status::CorruptData("codebook has no codes");
  return codebook;
}

const CameoEventType* Codebook::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &types_[it->second];
}

}  // namespace eventmill
