// Helpers shared by the text model's source files. Internal to core/src/text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "tactful/text.h"

namespace tactful::text_internal {

// What peek() returns past the end: a value no character class contains.
inline constexpr char32_t kNone = 0x110000;

// decode_utf8 with the ASCII case inline: most text is ASCII, and the call is the hot path.
inline Decoded decode_at(std::string_view text, std::size_t pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  return b < 0x80 ? Decoded{b, 1} : decode_utf8(text, pos);
}

// Like decode_utf8, but past the end yields {kNone, 0} so lookahead needs no bounds checks.
inline Decoded peek(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {kNone, 0};
  return decode_at(text, pos);
}

// True when every byte of `s` is ASCII; 8 bytes at a time (most texts are ASCII, and are
// checked whole before they are copied or written out).
inline bool is_ascii(std::string_view s) {
  std::size_t i = 0;
  std::uint64_t any = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    any |= word;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ULL) == 0;
}

inline bool is_ascii_letter(char32_t c) {
  return c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool is_ascii_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
inline bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_line_break(char32_t cp);
// Zero-width and format characters that make no token of their own (ZWSP, ZWJ, BOM, ...).
bool is_ignorable(char32_t cp);
bool is_hyphen(char32_t cp);
bool is_emoji_modifier(char32_t cp);
bool is_regional_indicator(char32_t cp);
// A cased letter in its uppercase (or titlecase) form.
bool is_upper(char32_t cp);

// Scanners for the token kinds that need lookahead. Each returns the end byte offset of the token
// starting at `pos`, or 0 when there is none there. Their lookahead is bounded or stops at the
// next occurrence of the byte that triggered the scan, so all scans together stay linear.
std::size_t scan_url(std::string_view text, std::size_t pos);
std::size_t scan_placeholder(std::string_view text, std::size_t pos);
std::size_t scan_emoji(std::string_view text, std::size_t pos);
// Domain part of an email after the '@' at `at`; returns the end of the domain or 0.
std::size_t scan_email_domain(std::string_view text, std::size_t at);
// Start of the email local part that ends at the '@' at `at` (== at when there is none).
std::size_t scan_email_local(std::string_view text, std::size_t at);

// Words, numbers and identifiers share one scanner: a run of letters and digits with internal
// connectors, classified by what it contains.
struct Alnum {
  std::size_t end = 0;
  bool letter = false;
  bool digit = false;
  bool underscore = false;
};
bool is_alnum(char32_t cp);
// The word, number or identifier starting at `pos` (a letter or digit), with its connectors.
Alnum scan_alnum(std::string_view text, std::size_t pos);

// Fills model.sentences and model.sentence_of_token from model.tokens.
void split_sentences(TextModel& model);

}  // namespace tactful::text_internal
