// Readers turn input files into Documents.
//
// Inputs are files, directories (read recursively, in name order) or "-" for standard
// input. A `.jsonl`/`.ndjson` file holds one JSON object per line with fields `id`, `date`,
// `title`, `url` and `text`; anything else is plain text whose first line may be
// `date YYYY-MM-DD` followed by the text. Inside directories only `.txt`, `.text`,
// `.jsonl`, `.ndjson` and extension-less files are read; hidden files and folders
// (".name") are skipped. An input that cannot be read (missing, binary,
// not UTF-8, empty, bad JSON) is reported through the error callback with its name, and
// reading goes on with the next input or record.
#ifndef EVENTMILL_READER_H_
#define EVENTMILL_READER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill {

struct ReaderOptions {
  // Inputs larger than this are refused. Default: 256 MiB.
  size_t max_input_bytes = size_t{256} << 20;
  // One JSONL record or one plain-text document larger than this is refused. Default: 16 MiB.
  size_t max_document_bytes = size_t{16} << 20;
};

struct InputError {
  std::string input;  // "path", "path:line" for a JSONL record, or "-" for standard input
  Status status;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// Reads every input, handing each document to `on_document` as soon as it is read.
void ReadInputs(const std::vector<std::string>& inputs, const ReaderOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error);

// Builds a Document from plain text; `id` and `input` name it. Recognises the
// `date YYYY-MM-DD` first line. Fails on NUL bytes or invalid UTF-8.
Result<Document> DocumentFromText(std::string text, std::string id, std::string input);

// Builds a Document from one JSONL line.
Result<Document> DocumentFromJsonLine(std::string_view line, std::string input);

}  // namespace eventmill

#endif  // EVENTMILL_READER_H_
