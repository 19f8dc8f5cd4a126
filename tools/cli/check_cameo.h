// `eventmill check cameo EVENTTYPES.csv`: the event coder against the CAMEO codebook's
// example sentences, one per code.
#ifndef EVENTMILL_TOOLS_CLI_CHECK_CAMEO_H_
#define EVENTMILL_TOOLS_CLI_CHECK_CAMEO_H_

#include <ostream>
#include <string>

#include "eventmill/options.h"

namespace eventmill::cli {

// Codes each example sentence (columns `code` and `example`) and scores the code of the
// best-matching event: exact code, and root. Prints accuracy per root and a last line
// "passed N of M records" (exact code). Returns a CLI exit code.
int CheckCameo(const std::string& path, const PipelineOptions& options, bool verbose, std::ostream& out);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_CHECK_CAMEO_H_
