// A require rule's gate on the draft (When::draft_has): the rule asks for its phrase only of a
// draft that holds a marker of one of the named sets; a draft with none gets no hint, the same
// rule without the gate hints both, and a gate that names an unknown marker set or none, or
// sits on another kind of rule, is refused with the field named.
#include <gtest/gtest.h>

#include <string>

#include "one_pack.h"

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

TEST(RequireGate, OnlyADraftHoldingTheMarkerIsAskedForTheTime) {
  const std::string gated = pack(R"("when": {"draft_has": ["takes"]}, )");
  EXPECT_TRUE(testing::hinted(gated, kTakesOn));
  EXPECT_FALSE(testing::hinted(gated, kDeflects));
  EXPECT_FALSE(testing::hinted(gated, "We'll chase the courier by Friday."));
  // Without the gate the deflecting draft is hinted too: the gate is what spares it.
  EXPECT_TRUE(testing::hinted(pack(""), kDeflects));
  EXPECT_TRUE(testing::hinted(pack(""), kTakesOn));
}

TEST(RequireGate, AnUnknownMarkerSetIsRefusedWithTheFieldNamed) {
  const std::string e = testing::load_error(pack(R"("when": {"draft_has": ["nope"]}, )"));
  EXPECT_NE(e.find("when.draft_has"), std::string::npos) << e;
  const std::string empty = testing::load_error(pack(R"("when": {"draft_has": []}, )"));
  EXPECT_NE(empty.find("must name at least one marker set"), std::string::npos) << empty;
}

TEST(RequireGate, OnlyRequireRulesTakeTheGate) {
  const std::string e = testing::load_error(R"({"schema": 1,
    "markers": [{"id": "takes", "phrases": ["we'll"]}],
    "rules": [{"id": "t.p", "kind": "phrase", "category": "tone", "message": "m", "why": "w",
    "phrases": ["asap"], "when": {"draft_has": ["takes"]},
    "examples": {"flag": ["[[asap]]"], "pass": ["soon"]}}]})");
  EXPECT_NE(e.find("when.draft_has"), std::string::npos) << e;
  EXPECT_NE(e.find("only require rules"), std::string::npos) << e;
}

}  // namespace
}  // namespace tactful
