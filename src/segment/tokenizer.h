// Tokenizer and sentence splitter for news text.
#ifndef EVENTMILL_SRC_SEGMENT_TOKENIZER_H_
#define EVENTMILL_SRC_SEGMENT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::segment {

// Appends the tokens of text[begin, end) to `tokens`, with offsets into `text`.
// Keeps abbreviations ("U.S.", "Gen."), decimals ("2.5"), URLs and hyphenated words whole;
// splits off punctuation, currency signs ("$125" -> "$" "125"), quotes of every kind and the
// possessive "'s"; splits "word.Word" where a sentence runs into the next without a space.
// White space includes the Unicode spaces and the line and paragraph separators.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& tokens);

// True when tokens[i] ends a sentence: final punctuation (a period that is not part of an
// abbreviation, "!", "?", an ellipsis, or a run of them; an ellipsis not followed by a
// lower-case word), or a dotted acronym ("U.S.") followed by a word that starts sentences. Closing quotes after it
// belong to the same sentence; the caller attaches them.
bool EndsSentence(const std::vector<Token>& tokens, size_t i, std::string_view text);

}  // namespace eventmill::segment

#endif  // EVENTMILL_SRC_SEGMENT_TOKENIZER_H_
