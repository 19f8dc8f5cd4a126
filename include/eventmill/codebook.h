// The CAMEO event codebook with its PLOVER mapping, loaded once and immutable.
#ifndef EVENTMILL_CODEBOOK_H_
#define EVENTMILL_CODEBOOK_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/status.h"

namespace eventmill {

struct CameoEventType {
  std::string code;   // "041"
  std::string root;   // "04"
  std::string label;  // "Discuss by telephone"
  double goldstein = 0;
  int quad_class = 0;       // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  std::string plover_type;  // "CONSULT"; empty for CAMEO 01 and 02, which PLOVER does not code
  std::string plover_mode;  // "phone"; often empty
};

class Codebook {
 public:
  // Parses eventmill's codebook format (data/codebook/cameo.tsv): a `# eventmill-codebook 1`
  // first line, then tab-separated code, label, goldstein, plover type, plover mode, origin.
  static Result<Codebook> Parse(std::string_view text);

  // nullptr when the code is not in the codebook.
  const CameoEventType* Find(std::string_view code) const;
  const std::vector<CameoEventType>& types() const { return types_; }

 private:
  std::vector<CameoEventType> types_;
  std::unordered_map<std::string, size_t> index_;
};

// QuadClass of a CAMEO root ("01".."20"); 0 for anything else.
int QuadClassOfRoot(std::string_view root);

}  // namespace eventmill

#endif  // EVENTMILL_CODEBOOK_H_
