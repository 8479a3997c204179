// Hostile input, the Python str semantics the port relies on, the two forms of the parity
// `but` rule, Python rounding, and sharing one Vader across threads.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sentiment/vader_internal.h"
#include "tactful/sentiment.h"

namespace {

using tactful::SentimentScores;
using tactful::Vader;
namespace vader = tactful::vader;

bool finite_in_range(const SentimentScores& s) {
  return std::isfinite(s.compound) && s.compound >= -1 && s.compound <= 1 && s.neg >= 0 &&
         s.neu >= 0 && s.pos >= 0 && s.neg <= 1 && s.neu <= 1 && s.pos <= 1;
}

TEST(VaderInput, EmptyAndBlank) {
  for (std::string_view text : {"", " ", "\t\n\r\v\f", "\xC2\xA0\xE3\x80\x80", "\x1C\x1D"}) {
    const SentimentScores s = Vader::instance().polarity_scores(text);
    EXPECT_EQ(s.compound, 0.0);
    EXPECT_EQ(s.neg + s.neu + s.pos, 0.0);
  }
}

TEST(VaderInput, PythonWhitespaceSplits) {
  // NBSP, NEL, U+2003 and U+3000 separate words in Python's str.split(); U+200B does not.
  const double good_bad = Vader::instance().polarity_scores("good bad").compound;
  for (std::string_view sep : {"\xC2\xA0", "\xC2\x85", "\xE2\x80\x83", "\xE3\x80\x80", "\x1F"}) {
    const std::string text = "good" + std::string(sep) + "bad";
    EXPECT_EQ(Vader::instance().polarity_scores(text).compound, good_bad) << text;
  }
  EXPECT_EQ(Vader::instance()
                .polarity_scores("good\xE2\x80\x8B"
                                 "bad")
                .compound,
            0.0);
}

TEST(VaderInput, InvalidUtf8AndNuls) {
  const std::string nul_text("good\0 bad\0\0 \0", 14);
  EXPECT_TRUE(finite_in_range(Vader::instance().polarity_scores(nul_text)));
  // "good\0" is one token that is not "good" (NUL is neither space nor punctuation).
  EXPECT_EQ(Vader::instance().polarity_scores(std::string("good\0", 5)).compound, 0.0);
  for (std::string_view text :
       {"\xFF\xFE good", "good \xC3", "\xE2\x82 bad", "\xF4\x90\x80\x80", "\xED\xA0\x80 great",
        "\xC0\xAF\xC0\xAF", "\xF0\x9F\x98", "\x80\x80\x80!!!", "GOOD \xFF day"}) {
    EXPECT_TRUE(finite_in_range(Vader::instance().polarity_scores(text))) << text;
  }
  // Random bytes, with words mixed in, never break anything.
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) {
      if (rng() % 5 == 0) {
        text += " good but NOT bad ";
      } else {
        text.push_back(static_cast<char>(rng() % 256));
      }
    }
    EXPECT_TRUE(finite_in_range(Vader::instance().polarity_scores(text)));
    EXPECT_TRUE(finite_in_range(Vader::corrected().polarity_scores(text)));
  }
}

TEST(VaderInput, MegabyteTextsScoreFinite) {
  // Many equal valences after a "but" is the worst case of the parity `but` rule.
  std::string repeated = "but ";
  while (repeated.size() < (1u << 20)) repeated += "good great GOOD bad :) \xF0\x9F\x98\x81 ";
  std::string random_words;
  std::mt19937 rng(11);
  const char* words[] = {"good", "bad", "not", "very", "but", "never", "so",   "least", "kind",
                         "of",   "no",  "ok!", "!!",   "??",  "the",   "LOVE", "hate",  "\xC2\xA9"};
  while (random_words.size() < (1u << 20)) {
    random_words += words[rng() % std::size(words)];
    random_words += ' ';
  }
  for (const std::string& text : {repeated, random_words, std::string(1u << 20, 'x'),
                                  std::string(1u << 20, ' '), std::string(1u << 20, '!')}) {
    // Speed is measured in bench/, not asserted here; a quadratic path would show as a
    // time-out of the whole test (ctest TIMEOUT) rather than a flaky threshold.
    const SentimentScores s = Vader::instance().polarity_scores(text);
    EXPECT_TRUE(finite_in_range(s));
  }
}

TEST(VaderUnicode, PythonIsUpper) {
  EXPECT_TRUE(vader::py_isupper("GOOD"));
  EXPECT_TRUE(vader::py_isupper(":D"));  // one cased character, upper case
  EXPECT_TRUE(
      vader::py_isupper("\xC3\x89"
                        "COLE"));                              // ÉCOLE
  EXPECT_TRUE(vader::py_isupper("\xD0\x9F\xD0\xA0\xD0\x98"));  // ПРИ
  EXPECT_FALSE(vader::py_isupper("123"));
  EXPECT_FALSE(vader::py_isupper(":)"));
  EXPECT_FALSE(vader::py_isupper("Good"));
  EXPECT_FALSE(
      vader::py_isupper("STRA\xC3\x9F"
                        "E"));                   // ß is lowercase
  EXPECT_FALSE(vader::py_isupper("A\xC2\xAA"));  // ª counts as lowercase in Python
  EXPECT_FALSE(vader::py_isupper("\xC7\x85"));   // ǅ is titlecase
  EXPECT_TRUE(vader::py_isupper("A\xFF"));       // invalid byte: uncased
}

TEST(VaderUnicode, DecodeAndStrip) {
  EXPECT_EQ(vader::decode_char("\xE2\x82\xAC", 0).cp, U'\u20AC');
  EXPECT_EQ(vader::decode_char("\xE2\x82", 0).length, 1);
  EXPECT_EQ(vader::decode_char("\xC0\xAF", 0).cp, U'\uFFFD');
  EXPECT_EQ(vader::py_strip("\xC2\xA0 x y\t\xE3\x80\x80"), "x y");
  EXPECT_EQ(vader::py_strip("x\x80"), "x\x80");
  std::string lowered;
  vader::append_lower(lowered, "AbC\xE2\x84\xAA\xC3\x89");
  EXPECT_EQ(lowered, "abck\xC3\x89");
}

TEST(VaderBut, ResearchExample) {
  std::vector<double> s = {2.0, 0, 1.0};
  vader::but_scale_parity_direct(1, s);
  EXPECT_EQ(s, (std::vector<double>{0.5, 0, 1.0}));
  s = {2.0, 0, 1.0};
  vader::but_scale_parity_heaps(1, s);
  EXPECT_EQ(s, (std::vector<double>{0.5, 0, 1.0}));
}

TEST(VaderBut, HeapsMatchTheTranscription) {
  std::mt19937 rng(3);
  const double values[] = {0, 0, 0, 1.0, 2.0, 4.0, 0.5, -1.0, -2.0, 1.5, 3.0, 0.75, 2.25, -0.5};
  for (int round = 0; round < 2000; ++round) {
    std::vector<double> s(1 + rng() % 80);
    for (double& v : s) v = values[rng() % std::size(values)];
    const std::size_t but_index = rng() % s.size();
    std::vector<double> direct = s;
    std::vector<double> heaps = s;
    vader::but_scale_parity_direct(but_index, direct);
    vader::but_scale_parity_heaps(but_index, heaps);
    ASSERT_EQ(direct, heaps) << "round " << round;
  }
}

TEST(VaderRound, MatchesPythonRound) {
  EXPECT_EQ(vader::py_round(0.0625, 3), 0.062);  // exact tie: to even
  EXPECT_EQ(vader::py_round(0.1875, 3), 0.188);
  EXPECT_EQ(vader::py_round(0.125, 2), 0.12);
  EXPECT_EQ(vader::py_round(0.375, 2), 0.38);
  EXPECT_EQ(vader::py_round(2.675, 2), 2.67);  // 2.67499999... in binary
  EXPECT_EQ(vader::py_round(0.0635, 3), 0.064);
  EXPECT_EQ(vader::py_round(0.44043, 4), 0.4404);
  EXPECT_EQ(vader::py_round(-0.74245, 4), -0.7425);  // -0.742450000000000032...
  const double tiny = vader::py_round(-1e-17, 4);
  EXPECT_EQ(tiny, 0.0);
  EXPECT_TRUE(std::signbit(tiny));  // Python keeps -0.0
}

TEST(VaderThreads, SharedInstanceIsThreadSafe) {
  const std::vector<std::string> texts = {
      "good",      "not bad!!", "I am so happy", "glad but :p", "VERY GOOD day \xF0\x9F\x98\x81",
      "least good"};
  std::vector<SentimentScores> expected;
  for (const std::string& t : texts) expected.push_back(Vader::instance().polarity_scores(t));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 2000; ++round) {
        const std::size_t i = static_cast<std::size_t>(round + k) % texts.size();
        const SentimentScores s = Vader::instance().polarity_scores(texts[i]);
        if (s.compound != expected[i].compound || s.pos != expected[i].pos) ++mismatches[k];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
