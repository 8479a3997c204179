// Parsing a request body into a document: its bytes checked first, then RapidJSON in place.
#include "request_document.h"

#include <rapidjson/error/en.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstring>
#include <limits>

#include "../json_strings.h"
#include "tactful/text.h"

namespace tactful::native_internal {
namespace {

RequestError bad(std::string message) {
  return RequestError{RequestError::Kind::malformed, std::move(message)};
}

// RapidJSON 1.1.0's SSE2 string scan (reader.h, ScanCopyUnescapedString) stops only at bytes
// up to 0x19, so an unescaped 0x1A..0x1F inside a string passed the in-place parse although JSON
// forbids it (found by fuzz_ws_message); the parse by length checks every byte. True if the body
// holds a NUL or a byte 0x18..0x1F: none is valid anywhere in JSON (0x18 and 0x19 come along
// because the test is cheap that way), so such a body can only be refused, by length.
[[maybe_unused]] bool has_nul_or_late_control(std::string_view json) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  // Eight bytes at a time: a byte of x below n sets its high bit in (x - n*kOnes) & ~x.
  auto any_below = [](std::uint64_t x, std::uint64_t n) { return (x - n * kOnes) & ~x & kHigh; };
  std::size_t i = 0;
  for (; i + 8 <= json.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, json.data() + i, 8);
    if (any_below(word, 1) | any_below(word ^ (0x18 * kOnes), 8)) return true;
  }
  for (; i < json.size(); ++i) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c == 0 || (c >= 0x18 && c < 0x20)) return true;
  }
  return false;
}

// What the body's bytes say before it is parsed: the offset of its first byte that is not
// valid UTF-8 (json.size() if none), whether it holds a byte has_nul_or_late_control looks for,
// and how many '{' and '[' it holds (anywhere, strings too; exact up to 255, at least 255 past
// that): a bound on its nesting.
struct BodyBytes {
  std::size_t invalid_utf8_at;
  bool nul_or_late_control;
  std::size_t openings;
};

// Both in one pass, 16 bytes at a time: the two checks each went through the body 8 bytes at a
// time, about a tenth of parsing a request. Bytes of a multi-byte character are 0x80 and up, so
// the control test needs only the ASCII bytes it sees in the blocks; it may see some twice (and
// count a bracket twice: the count is only ever an upper bound).
BodyBytes scan_body(std::string_view json) {
#ifdef __SSE2__
  const std::size_t n = json.size();
  std::size_t i = 0;
  bool control = false;
  std::size_t openings = 0;
  __m128i opening_lanes = _mm_setzero_si128();  // per byte lane, saturating at 255
  const __m128i one = _mm_set1_epi8(1);
  const __m128i brace = _mm_set1_epi8('{'), bracket = _mm_set1_epi8('[');
  const __m128i zero = _mm_setzero_si128(), high5 = _mm_set1_epi8(static_cast<char>(0xF8)),
                late = _mm_set1_epi8(0x18);
  while (i < n) {
    if (n - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(json.data() + i));
      const __m128i hit =
          _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(_mm_and_si128(v, high5), late));
      control |= _mm_movemask_epi8(hit) != 0;
      opening_lanes = _mm_adds_epu8(
          opening_lanes,
          _mm_and_si128(_mm_or_si128(_mm_cmpeq_epi8(v, brace), _mm_cmpeq_epi8(v, bracket)), one));
      const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (non_ascii == 0) {
        i += 16;
        continue;
      }
      i += static_cast<unsigned>(__builtin_ctz(non_ascii));
    } else if (const auto c = static_cast<unsigned char>(json[i]); c < 0x80) {
      control |= c == 0 || (c >= 0x18 && c < 0x20);
      openings += c == '{' || c == '[';
      ++i;
      continue;
    }
    const Decoded d = decode_utf8(json, i);
    if (d.cp == 0xFFFD && d.length == 1) return {i, control, 0};
    i += d.length;
  }
  // The lanes' sum: exact while no lane reached 255, and at least 255 once one has.
  const __m128i sums = _mm_sad_epu8(opening_lanes, _mm_setzero_si128());
  openings += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
              static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  return {n, control, openings};
#else
  return {adapters_internal::first_invalid_utf8(json), has_nul_or_late_control(json),
          std::numeric_limits<std::size_t>::max()};
#endif
}

}  // namespace

RequestDocument::RequestDocument(std::string_view json)
    : pool_(pool_buffer_, sizeof pool_buffer_), doc_(&pool_) {
  // The whole body is checked for UTF-8 once, ASCII 16 bytes at a time (scan_body); RapidJSON's own
  // check goes byte by byte and keeps it from copying strings 16 bytes at a time (SSE2).
  const BodyBytes bytes = scan_body(json);
  if (const std::size_t bad_at = bytes.invalid_utf8_at; bad_at < json.size()) {
    invalid_utf8_ = true;
    error_ =
        bad("invalid JSON at byte " + std::to_string(bad_at) + ": Invalid encoding in string.");
    return;
  }
  // Parsed in place in a copy (strings are decoded where they are, not copied into the
  // document), with the document's nodes in a buffer on the stack for a typical request. The
  // in-place parse reads up to a NUL, in aligned 16-byte blocks with SSE2: the copy is padded
  // with NULs so every read stays inside it. A body with a NUL byte of its own is parsed by
  // length instead, so the error names the same byte; so is one with a byte 0x1A..0x1F, which
  // the SSE2 string scan lets through (see has_nul_or_late_control).
  text_.reserve(json.size() + 16);
  text_.assign(json);
  text_.append(16, '\0');
  // RapidJSON's recursive parse is about a sixth faster than its iterative one, but recurses once
  // per level of nesting: it is used only when the body cannot nest deeper than kShallow (a
  // request nests 3 or 4 deep), so hostile nesting never reaches it. Its errors are not always
  // the iterative parse's (a body that starts with '}' is "Invalid value", not "The document is
  // empty"), so a body it refuses is parsed again as before, from a fresh copy, for the error.
  constexpr std::size_t kShallow = 64;
  if (!bytes.nul_or_late_control && bytes.openings <= kShallow) {
    doc_.ParseInsitu<rapidjson::kParseDefaultFlags>(text_.data());
    if (!doc_.HasParseError()) return;
    text_.assign(json);
    text_.append(16, '\0');
  }
  if (!bytes.nul_or_late_control)
    doc_.ParseInsitu<rapidjson::kParseIterativeFlag>(text_.data());
  else
    doc_.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc_.HasParseError())
    error_ = bad("invalid JSON at byte " + std::to_string(doc_.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(doc_.GetParseError()));
}

}  // namespace tactful::native_internal
