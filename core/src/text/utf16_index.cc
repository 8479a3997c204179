// Byte offset <-> UTF-16 offset conversion with a checkpoint at least every 64 bytes: building is
// one decoding pass, a lookup is a binary search plus at most one checkpoint interval of decoding.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "tactful/text.h"

namespace tactful {

namespace {

constexpr std::size_t kInterval = 64;

// UTF-16 code units of one decoded unit: invalid bytes become U+FFFD (one unit), and only
// 4-byte sequences (above U+FFFF) need a surrogate pair.
std::size_t units(const Decoded& d) {
  return d.length == 4 ? 2 : 1;
}

}  // namespace

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
  byte_at_.reserve(text.size() / kInterval + 1);
  u16_at_.reserve(text.size() / kInterval + 1);
  std::size_t pos = 0;
  std::size_t u16 = 0;
  std::size_t next_checkpoint = 0;
  while (pos < text.size()) {
    if (pos >= next_checkpoint) {
      byte_at_.push_back(pos);
      u16_at_.push_back(u16);
      next_checkpoint = pos + kInterval;
    }
    // ASCII, 8 bytes at a time: each byte is one unit. A checkpoint only has to fall on a
    // character boundary at least every kInterval bytes, and every ASCII byte is one.
    if (pos + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        u16 += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      ++u16;
      continue;
    }
    const Decoded d = decode_utf8(text, pos);
    pos += d.length;
    u16 += units(d);
  }
  if (byte_at_.empty()) {
    byte_at_.push_back(0);
    u16_at_.push_back(0);
  }
  total_utf16_ = u16;
}

std::size_t Utf16Index::to_utf16(std::size_t byte_offset) const {
  if (byte_offset >= text_.size()) return total_utf16_;
  // Every unit is one byte (units < bytes for any multi-byte sequence): offsets are equal.
  if (total_utf16_ == text_.size()) return byte_offset;
  const auto k = static_cast<std::size_t>(
      std::upper_bound(byte_at_.begin(), byte_at_.end(), byte_offset) - byte_at_.begin() - 1);
  std::size_t pos = byte_at_[k];
  std::size_t u16 = u16_at_[k];
  while (pos < byte_offset) {
    const Decoded d = decode_utf8(text_, pos);
    if (pos + d.length > byte_offset) break;  // inside a sequence: round down to its start
    pos += d.length;
    u16 += units(d);
  }
  return u16;
}

std::size_t Utf16Index::to_byte(std::size_t utf16_offset) const {
  if (utf16_offset >= total_utf16_) return text_.size();
  if (total_utf16_ == text_.size()) return utf16_offset;
  const auto k = static_cast<std::size_t>(
      std::upper_bound(u16_at_.begin(), u16_at_.end(), utf16_offset) - u16_at_.begin() - 1);
  std::size_t pos = byte_at_[k];
  std::size_t u16 = u16_at_[k];
  while (pos < text_.size()) {
    const Decoded d = decode_utf8(text_, pos);
    if (u16 + units(d) > utf16_offset) break;  // inside a surrogate pair: round down
    pos += d.length;
    u16 += units(d);
  }
  return pos;
}

}  // namespace tactful
