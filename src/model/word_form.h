// The form in which the tagger and parser see a word.
#ifndef EVENTMILL_SRC_MODEL_WORD_FORM_H_
#define EVENTMILL_SRC_MODEL_WORD_FORM_H_

#include <string_view>

namespace eventmill::model {

// Braces and square brackets, rare in UD English EWT train (3 braces and 68 brackets against
// 1,738 parentheses), are seen as the parentheses they stand for: "{The Council agreed ...}"
// has no verb "{". Other words are seen as they are.
inline std::string_view ModelForm(std::string_view word) {
  if (word == "{" || word == "[") return "(";
  if (word == "}" || word == "]") return ")";
  return word;
}

}  // namespace eventmill::model

#endif  // EVENTMILL_SRC_MODEL_WORD_FORM_H_
