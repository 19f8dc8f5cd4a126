// The pipeline: raw document text in, coded events out.
//
// A Pipeline is built once from PipelineOptions (loading the codebook, the actor
// dictionary and the event lexicon) and is immutable afterwards, so one Pipeline may code
// documents from many threads at once.
#ifndef EVENTMILL_PIPELINE_H_
#define EVENTMILL_PIPELINE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "eventmill/codebook.h"
#include "eventmill/document.h"
#include "eventmill/options.h"
#include "eventmill/status.h"

namespace eventmill {

class Pipeline {
 public:
  // Loads every data file the stages need. Fails with kCorruptData, kNotFound or kIoError
  // when a data file is malformed, missing or unreadable, or when options.data_dir is set
  // but is not a directory.
  static Result<Pipeline> Create(const PipelineOptions& options);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Runs every stage over `doc` in order. On failure `doc` holds what the stages before
  // the failing one produced, and the Status names the stage.
  Status Process(Document& doc) const;

  const Codebook& codebook() const;
  // The stage names in the order they run.
  std::vector<std::string_view> StageNames() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace eventmill

#endif  // EVENTMILL_PIPELINE_H_
