#include "eventmill/reader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "src/read/utf8.h"

namespace eventmill {

namespace fs = std::filesystem;

namespace {

// Plain text and JSONL are told apart by the file name; other names in a directory are
// not inputs (a stray image or archive beside the articles is not an article).
enum class InputKind { kText, kJsonl, kNotAnInput };

InputKind KindOfPath(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".jsonl" || ext == ".ndjson") return InputKind::kJsonl;
  if (ext.empty() || ext == ".txt" || ext == ".text") return InputKind::kText;
  return InputKind::kNotAnInput;
}

Status CheckText(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return Status::InvalidInput("binary data (NUL byte at offset " + std::to_string(text.find('\0')) + ")");
  }
  size_t bad = read::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::InvalidInput("not valid UTF-8 (byte offset " + std::to_string(bad) + ")");
  }
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::InvalidInput("empty: no text to code");
  }
  return Status::Ok();
}

// Recognises a leading `date YYYY-MM-DD` (optionally after white space) as the document
// date; the header is kept in the text but marked removed, so offsets stay those of the file.
void TakeDateHeader(Document& doc) {
  std::string_view text = doc.text;
  size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // byte order mark
    doc.removed.push_back({{0, 3}, "metadata"});
    start = 3;
  }
  size_t p = text.find_first_not_of(" \t", start);
  if (p == std::string_view::npos || text.substr(p, 5) != "date ") return;
  auto date = CivilDate::Parse(text.substr(p + 5, 10));
  if (!date) return;
  size_t end = p + 15;
  if (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r') return;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  doc.meta.date = date;
  doc.meta.date_origin = DocumentDateOrigin::kMetadata;
  doc.removed.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, "metadata"});
}

Result<std::string> ReadWholeFile(const fs::path& path, size_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Status::IoError(ec.message());
  if (size > max_bytes) {
    return Status::InvalidInput("too large (" + std::to_string(size) + " bytes; limit " + std::to_string(max_bytes) +
                                ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open for reading");
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError("read failed");
  return contents;
}

Result<std::string> ReadStdin(size_t max_bytes) {
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    contents.append(buffer, n);
    if (contents.size() > max_bytes) return Status::InvalidInput("too large");
  }
  if (std::ferror(stdin)) return Status::IoError("read failed");
  return contents;
}

void ReadJsonl(std::string_view contents, const std::string& name, const ReaderOptions& options,
               const DocumentSink& on_document, const ErrorSink& on_error) {
  size_t pos = 0;
  size_t line_number = 0;
  bool any = false;
  while (pos < contents.size()) {
    size_t eol = contents.find('\n', pos);
    if (eol == std::string_view::npos) eol = contents.size();
    std::string_view line = contents.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    any = true;
    std::string where = name + ":" + std::to_string(line_number);
    if (line.size() > options.max_document_bytes) {
      on_error({where, Status::InvalidInput("record too large")});
      continue;
    }
    auto doc = DocumentFromJsonLine(line, where);
    if (!doc.ok()) {
      on_error({where, doc.status()});
      continue;
    }
    on_document(std::move(doc).value());
  }
  if (!any) on_error({name, Status::InvalidInput("empty: no JSON records")});
}

void ReadOne(const std::string& name, InputKind kind, std::string contents, const ReaderOptions& options,
             const DocumentSink& on_document, const ErrorSink& on_error) {
  if (kind == InputKind::kJsonl) {
    ReadJsonl(contents, name, options, on_document, on_error);
    return;
  }
  if (contents.size() > options.max_document_bytes) {
    on_error({name, Status::InvalidInput("document too large")});
    return;
  }
  std::string id = name == "-" ? "stdin" : fs::path(name).stem().string();
  auto doc = DocumentFromText(std::move(contents), std::move(id), name);
  if (!doc.ok()) {
    on_error({name, doc.status()});
    return;
  }
  on_document(std::move(doc).value());
}

}  // namespace

Result<Document> DocumentFromText(std::string text, std::string id, std::string input) {
  Status valid = CheckText(text);
  if (!valid.ok()) return valid;
  if (text.size() >= UINT32_MAX) return Status::InvalidInput("document too large");
  Document doc;
  doc.text = std::move(text);
  doc.meta.id = std::move(id);
  doc.meta.input = std::move(input);
  TakeDateHeader(doc);
  return doc;
}

Result<Document> DocumentFromJsonLine(std::string_view line, std::string input) {
  // The JSON parser reports errors by exception; it is caught here, at the reader's
  // boundary, and never escapes the library.
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("not valid JSON: ") + e.what());
  }
  if (!record.is_object()) return Status::InvalidInput("a JSONL record must be a JSON object");
  auto string_field = [&](const char* key, std::string& out) -> Status {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return Status::Ok();
    if (it->is_string()) {
      out = it->get<std::string>();
    } else if (it->is_number_integer() && std::string_view(key) == "id") {
      out = it->dump();
    } else {
      return Status::InvalidInput(std::string("field '") + key + "' must be a string");
    }
    return Status::Ok();
  };
  Document doc;
  std::string text, date;
  for (auto [key, out] : {std::pair{"id", &doc.meta.id}, std::pair{"title", &doc.meta.title},
                          std::pair{"url", &doc.meta.url}, std::pair{"text", &text}, std::pair{"date", &date}}) {
    Status s = string_field(key, *out);
    if (!s.ok()) return s;
  }
  if (!record.contains("text")) return Status::InvalidInput("record has no 'text' field");
  Status valid = CheckText(text);
  if (!valid.ok()) return valid;
  if (text.size() >= UINT32_MAX) return Status::InvalidInput("document too large");
  if (!date.empty()) {
    // Accepts "YYYY-MM-DD" and ISO timestamps that start with one.
    auto parsed = CivilDate::Parse(std::string_view(date).substr(0, 10));
    if (!parsed || (date.size() > 10 && date[10] != 'T' && date[10] != ' ')) {
      return Status::InvalidInput("field 'date' is not a YYYY-MM-DD date: '" + date + "'");
    }
    doc.meta.date = parsed;
    doc.meta.date_origin = DocumentDateOrigin::kMetadata;
  }
  if (doc.meta.id.empty()) doc.meta.id = input;
  doc.meta.input = std::move(input);
  doc.text = std::move(text);
  return doc;
}

void ReadInputs(const std::vector<std::string>& inputs, const ReaderOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      auto contents = ReadStdin(options.max_input_bytes);
      if (!contents.ok()) {
        on_error({input, contents.status()});
        continue;
      }
      size_t first = contents->find_first_not_of(" \t\r\n");
      InputKind kind = first != std::string::npos && (*contents)[first] == '{' ? InputKind::kJsonl : InputKind::kText;
      ReadOne(input, kind, std::move(contents).value(), options, on_document, on_error);
      continue;
    }
    std::error_code ec;
    fs::path path(input);
    auto status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      on_error({input, Status::IoError(ec.message())});
      continue;
    }
    if (!fs::exists(status)) {
      on_error({input, Status::NotFound("no such file or directory")});
      continue;
    }
    std::vector<fs::path> files;
    if (fs::is_directory(status)) {
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string leaf = it->path().filename().string();
        std::error_code entry_ec;
        if (!leaf.empty() && leaf[0] == '.') {
          if (it->is_directory(entry_ec)) it.disable_recursion_pending();
          continue;
        }
        bool regular = it->is_regular_file(entry_ec);
        if (entry_ec) {
          on_error({it->path().string(), Status::IoError(entry_ec.message())});
          continue;
        }
        if (regular && KindOfPath(it->path()) != InputKind::kNotAnInput) files.push_back(it->path());
      }
      if (ec) on_error({input, Status::IoError("cannot list directory: " + ec.message())});
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(path);
    }
    for (const fs::path& file : files) {
      auto contents = ReadWholeFile(file, options.max_input_bytes);
      if (!contents.ok()) {
        on_error({file.string(), contents.status()});
        continue;
      }
      InputKind kind = KindOfPath(file) == InputKind::kJsonl ? InputKind::kJsonl : InputKind::kText;
      ReadOne(file.string(), kind, std::move(contents).value(), options, on_document, on_error);
    }
  }
}

}  // namespace eventmill
