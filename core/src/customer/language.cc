// A cheap reading of whether the customer writes English: the share of English function
// words. Cues in the intent lexicon are English, so hints built on them need this.
#include <algorithm>
#include <array>
#include <cstdint>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"
#include "text/text_internal.h"

namespace tactful::customer {
namespace {

// Sorted, so a duplicate or a missing word is easy to see.
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

// The function words by the hash every token carries (hash_norm of its norm): the set's filter
// passes over most other words with one test, and a word that passes is compared only with the
// entry whose hash equals its own (another word could share a hash), so no word costs more than
// a probe or two and one short compare.
constexpr auto kFunctionWordSet = HashedWordSet<8>::of(kFunctionWords);
static_assert(kFunctionWordSet.ok());

bool is_function_word(std::string_view norm, std::uint64_t hash) {
  return kFunctionWordSet.contains(hash, norm);
}

}  // namespace

void EnglishCounts::add(const TextModel& model) {
  const std::string_view text = model.text;
  // Most messages are ASCII (a test of eight bytes at a time): then no word is non-Latin or
  // accented, and only the words are counted.
  const bool ascii = text_internal::is_ascii(text);
  for (const Token& t : model.tokens) {
    if (t.kind != TokenKind::word) continue;
    ++words;
    english += is_function_word(t.norm, t.hash);
    if (ascii) continue;
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
