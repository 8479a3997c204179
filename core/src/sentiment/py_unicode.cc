// The few Python 3 str behaviours VADER's output depends on, over UTF-8 bytes.
#include "sentiment/vader_internal.h"

namespace tactful::vader {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

}  // namespace

Char decode_char(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t left = s.size() - pos;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[pos + k]); };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left >= 2 && is_continuation(at(1))) {
      return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (at(1) & 0x3F)), 2};
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left >= 3 && is_continuation(at(1)) && is_continuation(at(2))) {
      const char32_t cp = ((b0 & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
      // Overlong forms and surrogates are not characters Python could hold.
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left >= 4 && is_continuation(at(1)) && is_continuation(at(2)) && is_continuation(at(3))) {
      const char32_t cp =
          ((b0 & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) | (at(3) & 0x3F);
      if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
    }
  }
  return {kReplacement, 1};
}

bool is_py_space(char32_t cp) {
  // Py_UNICODE_ISSPACE: bidirectional class WS/B/S or category Zs.
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool py_isupper(std::string_view s) {
  bool cased = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 'a' && b <= 'z') return false;
      if (b >= 'A' && b <= 'Z') cased = true;
      ++i;
      continue;
    }
    const Char c = decode_char(s, i);
    i += c.length;
    switch (case_of(c.cp)) {
      case Case::lower:
        return false;
      case Case::upper:
        cased = true;
        break;
      case Case::uncased:
        break;
    }
  }
  return cased;
}

void append_lower(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\xE2' && s.substr(i, 3) == "\xE2\x84\xAA") {  // KELVIN SIGN
      out.push_back('k');
      i += 2;
    } else {
      out.push_back(c);
    }
  }
}

std::string_view py_strip(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    const Char c = decode_char(s, begin);
    if (!is_py_space(c.cp)) break;
    begin += c.length;
  }
  std::size_t end = s.size();
  while (end > begin) {
    // Step back to the start of the last character (at most 3 continuation bytes).
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    Char c = decode_char(s, start);
    if (start + c.length != end) {  // the tail was stray continuation bytes: one char each
      start = end - 1;
      c = decode_char(s, start);
    }
    if (!is_py_space(c.cp)) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

}  // namespace tactful::vader
