// Byte <-> UTF-16 offset conversion.
#include <gtest/gtest.h>

#include <string>

#include "tactful/text.h"

namespace tactful {
namespace {

// An independent UTF-8 -> UTF-16 encoder for valid input, to check the index against.
std::u16string to_u16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += static_cast<std::size_t>(len);
  }
  return out;
}

// Emoji (4-byte, 2 units), ZWJ family, CJK (3-byte, 1 unit), combining marks, Greek.
const std::string kMixed =
    "Hi \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD Dana! "
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
    "\xE6\x97\xA5\xE6\x9C\xAC caf"
    "e\xCC\x81 \xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5 refund "
    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 ok";

TEST(TextUtf16, LengthMatchesEncoder) {
  EXPECT_EQ(Utf16Index("").utf16_length(), 0u);
  EXPECT_EQ(Utf16Index(kMixed).utf16_length(), to_u16(kMixed).size());
}

TEST(TextUtf16, TokenSpansMapToTheSameTextInUtf16) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += kMixed + "\n";  // many checkpoints
  const std::u16string u16 = to_u16(text);
  const Utf16Index index(text);
  const TextModel model(text);
  ASSERT_GT(model.tokens.size(), 1000u);
  for (const Token& t : model.tokens) {
    const std::size_t b = index.to_utf16(t.bytes.begin);
    const std::size_t e = index.to_utf16(t.bytes.end);
    ASSERT_LE(e, u16.size());
    ASSERT_EQ(u16.substr(b, e - b), to_u16(text.substr(t.bytes.begin, t.bytes.size())));
    ASSERT_EQ(index.to_byte(b), t.bytes.begin);
    ASSERT_EQ(index.to_byte(e), t.bytes.end);
  }
  const std::size_t refund = text.rfind("refund");
  EXPECT_EQ(u16.substr(index.to_utf16(refund), 6), u"refund");
}

TEST(TextUtf16, RoundTripsAtEveryBoundaryAndRoundsDownInside) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kMixed;
  const Utf16Index index(text);
  std::size_t u16 = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode_utf8(text, pos);
    ASSERT_EQ(index.to_utf16(pos), u16);
    ASSERT_EQ(index.to_byte(u16), pos);
    for (std::size_t k = 1; k < d.length; ++k) ASSERT_EQ(index.to_utf16(pos + k), u16);
    if (d.length == 4) {
      ASSERT_EQ(index.to_byte(u16 + 1), pos);  // inside a surrogate pair
    }
    pos += d.length;
    u16 += d.length == 4 ? 2 : 1;
  }
  EXPECT_EQ(index.to_utf16(text.size()), u16);
  EXPECT_EQ(index.to_utf16(text.size() + 100), u16);
  EXPECT_EQ(index.to_byte(u16), text.size());
  EXPECT_EQ(index.to_byte(u16 + 100), text.size());
}

TEST(TextUtf16, InvalidBytesCountOneUnitEach) {
  const std::string text(
      "a\xFF\xF0\x9F\x98"
      "b\xED\xA0\x80\0c\xF0\x9F\x98\x80",
      15);
  const Utf16Index index(text);
  // a, FF, F0, 9F, 98, b, ED, A0, 80, NUL, c: one unit each; the emoji two.
  EXPECT_EQ(index.utf16_length(), 13u);
  EXPECT_EQ(index.to_utf16(5), 5u);    // 'b'
  EXPECT_EQ(index.to_utf16(10), 10u);  // 'c'
  EXPECT_EQ(index.to_utf16(11), 11u);  // the emoji
  EXPECT_EQ(index.to_utf16(13), 11u);  // inside it
  EXPECT_EQ(index.to_byte(12), 11u);
  EXPECT_EQ(index.to_byte(10), 10u);
  // Sanitizing turns each invalid byte into U+FFFD: the UTF-16 length is unchanged.
  EXPECT_EQ(to_u16(sanitize_utf8(text)).size(), index.utf16_length());
}

}  // namespace
}  // namespace tactful
