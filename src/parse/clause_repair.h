// Repairs of the parse that news text needs and the treebank rarely teaches.
#ifndef EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_
#define EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_

#include "eventmill/document.h"

namespace eventmill::parse {

// "Officials said Tuesday that Russia shelled Kharkiv": news puts a bare day between a
// verb of saying and its "that" clause, and a parser trained on web text hangs the clause on
// the day as a relative clause or complement ("Tuesday that ..."). A "that" clause hung on a time word
// ("Tuesday", "on Friday", "yesterday", "last week") that itself hangs on a verb right
// before it becomes that verb's complement (ccomp). Other clauses are left as parsed.
void RepairClausesOnTimeWords(Document& doc, const Sentence& sentence);

}  // namespace eventmill::parse

#endif  // EVENTMILL_SRC_PARSE_CLAUSE_REPAIR_H_
