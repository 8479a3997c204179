// Scores read marker sets and categories that a rule set resolves when it loads
// (core/src/report/score_refs.h): a set without them scores from the base values, and the
// ones it has count.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pack_from_json.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

constexpr const char* kPolicyRule =
    R"({"id": "t.policy", "kind": "phrase", "category": "policy-language", "severity": "warning",
        "message": "m", "why": "w", "phrases": ["per our policy"],
        "examples": {"flag": ["[[Per our policy]], no."], "pass": ["Yes."]}})";
constexpr const char* kApologyMarkers = R"({"id": "apology", "phrases": ["i'm sorry"]})";

bool has(const std::vector<std::string>& reasons, const std::string& reason) {
  return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
}

Report analyze(const std::shared_ptr<const RuleSet>& set, std::string_view draft) {
  return Engine(set).analyze(Context{}, Draft{draft, {}});
}

TEST(ScoreRefs, ARuleSetWithoutTheMarkerSetsScoresNoStrategy) {
  const auto set = pack_from_json(kPolicyRule, "");
  ASSERT_TRUE(set);
  const Report r = analyze(set, "I'm sorry. Per our policy, no.");
  EXPECT_EQ(r.scores.empathy.value, 70);
  EXPECT_FALSE(has(r.scores.empathy.reasons, "+5 apologises"));
  EXPECT_TRUE(has(r.scores.positivity.reasons, "-15 hides behind policy"));
  EXPECT_EQ(r.scores.positivity.value, 60);
}

TEST(ScoreRefs, TheMarkerSetsAndCategoriesARuleSetHasCount) {
  const auto set = pack_from_json(kPolicyRule, kApologyMarkers);
  ASSERT_TRUE(set);
  const Report r = analyze(set, "I'm sorry. Per our policy, no.");
  EXPECT_TRUE(has(r.scores.empathy.reasons, "+5 apologises"));
  EXPECT_EQ(r.scores.empathy.value, 75);
  EXPECT_TRUE(has(r.scores.positivity.reasons, "-15 hides behind policy"));
  // A category the set has but the draft does not raise, and one no rule has, count nothing.
  const Report clean = analyze(set, "I'm sorry, we can do that today.");
  EXPECT_FALSE(has(clean.scores.positivity.reasons, "-15 hides behind policy"));
  EXPECT_EQ(clean.scores.positivity.value, 75);
}

}  // namespace
}  // namespace tactful
