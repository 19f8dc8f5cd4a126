// The driver: builds the stages once, then runs them in order over each document.
#include "eventmill/pipeline.h"

#include <filesystem>

#include "eventmill/eventmill.h"
#include "src/data/data_files.h"
#include "src/pipeline/stage.h"

namespace eventmill {

const char* Version() { return EVENTMILL_VERSION; }

struct Pipeline::Impl {
  PipelineOptions options;
  Codebook codebook;
  std::vector<std::unique_ptr<Stage>> stages;
};

Pipeline::Pipeline(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  if (!options.data_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options.data_dir, ec)) {
      return Status::NotFound("data directory " + options.data_dir + " does not exist");
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto codebook_text = data::Load(options.data_dir, "codebook/cameo.tsv");
  if (!codebook_text.ok()) return codebook_text.status();
  auto codebook = Codebook::Parse(*codebook_text);
  if (!codebook.ok()) return codebook.status();
  impl->codebook = std::move(codebook).value();
  auto stages = BuildStages(StageContext{impl->options, impl->codebook});
  if (!stages.ok()) return stages.status();
  impl->stages = std::move(stages).value();
  return Pipeline(std::move(impl));
}

Status Pipeline::Process(Document& doc) const {
  for (const auto& stage : impl_->stages) {
    Status status = stage->Process(doc);
    if (!status.ok()) {
      return Status(status.code(), std::string(stage->name()) + " stage: " + status.message());
    }
  }
  return Status::Ok();
}

const Codebook& Pipeline::codebook() const { return impl_->codebook; }

std::vector<std::string_view> Pipeline::StageNames() const {
  std::vector<std::string_view> names;
  for (const auto& stage : impl_->stages) names.push_back(stage->name());
  return names;
}

}  // namespace eventmill
