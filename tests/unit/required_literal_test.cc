// The literals require rules look for before RE2 scans a draft (match/required_literal.h): what
// required_literal reads from a source; that every text a regex matches holds its literal, for
// each regex of the built-in rules and for shapes made to trip the reader (escapes that run on,
// classes, groups, quantifiers), on generated ASCII texts and every ASCII draft and message of
// the open corpus files; and NeededLiteral::in against a plain find.
#include <gtest/gtest.h>

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dev_texts.h"
#include "match/required_literal.h"
#include "tactful/rule_set.h"
#include "xorshift.h"

namespace tactful {
namespace {

TEST(RequiredLiteral, ReadsOnlyBytesOutsideGroupsAndClasses) {
  struct Case {
    std::string_view regex, literal;
  };
  const Case cases[] = {
      {R"(\b(?:so|quite) glad (?:about|for) it)", " glad "},
      {R"(\bkeep (?:it|them) safe\b)", "keep "},
      {"Colou?r chart", "r chart"},  // 'u' may be absent: the run restarts after it
      {"ab{2}cdef", "cdef"},
      {"abc|defg", ""},            // an alternation outside parentheses
      {"(abcd|efgh)", ""},         // nothing outside the group
      {R"(\p{Greek}abc)", "abc"},  // the class name is not a literal
      {R"(\pLxyz)", "xyz"},
      {R"(\x{263a}wxyz)", "wxyz"},
      {R"(\x41bcd)", "bcd"},
      {R"(\1234567)", "4567"},  // octal escapes end after three digits
      {R"([abc]def[^]x]ghij)", "ghij"},
      {R"(\Qabc\E)", ""},
      {"[[:alpha:]]abcd", ""},
      {"ab)cd(", ""},
      {"ab", ""},  // too short
      {R"((?i)Thank You)", "thank you"},
  };
  for (const Case& c : cases) EXPECT_EQ(required_literal(c.regex), c.literal) << c.regex;
}

std::vector<std::string> regexes() {
  std::vector<std::string> out = {
      R"(\b(?:so|quite) glad (?:about|for) it)",
      R"(\bkeep (?:it|them) safe\b)",
      "colou?r chart",
      R"(\p{Latin}bcd)",
      R"(\x41bcd)",
      R"([abc]def[^]x]ghij)",
      R"((?i)Thank You)",
      R"(we(?-i:ll) be in touch)",
      R"(\bwith you\b[^.]{0,20}\?)",
  };
  for (const Rule& r : RuleSet::builtin()->rules())
    for (const auto& p : r.patterns) out.push_back(p);
  return out;
}

struct Compiled {
  std::unique_ptr<RE2> re;
  std::string literal;
};

std::vector<Compiled> compiled() {
  std::vector<Compiled> out;
  for (const auto& r : regexes()) {
    RE2::Options options;  // as the rule set compiles a require rule's regex
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    out.push_back({std::make_unique<RE2>(r, options), required_literal(r)});
    EXPECT_TRUE(out.back().re->ok()) << r;
  }
  return out;
}

// Checks the guarantee on one text; returns how many regexes matched it.
int check(const std::vector<Compiled>& cs, std::string_view text) {
  std::string lower;
  if (!ascii_lower(text, lower)) return 0;
  int matched = 0;
  for (const auto& c : cs) {
    if (!RE2::PartialMatch(text, *c.re)) continue;
    ++matched;
    EXPECT_NE(lower.find(c.literal), std::string::npos) << c.re->pattern() << " on " << text;
    EXPECT_TRUE(NeededLiteral(c.literal).in(lower)) << c.re->pattern() << " on " << text;
  }
  return matched;
}

TEST(RequiredLiteral, EveryMatchHoldsItOnGeneratedTexts) {
  const auto cs = compiled();
  int with_literal = 0;
  for (const auto& c : cs) with_literal += !c.literal.empty();
  EXPECT_GE(with_literal, 10);
  static constexpr std::string_view kPieces[] = {
      "so ",
      "quite ",
      "glad ",
      "GLAD ",
      "about ",
      "for ",
      "it",
      "keep ",
      "them ",
      "safe",
      "colour ",
      "color ",
      "chart",
      "Abcd",
      "bcd",
      "ghij",
      "adef",
      "thank you",
      "THANK YOU",
      "we",
      "ll",
      "LL",
      " be in touch",
      "with you",
      " ",
      ".",
      "?",
      "sorry ",
      "very ",
      "thinking of you",
      "our thoughts are with you",
      "your ",
      "dog",
      "Dana",
      ",",
      "!",
      "\n",
  };
  testing::XorShift rng{0xC0FFEE11};
  int matched = 0;
  for (int round = 0; round < 5000; ++round) {
    const std::string text = testing::join_pieces(rng, kPieces, 24);
    matched += check(cs, text);
  }
  EXPECT_GT(matched, 2000);
}

TEST(RequiredLiteral, EveryMatchHoldsItOnDevTexts) {
  const auto cs = compiled();
  int matched = 0;
  const int texts =
      testing::for_each_dev_text([&](std::string_view t) { matched += check(cs, t); });
  EXPECT_GT(texts, 1000);
  EXPECT_GT(matched, 10);
}

TEST(NeededLiteral, AsAPlainFind) {
  static constexpr std::string_view kPieces[] = {"a", "b", "ab", "ba", " ", "y", "zz", "q", "-"};
  static constexpr std::string_view kLiterals[] = {"ab", "aba", " by", "yab ", "q-z", "zzz", "b"};
  testing::XorShift rng{0xBADC0DE5};
  for (int round = 0; round < 20000; ++round) {
    const std::string text = testing::join_pieces(rng, kPieces, 16);
    for (const auto lit : kLiterals)
      ASSERT_EQ(NeededLiteral(std::string(lit)).in(text), text.find(lit) != std::string::npos)
          << lit << " in \"" << text << "\"";
  }
}

TEST(AsciiLower, LowersLettersAndTellsNonAscii) {
  std::string out;
  EXPECT_TRUE(ascii_lower("Hello, WORLD @[`{ 09", out));
  EXPECT_EQ(out, "hello, world @[`{ 09");
  EXPECT_FALSE(ascii_lower("caf\xC3\xA9", out));
  EXPECT_TRUE(ascii_lower("", out));
}

}  // namespace
}  // namespace tactful
