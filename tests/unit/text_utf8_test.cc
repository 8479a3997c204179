// UTF-8 decoding, sanitizing, case folding and character classes.
#include <gtest/gtest.h>

#include <string>

#include "tactful/text.h"

namespace tactful {
namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s.push_back(static_cast<char>(c));
  return s;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_utf8(s, i);
    if (d.cp == 0xFFFD && d.length == 1) return false;
    i += d.length;
  }
  return true;
}

TEST(TextUtf8, DecodesValidSequences) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  EXPECT_EQ(decode_utf8(s, 0).cp, U'a');
  EXPECT_EQ(decode_utf8(s, 1).cp, U'\u00E9');
  EXPECT_EQ(decode_utf8(s, 1).length, 2);
  EXPECT_EQ(decode_utf8(s, 3).cp, U'\u20AC');
  EXPECT_EQ(decode_utf8(s, 3).length, 3);
  EXPECT_EQ(decode_utf8(s, 6).cp, U'\U0001F600');
  EXPECT_EQ(decode_utf8(s, 6).length, 4);
}

TEST(TextUtf8, InvalidBytesDecodeAsReplacementOfOneByte) {
  const std::string cases[] = {
      bytes({0x80}),                    // stray continuation
      bytes({0xC3}),                    // truncated 2-byte
      bytes({0xE2, 0x82}),              // truncated 3-byte
      bytes({0xF0, 0x9F, 0x98}),        // truncated 4-byte
      bytes({0xC0, 0xAF}),              // overlong '/'
      bytes({0xE0, 0x80, 0xAF}),        // overlong 3-byte
      bytes({0xF0, 0x80, 0x80, 0xAF}),  // overlong 4-byte
      bytes({0xED, 0xA0, 0x80}),        // surrogate U+D800
      bytes({0xF4, 0x90, 0x80, 0x80}),  // above U+10FFFF
      bytes({0xFF}),
      bytes({0xC3, 0x41}),  // lead byte followed by ASCII
  };
  for (const std::string& c : cases) {
    const Decoded d = decode_utf8(c, 0);
    EXPECT_EQ(d.cp, U'\uFFFD') << testing::PrintToString(c);
    EXPECT_EQ(d.length, 1) << testing::PrintToString(c);
  }
  // The byte after a bad lead is decoded on its own.
  EXPECT_EQ(decode_utf8(bytes({0xC3, 0x41}), 1).cp, U'A');
}

TEST(TextUtf8, NulDecodesAsNul) {
  const std::string s("a\0b", 3);
  EXPECT_EQ(decode_utf8(s, 1).cp, U'\0');
  EXPECT_EQ(decode_utf8(s, 1).length, 1);
}

TEST(TextUtf8, AppendEncodesAndReplacesInvalidCodePoints) {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, U'\u00E9');
  append_utf8(out, U'\u4E2D');
  append_utf8(out, U'\U0001F600');
  EXPECT_EQ(out, "A\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
  std::string bad;
  append_utf8(bad, 0xD800);
  append_utf8(bad, 0x110000);
  EXPECT_EQ(bad, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TextUtf8, SanitizeReplacesEachBadByte) {
  const std::string in = "ok" + bytes({0xC0, 0xAF}) + std::string("\0x", 2) + "\xE2\x82\xAC" +
                         bytes({0xED, 0xA0, 0x80});
  const std::string out = sanitize_utf8(in);
  EXPECT_EQ(out, std::string("ok\xEF\xBF\xBD\xEF\xBF\xBD\0x\xE2\x82\xAC", 13) +
                     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_EQ(sanitize_utf8("plain \xF0\x9F\x98\x80"), "plain \xF0\x9F\x98\x80");
}

TEST(TextUtf8, SanitizeOutputIsValidForEveryTwoByteInput) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string out = sanitize_utf8(bytes({a, b, 0xE2}));
      ASSERT_TRUE(valid_utf8(out)) << a << " " << b;
    }
  }
}

TEST(TextFold, FoldsScriptsAndQuotes) {
  EXPECT_EQ(fold("Hello WORLD"), "hello world");
  EXPECT_EQ(fold("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ → été
  EXPECT_EQ(fold("\xC5\x81\xC3\x93"
                 "D\xC5\xB9"),
            "\xC5\x82\xC3\xB3"
            "d\xC5\xBA");  // ŁÓDŹ
  EXPECT_EQ(fold("\xCE\x9F\xCE\x94\xCE\x8C\xCE\xA3"), "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x83");  // ΟΔΌΣ
  EXPECT_EQ(fold("\xD0\x9F\xD0\xA0\xD0\x98\xD0\x92\xD0\x95\xD0\xA2"),
            "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");  // ПРИВЕТ → привет
  EXPECT_EQ(fold("\xD0\x81\xD0\x86"), "\xD1\x91\xD1\x96");        // ЁІ → ёі
  EXPECT_EQ(fold("don\xE2\x80\x99t"), "don't");
  EXPECT_EQ(fold("\xE2\x80\x98x\xE2\x80\x99 \xE2\x80\x9Cy\xE2\x80\x9D"), "'x' \"y\"");
  EXPECT_EQ(fold("a\xCA\xBC"
                 "b\xEF\xBC\x87"
                 "c"),
            "a'b'c");
  EXPECT_EQ(fold(std::string("A\0B", 3)), std::string("a\0b", 3));
  EXPECT_EQ(fold(bytes({'A', 0xFF})), "a\xEF\xBF\xBD");
}

TEST(TextFold, FoldCaseCodePoints) {
  EXPECT_EQ(fold_case(U'Z'), U'z');
  EXPECT_EQ(fold_case(U'z'), U'z');
  EXPECT_EQ(fold_case(U'\u00D7'), U'\u00D7');  // multiplication sign is not a letter
  EXPECT_EQ(fold_case(U'\u00DF'), U'\u00DF');
  EXPECT_EQ(fold_case(U'\u0178'), U'\u00FF');
  EXPECT_EQ(fold_case(U'\u0139'), U'\u013A');
  EXPECT_EQ(fold_case(U'\u0218'), U'\u0219');  // Ș
  EXPECT_EQ(fold_case(U'\u03C2'), U'\u03C3');  // final sigma
  EXPECT_EQ(fold_case(U'\u0388'), U'\u03AD');
  EXPECT_EQ(fold_case(U'\u0400'), U'\u0450');
  EXPECT_EQ(fold_case(U'\u04C1'), U'\u04C2');
  EXPECT_EQ(fold_case(U'\u0531'), U'\u0561');
  EXPECT_EQ(fold_case(U'\u1EA0'), U'\u1EA1');  // Ạ
  EXPECT_EQ(fold_case(U'\u4E2D'), U'\u4E2D');
  EXPECT_EQ(fold_case(U'\U0001F600'), U'\U0001F600');
}

TEST(TextClasses, Letters) {
  for (char32_t c :
       {U'a', U'Z', U'\u00E9', U'\u0142', U'\u03B1', U'\u0416', U'\u05D0', U'\u0628', U'\u0915',
        U'\u0E01', U'\u4E2D', U'\u3042', U'\u30AB', U'\uAC00', U'\U00020000'}) {
    EXPECT_TRUE(is_letter(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'1', U' ', U'!', U'\'', U'\u2019', U'\u02BC', U'\u00D7', U'\u0301', U'\u037E',
                     U'\u3002', U'\U0001F600', U'\uFFFD', U'\0'}) {
    EXPECT_FALSE(is_letter(c)) << static_cast<unsigned>(c);
  }
}

TEST(TextClasses, DigitsSpacesMarksEmojiApostrophes) {
  EXPECT_TRUE(is_digit(U'7'));
  EXPECT_TRUE(is_digit(U'\u0663'));
  EXPECT_FALSE(is_digit(U'a'));
  for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\u00A0', U'\u2003', U'\u200A', U'\u3000',
                     U'\u2028', U'\u2029'}) {
    EXPECT_TRUE(is_space(c)) << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(is_space(U'\u200B'));
  EXPECT_FALSE(is_space(U'x'));
  for (char32_t c : {U'\u0301', U'\u036F', U'\u1AB0', U'\u1DC0', U'\u20E3', U'\uFE20'}) {
    EXPECT_TRUE(is_combining_mark(c)) << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(is_combining_mark(U'e'));
  for (char32_t c :
       {U'\U0001F600', U'\U0001F44D', U'\u2764', U'\u2600', U'\U0001FAFF', U'\U0001F3FB'}) {
    EXPECT_TRUE(is_emoji(c)) << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(is_emoji(U'a'));
  EXPECT_FALSE(is_emoji(U'\u00A9'));
  EXPECT_TRUE(is_apostrophe(U'\''));
  EXPECT_TRUE(is_apostrophe(U'\u2019'));
  EXPECT_TRUE(is_apostrophe(U'\u02BC'));
  EXPECT_FALSE(is_apostrophe(U'"'));
  EXPECT_FALSE(is_apostrophe(U'`'));
}

}  // namespace
}  // namespace tactful
