// Stage "tabari": codes sentences with a user's TABARI dictionaries (PipelineOptions::
// tabari_project) or PETRARCH dictionaries (petrarch_config, read the PETRARCH way),
// alone or on top of eventmill's own coder.
#ifndef EVENTMILL_SRC_LEGACY_TABARI_STAGE_H_
#define EVENTMILL_SRC_LEGACY_TABARI_STAGE_H_

#include <memory>
#include <string>
#include <unordered_set>

#include "src/legacy/tabari_coder.h"
#include "src/pipeline/stage.h"

namespace eventmill::legacy {

// Adds an ActorMention for each actor of a TABARI event and the event itself, its code in
// Event::cameo. An actor code that opens with a country's ISO3 code (CAMEO's "RUSGOV") gets
// that country; others ("IGOUNO", "NGO") keep the code alone. Events whose code is not in the CAMEO codebook
// (dictionaries written for WEIS, test codes) are left out: the output speaks CAMEO. On top of eventmill's own coder,
// an event it already found (same sentence, code and actor codes) is not repeated.
class TabariStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& context);
  // `countries`: the ISO 3166-1 alpha-3 codes that, opening an actor code, name its country.
  TabariStage(TabariCoder coder, const Codebook& codebook, std::unordered_set<std::string> countries)
      : coder_(std::move(coder)), codebook_(codebook), countries_(std::move(countries)) {}
  std::string_view name() const override { return "tabari"; }
  Status Process(Document& doc) const override;

 private:
  TabariCoder coder_;
  const Codebook& codebook_;
  std::unordered_set<std::string> countries_;
};

}  // namespace eventmill::legacy

#endif  // EVENTMILL_SRC_LEGACY_TABARI_STAGE_H_
