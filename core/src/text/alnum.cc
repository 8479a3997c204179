// The scanner words, numbers and identifiers share: a run of letters and digits with the
// connectors that join them.
#include "text/text_internal.h"

namespace tactful::text_internal {

bool is_alnum(char32_t cp) {
  return is_letter(cp) || is_digit(cp);
}

namespace {

enum class Prev { none, letter, digit };

// Characters that join two letters of one word without breaking it (soft hyphen, ZWNJ, ZWJ,
// word joiner), as in Persian and Indic spelling.
bool is_word_joiner(char32_t cp) {
  return cp == 0x00AD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

}  // namespace

Alnum scan_alnum(std::string_view text, std::size_t pos) {
  Alnum r;
  Prev prev = Prev::none;
  std::size_t i = pos;
  while (i < text.size()) {
    // ASCII letters and digits first: they are almost every byte of a typical word.
    const auto b = static_cast<unsigned char>(text[i]);
    if (is_ascii_letter(b)) {
      r.letter = true;
      prev = Prev::letter;
      ++i;
      continue;
    }
    if (is_ascii_digit(b)) {
      r.digit = true;
      prev = Prev::digit;
      ++i;
      continue;
    }
    const Decoded d = decode_at(text, i);
    if (is_letter(d.cp)) {
      r.letter = true;
      prev = Prev::letter;
    } else if (is_digit(d.cp)) {
      r.digit = true;
      prev = Prev::digit;
    } else if (is_combining_mark(d.cp)) {
      // A mark extends whatever came before it ("é" written as e + U+0301).
    } else {
      // Connectors: they stay in the token only when an alphanumeric follows them.
      const char32_t next = peek(text, i + d.length).cp;
      bool join = false;
      if (prev == Prev::letter && (is_apostrophe(d.cp) || is_word_joiner(d.cp))) {
        join = is_letter(next);  // can't, don’t; "customers'" keeps its apostrophe out
      } else if (prev != Prev::none && is_hyphen(d.cp)) {
        join = r.letter && is_alnum(next);  // follow-up, ORD-5521; but 5-10 is three tokens
      } else if (prev != Prev::none && d.cp == '_') {
        join = is_alnum(next);
        r.underscore = r.underscore || join;
      } else if (prev == Prev::digit && (d.cp == '.' || d.cp == ',' || d.cp == ':')) {
        join = !r.letter && is_digit(next);  // 5,000.50 and 10:30
      }
      if (!join) break;
      prev = Prev::none;
    }
    i += d.length;
  }
  r.end = i;
  return r;
}

}  // namespace tactful::text_internal
