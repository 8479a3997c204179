// The agent's tokens read straight from the bytes (text/word_hashes.h) against the tokenizer's:
// the same kinds, hashes and bytes, token for token, on generated ASCII texts built to reach
// every branch of the tokenizer's ASCII dispatch (connectors, URLs, numbers, identifiers, control
// bytes) and on every draft and message of the open corpus files; texts outside the subset read
// append nothing.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dev_texts.h"
#include "tactful/text.h"
#include "text/word_hashes.h"
#include "xorshift.h"

namespace tactful {
namespace {

using tactful::testing::XorShift;

std::vector<HashedToken> by_model(std::string_view text) {
  std::vector<HashedToken> out;
  append_hashed(TextModel(text), out);
  return out;
}

// Whether the fast reader read `text`; when it did, its tokens are the model's.
bool expect_same(std::string_view text) {
  std::vector<HashedToken> fast = {{42, TokenKind::emoji, 'x'}};  // kept: only appended to
  const bool read = append_hashed_ascii(text, fast);
  EXPECT_EQ(fast.front().hash, 42u);
  fast.erase(fast.begin());
  if (!read) {
    EXPECT_TRUE(fast.empty()) << text;
    return false;
  }
  const std::vector<HashedToken> model = by_model(text);
  EXPECT_EQ(fast.size(), model.size()) << text;
  for (std::size_t i = 0; i < std::min(fast.size(), model.size()); ++i) {
    EXPECT_EQ(fast[i].kind, model[i].kind) << text << " token " << i;
    EXPECT_EQ(fast[i].hash, model[i].hash) << text << " token " << i;
    EXPECT_EQ(fast[i].byte, model[i].byte) << text << " token " << i;
  }
  return true;
}

TEST(WordHashes, SameTokensAsTheTokenizerOnShapesOfEachBranch) {
  for (const char* text : {"Hi Dana, thanks for reaching out. Could you send me a screenshot?",
                           "I've passed this on; we can't do it, don't worry!",
                           "rock'n'roll 90's abc' 'quoted'",
                           "follow-up ORD-5521 5-10 -x x- a--b 24-hour",
                           "user_id x_ _y a__b 3_4",
                           "5,000.50 and 10:30, 3.5. end. a.b a,b 3,b x:y 7: 8:",
                           "www.example.com/path?q=1 and",
                           "see https://x.y/z?a=1 (or http://a.b/c).",
                           "www. www.- Www.Shop.com. ftp+x://h",
                           "A1B2 3rd x2 2x 007 0.5 ~`^|\\/<>=&!?\"()",
                           "\x01\x7f\x1c\x1d tab\tnew\nline\r\n",
                           "ALL CAPS TEXT",
                           "e.g. Mr. Smith. No. 5",
                           "",
                           " ",
                           ".",
                           "a",
                           "9",
                           "'",
                           "-a",
                           "a-",
                           "can't.",
                           "end,",
                           "x,",
                           "9,",
                           "9.",
                           "a:",
                           "a+b c+",
                           "https://",
                           "word's"})
    EXPECT_TRUE(expect_same(text)) << text;
}

TEST(WordHashes, LeavesOtherTextsToTheTokenizer) {
  for (const char* text : {"{{ticket}}", "hi [Customer Name]", "mail a.b@c.com", "#A1234", "%{x}",
                           "${x}", "*", "caf\xC3\xA9", "\xF0\x9F\x98\x80", "ok \xFF"})
    EXPECT_FALSE(expect_same(text)) << text;
}

TEST(WordHashes, SameTokensOnGeneratedTexts) {
  static constexpr std::array<std::string_view, 40> kPieces = {"word",     "Word",
                                                               "WORD",     "wOrD",
                                                               "a",        "I",
                                                               "x",        "42",
                                                               "3",        "0.5",
                                                               "5,000",    "10:30",
                                                               "A1",       "2b",
                                                               "'",        "-",
                                                               "_",        ".",
                                                               ",",        ":",
                                                               "+",        "/",
                                                               "?",        "!",
                                                               ";",        "(",
                                                               ")",        "\"",
                                                               "~",        "=",
                                                               "www.",     "http",
                                                               "://",      "https://a.b/c",
                                                               "www.x.io", " ",
                                                               " ",        "  ",
                                                               "\n",       "\t"};
  XorShift rng{0x5EEDF00DULL};
  int read = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t pieces = 1 + rng(14);
    for (std::size_t k = 0; k < pieces; ++k) {
      text += kPieces[rng(kPieces.size())];
      if (rng(50) == 0) text += static_cast<char>(1 + rng(127));  // any ASCII byte
    }
    read += expect_same(text);
    if (HasFailure()) return;
  }
  EXPECT_GT(read, 15000);  // most generated texts are read here, not left to the tokenizer
}

TEST(WordHashes, SameTokensOnTheOpenCorpus) {
  int read = 0;
  const int texts =
      testing::for_each_dev_text([&](std::string_view text) { read += expect_same(text); });
  EXPECT_GT(texts, 1000);
  EXPECT_GT(read, texts / 2);
}

}  // namespace
}  // namespace tactful
