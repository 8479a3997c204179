// UTF-8 decoding and encoding that never fails: every invalid byte becomes U+FFFD on its own.
#include <cstdint>

#include "tactful/text.h"

namespace tactful {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

}  // namespace

Decoded decode_utf8(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {kReplacement, 1};
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char b0 = at(0);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t avail = text.size() - pos;
  // The second byte's allowed range depends on the lead byte (Unicode Table 3-7); narrowing it
  // here rejects overlong forms, surrogates and code points above U+10FFFF in one place.
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  std::uint8_t len = 0;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacement, 1};  // stray continuation, C0/C1 overlong lead, or F5..FF
  }
  if (avail < len) return {kReplacement, 1};
  const unsigned char b1 = at(1);
  if (b1 < lo || b1 > hi) return {kReplacement, 1};
  cp = (cp << 6) | (b1 & 0x3F);
  for (std::uint8_t i = 2; i < len; ++i) {
    const unsigned char b = at(i);
    if (!is_continuation(b)) return {kReplacement, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0, copied = 0;  // text[copied, pos) is valid and not yet appended
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII: copied in runs below
      ++pos;
      continue;
    }
    const Decoded d = decode_utf8(text, pos);
    // A decoded U+FFFD of length 3 was a real U+FFFD in the input and is copied like any other.
    if (d.cp == kReplacement && d.length == 1) {
      out.append(text.substr(copied, pos - copied));
      append_utf8(out, kReplacement);
      copied = pos + 1;
    }
    pos += d.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace tactful
