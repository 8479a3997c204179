// The learned draft reading (learned/draft_model.h) and the `learned` rule kind that reads it:
// blame in words no phrase lists scores high, an agent owning a mistake is waived, the hint
// covers the sentence that weighs most, quoted and skipped text is not read, and bad rules are
// refused with the field named. The drafts here are not in the training corpus.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "customer/word_model.h"
#include "learned/draft_model.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

double blame(const std::string& draft) {
  const TextModel text(draft);
  return draft::read_draft(text, {})[*draft::head_index("blame")];
}

TEST(DraftModel, EveryDraftHeadHasWeightsInTheSharedTable) {
  for (std::size_t h = 0; h < draft::kDraftHeads; ++h) {
    const auto column = static_cast<std::size_t>(draft::kDraftHeadColumns[h]);
    std::size_t rows = 0;
    for (std::size_t i = 0; i < customer::kWordModelSize; ++i)
      rows += customer::kWordModelWeights[i].weight[column] != 0;
    EXPECT_GT(rows, 100u) << draft::kDraftHeadNames[h];
    // Nothing read, nothing shown. Tone learned shortness (every word of a full answer weighs
    // against it), so its bias is positive, but a draft of unknown words stays under the 0.8
    // of tone.learned.
    if (draft::kDraftHeadColumns[h] == customer::Head::tone)
      EXPECT_LT(1.0 / (1.0 + std::exp(-customer::kWordModelBias[column])), 0.8);
    else
      EXPECT_LT(customer::kWordModelBias[column], 0.0) << draft::kDraftHeadNames[h];
  }
  // "you" weighs as blame, keyed as the training script keys it.
  const long you = customer::find_weight(hash_norm("you"));
  ASSERT_GE(you, 0);
  EXPECT_GT(
      customer::kWordModelWeights[you].weight[static_cast<std::size_t>(customer::Head::blame)],
      0.5f);
}

TEST(DraftModel, BlameScoresHighAndOwningAMistakeLow) {
  EXPECT_GE(blame("You ignored the warning on the screen, so the update failed."), 0.5);
  EXPECT_LT(blame("We got the address wrong, and I'm sorry. A new parcel goes out today."), 0.1);
  // "my mistake" and "should have" weigh as blame in the table (0.96 here): the pack's rule
  // waives sentences an agent owns by its exceptions (blame.json's pass examples).
  EXPECT_GE(blame("I should have checked the order before it went out. That's my mistake."), 0.5);
  EXPECT_LT(blame("Thanks for letting us know. I've refunded the charge."), 0.1);
}

double head(const char* name, const std::string& draft) {
  const TextModel text(draft);
  return draft::read_draft(text, {})[*draft::head_index(name)];
}

TEST(DraftModel, OverpromiseAndToneHeadsReadTheirOwnCategory) {
  // Refitted and added by eval/add_draft_heads.py; these drafts are not in its training data.
  EXPECT_GE(head("overpromise", "Your new boiler will never break down again, I promise you that."),
            0.5);
  EXPECT_LT(head("overpromise",
                 "I've booked the engineer for Tuesday between 8 and 12, and "
                 "you'll get a text the evening before."),
            0.1);
  EXPECT_GE(head("tone", "Not my department."), 0.8);
  EXPECT_LT(head("tone",
                 "Thanks for the photo. We'll collect the table on Monday and refinish "
                 "the top."),
            0.5);
  EXPECT_LT(head("tone", "Yes, it's open Saturday to Monday, 7am to 6pm."), 0.5);
}

TEST(DraftModel, TheSentenceThatWeighsMostIsNamed) {
  const TextModel text(
      "Thanks for the photos. You failed to read the instructions before fitting it.");
  ASSERT_EQ(text.sentences.size(), 2u);
  EXPECT_EQ(draft::weightiest_sentence(text, {}, *draft::head_index("blame")), 1u);
}

TEST(DraftModel, SkippedTokensAreNotRead) {
  const std::string draft = "You failed to read the instructions before fitting it.";
  const TextModel text(draft);
  const std::vector<char> all(text.tokens.size(), 1);
  const double skipped = draft::read_draft(text, all)[*draft::head_index("blame")];
  EXPECT_GE(blame(draft), 0.5);
  EXPECT_LT(skipped, 0.1);  // the bias alone
}

TEST(DraftModel, EmptyHugeAndForeignTextAreSafe) {
  EXPECT_LT(blame(""), 0.1);
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "you failed to read it. ";
  const double h = blame(huge);
  EXPECT_GE(h, 0.0);
  EXPECT_LE(h, 1.0);
  EXPECT_LT(blame("我的包裹还没有到。\xff\xfe\x80 bytes"), 0.1);
  EXPECT_FALSE(draft::head_index("sarcasm"));
}

std::string learned_pack(const std::string& fields) {
  return R"({"schema": 1, "rules": [{"id": "t.blame", "kind": "learned", "category": "blame",
    "message": "m", "why": "w", )" +
         fields + "}]}";
}

constexpr const char* kExamples = R"("examples": {
    "flag": ["Thanks. [[You failed to read the instructions before fitting it.]]"],
    "pass": ["Thanks, I've refunded the charge."]})";

TEST(LearnedRule, FlagsTheSentenceAndHonoursExceptions) {
  auto set = RuleSet::load({{"t.json", learned_pack(R"("head": "blame", "min_probability": 0.5,
      "exceptions": ["(you're|you are) right"], )" + std::string(kExamples))}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Engine engine(set.value());
  const std::string draft = "Hello. You failed to read the instructions before fitting it.";
  const Report report = engine.analyze(Context{}, Draft{draft, {}});
  ASSERT_EQ(report.suggestions.size(), 1u);
  EXPECT_EQ(report.suggestions[0].rule, "t.blame");
  EXPECT_EQ(draft.substr(report.suggestions[0].span.begin, report.suggestions[0].span.size()),
            "You failed to read the instructions before fitting it.");
  const std::string owned =
      "You're right, you failed to get the instructions before fitting it: we never sent them.";
  EXPECT_TRUE(engine.analyze(Context{}, Draft{owned, {}}).suggestions.empty());
}

TEST(LearnedRule, BadRulesAreRefusedWithTheFieldNamed) {
  const auto error = [](const std::string& fields) {
    auto r = RuleSet::load({{"t.json", learned_pack(fields + ", " + kExamples)}});
    EXPECT_FALSE(r.ok()) << fields;
    return r.ok() ? std::string() : r.error().message;
  };
  EXPECT_NE(error(R"("min_probability": 0.5)").find("field 'head'"), std::string::npos);
  EXPECT_NE(error(R"("head": "blame")").find("field 'min_probability'"), std::string::npos);
  EXPECT_NE(error(R"("head": "blame", "min_probability": 1.5)").find("must be in (0, 1)"),
            std::string::npos);
  const std::string unknown = error(R"("head": "sarcasm", "min_probability": 0.5)");
  EXPECT_NE(unknown.find("unknown head 'sarcasm' (known: blame, dismissive, policy-language, "
                         "acknowledges, overpromise, tone, owns-wait, vague-commitment)"),
            std::string::npos)
      << unknown;
  EXPECT_NE(error(R"("head": "blame", "min_probability": 0.5, "phrases": ["x"])")
                .find("unknown field for a learned rule"),
            std::string::npos);
}

}  // namespace
}  // namespace tactful
