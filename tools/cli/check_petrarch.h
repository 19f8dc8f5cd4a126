// `eventmill check petrarch RECORDS.xml --dictionaries DIR`: PETRARCH's unit-test records,
// coded from each record's text through eventmill's own tokenizer, tagger and parser (never
// the stored CoreNLP parse) with the PETRARCH dictionaries the records' <Environment> names.
#ifndef EVENTMILL_TOOLS_CLI_CHECK_PETRARCH_H_
#define EVENTMILL_TOOLS_CLI_CHECK_PETRARCH_H_

#include <ostream>
#include <string>

namespace eventmill::cli {

// Codes every record before "FINAL-RECORD" and compares the events with its expected
// <EventCoding>s: all events, no more and no fewer ("noevents" passes when nothing is
// coded; "storydiscard"/"sentencediscard" when a discard phrase stops the coding; other
// errors — a dateline, a broken stored parse — pass when nothing is coded). Prints each
// failing record with expected and coded events, a tally by category, and last "passed N
// of M records". Returns a CLI exit code.
int CheckPetrarch(const std::string& records_path, const std::string& dictionaries_dir, bool verbose,
                  std::ostream& out);

}  // namespace eventmill::cli

#endif  // EVENTMILL_TOOLS_CLI_CHECK_PETRARCH_H_
