// Whether an agent's line only holds the thread (customer/holding_reply.cc), against a plain
// reading of its rule written here: lower-case the line (a curly apostrophe as '), then it holds
// when a holding phrase starts a word somewhere and neither "sorry" nor "apolog" starts one.
// Compared on generated lines made of the phrases, their near misses, apologies, other words,
// capitals, curly apostrophes and glue that makes a phrase start inside a word.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "customer/signals_internal.h"
#include "xorshift.h"

namespace tactful::customer {
namespace {

using tactful::testing::XorShift;

bool plain_holding_reply(std::string_view text) {
  if (text.size() > 90) return false;
  std::string lower;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xe2\x80\x99") {
      lower += '\'';
      i += 2;
      continue;
    }
    const char c = text[i];
    lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
  }
  bool holds = false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char prev = i > 0 ? lower[i - 1] : ' ';
    if ((prev >= 'a' && prev <= 'z') || prev == '\'') continue;  // not a word start
    const std::string_view rest = std::string_view(lower).substr(i);
    if (rest.starts_with("sorry") || rest.starts_with("apolog")) return false;
    for (std::string_view p : holding_phrases()) holds = holds || rest.starts_with(p);
  }
  return holds;
}

std::string generated_line(XorShift& rng) {
  static const std::vector<std::string> kPieces = {"Let me check",
                                                   "let me look",
                                                   "LET ME SEE",
                                                   "let me find out",
                                                   "Let me ask",
                                                   "I'll check",
                                                   "I\xe2\x80\x99ll look",
                                                   "I will check",
                                                   "i will look",
                                                   "I'll find out",
                                                   "We'll check",
                                                   "we\xe2\x80\x99ll look",
                                                   "Looking at this",
                                                   "looking into",
                                                   "Checking now",
                                                   "checking this",
                                                   "One moment",
                                                   "Bear with me",
                                                   "Thanks for letting",
                                                   "give me a moment",
                                                   "Give me a minute",
                                                   "I'm checking",
                                                   "let me",
                                                   "looking",
                                                   "checking",
                                                   "give me a",
                                                   "Sorry",
                                                   "sorrow",
                                                   "apologies",
                                                   "Apologise",
                                                   "apple",
                                                   "the order",
                                                   "your parcel",
                                                   "is",
                                                   "on its way",
                                                   "thanks",
                                                   "bear",
                                                   "one",
                                                   "we",
                                                   "I",
                                                   "a",
                                                   "look",
                                                   "see",
                                                   " ",
                                                   " ",
                                                   " ",
                                                   ", ",
                                                   ". ",
                                                   "!",
                                                   "?",
                                                   "'",
                                                   "x",
                                                   "re",
                                                   "9",
                                                   "\xc3\xa9",
                                                   "-"};
  std::string line;
  const std::size_t pieces = rng(12);
  for (std::size_t i = 0; i < pieces; ++i) {
    line += kPieces[rng(kPieces.size())];
    if (rng(3) != 0) line += ' ';
  }
  return line;
}

TEST(HoldingReply, SameAsThePlainReadingOnGeneratedLines) {
  XorShift rng{0x401d1e5ULL};
  int holding = 0;
  for (int n = 0; n < 50000; ++n) {
    const std::string line = generated_line(rng);
    const bool expected = plain_holding_reply(line);
    holding += expected;
    EXPECT_EQ(holding_reply(line), expected) << line;
  }
  EXPECT_GT(holding, 5000);  // the generator reaches both answers
}

}  // namespace
}  // namespace tactful::customer
