// eventmill: news text in, political event data out. Include this one header.
#ifndef EVENTMILL_EVENTMILL_H_
#define EVENTMILL_EVENTMILL_H_

#include "eventmill/civil_date.h"
#include "eventmill/codebook.h"
#include "eventmill/document.h"
#include "eventmill/options.h"
#include "eventmill/output.h"
#include "eventmill/pipeline.h"
#include "eventmill/reader.h"
#include "eventmill/status.h"

namespace eventmill {

// The library version, "MAJOR.MINOR.PATCH".
const char* Version();

}  // namespace eventmill

#endif  // EVENTMILL_EVENTMILL_H_
