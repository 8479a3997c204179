// Resolution: built-in packs, then the tenant's rules and overrides, then the team's, picked by
// the agent's API key; and overrides' exceptions and vocabulary.
#include "admin_fixture.h"

namespace tactful::testing {
namespace {

const std::string kBilling = "acme-billing-key-0123456789";
const std::string kSupport = "acme-support-key-0123456789";
const std::string kUnscoped = "plain-key-0123456789abcdef";
const std::string kGlobex = "globex-key-0123456789abcdef";

void keys(server::Config& c) {
  server::ApiKey billing(kBilling), support(kSupport), globex(kGlobex);
  billing.tenant = support.tenant = "acme";
  billing.team = "billing";
  support.team = "support";
  globex.tenant = "globex";
  c.api_keys = {billing, support, server::ApiKey(kUnscoped), globex};
}

TEST_F(AdminTest, TeamBeatsTenantBeatsBuiltIn) {
  start(keys);
  const std::string tok = token("acme");
  for (const std::string team : {"billing", "support"})
    ASSERT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": ")" + team + R"("})").status, 201);
  // Tenant: calm-down becomes a hint, "synergy" is jargon. Billing: calm-down is a warning
  // again, and billing's own "synergy" rule replaces the tenant's with its own message.
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down", R"({"severity": "hint"})")
                .status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down?team=billing",
                 R"({"severity": "warning"})")
                .status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
                .status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy?team=billing",
                 phrase_rule("acme.synergy", "synergy", "", "warning"))
                .status,
            201);
  // Support switches the policy rule off; billing switches it off then on again.
  ASSERT_EQ(
      call(tok, "PUT", "/v1/admin/overrides/policy.per-policy", R"({"enabled": false})").status,
      201);
  ASSERT_EQ(
      call(tok, "PUT", "/v1/admin/overrides/policy.per-policy?team=billing", R"({"enabled": true})")
          .status,
      201);
  const Reply pub = call(tok, "POST", "/v1/admin/rules/publish");
  ASSERT_EQ(pub.status, 201) << pub.body;
  EXPECT_EQ(parse_json(pub.body)["teams"].Size(), 1u);  // only billing needs its own engine

  const std::string draft = "Please calm down. Per our policy, synergy matters.";
  std::string sev;
  auto got = fired(kSupport, draft, "dismissive.calm-down", &sev);
  EXPECT_EQ(sev, "hint");  // tenant override
  EXPECT_TRUE(has(got, "acme.synergy"));
  EXPECT_FALSE(has(got, "policy.per-policy"));
  fired(kSupport, draft, "acme.synergy", &sev);
  EXPECT_EQ(sev, "suggestion");  // the tenant's rule
  got = fired(kBilling, draft, "dismissive.calm-down", &sev);
  EXPECT_EQ(sev, "warning");  // team override beats tenant
  EXPECT_TRUE(has(got, "policy.per-policy"));
  fired(kBilling, draft, "acme.synergy", &sev);
  EXPECT_EQ(sev, "warning");  // the team's rule replaced the tenant's
  // Keys of no tenant, or another tenant, get the built-in rules untouched.
  for (const auto& key : {kUnscoped, kGlobex}) {
    got = fired(key, draft, "dismissive.calm-down", &sev);
    EXPECT_EQ(sev, "warning");  // the built-in severity
    EXPECT_TRUE(has(got, "policy.per-policy"));
    EXPECT_FALSE(has(got, "acme.synergy"));
  }
  // A key's team wins over the request's `team` field (an agent cannot pick another team's
  // rules), and a request of a key without a team may name the team.
  const Reply r =
      request(port, "POST", "/v1/suggest", R"({"draft": ")" + draft + R"(", "team": "billing"})",
              {{"Authorization", "Bearer " + kSupport}});
  EXPECT_FALSE(contains(r.body, "policy.per-policy")) << r.body;
  // So does the WebSocket, with the key in the query.
  WsClient ws(port, "/v1/stream?key=" + kSupport);
  ws.send(R"({"seq": 1, "draft": ")" + draft + R"("})");
  const std::string report = ws.read();
  EXPECT_TRUE(contains(report, "acme.synergy")) << report;
  EXPECT_FALSE(contains(report, "policy.per-policy")) << report;
  ws.close();
  // LanguageTool clients get the same resolution through their key.
  const Reply lt = request(port, "POST", "/v2/check",
                           "language=en-US&apiKey=" + kSupport + "&text=" + url_encode(draft));
  ASSERT_EQ(lt.status, 200) << lt.body;
  EXPECT_TRUE(contains(lt.body, "acme.synergy"));
  EXPECT_FALSE(contains(lt.body, "policy.per-policy"));
}

TEST_F(AdminTest, DefaultTenantAppliesToRequestsWithoutAScopedKey) {
  start([](server::Config& c) { c.admin.default_tenant = "acme"; });
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy?team=billing",
                 phrase_rule("acme.synergy", "synergy"))
                .status,
            201);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish").status, 201);
  auto ask = [&](const std::string& team) {
    return request(port, "POST", "/v1/suggest",
                   R"({"draft": "Our synergy.", "team": ")" + team + R"("})")
        .body;
  };
  EXPECT_TRUE(contains(ask("billing"), "acme.synergy"));
  EXPECT_FALSE(contains(ask("support"), "acme.synergy"));
}

TEST_F(AdminTest, OverrideExceptionsAndVocabulary) {
  start(keys);
  const std::string tok = token("acme");
  // Team vocabulary: "synergy" joins the built-in jargon-free wording the support team must
  // avoid (an extra phrase), and "calm down" is fine here (an exception) -- which waives one of
  // the rule's own examples, reported, not failed.
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down",
                 R"({"exceptions": ["calm down"], "phrases": ["synergy"],
                     "examples": {"flag": ["Stop with the [[synergy]]."], "pass": ["Please calm down."]}})")
                .status,
            201);
  Reply r = call(tok, "POST", "/v1/admin/rules/publish");
  ASSERT_EQ(r.status, 201) << r.body;
  auto d = parse_json(r.body);
  ASSERT_EQ(d["waived"].Size(), 1u) << r.body;
  EXPECT_TRUE(contains(d["waived"][0].GetString(), "Please calm down so I can help you."));
  std::string sev = "(none)";
  fired(kSupport, "Please calm down.", "dismissive.calm-down", &sev);
  EXPECT_EQ(sev, "(none)") << "the exception should waive it";
  auto got = fired(kSupport, "Stop with the synergy.");
  EXPECT_TRUE(has(got, "dismissive.calm-down"));
  EXPECT_TRUE(has(fired(kSupport, "Relax, it is fine."), "dismissive.calm-down"));
  // An override whose own example fails is refused with the path into the override.
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down",
                 R"({"examples": {"pass": ["Please calm down."]}})")
                .status,
            200);
  r = call(tok, "POST", "/v1/admin/rules/publish");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(contains(r.body, R"("path":"$.examples.pass[0]")")) << r.body;
  // Phrases on a kind that has none, and overrides of rules that do not exist, are refused.
  r = call(tok, "PUT", "/v1/admin/overrides/no.such.rule", R"({"enabled": false})");
  EXPECT_EQ(r.status, 422);
  r = call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down", R"({"enabled": "no"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, R"("path":"$.enabled")")) << r.body;
}

}  // namespace
}  // namespace tactful::testing
