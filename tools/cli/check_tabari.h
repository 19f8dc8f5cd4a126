// `eventmill check tabari PROJECT`: TABARI's own validation records, coded with the
// dictionaries the TABARI project file names.
#ifndef EVENTMILL_TOOLS_CLI_CHECK_TABARI_H_
#define EVENTMILL_TOOLS_CLI_CHECK_TABARI_H_

#include <ostream>
#include <string>

namespace eventmill::cli {

// Reads the project file (its <actorsfile>, <agentsfile>, <verbsfile> and <textfile>),
// codes each validation record before the "FINAL" record through eventmill's tokenizer and
// sentence splitter with the TABARI coder, and compares the events with the record's
// expected ones ("{ SRC / TGT / CODE }", or "{---}" none, "{+++}" too complex to code,
// "{###}" discarded: these pass when nothing is coded). Prints each failing record with
// expected and coded events, a tally by kind, and last "passed N of M records". Records
// that only set TABARI options are not counted. Returns a CLI exit code.
int CheckTabari(const std::string& project_path, bool verbose, std::ostream& out);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_CHECK_TABARI_H_
