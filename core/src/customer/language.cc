// A cheap reading of whether the customer writes English: the share of English function
// words. Cues in the intent lexicon are English, so hints built on them need this.
#include <algorithm>
#include <array>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

constexpr std::array<std::string_view, 72> kFunctionWords = {
    "i",     "me",   "my",    "you",   "your",  "we",     "our",     "it",     "its",
    "is",    "are",  "was",   "were",  "be",    "been",   "have",    "has",    "had",
    "do",    "does", "did",   "the",   "a",     "an",     "and",     "or",     "but",
    "not",   "no",   "to",    "of",    "in",    "on",     "for",     "with",   "at",
    "from",  "this", "that",  "what",  "why",   "how",    "when",    "where",  "can",
    "could", "will", "would", "just",  "still", "again",  "please",  "thanks", "hi",
    "hello", "i'm",  "it's",  "don't", "can't", "didn't", "haven't", "there",  "they",
    "them",  "so",   "if",    "about", "any",   "get",    "got",     "need",   "want"};

}  // namespace

double english_confidence(std::string_view text) {
  const TextModel model(text);
  int words = 0, english = 0, non_latin = 0, accented = 0;
  for (const Token& t : model.tokens) {
    if (t.kind != TokenKind::word) continue;
    ++words;
    const char32_t first = decode_utf8(text, t.bytes.begin).cp;
    if (first >= 0x370) ++non_latin;  // Greek, Cyrillic, CJK, ... (accented Latin is below)
    for (std::size_t i = t.bytes.begin; i < t.bytes.end; ++i)
      if (static_cast<unsigned char>(text[i]) >= 0xC3 &&
          static_cast<unsigned char>(text[i]) < 0xC6) {
        ++accented;  // Latin-1 letters such as é, ñ, ü
        break;
      }
    if (std::find(kFunctionWords.begin(), kFunctionWords.end(), t.norm) != kFunctionWords.end())
      ++english;
  }
  if (words == 0) return 1.0;
  if (non_latin * 2 > words) return 0.1;
  // Too short to count words: plain ASCII reads as English, accented Latin as probably not.
  if (words < 4) return english > 0 ? 1.0 : (accented ? 0.4 : 0.7);
  const double share = static_cast<double>(english) / words;
  return std::clamp(share / 0.25, 0.0, 1.0);
}

}  // namespace tactful::customer
