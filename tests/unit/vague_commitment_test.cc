// Vague commitments on drafts by new writers: the learned `vague-commitment` draft head reads a
// promise with no step or time in words no phrase lists, and a concrete reply stays low; a day
// of the month ("by the 20th", "on the 3rd") is a concrete time, so neither the phrase rules nor
// the playbooks that ask for a time flag a sentence that names one, nor does the learned rule. The
// drafts here are not in the training corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "learned/draft_model.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

double vague(const std::string& draft) {
  const TextModel text(draft);
  return draft::read_draft(text, {})[*draft::head_index("vague-commitment")];
}

// The ids of the vague-commitment hints on `draft`, after one customer message.
std::vector<std::string> vague_hints(const std::string& customer, const std::string& draft) {
  const std::vector<Message> history = {{Role::customer, customer, std::nullopt}};
  Context context;
  context.history = history;
  const auto report = Engine(RuleSet::builtin()).analyze(context, Draft{draft, {}});
  std::vector<std::string> ids;
  for (const auto& s : report.suggestions)
    if (s.category == "vague-commitment") ids.push_back(s.rule);
  return ids;
}

TEST(VagueCommitment, TheLearnedHeadReadsAPromiseWithNoStepOrTime) {
  EXPECT_GE(vague("The warehouse team will take a look."), 0.5);
  EXPECT_LT(vague("I've booked the engineer for Tuesday between 8 and 12, and you'll get a text "
                  "the evening before."),
            0.1);
  EXPECT_LT(vague("Your refund of £40 went back to your card today."), 0.1);
  EXPECT_LT(vague(""), 0.1);
}

TEST(VagueCommitment, TheLearnedRuleFlagsTheVagueSentenceUnlessItNamesATime) {
  const std::string photos = "Here are the photos of the cracked frame.";
  const auto vague_only = vague_hints(photos,
                                      "Thanks for the photos. The warehouse team will "
                                      "take a look.");
  EXPECT_NE(std::find(vague_only.begin(), vague_only.end(), "vague.learned"), vague_only.end());
  // The head reads the timed sentence as vague too (it learned the words, not the time); the
  // rule's unless_sentence_has "time" waives it, as it does the phrase rules'.
  const std::string timed = "Thanks for the photos. The warehouse team will take a look tomorrow.";
  EXPECT_GE(vague(timed), 0.5);
  EXPECT_TRUE(vague_hints(photos, timed).empty());
}

TEST(VagueCommitment, ADayOfTheMonthIsAConcreteTime) {
  const std::string late = "My sofa still hasn't arrived and it's been three weeks.";
  EXPECT_TRUE(vague_hints(late,
                          "I'm sorry your sofa is late. Our driver will bring it on the "
                          "12th.")
                  .empty());
  EXPECT_TRUE(vague_hints(late, "I'm sorry it's late. I'll get back to you by the 3rd.").empty());
  // Without the date both the playbook and the phrase rule ask for one.
  const auto undated = vague_hints(late, "I'm sorry it's late. I'll get back to you.");
  EXPECT_NE(std::find(undated.begin(), undated.end(), "playbook.delay"), undated.end());
  EXPECT_NE(std::find(undated.begin(), undated.end(), "vague.look-into-it"), undated.end());
  // An ordinal that is not a day of the month is not a time.
  EXPECT_FALSE(
      vague_hints(late, "I'm sorry it's late for the 3rd time. I'll get back to you.").empty());
  EXPECT_FALSE(vague_hints(late,
                           "I'm sorry it's late. It was the 3rd parcel we sent, I'll get "
                           "back to you.")
                   .empty());
}

}  // namespace
}  // namespace tactful
