// The tokenizer's ASCII runs joined by connectors ("can't", "follow-up", "user_id",
// "5,000.50"), read in line by join_ascii: each word, number or identifier token is what
// scan_alnum, fold and the case rules give for its bytes, on texts built of runs, connectors and
// the bytes around them, ASCII and not.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "tactful/text.h"
#include "text/text_internal.h"

namespace tactful {
namespace {

struct XorShift {
  std::uint64_t state;
  std::size_t operator()(std::size_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<std::size_t>(state % n);
  }
};

// What the general path (scan_alnum, then emit) makes of the alnum token at t.bytes.begin.
void expect_general(const TextModel& m, const Token& t) {
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

TEST(TextJoinedRuns, SameTokensAsTheGeneralPath) {
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

TEST(TextJoinedRuns, SameTokensOnGeneratedTexts) {
  static constexpr std::array<std::string_view, 24> kPieces = {
      "a", "B", "word", "WORD", "Mixed",    "7",        "42",
      "'", "'", "-",    "-",    "_",        ".",        ",",
      ":", " ", " ",    "\n",   "\xC3\xA9", "\xCC\x81", "\xE2\x80\x99",
      "!", "+", "x1"};
  XorShift rng{0xC0FFEEULL};
  int joined = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t pieces = 1 + rng(12);
    for (std::size_t k = 0; k < pieces; ++k) text += kPieces[rng(kPieces.size())];
    const TextModel m(text);
    for (const Token& t : m.tokens) {
      if (t.kind != TokenKind::word && t.kind != TokenKind::number &&
          t.kind != TokenKind::identifier)
        continue;
      joined += t.norm.find_first_of("'-_.,:") != std::string_view::npos;
      expect_general(m, t);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(joined, 1500);
}

}  // namespace
}  // namespace tactful
