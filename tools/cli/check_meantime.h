// `eventmill check meantime DIR`: the time-expression finder against MEANTIME's TIMEX3
// annotations (NewsReader's token-level XML: <token t_id>, <TIMEX3> with <token_anchor>).
#ifndef EVENTMILL_TOOLS_CLI_CHECK_MEANTIME_H_
#define EVENTMILL_TOOLS_CLI_CHECK_MEANTIME_H_

#include <ostream>
#include <string>

#include "eventmill/options.h"

namespace eventmill::cli {

// Rebuilds each article's text from its tokens (one space apart, one line per sentence),
// dates it with the article's creation time (the TIMEX3 whose functionInDocument is
// CREATION_TIME, itself left out of the score) and compares eventmill's expressions with
// the annotated ones: detection precision, recall and F1, relaxed (any overlap) and strict
// (same words), and value and type accuracy on the expressions found. Prints, last,
// "passed N of M expressions" (found, with the annotated value). Returns a CLI exit code.
int CheckMeantime(const std::string& dir, const PipelineOptions& options, bool verbose, std::ostream& out);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_CHECK_MEANTIME_H_
