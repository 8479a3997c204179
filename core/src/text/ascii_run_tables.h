// Byte tables the tokenizer reads while scanning a run of ASCII letters and digits: one load
// per byte instead of comparing ranges; and the tests that decide, from the ASCII byte after
// such a run, whether the run is a token of its own. The tokenizer and the agent's word reader
// (word_hashes.cc) share them, so both end a run at the same byte. Internal to core/src/text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tactful::text_internal::ascii_run {

// ASCII letters and digits by byte (0 = neither), and each byte in lower case: the tables the
// scan of a run of ASCII letters and digits reads instead of comparing ranges per byte.
constexpr std::uint8_t kLower = 1, kUpper = 2, kDigit = 3;
constexpr auto kAsciiClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  return table;
}();
// The scan of a run reads two tables per byte: the byte in lower case when it is an ASCII letter
// or digit (0, which no letter or digit is, ends the run), and what it adds to the run's
// counts: 1 for an uppercase letter, 1 << 32 for a digit (one add where comparing the class
// twice took six instructions).
constexpr auto kAsciiAlnumLower = [] {
  std::array<char, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c + 0x20);
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  return table;
}();
// The ASCII bytes that are a punctuation token of their own (when no mark follows): neither
// whitespace, a letter or a digit, nor a byte that may open a placeholder, an email, an #id or a
// keycap ({ [ % # $ @ *), which the tokenizer's general path reads.
constexpr auto kPlainPunct = [] {
  std::array<bool, 256> table{};
  for (int c = 0x00; c < 0x80; ++c)
    table[c] = !(c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= '0' && c <= '9') ||
                 ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
  for (char c : std::string_view("{[%#$@*")) table[static_cast<unsigned char>(c)] = false;
  return table;
}();

// Every byte in ASCII lower case (other bytes as they are): the norm of a token of ASCII letters,
// digits and connectors.
constexpr auto kAsciiLower = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c + 0x20);
  return table;
}();
constexpr std::uint64_t kCountUpper = 1, kCountDigit = std::uint64_t{1} << 32;
constexpr auto kAsciiCounts = [] {
  std::array<std::uint64_t, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kCountUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kCountDigit;
  return table;
}();

// The ASCII bytes that end a run of ASCII letters and digits as a token of its own, whatever
// comes next: not a connector (' - _ . , :), not the URL punctuation after a scheme or "www"
// (: . - +), and not the start of a non-ASCII character (a mark, joiner or keycap may follow).
// The bytes of a run itself never stop it.
constexpr auto kPlainStop = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x80; ++c) table[c] = true;
  for (char c : std::string_view("'-_.,:+")) table[static_cast<unsigned char>(c)] = false;
  return table;
}();

// Whether the '.' or ',' at k (after a run with `letter`s or not) ends the run as scan_alnum
// would find: followed by whitespace or nothing, neither joins the run and no URL can be there
// (a scheme needs "://" after it, "www." a host); a comma after a run with a letter joins
// nothing, so any ASCII may follow it.
[[gnu::always_inline]] inline bool ends_at_period_or_comma(std::string_view text, std::size_t k,
                                                           unsigned char stop, bool letter) {
  if (stop != '.' && stop != ',') return false;
  if (k + 1 >= text.size()) return true;
  const auto next = static_cast<unsigned char>(text[k + 1]);
  if (next == ' ' || (next >= 0x09 && next <= 0x0D)) return true;
  return stop == ',' && letter && next < 0x80;
}

// Whether scan_alnum, given a run of ASCII letters and digits ending at k and followed by the
// ASCII byte at k, would stop at k: the run is then the token. The connectors ' - _ . , : join
// only before a letter or digit (see scan_alnum); when the byte after the connector is ASCII, or
// there is none, that is decided here without a decode. A letter or digit after it, or a
// non-ASCII byte, is left to scan_alnum.
[[gnu::always_inline]] inline bool run_ends_at_stop(std::string_view text, std::size_t k,
                                                    bool letter) {
  const char stop = text[k];
  if (stop != '\'' && stop != '-' && stop != '_' && stop != '.' && stop != ',' && stop != ':')
    return true;
  if (k + 1 >= text.size()) return true;  // nothing follows to join
  const auto next = static_cast<unsigned char>(text[k + 1]);
  if (next >= 0x80) return false;
  const bool next_letter = kAsciiClass[next] == kLower || kAsciiClass[next] == kUpper;
  const bool next_digit = kAsciiClass[next] == kDigit;
  switch (stop) {
    case '\'':  // joins a letter to a letter: can't, don't
      return kAsciiClass[static_cast<unsigned char>(text[k - 1])] == kDigit || !next_letter;
    case '-':  // joins after a letter to a letter or digit: follow-up, ORD-5521
      return !letter || !(next_letter || next_digit);
    case '_':
      return !(next_letter || next_digit);
    default:  // . , : join digits only: 5,000.50 and 10:30
      return letter || !next_digit;
  }
}

}  // namespace tactful::text_internal::ascii_run
