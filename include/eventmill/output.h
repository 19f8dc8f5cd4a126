// Writers for coded events: one record per event mention, in eventmill's output contract.
//
// JSONL fields (stable; later versions add fields, never rename them):
//   doc, doc_date, doc_date_origin, sentence_index, sentence, span, trigger, date,
//   date_precision, date_origin, source, target, cameo, root, label, goldstein,
//   quad_class, plover.
// `span` and `trigger.span` are UTF-8 byte offsets into the document text.
#ifndef EVENTMILL_OUTPUT_H_
#define EVENTMILL_OUTPUT_H_

#include <ostream>
#include <string>

#include "eventmill/codebook.h"
#include "eventmill/document.h"

namespace eventmill {

enum class OutputFormat { kJsonl, kTsv };

class EventWriter {
 public:
  // `out` and `codebook` must outlive the writer.
  EventWriter(std::ostream& out, OutputFormat format, const Codebook& codebook);

  // Writes the TSV header line; a no-op for JSONL.
  void Begin();
  // Writes every event of `doc`; returns how many.
  size_t Write(const Document& doc);

 private:
  std::ostream& out_;
  OutputFormat format_;
  const Codebook& codebook_;
  std::string buffer_;
};

enum class ParseFormat { kConllu, kJsonl };

// Writes the sentences of `doc` with their tokens, tags, lemmas and dependency tree.
// CoNLL-U: `# newdoc id`, then per sentence `# sent_id = DOC-N` and `# text`, ten columns
// per token (DEPS empty), MISC with SpaceAfter=No and TokenRange=BEGIN:END
// (byte offsets). JSONL: one object per sentence with the same information.
void WriteParse(std::ostream& out, const Document& doc, ParseFormat format);

// Writes the time expressions of `doc`, one JSON object per line: doc, sentence_index,
// text, span ([begin, end] byte offsets into the document text), type (DATE, TIME,
// DURATION, SET), value (TIMEX3), and, where the expression names a day, week, month or
// year, date (its first day) and precision. Returns the number of lines written.
size_t WriteTimexes(std::ostream& out, const Document& doc);

// Appends `value` to `out` as a JSON string literal, quotes included.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace eventmill

#endif  // EVENTMILL_OUTPUT_H_
