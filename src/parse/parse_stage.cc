#include "src/parse/parse_stage.h"

#include "src/data/data_files.h"
#include "src/model/word_form.h"
#include "src/parse/clause_repair.h"

namespace eventmill::parse {

Result<std::unique_ptr<Stage>> ParseStage::Create(const StageContext& context) {
  constexpr std::string_view kName = "models/en_ewt.parser";
  auto bytes = data::Load(context.options.data_dir, kName);
  if (!bytes.ok()) return bytes.status();
  auto model = ParserModel::Load(*bytes, kName);
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(new ParseStage(std::move(model).value()));
}

Status ParseStage::Process(Document& doc) const {
  ParseInput input;
  for (const Sentence& s : doc.sentences) {
    input.lower.clear();
    input.upos.clear();
    input.xpos.clear();
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      input.lower.push_back(std::string(model::ModelForm(doc.tokens[t].lower)));
      input.upos.push_back(doc.tokens[t].upos);
      input.xpos.push_back(doc.tokens[t].xpos);
    }
    std::vector<Arc> arcs = model_.Parse(input);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Arc& arc = arcs[t - s.token_begin];
      Token& token = doc.tokens[t];
      token.head = arc.head < 0 ? -1 : static_cast<int32_t>(s.token_begin) + arc.head;
      token.deprel = model_.labels()[static_cast<size_t>(arc.label)];
      // UD's rule: the word on the root, and only it, is "root".
      if (token.head < 0) {
        token.deprel = "root";
      } else if (token.deprel == "root") {
        token.deprel = "dep";
      }
    }
    RepairStrayConjuncts(doc, s);
    RepairReadinessSubjects(doc, s);
    RepairDescribedSubjects(doc, s);
    RepairSubjectsBeforeDayWords(doc, s);
    RepairClausesOnTimeWords(doc, s);
    RepairClausesAfterAs(doc, s);
    RepairVerblessSentences(doc, s);
    RepairFinalReportingClauses(doc, s);
    RepairNounsWithVerbRoles(doc, s);
  }
  return Status::Ok();
}

}  // namespace eventmill::parse
