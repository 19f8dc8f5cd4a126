#include <charconv>

#include "eventmill/output.h"
#include "src/write/text_format.h"

namespace eventmill {

using write::AppendNumber;

namespace {

// CoNLL-U fields hold no tabs, line breaks or spaces where a form is expected.
void AppendField(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += '_';
    return;
  }
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

void WriteParse(std::ostream& out, const Document& doc, ParseFormat format) {
  std::string buffer;
  if (format == ParseFormat::kConllu) {
    buffer += "# newdoc id = ";
    AppendField(buffer, doc.meta.id);
    buffer += '\n';
  }
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const auto local = [&](int32_t head) -> int64_t {
      return head < 0 ? 0 : head - static_cast<int64_t>(s.token_begin) + 1;
    };
    if (format == ParseFormat::kConllu) {
      buffer += "# sent_id = ";
      AppendField(buffer, doc.meta.id);
      buffer += '-';
      AppendNumber(buffer, static_cast<int64_t>(si + 1));
      buffer += "\n# text = ";
      AppendField(buffer, doc.Slice(s.span));
      buffer += '\n';
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Token& token = doc.tokens[t];
        AppendNumber(buffer, t - s.token_begin + 1);
        buffer += '\t';
        AppendField(buffer, doc.Slice(token.span));
        buffer += '\t';
        AppendField(buffer, token.lemma);
        buffer += '\t';
        AppendField(buffer, token.upos);
        buffer += '\t';
        AppendField(buffer, token.xpos);
        buffer += '\t';
        AppendField(buffer, token.feats);
        buffer += '\t';
        AppendNumber(buffer, local(token.head));
        buffer += '\t';
        AppendField(buffer, token.deprel);
        buffer += "\t_\t";
        if (t + 1 < s.token_end && doc.tokens[t + 1].span.begin == token.span.end) buffer += "SpaceAfter=No|";
        buffer += "TokenRange=";
        AppendNumber(buffer, token.span.begin);
        buffer += ':';
        AppendNumber(buffer, token.span.end);
        buffer += '\n';
      }
      buffer += '\n';
    } else {
      buffer += "{\"doc\":";
      AppendJsonString(buffer, doc.meta.id);
      buffer += ",\"sentence_index\":";
      AppendNumber(buffer, static_cast<int64_t>(si));
      buffer += ",\"text\":";
      AppendJsonString(buffer, doc.Slice(s.span));
      buffer += ",\"span\":";
      write::AppendJsonSpan(buffer, s.span);
      buffer += ",\"tokens\":[";
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Token& token = doc.tokens[t];
        if (t > s.token_begin) buffer += ',';
        buffer += "{\"id\":";
        AppendNumber(buffer, t - s.token_begin + 1);
        buffer += ",\"form\":";
        AppendJsonString(buffer, doc.Slice(token.span));
        buffer += ",\"lemma\":";
        AppendJsonString(buffer, token.lemma);
        buffer += ",\"upos\":";
        AppendJsonString(buffer, token.upos);
        buffer += ",\"xpos\":";
        AppendJsonString(buffer, token.xpos);
        buffer += ",\"feats\":";
        AppendJsonString(buffer, token.feats);
        buffer += ",\"head\":";
        AppendNumber(buffer, local(token.head));
        buffer += ",\"deprel\":";
        AppendJsonString(buffer, token.deprel);
        buffer += ",\"span\":";
        write::AppendJsonSpan(buffer, token.span);
        buffer += "}";
      }
      // The actors the sentence names, as the events' source and target show them.
      buffer += "],\"actors\":[";
      bool first_actor = true;
      for (uint32_t m = 0; m < doc.mentions.size(); ++m) {
        if (doc.mentions[m].sentence != si) continue;
        if (!first_actor) buffer += ',';
        first_actor = false;
        write::AppendJsonActor(buffer, doc, m);
      }
      buffer += "]}\n";
    }
    out << buffer;
    buffer.clear();
  }
  out << buffer;
}

}  // namespace eventmill
