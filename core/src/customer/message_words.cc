// What one walk over a customer message's tokens reads for several readers at once (they each
// walked the tokens before): the English function words (a cheap reading of whether the
// customer writes English; cues in the intent lexicon are English, so hints built on them need
// this), shouting (capitals and runs of "!"/"?") and whether VADER must be given a copy of the
// text without some tokens (sentiment_text in customer.cc).
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "customer/signals_internal.h"
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

// The function words by the hash every token carries (hash_norm of its norm): an open-addressing
// table of 256 slots, filled at compile time. A word is compared only with the entry whose hash
// equals its own, so most words cost one or two probes and no string compare.
struct FunctionWordTable {
  static constexpr std::size_t kSlots = 256;  // more than three times the words: short probes
  std::array<std::uint64_t, kSlots> hash{};
  std::array<std::uint8_t, kSlots> word{};  // index into kFunctionWords + 1; 0: empty
};

constexpr FunctionWordTable kTable = [] {
  FunctionWordTable table;
  for (std::size_t i = 0; i < kFunctionWords.size(); ++i) {
    const std::uint64_t h = hash_norm(kFunctionWords[i]);
    std::size_t slot = h % FunctionWordTable::kSlots;
    while (table.word[slot] != 0) slot = (slot + 1) % FunctionWordTable::kSlots;
    table.hash[slot] = h;
    table.word[slot] = static_cast<std::uint8_t>(i + 1);
  }
  return table;
}();

// Whether `a` and `b` are the same bytes, compared in line: the words are a few bytes long, and
// a call to memcmp (what == on string views makes) cost more than the compare.
bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Whether a word token's norm is a function word; `hash` is hash_norm(norm). The hash finds the
// one entry to compare; the bytes are still compared (another word could share a hash).
bool is_function_word(std::string_view norm, std::uint64_t hash) {
  for (std::size_t slot = hash % FunctionWordTable::kSlots; kTable.word[slot] != 0;
       slot = (slot + 1) % FunctionWordTable::kSlots)
    if (kTable.hash[slot] == hash && same_bytes(kFunctionWords[kTable.word[slot] - 1], norm))
      return true;
  return false;
}

}  // namespace

std::span<const std::string_view> function_words() {
  return kFunctionWords;
}

MessageWords read_message_words(const TextModel& model) {
  MessageWords m;
  EnglishCounts& e = m.english;
  Shouting& s = m.shout;
  const std::string_view text = model.text;
  // Most messages are ASCII (a test of eight bytes at a time): then no word is non-Latin or
  // accented, and only the words are counted.
  const bool ascii = text_internal::is_ascii(text);
  const auto letter = [&](std::size_t i) {
    return static_cast<unsigned>((static_cast<unsigned char>(text[i]) | 0x20) - 'a') < 26u;
  };
  int shout_words = 0, run = 0;  // words of three letters or more; the current run of marks
  std::size_t prev_end = SIZE_MAX;
  for (const Token& t : model.tokens) {
    if (t.kind == TokenKind::word) {
      ++e.words;
      e.english += is_function_word(t.norm, t.hash);
      if (!ascii) {
        // Greek, Cyrillic, CJK, ... (accented Latin is below); an ASCII first byte is neither.
        if (static_cast<unsigned char>(text[t.bytes.begin]) >= 0x80 &&
            decode_utf8(text, t.bytes.begin).cp >= 0x370)
          ++e.non_latin;
        for (std::size_t i = t.bytes.begin; i < t.bytes.end; ++i)
          if (static_cast<unsigned char>(text[i]) >= 0xC3 &&
              static_cast<unsigned char>(text[i]) < 0xC6) {
            ++e.accented;  // Latin-1 letters such as é, ñ, ü
            break;
          }
      }
      // A word counts for shouting from its third ASCII letter: shorter words need no count.
      // Most words start with three letters; the others are counted.
      if (t.bytes.size() >= 3) {
        const std::size_t b = t.bytes.begin;
        std::size_t letters = letter(b) && letter(b + 1) && letter(b + 2) ? 3 : 0;
        for (std::size_t i = b; i < t.bytes.end && letters < 3; ++i) letters += letter(i);
        if (letters >= 3) {
          ++shout_words;
          if (t.upper) ++s.caps_words;
        }
      }
      // "PO" is a purchase order, not VADER's "pissed off".
      m.hides_from_sentiment = m.hides_from_sentiment || (t.upper && t.norm == "po");
      run = 0;
    } else if (t.kind == TokenKind::punct && t.norm.size() == 1 &&
               (t.norm[0] == '!' || t.norm[0] == '?')) {
      run = (prev_end == t.bytes.begin && run > 0) ? run + 1 : 1;
      s.longest_mark_run = std::max(s.longest_mark_run, run);
      s.exclamations += t.norm[0] == '!';
    } else {
      run = 0;
      m.hides_from_sentiment = m.hides_from_sentiment || t.kind == TokenKind::url ||
                               t.kind == TokenKind::email || t.kind == TokenKind::placeholder ||
                               t.kind == TokenKind::identifier;
    }
    prev_end = t.bytes.end;
  }
  s.caps_share = shout_words ? static_cast<double>(s.caps_words) / shout_words : 0;
  return m;
}

void EnglishCounts::add(const EnglishCounts& message) {
  words += message.words;
  english += message.english;
  non_latin += message.non_latin;
  accented += message.accented;
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
