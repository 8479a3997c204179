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
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "tactful/text.h"

namespace tactful::adapters_internal {

// Writes the same bytes as rapidjson::Writer with its default flags: the same separators, the
// same string escapes (\b \t \n \f \r \" \\ and \u00XX for the other control characters; other
// bytes as they are) and RapidJSON's own number formatting. It exists for speed: RapidJSON's
// writer moves each character through its stream and its buffer is copied into a string at the
// end, and std::string's appends check and grow per call; this one writes through a pointer into
// a buffer kept by the thread (see scratch), and copies text 16 bytes at a time (SSE2), checking
// each block for a byte to escape as it goes. Its methods are named as rapidjson::Writer's, so one
// template can drive either; keys must be written with Key (RapidJSON also takes String there). A
// non-finite number is written as null (RapidJSON writes nothing and fails).
class JsonText {
 public:
  // `expected`: about how many bytes the text will have (it grows past that if needed).
  explicit JsonText(std::size_t expected) : buffer_(std::exchange(scratch(), {})) {
    if (buffer_.size() < expected) buffer_.resize(std::max<std::size_t>(expected, 64));
    cur_ = buffer_.data();
    end_ = cur_ + buffer_.size();
  }
  ~JsonText() { give_back(); }
  JsonText(const JsonText&) = delete;
  JsonText& operator=(const JsonText&) = delete;

  // The text written, copied out at its exact length; the writer is empty afterwards.
  std::string take() {
    std::string out(buffer_.data(), static_cast<std::size_t>(cur_ - buffer_.data()));
    cur_ = buffer_.data();
    next_ = 0;
    return out;
  }

  void StartObject() { open('{'); }
  void EndObject() { close('}'); }
  void StartArray() { open('['); }
  void EndArray() { close(']'); }
  void Key(std::string_view key) {
    String(key);
    next_ = ':';
  }
  // Keys given as literals are the caller's own names, plain ASCII: written without escaping.
  template <std::size_t N>
  void Key(const char (&key)[N]) {
    char* p = room(N + 2);
    if (next_ != 0) *p++ = next_;
    *p++ = '"';
    std::memcpy(p, key, N - 1);
    p[N - 1] = '"';
    cur_ = p + N;
    next_ = ':';
  }
  void String(std::string_view s) { write_text(s, false); }
  void String(const char* s) { String(std::string_view(s)); }
  void String(const char* s, std::size_t length) { String(std::string_view(s, length)); }
  // A string that may hold invalid UTF-8: each invalid byte is written as U+FFFD, as
  // sanitize_utf8 does, in the same pass as the escaping.
  void Utf8String(std::string_view s) { write_text(s, true); }
  void Null() {
    std::memcpy(value_room(4), "null", 4);
    cur_ += 4;
  }
  void Bool(bool b) {
    char* p = value_room(5);
    if (b) {
      std::memcpy(p, "true", 4);
      cur_ = p + 4;
    } else {
      std::memcpy(p, "false", 5);
      cur_ = p + 5;
    }
  }
  void Int(int i) { cur_ = rapidjson::internal::i32toa(i, value_room(11)); }
  void Uint64(std::uint64_t u) { cur_ = write_uint(u, value_room(20)); }
  void Double(double d) {
    if (!std::isfinite(d)) return Null();
    cur_ = rapidjson::internal::dtoa(d, value_room(25));
  }
  // What Double(std::round(v * 10^digits) / 10^digits) writes, digits 0..4. That number is the
  // double nearest a decimal n / 10^digits, and dtoa writes that decimal when |n| < kExact (Grisu2
  // is not always shortest: above about 10^12 it can add digits; the unit test checks every n
  // below kExact). It is written from n directly: dtoa took about 250 instructions a number.
  static constexpr double kExact = 1e6;
  void RoundedDouble(double v, int digits) {
    static constexpr double kScale[] = {1, 10, 100, 1000, 10000};
    static constexpr std::uint64_t kPowers[] = {1, 10, 100, 1000, 10000};
    const double scaled = std::round(v * kScale[digits]);
    const double rounded = scaled / kScale[digits];
    if (!(std::fabs(scaled) < kExact)) return Double(rounded);  // NaN and infinities too
    char* p = value_room(25);
    if (std::signbit(rounded)) *p++ = '-';  // -0.0 too, as dtoa writes it
    const auto n = static_cast<std::uint64_t>(std::fabs(scaled));
    p = write_uint(n / kPowers[digits], p);
    *p++ = '.';
    std::uint64_t fraction = n % kPowers[digits];
    if (fraction == 0) {
      *p++ = '0';
    } else {
      int length = digits;
      for (int i = digits - 1; i >= 0; --i, fraction /= 10)
        p[i] = static_cast<char>('0' + fraction % 10);
      while (p[length - 1] == '0') --length;
      p += length;
    }
    cur_ = p;
  }

 private:
  static constexpr std::size_t kBlock = 16;

  // The separator a value needs written, and the position after it with room for `n` bytes.
  char* value_room(std::size_t n) {
    char* p = room(n + 1);
    if (next_ != 0) *p++ = next_;
    next_ = ',';
    cur_ = p;
    return p;
  }

  // What u64toa writes; a number below 1000 (most offsets and lengths) without its digit table.
  static char* write_uint(std::uint64_t u, char* p) {
    if (u >= 1000) return rapidjson::internal::u64toa(u, p);
    if (u >= 100) *p++ = static_cast<char>('0' + u / 100);
    if (u >= 10) *p++ = static_cast<char>('0' + u / 10 % 10);
    *p++ = static_cast<char>('0' + u % 10);
    return p;
  }

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

  // What rapidjson::Writer::Prefix writes before a value: nothing first in an array or object,
  // ':' after a key, ',' after any other value. So one pending byte is all the state needed.
  void separator() {
    if (next_ != 0) put(next_);
    next_ = ',';
  }
  void open(char c) {
    separator();
    put(c);
    next_ = 0;
  }
  void close(char c) {
    put(c);
    next_ = ',';
  }

  // `s` quoted and escaped; with `utf8`, each byte that is not valid UTF-8 as U+FFFD.
  // With the separator before it: one check for room covers separator, quotes and plain text.
  void write_text(std::string_view s, bool utf8) {
    const char* p = s.data();
    const char* const end = p + s.size();
    // Room for the separator, the quotes, the text as it is and a whole block stored past it.
    char* o = room(s.size() + kBlock + 3);
    if (next_ != 0) *o++ = next_;
    next_ = ',';
    *o++ = '"';
    while (true) {
      const std::size_t n = copy_plain(s.data(), p, end, o, utf8);
      p += n;
      o += n;
      if (p == end) break;
      cur_ = o;
      p = write_special(s, p);
      // Room for the rest as it is, a whole block stored past it, and the closing quote.
      o = room(static_cast<std::size_t>(end - p) + kBlock + 1);
    }
    *o++ = '"';
    cur_ = o;
  }

  // Writes the byte at `p` (one that copy_plain stopped at) escaped, or the UTF-8 sequence it
  // starts (U+FFFD if it is not valid); returns where the text goes on.
  const char* write_special(std::string_view s, const char* p) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      cur_ = write_char(room(6), *p);
      return p + 1;
    }
    const Decoded d = decode_utf8(s, static_cast<std::size_t>(p - s.data()));
    if (d.cp == 0xFFFD && d.length == 1)  // invalid; a real U+FFFD has length 3
      put(std::string_view("\xEF\xBF\xBD", 3));
    else
      put(std::string_view(p, d.length));
    return p + d.length;
  }

  // Copies [p, end) to `o` up to the first byte that must be escaped (or, with `high`, is not
  // ASCII) and returns how many bytes it copied; [begin, end) is the whole string. `o` has room
  // for end - p + kBlock bytes: whole blocks are stored before they are checked.
  static std::size_t copy_plain(const char* begin, const char* p, const char* end, char* o,
                                bool high) {
#ifdef __SSE2__
    const char* const start = p;
    for (; end - p >= static_cast<std::ptrdiff_t>(kBlock); p += kBlock, o += kBlock) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
      if (const unsigned mask = special_bytes(v, high); mask != 0)
        return static_cast<std::size_t>(p - start) + static_cast<unsigned>(__builtin_ctz(mask));
    }
    // The last 1..15 bytes in one block too: the 16 bytes that end at `end` when the string has
    // them (the bits of bytes before p dropped), else a copy padded with a byte that needs no
    // escape. A loop over them byte by byte was about an eighth of writing a report.
    const auto rest = static_cast<std::size_t>(end - p);
    if (rest == 0) return static_cast<std::size_t>(p - start);
    unsigned mask;
    if (end - begin >= static_cast<std::ptrdiff_t>(kBlock)) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - kBlock));
      mask = special_bytes(v, high) >> (kBlock - rest);
    } else {
      char padded[kBlock];
      std::memset(padded, 'a', kBlock);
      copy_short(padded, p, rest);
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(padded));
      mask = special_bytes(v, high);
    }
    const std::size_t n = mask != 0 ? static_cast<unsigned>(__builtin_ctz(mask)) : rest;
    copy_short(o, p, n);
    return static_cast<std::size_t>(p - start) + n;
#else
    (void)begin;
    const char* q = p;
    for (std::uint64_t x; end - q >= 8; q += 8) {
      std::memcpy(&x, q, 8);
      if (needs_escape(x) || (high && (x & 0x8080808080808080ULL) != 0)) break;
    }
    while (q < end && escape(*q) == 0 && !(high && static_cast<unsigned char>(*q) >= 0x80)) ++q;
    std::memcpy(o, p, static_cast<std::size_t>(q - p));
    return static_cast<std::size_t>(q - p);
#endif
  }

#ifdef __SSE2__
  // One bit per byte of `v` that is below 0x20, '"' or '\\' (or, with `high`, not ASCII).
  static unsigned special_bytes(__m128i v, bool high) {
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                  backslash = _mm_set1_epi8('\\');
    const __m128i hit =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below), below),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit) | (high ? _mm_movemask_epi8(v) : 0));
  }
#endif

  // Copies n <= 16 bytes with fixed-size moves (two that may overlap) instead of a call to memcpy.
  static void copy_short(char* o, const char* p, std::size_t n) {
    if (n >= 8) {
      std::uint64_t a, b;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + n - 8, 8);
      std::memcpy(o, &a, 8);
      std::memcpy(o + n - 8, &b, 8);
    } else if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      std::memcpy(o, &a, 4);
      std::memcpy(o + n - 4, &b, 4);
    } else if (n > 0) {
      o[0] = p[0];
      o[n / 2] = p[n / 2];
      o[n - 1] = p[n - 1];
    }
  }

  // True if any of the 8 bytes of `x` is below 0x20, '"' or '\\' (no false negatives).
  static bool needs_escape(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    return (((x - 0x20 * kOnes) & ~x & kHighs) | has_zero(x ^ ('"' * kOnes)) |
            has_zero(x ^ ('\\' * kOnes))) != 0;
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

  // The thread's buffer, kept from one text to the next. A std::string's resize zero-fills what
  // it adds (a quarter of writing a report, for a buffer sized up front each time); a kept one
  // is filled once, when it first grows to a size, and each text costs a copy of its own length
  // instead. A writer takes it while it lives; one made while another lives gets a new one.
  static std::string& scratch() {
    thread_local std::string kept;
    return kept;
  }
  // Returns the buffer to the thread, unless it grew past what is worth keeping.
  void give_back() {
    static constexpr std::size_t kKeepAtMost = 256 * 1024;
    if (buffer_.size() <= kKeepAtMost && buffer_.size() > scratch().size())
      scratch() = std::move(buffer_);
  }

  std::string buffer_;  // [data, cur_) is the text; [cur_, end_) is room to write into
  char* cur_ = nullptr;
  char* end_ = nullptr;
  char next_ = 0;  // the separator the next value needs, if any
};

}  // namespace tactful::adapters_internal
