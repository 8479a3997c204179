// A require rule's gate (Rule::only_if_draft_has): the rule asks for its phrase only of a draft
// that holds a marker of one of the named sets; a draft with none gets no hint, the same rule
// without the gate hints both, and a gate naming an unknown marker set is refused with the
// field named.
#include <gtest/gtest.h>

#include <string>

#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

constexpr const char* kTakesOn = "We'll chase the courier for you.";
constexpr const char* kDeflects = "Parcels to the islands go by ferry.";

std::string pack(const std::string& gate) {
  return R"({"schema": 1,
    "markers": [{"id": "takes", "phrases": ["we'll", "let me"]}],
    "rules": [{"id": "t.when", "kind": "require", "category": "vague-commitment",
    "message": "m", "why": "w", "phrases": ["by friday"], "insert": "By Friday.", )" +
         gate + R"("examples": {"flag": ["We'll chase the courier."],
    "pass": ["We'll chase the courier by Friday."]}}]})";
}

bool hinted(const std::string& p, const std::string& draft) {
  auto set = RuleSet::load({{"t.json", p}});
  EXPECT_TRUE(set.ok()) << set.error().message;
  if (!set.ok()) return false;
  return !Engine(set.value()).analyze(Context{}, Draft{draft, {}}).suggestions.empty();
}

TEST(RequireGate, OnlyADraftHoldingTheMarkerIsAskedForTheTime) {
  const std::string gated = pack(R"("only_if_draft_has": ["takes"], )");
  EXPECT_TRUE(hinted(gated, kTakesOn));
  EXPECT_FALSE(hinted(gated, kDeflects));
  EXPECT_FALSE(hinted(gated, "We'll chase the courier by Friday."));
  // Without the gate the deflecting draft is hinted too: the gate is what spares it.
  EXPECT_TRUE(hinted(pack(""), kDeflects));
  EXPECT_TRUE(hinted(pack(""), kTakesOn));
}

TEST(RequireGate, AnUnknownMarkerSetIsRefusedWithTheFieldNamed) {
  auto r = RuleSet::load({{"t.json", pack(R"("only_if_draft_has": ["nope"], )")}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("only_if_draft_has"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace tactful
