#include "src/legacy/tabari_stage.h"

#include <algorithm>

#include "src/data/data_files.h"
#include "src/legacy/petrarch_records.h"
#include "src/legacy/tabari_records.h"

namespace eventmill::legacy {

Result<std::unique_ptr<Stage>> TabariStage::Create(const StageContext& context) {
  auto dictionaries = context.options.petrarch_config.empty()
                          ? LoadTabariDictionaries(context.options.tabari_project)
                          : LoadPetrarchDictionaries(context.options.petrarch_config);
  if (!dictionaries.ok()) return dictionaries.status();
  auto table = data::Load(context.options.data_dir, "actors/countries.tsv");
  if (!table.ok()) return table.status();
  auto rows = data::ParseTable(*table, "countries", "eventmill-countries", 1);
  if (!rows.ok()) return rows.status();
  std::unordered_set<std::string> countries;
  for (const data::Row& row : *rows) {
    if (!row.fields.empty() && row.fields[0].size() == 3) countries.emplace(row.fields[0]);
  }
  return std::unique_ptr<Stage>(
      new TabariStage(TabariCoder(std::move(dictionaries).value()), context.codebook, std::move(countries)));
}

Status TabariStage::Process(Document& doc) const {
  const size_t own_events = doc.events.size();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    LegacySentence coded = coder_.CodeSentence(doc, s, doc.meta.date, coder_.dictionaries().options);
    for (const LegacyEvent& e : coded.events) {
      if (!codebook_.Find(e.code)) continue;
      auto mention_code = [&](const std::optional<uint32_t>& m) {
        return m ? std::string_view(doc.mentions[*m].actor.code) : std::string_view();
      };
      const bool repeated =
          std::any_of(doc.events.begin(), doc.events.begin() + static_cast<ptrdiff_t>(own_events), [&](const Event& x) {
            return x.sentence == s && x.cameo == e.code && mention_code(x.source) == e.source.code &&
                   mention_code(x.target) == e.target.code;
          });
      if (repeated) continue;
      auto mention = [&](const LegacyActor& a) {
        ActorMention m;
        // A DEFAULT actor of the options is named by no words: an empty span at the verb.
        m.span = a.token_end > a.token_begin
                     ? Span{doc.tokens[a.token_begin].span.begin, doc.tokens[a.token_end - 1].span.end}
                     : Span{e.trigger.begin, e.trigger.begin};
        m.sentence = s;
        m.token_begin = a.token_begin;
        m.token_end = a.token_end;
        m.actor.code = a.code;
        if (a.code.size() >= 3 && countries_.count(a.code.substr(0, 3))) m.actor.country = a.code.substr(0, 3);
        doc.mentions.push_back(std::move(m));
        return static_cast<uint32_t>(doc.mentions.size() - 1);
      };
      Event event;
      event.sentence = s;
      event.trigger = e.trigger;
      event.source = mention(e.source);
      event.target = mention(e.target);
      event.cameo = e.code;
      doc.events.push_back(std::move(event));
    }
  }
  return Status::Ok();
}

}  // namespace eventmill::legacy
