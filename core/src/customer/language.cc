// A cheap reading of whether the customer writes English: the share of English function
// words. Cues in the intent lexicon are English, so hints built on them need this.
#include <algorithm>
#include <array>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 72> kFunctionWords = {
    "a",     "about", "again", "an",     "and",   "any",   "are",    "at",   "be",
    "been",  "but",   "can",   "can't",  "could", "did",   "didn't", "do",   "does",
    "don't", "for",   "from",  "get",    "got",   "had",   "has",    "have", "haven't",
    "hello", "hi",    "how",   "i",      "i'm",   "if",    "in",     "is",   "it",
    "it's",  "its",   "just",  "me",     "my",    "need",  "no",     "not",  "of",
    "on",    "or",    "our",   "please", "so",    "still", "thanks", "that", "the",
    "them",  "there", "they",  "this",   "to",    "want",  "was",    "we",   "were",
    "what",  "when",  "where", "why",    "will",  "with",  "would",  "you",  "your"};
static_assert(std::is_sorted(kFunctionWords.begin(), kFunctionWords.end()));
constexpr std::size_t kLongestFunctionWord = 7;  // "haven't": longer words need no search
static_assert(std::all_of(kFunctionWords.begin(), kFunctionWords.end(),
                          [](std::string_view w) { return w.size() <= kLongestFunctionWord; }));

}  // namespace

void EnglishCounts::add(const TextModel& model) {
  const std::string_view text = model.text;
  for (const Token& t : model.tokens) {
    if (t.kind != TokenKind::word) continue;
    ++words;
    // Greek, Cyrillic, CJK, ... (accented Latin is below); an ASCII first byte is neither.
    if (static_cast<unsigned char>(text[t.bytes.begin]) >= 0x80 &&
        decode_utf8(text, t.bytes.begin).cp >= 0x370)
      ++non_latin;
    for (std::size_t i = t.bytes.begin; i < t.bytes.end; ++i)
      if (static_cast<unsigned char>(text[i]) >= 0xC3 &&
          static_cast<unsigned char>(text[i]) < 0xC6) {
        ++accented;  // Latin-1 letters such as é, ñ, ü
        break;
      }
    if (t.norm.size() <= kLongestFunctionWord &&
        std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), std::string_view(t.norm)))
      ++english;
  }
}

double EnglishCounts::confidence() const {
  if (words == 0) return 1.0;
  if (non_latin * 2 > words) return 0.1;
  // Too short to count words: plain ASCII reads as English, accented Latin as probably not.
  if (words < 4) return english > 0 ? 1.0 : (accented ? 0.4 : 0.7);
  const double share = static_cast<double>(english) / words;
  return std::clamp(share / 0.25, 0.0, 1.0);
}

}  // namespace tactful::customer
