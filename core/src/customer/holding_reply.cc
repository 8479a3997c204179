// Whether an agent's message only holds the thread ("Let me ask the workshop.", "Looking
// into it now.", "Thanks for letting me know!"): it promises a look and answers nothing, so
// the problem the customer told before it is still theirs to be answered, and still owed its
// apology. A byte scan of short messages only: most agent messages are longer and are read as
// answers without a look at their words.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// Longer than this, a message says more than that it will look.
constexpr std::size_t kMaxHoldingBytes = 90;

constexpr std::array<std::string_view, 22> kHolding = {
    "let me check",     "let me look",  "let me see",      "let me find out",    "let me ask",
    "i'll check",       "i will check", "i'll look",       "i will look",        "i'll find out",
    "we'll check",      "we'll look",   "looking at this", "looking into",       "checking now",
    "checking this",    "one moment",   "bear with me",    "thanks for letting", "give me a moment",
    "give me a minute", "i'm checking"};

// The phrases above grouped by their first letter, built at compile time: at a word start only
// the phrases of its letter (seven at most, for 'l') are compared, not all of them.
struct ByFirstLetter {
  std::array<std::uint8_t, 27> begin{};  // the phrases of letter c: phrase[begin[c]..begin[c+1])
  std::array<std::uint8_t, kHolding.size()> phrase{};  // indices into kHolding
};
constexpr ByFirstLetter kByFirstLetter = [] {
  ByFirstLetter by;
  for (std::string_view h : kHolding) ++by.begin[h[0] - 'a' + 1];
  for (std::size_t c = 1; c < by.begin.size(); ++c) by.begin[c] += by.begin[c - 1];
  std::array<std::uint8_t, 27> next = by.begin;
  for (std::size_t i = 0; i < kHolding.size(); ++i)
    by.phrase[next[kHolding[i][0] - 'a']++] = static_cast<std::uint8_t>(i);
  return by;
}();

// The letters a phrase above, "sorry" or "apolog" starts with, one bit each.
constexpr std::uint32_t first_letters() {
  std::uint32_t mask = (1u << ('s' - 'a')) | (1u << ('a' - 'a'));
  for (std::string_view h : kHolding) mask |= 1u << (h[0] - 'a');
  return mask;
}
constexpr std::uint32_t kFirstLetters = first_letters();

}  // namespace

std::span<const std::string_view> holding_phrases() {
  return kHolding;
}

bool holding_reply(std::string_view text) {
  if (text.size() > kMaxHoldingBytes) return false;
  // Lower-cased into a buffer on the stack: called for the agent's latest messages on every
  // request, so no allocation.
  std::array<char, kMaxHoldingBytes> buffer;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\xe2' && text.substr(i, 3) == "\xe2\x80\x99") {  // a curly apostrophe ("I’ll")
      buffer[n++] = '\'';
      i += 2;
      continue;
    }
    buffer[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
  }
  const std::string_view lower(buffer.data(), n);
  // Every phrase starts a word: each is tried only where a word starts with its first letter,
  // and most words start with a letter no phrase (nor "sorry", "apolog") starts with.
  bool holds = false;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = lower[i];
    if (c < 'a' || c > 'z' || !(kFirstLetters & (1u << (c - 'a')))) continue;
    if (i > 0 && ((lower[i - 1] >= 'a' && lower[i - 1] <= 'z') || lower[i - 1] == '\'')) continue;
    const std::string_view rest = lower.substr(i);
    // An apology is an answer of its own: "Sorry about that, I'll look into the order".
    if ((c == 's' && rest.starts_with("sorry")) || (c == 'a' && rest.starts_with("apolog")))
      return false;
    if (holds) continue;
    const auto letter = static_cast<std::size_t>(c - 'a');
    for (std::size_t k = kByFirstLetter.begin[letter]; k < kByFirstLetter.begin[letter + 1]; ++k) {
      if (rest.starts_with(kHolding[kByFirstLetter.phrase[k]])) {
        holds = true;
        break;
      }
    }
  }
  return holds;
}

}  // namespace tactful::customer
