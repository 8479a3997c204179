// Writing text into RapidJSON output: valid UTF-8 as is, anything else with U+FFFD for the bad
// bytes. Shared by the adapters' writers (private to adapters/).
#pragma once

#include <rapidjson/rapidjson.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "tactful/text.h"

namespace tactful::adapters_internal {

// The length of the ASCII prefix of `s`, 8 bytes at a time: most text is ASCII, and a check
// byte by byte was a measurable share of writing a response.
inline std::size_t ascii_prefix(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// The offset of the first byte that is not ASCII or part of a valid UTF-8 sequence, or
// s.size() when there is none.
inline std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = ascii_prefix(s);
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i += ascii_prefix(s.substr(i));
      continue;
    }
    const Decoded d = decode_utf8(s, i);
    if (d.cp == 0xFFFD && d.length == 1) return i;
    i += d.length;
  }
  return s.size();
}

// True if every byte is ASCII or part of a valid UTF-8 sequence (the common case: no copy).
inline bool is_clean_utf8(std::string_view s) {
  return first_invalid_utf8(s) == s.size();
}

template <typename Writer>
void write_utf8(Writer& w, std::string_view s) {
  if (is_clean_utf8(s)) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  } else {
    const std::string clean = sanitize_utf8(s);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  }
}

}  // namespace tactful::adapters_internal
