// One test per VADER rule. Expected compounds are derived from the rule (lexicon means and the
// constants of vaderSentiment.py v3.3.1), not copied from a run, so each test says what the rule
// does; the parity tests cover the rest.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "tactful/sentiment.h"

namespace {

using tactful::SentimentScores;
using tactful::Vader;

constexpr double kGood = 1.9;  // lexicon means
constexpr double kBad = -2.5;
constexpr double kBooster = 0.293;
constexpr double kCaps = 0.733;
constexpr double kNeg = -0.74;

double norm(double sum) {
  return sum / std::sqrt(sum * sum + 15);
}
double compound(std::string_view text) {
  return Vader::instance().polarity_scores(text).compound;
}
double corrected(std::string_view text) {
  return Vader::corrected().polarity_scores(text).compound;
}

// Outputs are rounded to 4 places, so a derived value matches within half a unit.
constexpr double kTol = 5.1e-5;

TEST(VaderLexicon, EmbeddedAndParsedLikePython) {
  const Vader& v = Vader::instance();
  EXPECT_EQ(v.lexicon_size(), 7492u);  // 7,520 lines - 14 duplicates - 14 unreachable keys
  EXPECT_DOUBLE_EQ(v.lexicon_valence("good"), kGood);
  EXPECT_DOUBLE_EQ(v.lexicon_valence("GOOD"), kGood);  // looked up lower-cased
  EXPECT_DOUBLE_EQ(v.lexicon_valence("lol"), 1.8);     // duplicate: the last line wins
  EXPECT_DOUBLE_EQ(v.lexicon_valence("ok"), 1.2);
  EXPECT_DOUBLE_EQ(v.lexicon_valence("o\xE2\x84\xAA"), 1.2);  // "o" + KELVIN SIGN lowers to "ok"
  EXPECT_DOUBLE_EQ(v.lexicon_valence("the"), 0.0);
}

TEST(VaderRules, PlainWordsAndNeutralText) {
  EXPECT_NEAR(compound("The book was good."), norm(kGood), kTol);
  EXPECT_NEAR(compound("bad"), norm(kBad), kTol);
  const SentimentScores s = Vader::instance().polarity_scores("good");
  EXPECT_DOUBLE_EQ(s.pos, 1.0);
  EXPECT_DOUBLE_EQ(s.neu, 0.0);
  const SentimentScores none = Vader::instance().polarity_scores("the table is in the room");
  EXPECT_DOUBLE_EQ(none.compound, 0.0);
  EXPECT_DOUBLE_EQ(none.neu, 1.0);
}

TEST(VaderRules, Negation) {
  EXPECT_NEAR(compound("not good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("isn't good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("mayn't good"), norm(kGood * kNeg), kTol);     // any token with "n't"
  EXPECT_NEAR(compound("not a good"), norm(kGood * kNeg), kTol);      // two words back
  EXPECT_NEAR(compound("not it is good"), norm(kGood * kNeg), kTol);  // three words back
  EXPECT_NEAR(compound("not it is a good"), norm(kGood), kTol);       // four: too far
  // "without doubt X" leaves X alone ("doubt", -1.5, is itself negated by "without").
  EXPECT_NEAR(compound("without doubt good"), norm(-1.5 * kNeg + kGood), kTol);
  EXPECT_NEAR(compound("without a good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("VADER is not smart, handsome, nor funny."), -0.7424, kTol);
}

TEST(VaderRules, NoAsNegator) {
  // "no" before a lexicon word loses its own valence (-1.2) and negates the word.
  EXPECT_NEAR(compound("no good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("no"), norm(-1.2), kTol);
  EXPECT_NEAR(compound("no problem at all"), 0.3089, kTol);
}

TEST(VaderRules, BoostersAndDampeners) {
  EXPECT_NEAR(compound("very good"), norm(kGood + kBooster), kTol);
  EXPECT_NEAR(compound("very bad"), norm(kBad - kBooster), kTol);  // follows the sign
  EXPECT_NEAR(compound("barely good"), norm(kGood - kBooster), kTol);
  // Further away counts less: x0.95 at distance 2, x0.9 at distance 3.
  EXPECT_NEAR(compound("very, very good"), norm(kGood + kBooster + kBooster * 0.95), kTol);
  EXPECT_NEAR(compound("very the the good"), norm(kGood + kBooster * 0.9), kTol);
}

TEST(VaderRules, CapsEmphasis) {
  // ALL CAPS counts only when some other token is not all caps.
  EXPECT_NEAR(compound("GOOD day"), norm(kGood + kCaps), kTol);
  EXPECT_NEAR(compound("GOOD"), norm(kGood), kTol);
  EXPECT_NEAR(compound("VERY good day"), norm(kGood + kBooster + kCaps), kTol);
  EXPECT_NEAR(compound("BAD day"), norm(kBad - kCaps), kTol);
  // Python str.isupper(): ":D" is upper (one cased character, upper case), so in "good :D"
  // one of two tokens is upper and "GOOD :D" has no differential at all.
  EXPECT_NEAR(compound("GOOD :D"), norm(kGood + 2.3), kTol);
  EXPECT_NEAR(compound("good :D"), norm(kGood + 2.3 + kCaps), kTol);
  EXPECT_NEAR(compound("\xC3\x89TAIT good"), norm(kGood), kTol);  // non-ASCII caps: no lexicon hit
}

TEST(VaderRules, ButShiftsWeight) {
  EXPECT_NEAR(compound("good but bad"), norm(kGood * 0.5 + kBad * 1.5), kTol);
  EXPECT_NEAR(compound("good, BUT... bad"), norm(kGood * 0.5 + kBad * 1.5), kTol);
  // Only the first "but" counts.
  EXPECT_NEAR(compound("good but bad but bad"), norm(kGood * 0.5 + kBad * 1.5 * 2), kTol);
}

TEST(VaderRules, ButValueIndexQuirk) {
  // glad = 2.0, ":p" = 1.0. Upstream halves position 0 twice (2.0 -> 1.0, then the 1.0 of
  // ":p" is "found" at position 0 and halved again) and never scales ":p".
  EXPECT_NEAR(compound("glad but :p"), norm(0.5 + 1.0), kTol);
  EXPECT_NEAR(corrected("glad but :p"), norm(1.0 + 1.5), kTol);
}

TEST(VaderRules, ExclamationAndQuestionMarks) {
  EXPECT_NEAR(compound("good!"), norm(kGood + 0.292), kTol);
  EXPECT_NEAR(compound("good!!!!!!!"), norm(kGood + 4 * 0.292), kTol);  // at most four
  EXPECT_NEAR(compound("bad!"), norm(kBad - 0.292), kTol);              // away from zero
  EXPECT_NEAR(compound("good?"), norm(kGood), kTol);                    // one '?' adds nothing
  EXPECT_NEAR(compound("good??"), norm(kGood + 2 * 0.18), kTol);
  EXPECT_NEAR(compound("good???"), norm(kGood + 3 * 0.18), kTol);
  EXPECT_NEAR(compound("good????"), norm(kGood + 0.96), kTol);
  EXPECT_DOUBLE_EQ(compound("the!!!"), 0.0);  // nothing to amplify
  // Short tokens keep their punctuation: "ok!" is not "ok" (upstream quirk).
  EXPECT_DOUBLE_EQ(compound("ok!"), 0.0);
  EXPECT_NEAR(compound("ok"), 0.296, kTol);
}

TEST(VaderRules, Emoji) {
  const Vader& v = Vader::instance();
  // U+1F601 is "beaming face with smiling eyes"; "smiling" is 2.0.
  EXPECT_NEAR(compound("\xF0\x9F\x98\x81"), norm(2.0), kTol);
  EXPECT_DOUBLE_EQ(compound("good \xF0\x9F\x98\x81"),
                   compound("good beaming face with smiling eyes"));
  // A space is added before a description that follows a non-space, none after it.
  EXPECT_DOUBLE_EQ(compound("good\xF0\x9F\x98\x81"),
                   compound("good beaming face with smiling eyes"));
  EXPECT_DOUBLE_EQ(compound("\xF0\x9F\x98\x81good"),
                   compound("beaming face with smiling eyesgood"));
  // Emoji are looked up one code point at a time: a ZWJ sequence becomes its parts.
  EXPECT_NO_FATAL_FAILURE(v.polarity_scores("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"));
  // Latin-1 characters in the emoji lexicon: (C) and (R).
  EXPECT_DOUBLE_EQ(compound("good\xC2\xA9"), compound("good copyright"));
  EXPECT_DOUBLE_EQ(compound("Catch utf-8 emoji such as \xF0\x9F\x92\x98 and \xF0\x9F\x92\x8B and "
                            "\xF0\x9F\x98\x81"),
                   compound("Catch utf-8 emoji such as heart with arrow and kiss mark and beaming "
                            "face with smiling eyes"));
}

TEST(VaderRules, KindOf) {
  // "kind" (2.4) followed by "of" scores nothing; as a bigram before a word it dampens.
  EXPECT_NEAR(compound("kind of good"), norm(kGood), kTol);
  EXPECT_NEAR(compound("it is kind of good"), norm(kGood - kBooster), kTol);
  EXPECT_NEAR(compound("The book was only kind of good."), 0.3832, kTol);
  EXPECT_NEAR(compound("kind people"), norm(2.4), kTol);
  EXPECT_NEAR(compound("it is sort of good"), norm(kGood - kBooster), kTol);
}

TEST(VaderRules, Least) {
  EXPECT_NEAR(compound("least good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("the least good"), norm(kGood * kNeg), kTol);
  EXPECT_NEAR(compound("at least good"), norm(kGood), kTol);
  EXPECT_NEAR(compound("very least good"), norm(kGood + kBooster * 0.95), kTol);
}

TEST(VaderRules, NeverSo) {
  EXPECT_NEAR(compound("never so good"), norm((kGood + kBooster) * 1.25), kTol);
  EXPECT_NEAR(compound("never this good"), norm(kGood * 1.25), kTol);
  EXPECT_NEAR(compound("never so very good"), norm((kGood + kBooster + kBooster * 0.95) * 1.25),
              kTol);
}

TEST(VaderRules, SoThisPrecedenceQuirk) {
  // Any word right after "so"/"this" with three tokens before it gets x1.25 upstream.
  EXPECT_NEAR(compound("am so happy"), 0.6115, kTol);
  EXPECT_NEAR(compound("I am so happy"), 0.6948, kTol);
  EXPECT_NEAR(compound("I am so happy"), norm((2.7 + kBooster) * 1.25), kTol);
  EXPECT_NEAR(corrected("I am so happy"), norm(2.7 + kBooster), kTol);
}

TEST(VaderRules, SpecialCaseIdioms) {
  // The phrase value replaces the word's (checked when three words precede it).
  EXPECT_NEAR(compound("that is the shit"), norm(3.0), kTol);
  EXPECT_NEAR(compound("we waited at the bus stop"), 0.0, kTol);
  // "broken heart" (-2.9) replaces both "broken" (-2.1) and "heart" (3.2).
  EXPECT_NEAR(compound("it is a broken heart"), norm(-2.9 * 2), kTol);
  // Too close to the start for the check: plain lexicon values.
  EXPECT_NEAR(compound("the shit"), norm(-2.6), kTol);
  // SENTIMENT_LADEN_IDIOMS is not implemented upstream: "cut the mustard" is just its words.
  EXPECT_DOUBLE_EQ(compound("it will cut the mustard"), compound("it will cut the the"));
}

TEST(VaderRules, SupportChatExamplesFromResearch) {
  // Values from running the unmodified Python (research notes, two decimals).
  EXPECT_NEAR(compound("I am so sorry for the inconvenience."), -0.50, 0.005);
  EXPECT_NEAR(compound("I understand how frustrating this must be."), -0.44, 0.005);
  EXPECT_NEAR(compound("I apologize for the delay"), -0.23, 0.005);
  EXPECT_NEAR(compound("Unfortunately we cannot refund you."), -0.34, 0.005);
  EXPECT_NEAR(compound("Thanks for your patience!"), 0.49, 0.005);
  EXPECT_NEAR(compound("No problem at all"), 0.31, 0.005);
}

TEST(VaderRules, ScoresSplitAndRounding) {
  const SentimentScores s = Vader::instance().polarity_scores("good but bad");
  // pos (0.95 + 1), neg (-3.75 - 1), one neutral.
  const double total = 1.95 + 4.75 + 1;
  EXPECT_NEAR(s.pos, 1.95 / total, 5e-4);
  EXPECT_NEAR(s.neg, 4.75 / total, 5e-4);
  EXPECT_NEAR(s.neu, 1 / total, 5e-4);
  EXPECT_DOUBLE_EQ(s.compound * 1e4, std::round(s.compound * 1e4));
}

}  // namespace
