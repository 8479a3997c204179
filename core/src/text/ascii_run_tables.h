// Byte tables the tokenizer reads while scanning a run of ASCII letters and digits: one load
// per byte instead of comparing ranges. Internal to core/src/text.
#pragma once

#include <array>
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

}  // namespace tactful::text_internal::ascii_run
