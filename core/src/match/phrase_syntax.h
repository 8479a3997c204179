// The phrase syntax of rule packs, expanded into plain token sequences at compile time:
//   words separated by spaces   "per our policy"   (matched on case-folded tokens)
//   a|b                          alternatives for one position  "can't|cannot help"
//   [a|b]                        an optional position           "[really] sorry"
//   (a b|c d)                    alternatives of several words  "(I have|we have) sent"
//                                ([a b|c] is optional and may hold several words too)
//   word~                        English inflections of a verb or noun  "fail~" = fail, fails,
//                                failed, failing
//   <number>                     any number token ("within <number> hours")
// Punctuation is matched as its own token ("policy ,"). Expansion is bounded (kMaxExpansions)
// so a phrase cannot blow up compile time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tactful/result.h"

namespace tactful {

inline constexpr std::size_t kMaxExpansions = 4096;
// The normalized token a phrase's `<number>` becomes; it matches any number token.
inline constexpr std::string_view kNumberToken = "\x01number";
inline constexpr std::size_t kMaxPhraseTokens = 16;

// Every token sequence the phrase stands for, each token in normalized (folded) form.
// Errors (no location; the caller adds it): empty phrase, unbalanced brackets, a URL or
// placeholder inside a phrase, too many expansions or tokens.
Result<std::vector<std::vector<std::string>>> expand_phrase(std::string_view phrase);

// The inflected forms of an English word, including the word itself.
std::vector<std::string> inflections(const std::string& word);

}  // namespace tactful
