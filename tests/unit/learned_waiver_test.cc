// A require rule's learned waiver (Rule::waived_by): a draft the `acknowledges` draft head reads
// as acknowledging satisfies the rule although no phrase of it matches; a curt draft still gets
// the hint; the same rule without the waiver fires on both; bad waivers are refused with the
// field named. The drafts here are not in the training corpus.
#include <gtest/gtest.h>

#include <string>

#include "learned/draft_model.h"
#include "one_pack.h"

namespace tactful {
namespace {

constexpr const char* kAcknowledges =
    "Ugh, that's so far from how this should have gone for you. A new card is on its way.";
constexpr const char* kCurt = "Noted. A new card goes out today.";

double acknowledges(const std::string& draft) {
  const TextModel text(draft);
  return draft::read_draft(text, {})[*draft::head_index("acknowledges")];
}

std::string require_pack(const std::string& waiver) {
  return R"({"schema": 1, "rules": [{"id": "t.ack", "kind": "require", "category": "empathy",
    "message": "m", "why": "w", "phrases": ["i understand"], "insert": "I understand.", )" +
         waiver + R"("examples": {"flag": ["Noted. A new card goes out today."],
    "pass": ["I understand. A new card goes out today."]}}]})";
}

TEST(LearnedWaiver, TheAcknowledgesHeadReadsAnAcknowledgementNoPhraseLists) {
  EXPECT_GE(acknowledges(kAcknowledges), 0.8);
  EXPECT_LT(acknowledges(kCurt), 0.5);
  EXPECT_LT(acknowledges(""), 0.1);
}

TEST(LearnedWaiver, AnAcknowledgingDraftWaivesTheRuleAndACurtOneDoesNot) {
  const std::string waived =
      require_pack(R"("waived_by": {"head": "acknowledges", "min_probability": 0.8}, )");
  EXPECT_FALSE(testing::hinted(waived, kAcknowledges));
  EXPECT_TRUE(testing::hinted(waived, kCurt));
  // Without the waiver the acknowledging draft is hinted: the waiver is what passes it.
  EXPECT_TRUE(testing::hinted(require_pack(""), kAcknowledges));
  // A threshold above the draft's reading does not waive.
  EXPECT_TRUE(testing::hinted(require_pack(R"("waived_by": {"head": "acknowledges",
      "min_probability": 0.999}, )"),
                              kAcknowledges));
}

TEST(LearnedWaiver, BadWaiversAreRefusedWithTheFieldNamed) {
  const auto error = [](const std::string& waiver) {
    return testing::load_error(require_pack(R"("waived_by": )" + waiver + ", "));
  };
  const std::string unknown = error(R"({"head": "sarcasm", "min_probability": 0.8})");
  EXPECT_NE(unknown.find("waived_by.head"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("unknown head 'sarcasm' (known: blame, dismissive, policy-language, "
                         "acknowledges, overpromise, tone, owns-wait, vague-commitment)"),
            std::string::npos)
      << unknown;
  for (const char* bad : {R"({"head": "acknowledges", "min_probability": 1.5})",
                          R"({"head": "acknowledges", "min_probability": 0})"}) {
    const std::string e = error(bad);
    EXPECT_NE(e.find("waived_by.min_probability"), std::string::npos) << e;
    EXPECT_NE(e.find("must be in (0, 1)"), std::string::npos) << e;
  }
  EXPECT_NE(error(R"({"min_probability": 0.8})").find("waived_by.head"), std::string::npos);
  EXPECT_NE(error(R"({"head": "acknowledges"})").find("waived_by.min_probability"),
            std::string::npos);
  EXPECT_NE(
      error(R"({"head": "acknowledges", "min_probability": 0.8, "max": 1})").find("waived_by.max"),
      std::string::npos);
  EXPECT_NE(error(R"("acknowledges")").find("waived_by"), std::string::npos);
  // Only require rules take a waiver.
  auto phrase = RuleSet::load({{"t.json", R"({"schema": 1, "rules": [{"id": "t.p",
    "kind": "phrase", "category": "tone", "message": "m", "why": "w", "phrases": ["calm down"],
    "waived_by": {"head": "acknowledges", "min_probability": 0.8},
    "examples": {"flag": ["[[calm down]]"], "pass": ["ok"]}}]})"}});
  ASSERT_FALSE(phrase.ok());
  EXPECT_NE(phrase.error().message.find("waived_by"), std::string::npos) << phrase.error().message;
}

}  // namespace
}  // namespace tactful
