// A cheap reading of whether the customer writes English: the share of English function
// words. Cues in the intent lexicon are English, so hints built on them need this.
#include <algorithm>
#include <array>
#include <cstdint>

#include "customer/signals_internal.h"

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
constexpr std::size_t kLongestFunctionWord = 7;  // "haven't": longer words need no search
static_assert(std::all_of(kFunctionWords.begin(), kFunctionWords.end(), [](std::string_view w) {
  return !w.empty() && w.size() <= kLongestFunctionWord && w[0] >= 'a' && w[0] <= 'z';
}));

// The function words by length and first letter: a word is compared with the few that share
// both (at most 6), not binary-searched among all 72 with a string compare per step.
struct FunctionWordIndex {
  std::array<std::array<std::uint8_t, 26>, kLongestFunctionWord + 1> first{};  // into order
  std::array<std::array<std::uint8_t, 26>, kLongestFunctionWord + 1> count{};
  std::array<std::uint8_t, kFunctionWords.size()> order{};  // grouped by (length, letter)
};

constexpr FunctionWordIndex kIndex = [] {
  FunctionWordIndex index;
  std::size_t next = 0;
  for (std::size_t length = 1; length <= kLongestFunctionWord; ++length) {
    for (std::size_t letter = 0; letter < 26; ++letter) {
      for (std::size_t i = 0; i < kFunctionWords.size(); ++i) {
        const std::string_view w = kFunctionWords[i];
        if (w.size() != length || static_cast<std::size_t>(w[0] - 'a') != letter) continue;
        if (index.count[length][letter]++ == 0)
          index.first[length][letter] = static_cast<std::uint8_t>(next);
        index.order[next++] = static_cast<std::uint8_t>(i);
      }
    }
  }
  return index;
}();

bool is_function_word(std::string_view w) {
  if (w.empty() || w.size() > kLongestFunctionWord || w[0] < 'a' || w[0] > 'z') return false;
  const std::size_t letter = static_cast<std::size_t>(w[0] - 'a');
  const std::size_t first = kIndex.first[w.size()][letter];
  const std::size_t end = first + kIndex.count[w.size()][letter];
  for (std::size_t k = first; k < end; ++k)
    if (kFunctionWords[kIndex.order[k]] == w) return true;
  return false;
}

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
    english += is_function_word(t.norm);
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
