// Stage "parse": a Universal Dependencies tree over every sentence.
#ifndef EVENTMILL_SRC_PARSE_PARSE_STAGE_H_
#define EVENTMILL_SRC_PARSE_PARSE_STAGE_H_

#include <memory>

#include "src/parse/parser.h"
#include "src/pipeline/stage.h"

namespace eventmill::parse {

// Needs the "tag" stage's XPOS tags. Sets Token::head (a token index, -1 for the root)
// and Token::deprel.
class ParseStage : public Stage {
 public:
  // Loads models/en_ewt.parser from the data (built in, or PipelineOptions::data_dir).
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  explicit ParseStage(ParserModel model) : model_(std::move(model)) {}
  std::string_view name() const override { return "parse"; }
  Status Process(Document& doc) const override;

 private:
  ParserModel model_;
};

}  // namespace eventmill::parse

#endif  // EVENTMILL_SRC_PARSE_PARSE_STAGE_H_
