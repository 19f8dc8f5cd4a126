#include <charconv>
#include <cstdio>

#include "eventmill/output.h"
#include "src/write/text_format.h"

namespace eventmill {

using write::AppendJsonActor;
using write::AppendNullableString;
using write::AppendNumber;

namespace {

constexpr std::string_view kTsvColumns[] = {"doc",
                                            "doc_date",
                                            "doc_date_origin",
                                            "sentence_index",
                                            "span_begin",
                                            "span_end",
                                            "date",
                                            "date_precision",
                                            "date_origin",
                                            "source_code",
                                            "source_country",
                                            "source_org",
                                            "source_name",
                                            "source_text",
                                            "target_code",
                                            "target_country",
                                            "target_org",
                                            "target_name",
                                            "target_text",
                                            "cameo",
                                            "root",
                                            "label",
                                            "goldstein",
                                            "quad_class",
                                            "plover_type",
                                            "plover_mode",
                                            "trigger",
                                            "sentence"};

void AppendDouble(std::string& out, double d) {
  char buffer[32];
  int n = std::snprintf(buffer, sizeof buffer, "%.1f", d);
  out.append(buffer, static_cast<size_t>(n));
}

// TSV cells hold no tabs or line breaks: they become spaces.
void AppendTsvCell(std::string& out, std::string_view s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

namespace write {

void AppendNullableString(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, s);
  }
}

void AppendJsonActor(std::string& out, const Document& doc, const std::optional<uint32_t>& index) {
  if (!index) {
    out += "null";
    return;
  }
  const ActorMention& m = doc.mentions[*index];
  out += "{\"code\":";
  AppendNullableString(out, m.actor.code);
  out += ",\"country\":";
  AppendNullableString(out, m.actor.country);
  out += ",\"org\":";
  AppendNullableString(out, m.actor.org);
  out += ",\"name\":";
  AppendNullableString(out, m.actor.name);
  out += ",\"text\":";
  AppendJsonString(out, doc.Slice(m.span));
  out += ",\"span\":";
  write::AppendJsonSpan(out, m.span);
  out += "}";
}

}  // namespace write

void AppendJsonString(std::string& out, std::string_view value) {
  out += '"';
  for (unsigned char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

EventWriter::EventWriter(std::ostream& out, OutputFormat format, const Codebook& codebook)
    : out_(out), format_(format), codebook_(codebook) {}

void EventWriter::Begin() {
  if (format_ != OutputFormat::kTsv) return;
  std::string header;
  for (std::string_view column : kTsvColumns) {
    if (!header.empty()) header += '\t';
    header += column;
  }
  out_ << header << '\n';
}

size_t EventWriter::Write(const Document& doc) {
  size_t written = 0;
  for (const Event& event : doc.events) {
    const CameoEventType* type = codebook_.Find(event.cameo);
    if (!type) continue;  // the lexicon is checked against the codebook when loaded
    const Sentence& sentence = doc.sentences[event.sentence];
    std::string doc_date = doc.meta.date ? doc.meta.date->ToIso() : "";
    std::string date = event.date ? event.date->ToIso() : "";
    buffer_.clear();
    if (format_ == OutputFormat::kJsonl) {
      buffer_ += "{\"doc\":";
      AppendJsonString(buffer_, doc.meta.id);
      buffer_ += ",\"doc_date\":";
      AppendNullableString(buffer_, doc_date);
      buffer_ += ",\"doc_date_origin\":";
      AppendJsonString(buffer_, ToString(doc.meta.date_origin));
      buffer_ += ",\"sentence_index\":";
      AppendNumber(buffer_, event.sentence);
      buffer_ += ",\"sentence\":";
      AppendJsonString(buffer_, doc.Slice(sentence.span));
      buffer_ += ",\"span\":";
      write::AppendJsonSpan(buffer_, sentence.span);
      buffer_ += ",\"trigger\":{\"text\":";
      AppendJsonString(buffer_, doc.Slice(event.trigger));
      buffer_ += ",\"span\":";
      write::AppendJsonSpan(buffer_, event.trigger);
      buffer_ += "},\"date\":";
      AppendNullableString(buffer_, date);
      buffer_ += ",\"date_precision\":";
      if (event.date_precision == DatePrecision::kNone) {
        buffer_ += "null";
      } else {
        AppendJsonString(buffer_, ToString(event.date_precision));
      }
      buffer_ += ",\"date_origin\":";
      AppendJsonString(buffer_, ToString(event.date_origin));
      buffer_ += ",\"source\":";
      AppendJsonActor(buffer_, doc, event.source);
      buffer_ += ",\"target\":";
      AppendJsonActor(buffer_, doc, event.target);
      buffer_ += ",\"cameo\":";
      AppendJsonString(buffer_, type->code);
      buffer_ += ",\"root\":";
      AppendJsonString(buffer_, type->root);
      buffer_ += ",\"label\":";
      AppendJsonString(buffer_, type->label);
      buffer_ += ",\"goldstein\":";
      AppendDouble(buffer_, type->goldstein);
      buffer_ += ",\"quad_class\":";
      AppendNumber(buffer_, static_cast<uint64_t>(type->quad_class));
      buffer_ += ",\"plover\":";
      if (type->plover_type.empty()) {
        buffer_ += "null";
      } else {
        buffer_ += "{\"type\":";
        AppendJsonString(buffer_, type->plover_type);
        buffer_ += ",\"mode\":";
        AppendNullableString(buffer_, type->plover_mode);
        buffer_ += '}';
      }
      buffer_ += "}\n";
    } else {
      auto actor_cells = [&](const std::optional<uint32_t>& index) {
        const ActorMention* m = index ? &doc.mentions[*index] : nullptr;
        for (std::string_view v : {m ? std::string_view(m->actor.code) : "",
                                   m ? std::string_view(m->actor.country) : "", m ? std::string_view(m->actor.org) : "",
                                   m ? std::string_view(m->actor.name) : "", m ? doc.Slice(m->span) : ""}) {
          AppendTsvCell(buffer_, v);
          buffer_ += '\t';
        }
      };
      AppendTsvCell(buffer_, doc.meta.id);
      buffer_ += '\t';
      buffer_ += doc_date + '\t';
      buffer_ += std::string(ToString(doc.meta.date_origin)) + '\t';
      AppendNumber(buffer_, event.sentence);
      buffer_ += '\t';
      AppendNumber(buffer_, sentence.span.begin);
      buffer_ += '\t';
      AppendNumber(buffer_, sentence.span.end);
      buffer_ += '\t';
      buffer_ += date + '\t';
      buffer_ +=
          (event.date_precision == DatePrecision::kNone ? std::string() : std::string(ToString(event.date_precision))) +
          '\t';
      buffer_ += std::string(ToString(event.date_origin)) + '\t';
      actor_cells(event.source);
      actor_cells(event.target);
      buffer_ += type->code + '\t' + type->root + '\t' + type->label + '\t';
      AppendDouble(buffer_, type->goldstein);
      buffer_ += '\t';
      AppendNumber(buffer_, static_cast<uint64_t>(type->quad_class));
      buffer_ += '\t' + type->plover_type + '\t' + type->plover_mode + '\t';
      AppendTsvCell(buffer_, doc.Slice(event.trigger));
      buffer_ += '\t';
      AppendTsvCell(buffer_, doc.Slice(sentence.span));
      buffer_ += '\n';
    }
    out_ << buffer_;
    ++written;
  }
  return written;
}

}  // namespace eventmill
