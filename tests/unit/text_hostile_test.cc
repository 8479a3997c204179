// Hostile inputs: 10 MB texts that would be quadratic for a backtracking tokenizer. These check
// the results; a quadratic implementation would also time out here.
#include <gtest/gtest.h>

#include <string>

#include "tactful/text.h"

namespace tactful {
namespace {

constexpr std::size_t kSize = 10u << 20;
// The variations beyond the four classic ones are smaller to keep the suite fast; a quadratic
// scan would still take hours on them.
constexpr std::size_t kSmall = kSize / 4;

std::size_t count_kind(const TextModel& m, TokenKind k) {
  std::size_t n = 0;
  for (const Token& t : m.tokens) n += t.kind == k;
  return n;
}

TEST(TextHostile, OneHugeWord) {
  const std::string text(kSize, 'a');
  const TextModel m(text);
  ASSERT_EQ(m.tokens.size(), 1u);
  EXPECT_EQ(m.tokens[0].kind, TokenKind::word);
  EXPECT_EQ(m.tokens[0].bytes, (Span{0, kSize}));
  EXPECT_EQ(m.sentences.size(), 1u);
}

TEST(TextHostile, NoSpacesMixedText) {
  std::string text;
  while (text.size() < kSize) text += "ab1.c-d'e_f@g.h{i[J";
  const TextModel m(text);
  EXPECT_GT(m.tokens.size(), text.size() / 20);
  EXPECT_EQ(m.sentences.size(), 1u);
}

TEST(TextHostile, Exclamations) {
  const std::string text(kSize, '!');
  const TextModel m(text);
  EXPECT_EQ(m.tokens.size(), kSize);
  EXPECT_EQ(count_kind(m, TokenKind::punct), kSize);
  EXPECT_EQ(m.sentences.size(), 1u);
  EXPECT_EQ(m.word_count(), 0u);
}

TEST(TextHostile, UnclosedBraces) {
  const std::string text(kSize, '{');
  const TextModel m(text);
  EXPECT_EQ(m.tokens.size(), kSize);
  EXPECT_EQ(count_kind(m, TokenKind::placeholder), 0u);
}

TEST(TextHostile, UnclosedBracesWithContent) {
  std::string text;
  while (text.size() < kSmall) text += "{{ name [Customer Name %{x ";
  const TextModel m(text);
  EXPECT_EQ(count_kind(m, TokenKind::placeholder), 0u);
  EXPECT_GT(m.word_count(), text.size() / 10);
}

TEST(TextHostile, InvalidBytes) {
  const std::string text(kSize, '\xFF');
  const TextModel m(text);
  EXPECT_EQ(m.tokens.size(), kSize);
  EXPECT_EQ(m.tokens.back().bytes, (Span{kSize - 1, kSize}));
  EXPECT_EQ(m.tokens.back().norm, "\xEF\xBF\xBD");
  EXPECT_EQ(Utf16Index(text).utf16_length(), kSize);
  EXPECT_EQ(sanitize_utf8(text).size(), kSize * 3);
}

TEST(TextHostile, LongUrlAndEmailParts) {
  const std::string url = "https://" + std::string(kSmall, 'x') + " ok";
  const TextModel u(url);
  ASSERT_EQ(u.tokens.size(), 2u);
  EXPECT_EQ(u.tokens[0].kind, TokenKind::url);
  std::string at;
  while (at.size() < kSmall) at += "a.b@";
  const TextModel e(at);
  EXPECT_EQ(count_kind(e, TokenKind::email), 0u);  // "b@a" never has a two-letter TLD
  std::string emails;
  while (emails.size() < kSmall) emails += "a@bb.cc ";
  EXPECT_EQ(count_kind(TextModel(emails), TokenKind::email), emails.size() / 8);
}

TEST(TextHostile, ManyNewlinesAndEmoji) {
  std::string text;
  while (text.size() < kSmall) text += "\n\xF0\x9F\x98\x80\xE2\x80\x8D";
  const TextModel m(text);
  EXPECT_EQ(count_kind(m, TokenKind::emoji), m.tokens.size());
  EXPECT_EQ(m.sentences.size(), m.tokens.size());
}

}  // namespace
}  // namespace tactful
