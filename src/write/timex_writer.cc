#include <ostream>
#include <string>

#include "eventmill/output.h"

namespace eventmill {

size_t WriteTimexes(std::ostream& out, const Document& doc) {
  std::string buffer;
  for (const Timex& timex : doc.timexes) {
    buffer += "{\"doc\":";
    AppendJsonString(buffer, doc.meta.id);
    buffer += ",\"doc_date\":";
    if (doc.meta.date) {
      AppendJsonString(buffer, doc.meta.date->ToIso());
    } else {
      buffer += "null";
    }
    buffer += ",\"sentence_index\":" + std::to_string(timex.sentence);
    buffer += ",\"text\":";
    AppendJsonString(buffer, doc.Slice(timex.span));
    buffer += ",\"span\":[" + std::to_string(timex.span.begin) + "," + std::to_string(timex.span.end) + "]";
    buffer += ",\"type\":";
    AppendJsonString(buffer, ToString(timex.type));
    buffer += ",\"value\":";
    AppendJsonString(buffer, timex.value);
    if (timex.date) {
      buffer += ",\"date\":";
      AppendJsonString(buffer, timex.date->ToIso());
      buffer += ",\"precision\":";
      AppendJsonString(buffer, ToString(timex.precision));
    }
    buffer += "}\n";
  }
  out << buffer;
  return doc.timexes.size();
}

}  // namespace eventmill
