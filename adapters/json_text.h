// A compact JSON writer into a string it owns (private to adapters/).
#pragma once

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/itoa.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "tactful/text.h"

namespace tactful::adapters_internal {

// Writes the same bytes as rapidjson::Writer with its default flags: the same separators, the
// same string escapes (\b \t \n \f \r \" \\ and \u00XX for the other control characters; other
// bytes as they are) and RapidJSON's own number formatting. It exists for speed: RapidJSON's
// writer moves each character through its stream and its buffer is copied into a string at the
// end, and std::string's appends check and grow per call; this one writes through a pointer into
// a buffer sized up front, and copies each run that needs no escape (found 16 bytes at a time
// with SSE2) in one go. Its methods are named as rapidjson::Writer's, so one template can drive
// either. A non-finite number is written as null (RapidJSON writes nothing and fails). Nesting
// deeper than kMaxDepth levels is not supported: the responses using it have fixed, shallow shapes.
class JsonText {
 public:
  static constexpr std::size_t kMaxDepth = 32;

  // `expected`: about how many bytes the text will have (it grows past that if needed).
  explicit JsonText(std::size_t expected) {
    buffer_.resize(std::max<std::size_t>(expected, 64));
    cur_ = buffer_.data();
    end_ = cur_ + buffer_.size();
  }

  // The text written; the writer is empty afterwards.
  std::string take() {
    buffer_.resize(static_cast<std::size_t>(cur_ - buffer_.data()));
    std::string out = std::move(buffer_);
    buffer_.clear();
    cur_ = end_ = buffer_.data();
    return out;
  }

  void StartObject() { open('{', false); }
  void EndObject() { close('}'); }
  void StartArray() { open('[', true); }
  void EndArray() { close(']'); }
  void Key(std::string_view key) { String(key); }
  // Keys given as literals are the caller's own names, plain ASCII: written without escaping.
  template <std::size_t N>
  void Key(const char (&key)[N]) {
    separator();
    char* p = room(N + 1);
    *p++ = '"';
    std::memcpy(p, key, N - 1);
    p[N - 1] = '"';
    cur_ = p + N;
  }
  void String(std::string_view s) {
    separator();
    write_escaped(s);
  }
  void String(const char* s) { String(std::string_view(s)); }
  void String(const char* s, std::size_t length) { String(std::string_view(s, length)); }
  // A string that may hold invalid UTF-8: each invalid byte is written as U+FFFD, as
  // sanitize_utf8 does, in the same pass as the escaping.
  void Utf8String(std::string_view s) {
    separator();
    put('"');
    const char* p = s.data();
    const char* const end = p + s.size();
    while (true) {
      const char* q = find_special(s.data(), p, end, true);
      put(std::string_view(p, static_cast<std::size_t>(q - p)));
      if (q == end) break;
      if (static_cast<unsigned char>(*q) < 0x80) {
        put_escaped(*q);
        p = q + 1;
        continue;
      }
      const Decoded d = decode_utf8(s, static_cast<std::size_t>(q - s.data()));
      if (d.cp == 0xFFFD && d.length == 1)  // invalid; a real U+FFFD has length 3
        put(std::string_view("\xEF\xBF\xBD", 3));
      else
        put(std::string_view(q, d.length));
      p = q + d.length;
    }
    put('"');
  }
  void Null() {
    separator();
    put("null");
  }
  void Bool(bool b) {
    separator();
    put(b ? std::string_view("true") : std::string_view("false"));
  }
  void Int(int i) {
    separator();
    char* p = room(11);
    cur_ = rapidjson::internal::i32toa(i, p);
  }
  void Uint64(std::uint64_t u) {
    separator();
    char* p = room(20);
    cur_ = rapidjson::internal::u64toa(u, p);
  }
  void Double(double d) {
    separator();
    if (!std::isfinite(d)) return put("null");
    char* p = room(25);
    cur_ = rapidjson::internal::dtoa(d, p);
  }

 private:
  struct Level {
    bool in_array = false;
    std::size_t count = 0;
  };

  // The write position, with at least `n` writable bytes after it.
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - cur_) < n) [[unlikely]]
      grow(n);
    return cur_;
  }
  [[gnu::noinline]] void grow(std::size_t n) {
    const auto at = static_cast<std::size_t>(cur_ - buffer_.data());
    buffer_.resize(std::max(2 * buffer_.size(), at + n));
    cur_ = buffer_.data() + at;
    end_ = buffer_.data() + buffer_.size();
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    cur_ += s.size();
  }
  void put(char c) {
    *room(1) = c;
    ++cur_;
  }

  // What rapidjson::Writer::Prefix writes before a value: nothing first, then ',' between the
  // items of an array, and ':' after a key and ',' after a value in an object.
  void separator() {
    if (depth_ == 0) return;
    Level& level = levels_[std::min(depth_, kMaxDepth) - 1];
    if (level.count > 0) put(level.in_array || level.count % 2 == 0 ? ',' : ':');
    ++level.count;
  }
  void open(char c, bool in_array) {
    separator();
    put(c);
    if (depth_ < kMaxDepth) levels_[depth_] = {in_array, 0};
    ++depth_;
  }
  void close(char c) {
    if (depth_ > 0) --depth_;
    put(c);
  }

  // True if any of the 8 bytes of `x` is below 0x20, '"' or '\\' (no false negatives).
  static bool needs_escape(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    return (((x - 0x20 * kOnes) & ~x & kHighs) | has_zero(x ^ ('"' * kOnes)) |
            has_zero(x ^ ('\\' * kOnes))) != 0;
  }

  void write_escaped(std::string_view s) {
    put('"');
    const char* p = s.data();
    const char* const end = p + s.size();
    while (true) {
      const char* q = find_special(s.data(), p, end, false);
      put(std::string_view(p, static_cast<std::size_t>(q - p)));
      if (q == end) break;
      put_escaped(*q);
      p = q + 1;
    }
    put('"');
  }

  // The first byte in [p, end) that must be escaped (or, with `high`, is not ASCII), or end;
  // [begin, end) is the whole string. 16 bytes at a time with SSE2, else 8 at a time in a 64-bit
  // word.
  static const char* find_special(const char* begin, const char* p, const char* end, bool high) {
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                  backslash = _mm_set1_epi8('\\');
    for (; end - p >= 16; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit =
          _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below), below),
                       _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      const int mask = _mm_movemask_epi8(hit) | (high ? _mm_movemask_epi8(v) : 0);
      if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
    // The last 1..15 bytes in one block too: the 16 bytes that end at `end` when the string has
    // them (the bits of bytes before p dropped), else a copy padded with a byte that needs no
    // escape. A loop over them byte by byte was about an eighth of writing a report.
    const auto rest = static_cast<unsigned>(end - p);
    if (rest == 0) return end;
    __m128i v;
    unsigned skip = 0;
    if (end - begin >= 16) {
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
      skip = 16 - rest;
    } else {
      char padded[16];
      std::memset(padded, 'a', sizeof padded);
      std::memcpy(padded, p, rest);
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(padded));
    }
    const __m128i hit =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below), below),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const auto mask =
        static_cast<unsigned>(_mm_movemask_epi8(hit) | (high ? _mm_movemask_epi8(v) : 0)) >> skip;
    return mask != 0 ? p + __builtin_ctz(mask) : end;
#else
    (void)begin;
    for (std::uint64_t x; end - p >= 8; p += 8) {
      std::memcpy(&x, p, 8);
      if (needs_escape(x) || (high && (x & 0x8080808080808080ULL) != 0)) break;
    }
    for (; p < end; ++p)
      if (escape(*p) != 0 || (high && static_cast<unsigned char>(*p) >= 0x80)) return p;
    return end;
#endif
  }

  void put_escaped(char c) {
    char* o = room(6);
    cur_ = write_char(o, c);
  }

  // Writes one ASCII byte at `o`, escaped if it must be; returns the end of what it wrote.
  static char* write_char(char* o, char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const char e = escape(c);
    if (e == 0) {
      *o++ = c;
    } else if (e == 'u') {
      const auto b = static_cast<unsigned char>(c);
      std::memcpy(o, "\\u00", 4);
      o[4] = kHex[b >> 4];
      o[5] = kHex[b & 0xF];
      o += 6;
    } else {
      *o++ = '\\';
      *o++ = e;
    }
    return o;
  }

  // rapidjson::Writer's escape table: 0 for a byte written as it is.
  static constexpr std::array<char, 256> kEscapes = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = 'u';
    table['\b'] = 'b';
    table['\t'] = 't';
    table['\n'] = 'n';
    table['\f'] = 'f';
    table['\r'] = 'r';
    table['"'] = '"';
    table['\\'] = '\\';
    return table;
  }();
  static char escape(char c) {
    return kEscapes[static_cast<unsigned char>(c)];
  }

  std::string buffer_;  // [data, cur_) is the text; [cur_, end_) is room to write into
  char* cur_ = nullptr;
  char* end_ = nullptr;
  std::array<Level, kMaxDepth> levels_{};
  std::size_t depth_ = 0;
};

}  // namespace tactful::adapters_internal
