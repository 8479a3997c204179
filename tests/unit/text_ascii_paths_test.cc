// The tokenizer's in-line ASCII paths: runs joined by connectors ("can't", "follow-up",
// "user_id", "5,000.50", join_ascii) and punctuation bytes (emit_ascii_punct). Each word, number
// or identifier token is what scan_alnum, fold and the case rules give for its bytes, and each
// punctuation token what punct_at and emit give (its code point and the marks on it), on texts
// built of runs, connectors, punctuation and the bytes around them, ASCII and not.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "tactful/text.h"
#include "text/text_internal.h"
#include "xorshift.h"

namespace tactful {
namespace {

using tactful::testing::XorShift;

// What the general path (scan_alnum, then emit) makes of the alnum token at t.bytes.begin.
// (An #id, "#42", is read by token_at, not here: it is left out.)
void expect_general(const TextModel& m, const Token& t) {
  if (m.text[t.bytes.begin] == '#') return;
  const text_internal::Alnum a = text_internal::scan_alnum(m.text, t.bytes.begin);
  const std::string_view source = m.text.substr(t.bytes.begin, t.bytes.size());
  ASSERT_EQ(t.bytes.end, a.end) << m.text;
  TokenKind kind = TokenKind::word;
  if (a.digit) kind = a.letter ? TokenKind::identifier : TokenKind::number;
  if (a.underscore) kind = TokenKind::identifier;
  EXPECT_EQ(t.kind, kind) << source;
  EXPECT_EQ(t.norm, fold(source)) << source;
  EXPECT_EQ(t.hash, hash_norm(t.norm)) << source;
  if (!text_internal::is_ascii(source)) return;  // the case rules below are ASCII's
  std::size_t letters = 0, upper = 0;
  bool capital = false;
  for (const char c : source) {
    const bool up = c >= 'A' && c <= 'Z', letter = up || (c >= 'a' && c <= 'z');
    if (letter && letters == 0) capital = up;
    letters += letter;
    upper += up;
  }
  EXPECT_EQ(t.capital, capital) << source;
  EXPECT_EQ(t.upper, letters >= 2 && upper == letters) << source;
}

// What punct_at and emit make of the punctuation token at t.bytes.begin.
void expect_punct(const TextModel& m, const Token& t) {
  std::size_t end = t.bytes.begin + decode_utf8(m.text, t.bytes.begin).length;
  while (end < m.text.size()) {
    const Decoded d = decode_utf8(m.text, end);
    if (!is_combining_mark(d.cp)) break;
    end += d.length;
  }
  const std::string_view source = m.text.substr(t.bytes.begin, t.bytes.size());
  EXPECT_EQ(t.bytes.end, end) << m.text;
  EXPECT_EQ(t.norm, fold(source)) << source;
  EXPECT_EQ(t.hash, hash_norm(t.norm)) << source;
  EXPECT_FALSE(t.capital) << source;
  EXPECT_FALSE(t.upper) << source;
}

TEST(TextAsciiPaths, PunctuationAsTheGeneralPath) {
  for (const char* text : {"a.b!c?d;e(f)g\"h'i/j~k=l<m>n^o|p`q&r_-s,t:u+v", "\x01\x1f\x7f!",
                           "!\xCC\x81 ?", "end.", "."}) {
    const TextModel m(text);
    for (const Token& t : m.tokens)
      if (t.kind == TokenKind::punct) expect_punct(m, t);
  }
  const TextModel m("ok!");
  ASSERT_EQ(m.tokens.size(), 2u);
  EXPECT_EQ(m.tokens[1].norm, "!");
  EXPECT_EQ(m.tokens[1].hash, hash_norm("!"));
}

TEST(TextAsciiPaths, JoinedRunsAsTheGeneralPath) {
  for (const char* text : {"can't I'VE Don't rock'n'roll 90's x'2", "follow-up ORD-5521 5-10 a-",
                           "user_id 5_A 5_a __x A_B_c", "5,000.50 10:30 3.5.7 2,x a.5 5.a",
                           "it's-a_b'c 7-Up up-7 e-MAIL"}) {
    const TextModel m(text);
    for (const Token& t : m.tokens)
      if (t.kind == TokenKind::word || t.kind == TokenKind::number ||
          t.kind == TokenKind::identifier)
        expect_general(m, t);
  }
  EXPECT_EQ(TextModel("5_A").tokens.at(0).capital, true);
  EXPECT_EQ(TextModel("I'VE").tokens.at(0).norm, "i've");
}

TEST(TextAsciiPaths, SameTokensOnGeneratedTexts) {
  static constexpr std::array<std::string_view, 30> kPieces = {
      "a", "B", "word", "WORD", "Mixed",    "7",        "42",
      "'", "'", "-",    "-",    "_",        ".",        ",",
      ":", " ", " ",    "\n",   "\xC3\xA9", "\xCC\x81", "\xE2\x80\x99",
      "!", "+", "x1",   "?",    "(",        "\x7f",     "{",
      "#", "\""};
  XorShift rng{0xC0FFEEULL};
  int joined = 0, punct = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t pieces = 1 + rng(12);
    for (std::size_t k = 0; k < pieces; ++k) text += kPieces[rng(kPieces.size())];
    const TextModel m(text);
    for (const Token& t : m.tokens) {
      if (t.kind == TokenKind::punct) {
        ++punct;
        expect_punct(m, t);
      }
      if (t.kind != TokenKind::word && t.kind != TokenKind::number &&
          t.kind != TokenKind::identifier)
        continue;
      joined += t.norm.find_first_of("'-_.,:") != std::string_view::npos;
      expect_general(m, t);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(joined, 1000);
  EXPECT_GT(punct, 20000);
}

}  // namespace
}  // namespace tactful
