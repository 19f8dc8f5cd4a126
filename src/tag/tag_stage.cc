#include "src/tag/tag_stage.h"

#include "src/data/data_files.h"

namespace eventmill::tag {

Result<std::unique_ptr<Stage>> TagStage::Create(const StageContext& context) {
  constexpr std::string_view kName = "models/en_ewt.tagger";
  auto bytes = data::Load(context.options.data_dir, kName);
  if (!bytes.ok()) return bytes.status();
  auto model = TaggerModel::Load(*bytes, kName);
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(new TagStage(std::move(model).value()));
}

Status TagStage::Process(Document& doc) const {
  TagInput input;
  for (const Sentence& s : doc.sentences) {
    input.words.clear();
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) input.words.push_back(doc.Slice(doc.tokens[t].span));
    model_.Prepare(input);
    std::vector<uint16_t> tags = model_.Tag(input);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      Token& token = doc.tokens[t];
      uint16_t cls = tags[t - s.token_begin];
      token.upos = model_.tag_class(cls).upos;
      token.xpos = model_.tag_class(cls).xpos;
      token.lemma = model_.Lemma(input.words[t - s.token_begin], cls);
      token.feats = model_.Feats(input.lower[t - s.token_begin], cls);
    }
    MarkPerfectAuxiliaries(doc, s);
  }
  return Status::Ok();
}

void MarkPerfectAuxiliaries(Document& doc, const Sentence& s) {
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    Token& have = doc.tokens[t];
    if (have.upos != "VERB" || have.lemma != "have") continue;
    uint32_t next = t + 1;
    while (next < s.token_end && (doc.tokens[next].xpos == "RB" || doc.tokens[next].lower == "n't")) ++next;
    if (next < s.token_end && doc.tokens[next].upos == "VERB" && doc.tokens[next].xpos == "VBN") have.upos = "AUX";
  }
}

}  // namespace eventmill::tag
