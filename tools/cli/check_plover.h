// `eventmill check plover RECORDS.json`: the event coder against PLOVER gold records.
#ifndef EVENTMILL_TOOLS_CLI_CHECK_PLOVER_H_
#define EVENTMILL_TOOLS_CLI_CHECK_PLOVER_H_

#include <ostream>
#include <string>

#include "eventmill/options.h"

namespace eventmill::cli {

// Codes each record's sentence and compares event type (PLOVER), source and target
// country with the record. Prints accuracy per event type and, last, "passed N of M
// records" (type, source and target all right). Returns a CLI exit code.
int CheckPlover(const std::string& path, const PipelineOptions& options, bool verbose, std::ostream& out);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_CHECK_PLOVER_H_
