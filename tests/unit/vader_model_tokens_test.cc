// VADER's words read from a TextModel's tokens (sentiment/vader_model_tokens.cc) against
// make_senti_text, which splits the bytes as Python does: the same tokens (the same bytes, word
// entries, case and negation flags) and the same scores, on every dev text and on generated texts
// made of the shapes where the two splits could part (punctuation around short words,
// apostrophes, whitespace the tokenizer keeps, placeholders, non-ASCII).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "dev_texts.h"
#include "sentiment/vader_internal.h"
#include "tactful/sentiment.h"
#include "tactful/text.h"
#include "xorshift.h"

namespace tactful::vader {
namespace {

using tactful::testing::XorShift;

// Compares the two readings of `text`; returns whether the tokens' reading took it.
bool expect_same(std::string_view text) {
  const Lexicon& lexicon = shared_lexicon();
  SentiText by_bytes, by_tokens;
  make_senti_text(lexicon, text, by_bytes);
  const TextModel model(text);
  const bool read = make_senti_text_from_tokens(lexicon, model, by_tokens);
  if (read) {
    EXPECT_EQ(by_tokens.text.data(), by_bytes.text.data()) << text;
    EXPECT_EQ(by_tokens.text.size(), by_bytes.text.size()) << text;
    EXPECT_EQ(by_tokens.is_cap_diff, by_bytes.is_cap_diff) << text;
    EXPECT_EQ(by_tokens.tokens.size(), by_bytes.tokens.size()) << text;
    for (std::size_t k = 0; k < by_tokens.tokens.size() && k < by_bytes.tokens.size(); ++k) {
      const Token& a = by_tokens.tokens[k];
      const Token& b = by_bytes.tokens[k];
      EXPECT_EQ(a.text.data(), b.text.data()) << text << " token " << k << ": " << b.text;
      EXPECT_EQ(a.text.size(), b.text.size()) << text << " token " << k << ": " << b.text;
      EXPECT_EQ(a.info, b.info) << text << " token " << k << ": " << b.text;
      EXPECT_EQ(a.upper, b.upper) << text << " token " << k << ": " << b.text;
      EXPECT_EQ(a.negated, b.negated) << text << " token " << k << ": " << b.text;
    }
  }
  for (const Vader* vader : {&Vader::instance(), &Vader::corrected()}) {
    const SentimentScores a = vader->polarity_scores(model);
    const SentimentScores b = vader->polarity_scores(text);
    EXPECT_EQ(a.compound, b.compound) << text;
    EXPECT_EQ(a.neg, b.neg) << text;
    EXPECT_EQ(a.neu, b.neu) << text;
    EXPECT_EQ(a.pos, b.pos) << text;
  }
  return read;
}

TEST(VaderModelTokens, SameAsTheByteSplitOnEveryDevText) {
  int read = 0;
  const int texts = tactful::testing::for_each_dev_text(
      [&](std::string_view text) { read += expect_same(text); });
  EXPECT_GT(texts, 1000);
  // Most dev texts are ASCII: the tokens' reading must take them, or it saves nothing.
  EXPECT_GT(read, texts * 8 / 10);
}

TEST(VaderModelTokens, SameAsTheByteSplitOnEdgeCases) {
  for (std::string_view text : {
           "",
           " ",
           "I",
           "i",
           "A a",
           "I'm OK!",
           "ok!",
           "OK",
           "NOT good",
           "not GOOD at ALL",
           "don't",
           "DON'T like it",
           "doesn't",
           "dont",
           "ain't",
           "n't",
           "can't't",
           "'can't'",
           "(great)",
           "((no))",
           "\"no\"",
           "...no...",
           "no.",
           ".no",
           "a.",
           "x!!",
           "!!x",
           "I.",
           ":)",
           ":-(",
           ";-)",
           "<3",
           "good:)",
           "--good--",
           "e-mail",
           "follow-up",
           "re-open",
           "it's",
           "its'",
           "'tis",
           "rock'n'roll",
           "U.S.A.",
           "e.g.",
           "Mr. Smith",
           "no\x1cgood",
           "bad\x1f",
           "\x1d",
           "good\x01"
           "bad",
           "\x7fgood",
           "kind of bad",
           "KIND OF GOOD",
           "good\vbad",
           "good\fbad",
           "good\r\nbad",
           "\tgood\t",
           "{{ first name }} is great",
           "{name} sucks",
           "[Customer Name] is happy",
           "see https://example.com/bad now",
           "mail bob@example.com today",
           "order #12345 is late",
           "ORD-5521 bad",
           "x2 good",
           "$49 refund",
           "5-10 days",
           "3.5 stars",
           "10:30am",
           "100%",
           "50/50",
           "A+",
           "B-",
           "caf\xc3\xa9 good",
           "good \xf0\x9f\x98\x80",
           "na\xc3\xafve",
           "\xe2\x80\x9cno\xe2\x80\x9d",
           "good\xc2\xa0"
           "bad",
           "I LOVE it",
           "I love IT",
           "HATE",
           "WTF",
           "lol",
           "LMAO!!!",
           "but it's bad",
           "BUT good",
           "at least",
           "never so good",
           "without doubt",
       })
    expect_same(text);
}

// Texts drawn from short words, punctuation, cases and glue of every kind the two splits read
// differently, in random order.
TEST(VaderModelTokens, SameAsTheByteSplitOnGeneratedTexts) {
  static constexpr std::string_view kPieces[] = {
      "I",     "i",     "a",     "A",      "OK",    "ok",       "no",
      "NO",    "not",   "good",  "GOOD",   "Good",  "bad",      "BAD",
      "love",  "hate",  "kind",  "of",     "but",   "BUT",      "very",
      "never", "so",    "least", "at",     "don't", "DON'T",    "can't",
      "cant",  "isn't", "n't",   "'",      "\"",    "!",        "?",
      ".",     ",",     "...",   "(",      ")",     "-",        "_",
      ":)",    ":(",    ":-)",   "#",      "@",     "$",        "%",
      "&",     "*",     "/",     "\\",     "~",     "{",        "}",
      "[",     "]",     "{{x}}", "e-mail", "x2",    "49",       "3.5",
      "10:30", "\x1c",  "\x1f",  "\x01",   "\x7f",  "\xc3\xa9", "\xe2\x80\x99",
      "won't", "kiss",  "of",    "death",  "the",   "shit",     "bomb",
      "yeah",  "right", "sort",
  };
  static constexpr std::string_view kGlue[] = {" ", " ", " ", "", "", "  ", "\t", "\n", "\v", "\r"};
  XorShift next{0xA0761D6478BD642FULL};
  int read = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = 1 + next(12); n > 0; --n) {
      text += kPieces[next(std::size(kPieces))];
      text += kGlue[next(std::size(kGlue))];
    }
    read += expect_same(text);
    if (HasFailure()) return;
  }
  EXPECT_GT(read, 5000);
}

}  // namespace
}  // namespace tactful::vader
