// The stage interface: one step of the pipeline.
//
// A stage reads what earlier stages put into the Document and adds its own layer. Stages
// are built once (loading their data) and are immutable afterwards: Process is const and
// keeps no state between documents, so one stage serves many threads.
#ifndef EVENTMILL_SRC_PIPELINE_STAGE_H_
#define EVENTMILL_SRC_PIPELINE_STAGE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "eventmill/codebook.h"
#include "eventmill/document.h"
#include "eventmill/options.h"
#include "eventmill/status.h"

namespace eventmill {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Status Process(Document& doc) const = 0;
};

// What stages may consult while they are built.
struct StageContext {
  const PipelineOptions& options;
  const Codebook& codebook;
};

// Builds the stages in pipeline order. This is the one place that lists them.
Result<std::vector<std::unique_ptr<Stage>>> BuildStages(const StageContext& context);

}  // namespace eventmill

#endif  // EVENTMILL_SRC_PIPELINE_STAGE_H_
