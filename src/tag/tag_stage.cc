#include "src/tag/tag_stage.h"

#include <algorithm>
#include <array>

#include "src/data/data_files.h"
#include "src/model/word_form.h"

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
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      input.words.push_back(model::ModelForm(doc.Slice(doc.tokens[t].span)));
    }
    model_.Prepare(input);
    std::vector<uint16_t> tags = model_.Tag(input);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      Token& token = doc.tokens[t];
      uint16_t cls = tags[t - s.token_begin];
      token.upos = model_.tag_class(cls).upos;
      token.xpos = model_.tag_class(cls).xpos;
      token.lemma = model_.Lemma(doc.Slice(token.span), cls);
      token.feats = model_.Feats(input.lower[t - s.token_begin], cls);
    }
    if (past_tense_) MarkPastTensesBeforeObjects(model_, *past_tense_, input, doc, s);
    MarkPerfectAuxiliaries(doc, s);
  }
  return Status::Ok();
}

void MarkPastTensesBeforeObjects(const TaggerModel& model, uint16_t past_tense, const TagInput& input, Document& doc,
                                 const Sentence& s) {
  static constexpr std::array<std::string_view, 14> kTimeUnits = {"second", "seconds", "minute", "minutes", "hour",
                                                                  "hours",  "day",     "days",   "week",    "weeks",
                                                                  "month",  "months",  "year",   "years"};
  static constexpr std::array<std::string_view, 31> kMonthsAndDays = {
      "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
      "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
      "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (uint32_t t = s.token_begin + 1; t + 1 < s.token_end; ++t) {
    Token& token = doc.tokens[t];
    const Token& before = doc.tokens[t - 1];
    const Token& after = doc.tokens[t + 1];
    // Before a name only after a plural ("rebels shelled Kassala", not "a man named Ali";
    // not "letters dated Jan 6", "25 years landlocked Afghanistan").
    const bool before_name =
        after.upos == "PROPN" && before.xpos == "NNS" &&
        std::find(kTimeUnits.begin(), kTimeUnits.end(), before.lower) == kTimeUnits.end() &&
        std::find(kMonthsAndDays.begin(), kMonthsAndDays.end(), after.lower) == kMonthsAndDays.end();
    if (token.upos != "ADJ" || !token.lower.ends_with("ed") || (before.upos != "NOUN" && before.upos != "PROPN") ||
        (after.upos != "DET" && after.upos != "NUM" && !before_name)) {
      continue;
    }
    // "the people injured two days ago": a number of units of time is no object.
    if (after.upos == "NUM" && t + 2 < s.token_end &&
        std::find(kTimeUnits.begin(), kTimeUnits.end(), doc.tokens[t + 2].lower) != kTimeUnits.end()) {
      continue;
    }
    const std::string_view word = input.words[t - s.token_begin];
    token.upos = "VERB";
    token.xpos = "VBD";
    token.lemma = model.Lemma(word, past_tense);
    token.feats = model.Feats(input.lower[t - s.token_begin], past_tense);
  }
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
