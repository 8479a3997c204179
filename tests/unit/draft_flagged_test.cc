// A require rule gated on the draft's other hints (`when.draft_flagged`): it suggests its
// insertion only when the draft also gets a hint of a named category, from a phrase rule or a
// learned one read after it; a draft that already does what it asks stays silent; bad gates are
// refused with the field named.
#include <gtest/gtest.h>

#include <string>

#include "one_pack.h"

namespace tactful {
namespace {

constexpr const char* kBlame = R"({"id": "t.blame", "kind": "phrase", "category": "blame",
    "message": "m", "why": "w", "phrases": ["you should have"],
    "examples": {"flag": ["You should have asked."], "pass": ["Ask any time."]}})";

std::string gated(const std::string& categories) {
  return R"({"id": "t.owed", "kind": "require", "category": "apology",
    "message": "m", "why": "w", "phrases": ["sorry"], "insert": "I'm sorry this went wrong.",
    "when": {"draft_flagged": )" +
         categories +
         R"(}, "examples": {"flag": ["You should have asked. You failed to read the instructions before fitting it."], "pass": ["Sorry, the gap needs measuring."]}})";
}

std::string pack(const std::string& rules) {
  return R"({"schema": 1, "rules": [)" + rules + "]}";
}

bool owed(const std::string& rules, const std::string& draft) {
  return testing::hinted(pack(rules), draft, "t.owed");
}

std::string error_of(const std::string& rules) {
  return testing::load_error(pack(rules));
}

TEST(DraftFlagged, TheRuleHoldsOnlyWhenTheDraftHasAHintOfANamedCategory) {
  const std::string rules = std::string(kBlame) + ", " + gated(R"(["blame"])");
  EXPECT_TRUE(owed(rules, "You should have measured the gap first."));
  EXPECT_FALSE(owed(rules, "The gap needs measuring first."));
  // The draft apologises: the require rule is met although the gate holds.
  EXPECT_FALSE(owed(rules, "Sorry, but you should have measured the gap first."));
}

TEST(DraftFlagged, ALearnedHintReadAfterTheRequiresOpensTheGate) {
  // A learned rule runs after the require rules; the gated rule still sees its hint.
  const std::string learned = R"({"id": "t.lblame", "kind": "learned", "category": "blame",
      "message": "m", "why": "w", "head": "blame", "min_probability": 0.5,
      "examples": {"flag": ["Thanks. [[You failed to read the instructions before fitting it.]]"],
      "pass": ["Thanks, I've refunded the charge."]}})";
  const std::string rules = learned + ", " + gated(R"(["blame"])");
  EXPECT_TRUE(owed(rules, "Thanks. You failed to read the instructions before fitting it."));
  EXPECT_FALSE(owed(rules, "Thanks, I've refunded the charge."));
}

TEST(DraftFlagged, BadGatesAreRefusedWithTheFieldNamed) {
  EXPECT_NE(error_of(gated("[]")).find("when.draft_flagged"), std::string::npos);
  EXPECT_NE(error_of(gated(R"("blame")")).find("when.draft_flagged"), std::string::npos);
  EXPECT_NE(error_of(gated(R"(["no-such-category"])")).find("no rule has the category"),
            std::string::npos);
  const std::string phrase_gated = std::string(kBlame) + R"(, {"id": "t.owed", "kind": "phrase",
      "category": "apology", "message": "m", "why": "w", "phrases": ["sorry"],
      "when": {"draft_flagged": ["blame"]}, "examples": {"flag": ["sorry"], "pass": ["ok"]}})";
  EXPECT_NE(error_of(phrase_gated).find("only require rules"), std::string::npos);
}

}  // namespace
}  // namespace tactful
