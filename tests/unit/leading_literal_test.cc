// Pattern rules' matches found through the literal every match starts with
// (match/leading_literal.h) against RE2's own unanchored search: the same matches and groups,
// match for match, in match_patterns' walk (each search from the end of the last match), on
// generated texts built of the literals, their near misses in both cases, the letters whose
// case folding leaves ASCII (the Kelvin sign, the long s) and other bytes, and on every draft
// and message of the open corpus files. And what leading_literal reads from a source.
#include <gtest/gtest.h>

#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dev_texts.h"
#include "match/leading_literal.h"
#include "xorshift.h"

namespace tactful {
namespace {

TEST(LeadingLiteral, ReadsOnlyAPlainStart) {
  struct Case {
    std::string_view regex;
    bool case_sensitive;
    std::string_view literal;  // "" for none
  };
  const Case cases[] = {
      {R"(\bBILL-\d{4,6}\b)", false, "bill-"},
      {R"(\bBILL-\d{4,6}\b)", true, "BILL-"},
      {R"(\bzentrix[- ]?ledgers?\b)", false, "zentrix"},
      {"colou?r", false, "colo"},  // the quantified byte is not always there
      {"ab{2}c", true, ""},        // one byte left: too short
      {"a b_c-d", true, "a b_c-d"},
      {"ab|cd", true, ""},  // an alternation anywhere
      {"x(ab|cd)", true, ""},
      {"(?i)abc", true, ""},  // a flag or group first
      {"(abc)", true, ""},
      {R"(\Aabc)", true, ""},
      {"stack", false, ""},  // 's' folds to the long s
      {"stack", true, "stack"},
      {"bank", false, ""},  // 'k' folds to the Kelvin sign
      {R"(ab\d)", false, "ab"},
      {"ab$", true, "ab"},
      {"a", true, ""},
  };
  for (const Case& c : cases) {
    const auto got = leading_literal(c.regex, c.case_sensitive);
    SCOPED_TRACE(std::string(c.regex));
    if (c.literal.empty()) {
      EXPECT_FALSE(got.has_value());
    } else {
      ASSERT_TRUE(got.has_value());
      EXPECT_EQ(got->text, c.literal);
      EXPECT_EQ(got->fold, !c.case_sensitive);
    }
  }
}

struct Pattern {
  std::unique_ptr<RE2> re;
  std::optional<LeadingLiteral> literal;
};

std::vector<Pattern> patterns() {
  static constexpr std::string_view kRegexes[] = {
      R"(\bBILL-\d{4,6}\b)",
      R"(\bab[- ]?cd?\b)",
      "ab",
      "abab",
      R"(\baba\b)",
      "colou?r",
      R"(\bab(\d+)x)",
      "ab.*z",
      R"(ab\d{2}\b)",
      "a-b_ c",
      R"(\bKAB)",
      R"(ab$)",
      "ab(?i)c",
      R"(\bthe\b)",
      R"(\bwe\s+(\w+))",
      R"(\bsorry( for)?)",
      R"(\byou\b[^.]{0,20}\.)",
      "tier 2",
  };
  std::vector<Pattern> out;
  for (const bool case_sensitive : {false, true}) {
    for (const auto regex : kRegexes) {
      RE2::Options options;  // as the rule set compiles a pattern rule's regex
      options.set_case_sensitive(case_sensitive);
      options.set_log_errors(false);
      Pattern p{std::make_unique<RE2>(regex, options), leading_literal(regex, case_sensitive)};
      EXPECT_TRUE(p.re->ok()) << regex;
      out.push_back(std::move(p));
    }
  }
  return out;
}

// match_patterns' walk: every match and its groups, as offsets into the text (-1: unset).
std::vector<long> walk(const Pattern& p, std::string_view text, bool through_literal) {
  const re2::StringPiece t(text.data(), text.size());
  const int ngroups = std::min(p.re->NumberOfCapturingGroups() + 1, 10);
  re2::StringPiece groups[10];
  PatternSearch search(*p.re, through_literal && p.literal ? &*p.literal : nullptr, t);
  std::vector<long> out;
  std::size_t pos = 0;
  while (pos <= t.size() && search(pos, groups, ngroups)) {
    for (int g = 0; g < ngroups; ++g) {
      out.push_back(groups[g].data() == nullptr ? -1 : groups[g].data() - t.data());
      out.push_back(static_cast<long>(groups[g].size()));
    }
    const auto begin = static_cast<std::size_t>(groups[0].data() - t.data());
    pos = begin + (groups[0].empty() ? 1 : groups[0].size());
  }
  return out;
}

TEST(PatternSearch, SameMatchesAsRe2OnGeneratedTexts) {
  const auto ps = patterns();
  int with_literal = 0;
  for (const auto& p : ps) with_literal += p.literal.has_value();
  EXPECT_GE(with_literal, 20);
  static constexpr std::string_view kPieces[] = {
      "a",
      "b",
      "A",
      "B",
      "ab",
      "AB",
      "aba",
      "abab",
      "c",
      "d",
      "-",
      " ",
      "_",
      "1",
      "2",
      "x",
      "z",
      ".",
      "\n",
      "BILL-",
      "bill-1",
      "12345",
      "colou",
      "color",
      "colour",
      "the",
      "THE",
      "there",
      "we ",
      "sorry",
      "you",
      "tier",
      "\xE2\x84\xAA" /* Kelvin */,
      "\xC5\xBF" /* long s */,
      "\xC3\xA9",
      "K",
      "KAB",
      "kab",
  };
  testing::XorShift rng{0x5EED1234};
  long matches = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string text = testing::join_pieces(rng, kPieces, 40);
    for (const auto& p : ps) {
      const auto plain = walk(p, text, false);
      ASSERT_EQ(walk(p, text, true), plain) << p.re->pattern() << " on \"" << text << "\"";
      matches += static_cast<long>(plain.size());
    }
  }
  EXPECT_GT(matches, 100000);
}

TEST(PatternSearch, SameMatchesAsRe2OnDevTexts) {
  const auto ps = patterns();
  const int texts = testing::for_each_dev_text([&](std::string_view text) {
    for (const auto& p : ps)
      ASSERT_EQ(walk(p, text, true), walk(p, text, false)) << p.re->pattern() << " on " << text;
  });
  EXPECT_GT(texts, 1000);
}

}  // namespace
}  // namespace tactful
