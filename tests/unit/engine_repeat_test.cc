// Repeat rules of differing similarity in one rule set: each compares the share of an earlier
// agent sentence a draft sentence restates with its own similarity, to the last digit, although
// the engine reads the shares only as far as the least similarity of the active rules needs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pack_from_json.h"
#include "tactful/engine.h"

namespace tactful {
namespace {

std::string repeat_rule(const std::string& id, double similarity) {
  return R"({"id": ")" + id + R"(", "kind": "repeat", "category": ")" + id +
         R"(", "severity": "warning", "message": "m", "why": "w", "min_words": 8, "similarity": )" +
         std::to_string(similarity) +
         R"(, "examples": {"flag": [{"draft": "[[Please restart the router and wait two minutes.]]",
         "history": [{"role": "agent", "text": "Please restart the router and wait two minutes."}]}],
         "pass": ["Nothing to see here."]}})";
}

std::vector<std::string> rules_hinting(const std::shared_ptr<const RuleSet>& set,
                                       const std::string& draft) {
  static const std::vector<Message> history = {
      {Role::agent, "Please restart the router and wait two minutes.", std::nullopt},
      {Role::customer, "It still drops every hour.", std::nullopt}};
  Context ctx;
  ctx.history = history;
  std::vector<std::string> out;
  for (const auto& s : Engine(set).analyze(ctx, Draft{draft, {}}).suggestions)
    out.push_back(s.rule);
  return out;
}

TEST(EngineRepeat, EachRuleItsOwnSimilarity) {
  const auto set =
      pack_from_json(repeat_rule("t.loose", 0.5) + "," + repeat_rule("t.at", 0.73) + "," +
                     repeat_rule("t.above", 0.74) + "," + repeat_rule("t.strict", 0.95));
  ASSERT_TRUE(set);
  // The draft sentence holds 6 of the earlier sentence's 8 words and 5 of its 7 pairs: a share
  // of 0.5 * 6/8 + 0.5 * 5/7 = 0.732, and only 0.44 of its own words and pairs were sent before.
  const std::string draft = "Okay so please restart the router and wait a bit longer today friend.";
  EXPECT_EQ(rules_hinting(set, draft), (std::vector<std::string>{"t.loose", "t.at"}));
  // Alone, the strict rule is the least similarity, and still reads no repeat.
  const auto strict = pack_from_json(repeat_rule("t.strict", 0.95));
  ASSERT_TRUE(strict);
  EXPECT_TRUE(rules_hinting(strict, draft).empty());
  const auto at = pack_from_json(repeat_rule("t.at", 0.73));
  ASSERT_TRUE(at);
  EXPECT_EQ(rules_hinting(at, draft), (std::vector<std::string>{"t.at"}));
}

}  // namespace
}  // namespace tactful
