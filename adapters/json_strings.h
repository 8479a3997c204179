// Writing text into RapidJSON output: valid UTF-8 as is, anything else with U+FFFD for the bad
// bytes. Shared by the adapters' writers (private to adapters/).
#pragma once

#include <rapidjson/rapidjson.h>

#include <string>
#include <string_view>

#include "tactful/text.h"

namespace tactful::adapters_internal {

// True if every byte is ASCII or part of a valid UTF-8 sequence (the common case: no copy).
inline bool is_clean_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode_utf8(s, i);
    if (d.cp == 0xFFFD && d.length == 1) return false;
    i += d.length;
  }
  return true;
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
