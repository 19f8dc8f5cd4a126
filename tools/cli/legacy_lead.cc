#include "tools/cli/legacy_lead.h"

#include <algorithm>

#include "eventmill/reader.h"

namespace eventmill::cli {

CodedLead CodeLead(const Pipeline& pipeline, const legacy::TabariCoder& coder, std::string_view text,
                   const std::string& id, const std::string& source, const std::optional<CivilDate>& date,
                   const legacy::TabariOptions& options, const std::string* forwarded) {
  CodedLead lead;
  std::string paragraph(text);
  std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
  auto doc = DocumentFromText(paragraph, id, source);
  if (!doc.ok()) return lead;
  doc->meta.date = date;
  if (!pipeline.Process(*doc).ok()) return lead;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    legacy::LegacySentence result = coder.CodeSentence(*doc, s, date, options, forwarded);
    lead.read_as.push_back(coder.Explain(*doc, s, date, options, forwarded));
    if (result.outcome == legacy::SentenceOutcome::kDiscarded || result.outcome == legacy::SentenceOutcome::kComplex) {
      lead.outcome = result.outcome;
    }
    for (const legacy::LegacyEvent& e : result.events) {
      if (!lead.first_source) lead.first_source = e.source;
      lead.events.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
      lead.rules.push_back(lead.events.back() + " from .verbs line " + std::to_string(e.rule_line));
    }
  }
  std::sort(lead.events.begin(), lead.events.end());
  return lead;
}

std::string AsciiOnly(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c < 0x20 && c != '\n' && c != '\t')) c = ' ';
  }
  return out;
}

std::string JoinEvents(const std::vector<std::string>& events) {
  std::string s;
  for (const std::string& e : events) s += (s.empty() ? "" : " ") + e;
  return s.empty() ? std::string("(none)") : s;
}

}  // namespace eventmill::cli
