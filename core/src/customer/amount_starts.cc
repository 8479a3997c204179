// Where a match of waiting.cc's amount regex, (?i)\b AMOUNT \s* (more\s+than\s+)?
// (and\s+a\s+half\s+)? UNIT, can start in an ASCII text. waiting.cc runs its amount_then_wait
// search anchored at these places only, instead of one unanchored search of the whole text: an
// unanchored RE2 search reads the text up to the match forwards, then the match backwards to
// find its start, and most of a message lies before its stated wait or after it. Both checks
// below only have to be true wherever a match can start (they over-approximate); a test holds
// them to RE2's own reading of the amount on generated texts.
#include <array>
#include <cstdint>
#include <string_view>

#include "customer/signals_internal.h"
#include "customer/words_by_first_letter.h"

namespace tactful::customer {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// What can follow an amount that ends at `e`: \s, or the first letter of "more", "and" or a
// unit (min, month, hour, hr, day, week), in any case. Not the text's end: a unit must follow.
bool may_follow_an_amount(std::string_view text, std::size_t e) {
  if (e >= text.size()) return false;
  const char c = text[e];
  const char l = static_cast<char>(c | 0x20);
  return re2_space(c) || l == 'm' || l == 'a' || l == 'h' || l == 'd' || l == 'w';
}

// The bytes an amount can start with, in either case: a digit or the first letter of an amount
// word; the cheap test that comes first.
constexpr auto kMayStart = [] {
  std::array<bool, 256> table{};
  for (const char c : std::string_view("0123456789aotfsencAOTFSENC"))
    table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// may_start_an_amount at a byte that passed kMayStart and the \b test.
bool amount_word_at(std::string_view text, std::size_t at) {
  // The words AMOUNT can start with (its alternatives "a few", "a couple of" start with "a",
  // "couple of" with "couple"), lower case.
  static constexpr std::string_view kWords[] = {
      "a",          "an",    "one",   "two",    "three",   "four",    "five",   "six",    "seven",
      "eight",      "nine",  "ten",   "eleven", "twelve",  "fifteen", "twenty", "thirty", "forty",
      "forty-five", "fifty", "sixty", "ninety", "several", "couple",  "few"};
  // By first letter (at most seven share one, 'f'), so a byte is compared with the words it
  // starts only: most bytes start none.
  static constexpr WordsByFirstLetter<7> kByFirst(kWords);
  if (digit(text[at])) {  // \d+(?:\.\d+)?: the run of digits, or it and "." and more digits
    std::size_t e = at;
    while (e < text.size() && digit(text[e])) ++e;
    if (may_follow_an_amount(text, e)) return true;
    if (e + 1 < text.size() && text[e] == '.' && digit(text[e + 1])) {
      e += 2;
      while (e < text.size() && digit(text[e])) ++e;
      return may_follow_an_amount(text, e);
    }
    return false;
  }
  return kByFirst.any_at(text, at,
                         [&](std::size_t end) { return may_follow_an_amount(text, end); });
}

}  // namespace

bool may_start_an_amount(std::string_view text, std::size_t at) {
  return at < text.size() && kMayStart[static_cast<unsigned char>(text[at])] &&
         (at == 0 || !re2_word(text[at - 1])) && amount_word_at(text, at);
}

std::size_t next_amount_start(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t at = from; at < to; ++at)
    if (may_start_an_amount(text, at)) return at;
  return to;
}

// Between an amount's start and its unit the regex allows at most eight runs of \s: "a couple
// of" (two), the \s* after the amount, "more than " (two) and "and a half " (three). So a match
// whose unit starts at `unit` starts at or after the start of the ninth group of non-\s bytes
// counted back from it (the group `unit` is in being the first). Reads back from `unit` only.
std::size_t amount_window_start(std::string_view text, std::size_t unit) {
  constexpr int kMostRuns = 8;
  std::size_t p = unit;
  for (int runs = 0;; ++runs) {
    while (p > 0 && !re2_space(text[p - 1])) --p;  // back over a group
    if (p == 0 || runs == kMostRuns) return p;
    while (p > 0 && re2_space(text[p - 1])) --p;  // back over the run of \s before it
  }
}

}  // namespace tactful::customer
