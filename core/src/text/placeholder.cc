// Template placeholders left in a draft: {{macro}}, {% tag %}, {macro}, %{macro}, #{macro},
// ${macro} and [Customer Name]. Each scan stops at the next opening bracket of its kind, so
// a text full of unclosed brackets is still scanned in linear time.
#include <algorithm>

#include "text/text_internal.h"

namespace tactful::text_internal {

namespace {

constexpr std::size_t kMaxTemplate = 256;  // {{...}}, {%...%}
constexpr std::size_t kMaxMacro = 64;      // {macro}, %{macro}
constexpr std::size_t kMaxBracket = 80;    // [Customer Name]
constexpr int kMaxBracketWords = 5;

// Content ending at `close` (one or two bytes) with no braces or line breaks, within `limit`.
std::size_t find_close(std::string_view text, std::size_t from, std::string_view close,
                       std::size_t limit, bool allow_empty) {
  const std::size_t stop = std::min(text.size(), from + limit);
  for (std::size_t i = from; i < stop; ++i) {
    const char c = text[i];
    if (c == close[0] && text.substr(i, close.size()) == close) {
      return (i > from || allow_empty) ? i + close.size() : 0;
    }
    if (c == '{' || c == '}' || c == '\n' || c == '\r') return 0;
  }
  return 0;
}

// {macro} and { first name }: identifier-like words, optionally padded with spaces.
std::size_t scan_macro(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 1;
  const std::size_t stop = std::min(text.size(), i + kMaxMacro);
  while (i < stop && text[i] == ' ') ++i;
  const Decoded first = peek(text, i);
  if (!is_letter(first.cp) && first.cp != '_') return 0;
  while (i < stop) {
    const Decoded d = decode_utf8(text, i);
    if (d.cp == '}') return i + 1;
    const bool ok = is_letter(d.cp) || is_digit(d.cp) || is_combining_mark(d.cp) || d.cp == '_' ||
                    d.cp == '.' || d.cp == '-' || d.cp == ' ';
    if (!ok) return 0;
    i += d.length;
  }
  return 0;
}

// [Customer Name]: up to five words, the first starting with an uppercase letter, and not a
// Markdown link ("[click here](https://...)").
std::size_t scan_bracket(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 1;
  const Decoded first = peek(text, i);
  if (!is_upper(first.cp)) return 0;
  const std::size_t stop = std::min(text.size(), i + kMaxBracket);
  int words = 1;
  char32_t prev = 0;
  while (i < stop) {
    const Decoded d = decode_utf8(text, i);
    if (d.cp == ']') {
      if (prev == ' ' || peek(text, i + 1).cp == '(') return 0;
      return i + 1;
    }
    if (d.cp == ' ') {
      if (prev == ' ') return 0;
      if (++words > kMaxBracketWords) return 0;
    } else if (!is_letter(d.cp) && !is_digit(d.cp) && !is_combining_mark(d.cp) &&
               !is_apostrophe(d.cp) && !is_hyphen(d.cp) && d.cp != '_' && d.cp != '.') {
      return 0;
    }
    prev = d.cp;
    i += d.length;
  }
  return 0;
}

}  // namespace

std::size_t scan_placeholder(std::string_view text, std::size_t pos) {
  const char c = text[pos];
  const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
  if (c == '[') return scan_bracket(text, pos);
  if (c == '{') {
    if (next == '{') return find_close(text, pos + 2, "}}", kMaxTemplate, true);
    if (next == '%') return find_close(text, pos + 2, "%}", kMaxTemplate, false);
    return scan_macro(text, pos);
  }
  if ((c == '%' || c == '#' || c == '$') && next == '{') {
    return find_close(text, pos + 2, "}", kMaxMacro, false);
  }
  return 0;
}

}  // namespace tactful::text_internal
