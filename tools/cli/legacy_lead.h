// What the TABARI and PETRARCH validation runners share: one record's lead coded through
// eventmill's pipeline and the legacy coder, and how expected and coded events are printed.
#ifndef EVENTMILL_TOOLS_CLI_LEGACY_LEAD_H_
#define EVENTMILL_TOOLS_CLI_LEGACY_LEAD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/civil_date.h"
#include "eventmill/pipeline.h"
#include "src/legacy/tabari_coder.h"

namespace eventmill::cli {

struct CodedLead {
  std::vector<std::string> events;                                      // "SRC/TGT/CODE", sorted
  std::vector<std::string> read_as;                                     // each sentence as the coder read it
  std::vector<std::string> rules;                                       // "SRC/TGT/CODE from .verbs line N"
  legacy::SentenceOutcome outcome = legacy::SentenceOutcome::kNoEvent;  // kDiscarded or kComplex if any sentence was
  std::optional<legacy::LegacyActor> first_source;                      // of the first event coded
};

// Codes a record's lead (its line breaks are a paragraph's wrapping) dated `date`, with the
// actor a story forwards to it (TABARI's FORWARD) if any. A lead the pipeline cannot read
// codes nothing.
CodedLead CodeLead(const Pipeline& pipeline, const legacy::TabariCoder& coder, std::string_view text,
                   const std::string& id, const std::string& source, const std::optional<CivilDate>& date,
                   const legacy::TabariOptions& options, const std::string* forwarded = nullptr);

// Validation files are Latin-1 or worse in places and the pipeline takes UTF-8 only: bytes
// that are not ASCII (and control bytes but line breaks and tabs) become spaces. The
// records are English.
std::string AsciiOnly(std::string_view text);

// The events joined by spaces, "(none)" for none.
std::string JoinEvents(const std::vector<std::string>& events);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_LEGACY_LEAD_H_
