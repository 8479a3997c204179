// Deleting a tenant (DELETE /v1/admin/tenants/{id}?confirm={id}): everything it owns goes in one
// transaction, its agents fall back to the server's own rules at once and after a restart, the
// audit log keeps the deletion, and other tenants are untouched.
#include <sqlite3.h>

#include "admin_fixture.h"

namespace tactful::testing {
namespace {

const std::string kDana = "acme-dana-key-0123456789";
const std::string kGlobex = "globex-key-0123456789abcdef";

void keys(server::Config& c) {
  server::ApiKey dana(kDana), globex(kGlobex);
  dana.tenant = "acme";
  dana.team = "billing";
  dana.agent = "dana";
  globex.tenant = "globex";
  c.api_keys = {dana, globex};
}

std::string last_audit_action(const std::filesystem::path& db_path, const std::string& tenant) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT action, before FROM audit WHERE tenant = ? ORDER BY id DESC LIMIT 1",
                     -1, &s, nullptr);
  sqlite3_bind_text(s, 1, tenant.c_str(), -1, SQLITE_TRANSIENT);
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW)
    out = std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) + " " +
          reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

class TenantDeleteTest : public AdminTest {
 protected:
  void SetUp() override {
    start(keys);
    acme = token("acme");
    viewer = token("acme", "viewer");
    globex = token("globex");
    ASSERT_EQ(call(acme, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
    ASSERT_EQ(
        call(acme, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
            .status,
        201);
    ASSERT_EQ(call(acme, "PUT", "/v1/admin/overrides/policy.per-policy?team=billing",
                   R"({"enabled": false})")
                  .status,
              201);
    const Reply p = call(acme, "POST", "/v1/admin/rules/publish");
    ASSERT_EQ(p.status, 201) << p.body;
    ASSERT_EQ(request(port, "POST", "/v1/mutes", R"({"rule": "dismissive.calm-down"})",
                      {{"Authorization", "Bearer " + kDana}})
                  .status,
              201);
    for (const std::string& key : {kDana, kGlobex})
      ASSERT_EQ(request(port, "POST", "/v1/feedback",
                        R"({"rule": "dismissive.calm-down", "action": "dismissed"})",
                        {{"Authorization", "Bearer " + key}})
                    .status,
                201);
  }
  std::string acme, viewer, globex;
  const std::string draft = "Per our policy, calm down about the synergy.";
};

TEST_F(TenantDeleteTest, RefusedWithoutConfirmationOrRightsAndHiddenFromOthers) {
  Reply r = call(acme, "DELETE", "/v1/admin/tenants/acme");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "confirm=acme")) << r.body;
  EXPECT_EQ(call(acme, "DELETE", "/v1/admin/tenants/acme?confirm=acm").status, 400);
  EXPECT_EQ(call(viewer, "DELETE", "/v1/admin/tenants/acme?confirm=acme").status, 403);
  EXPECT_EQ(call(globex, "DELETE", "/v1/admin/tenants/acme?confirm=acme").status, 404);
  EXPECT_EQ(request(port, "DELETE", "/v1/admin/tenants/acme?confirm=acme").status, 401);
  // Nothing happened: acme's rules still serve and its token still works.
  EXPECT_TRUE(has(fired(kDana, draft), "acme.synergy"));
  EXPECT_EQ(call(acme, "GET", "/v1/admin/whoami").status, 200);
}

TEST_F(TenantDeleteTest, RemovesEverythingItOwnsAndItsAgentsGetTheBaseRules) {
  ASSERT_EQ(call(acme, "POST", "/v1/admin/integrations",
                 R"({"id": "acme-zd", "vendor": "zendesk", "webhook_secret": "zd-secret-0123"})")
                .status,
            201);
  const Reply hook = request(port, "POST", "/v1/webhooks/zendesk/acme-zd", "{}");
  ASSERT_EQ(hook.status, 401) << hook.body;  // served (unsigned: refused)
  auto before = fired(kDana, draft);
  ASSERT_TRUE(has(before, "acme.synergy"));
  ASSERT_FALSE(has(before, "policy.per-policy"));     // billing's override
  ASSERT_FALSE(has(before, "dismissive.calm-down"));  // Dana's mute

  const Reply r = call(acme, "DELETE", "/v1/admin/tenants/acme?confirm=acme");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  EXPECT_TRUE(d["deleted"].GetBool());
  EXPECT_STREQ(d["tenant"]["id"].GetString(), "acme");
  const auto& removed = d["removed"];
  EXPECT_EQ(removed["teams"].GetInt(), 1);
  EXPECT_EQ(removed["rules"].GetInt(), 2);  // the custom rule and the override
  EXPECT_GE(removed["history"].GetInt(), 2);
  EXPECT_EQ(removed["versions"].GetInt(), 1);
  EXPECT_EQ(removed["tokens"].GetInt(), 2);  // the admin's and the viewer's
  EXPECT_EQ(removed["mutes"].GetInt(), 1);
  EXPECT_EQ(removed["feedback"].GetInt(), 1);
  EXPECT_EQ(removed["integrations"].GetInt(), 1);
  // Its integration is out of service at once: its webhooks are unknown.
  EXPECT_EQ(request(port, "POST", "/v1/webhooks/zendesk/acme-zd", "{}").status, 404);

  // The tokens are gone; Dana's key now gets the server's own rules, unmuted.
  EXPECT_EQ(call(acme, "GET", "/v1/admin/whoami").status, 401);
  EXPECT_EQ(call(viewer, "GET", "/v1/admin/whoami").status, 401);
  auto after = fired(kDana, draft);
  EXPECT_FALSE(has(after, "acme.synergy"));
  EXPECT_TRUE(has(after, "policy.per-policy"));
  EXPECT_TRUE(has(after, "dismissive.calm-down"));
  const Reply mutes = request(port, "GET", "/v1/mutes", "", {{"Authorization", "Bearer " + kDana}});
  EXPECT_FALSE(contains(mutes.body, "calm-down")) << mutes.body;

  // The audit log keeps the deletion, with what went.
  const std::string audit = last_audit_action(dir.path() / "data" / "tactful.db", "acme");
  EXPECT_TRUE(audit.starts_with("tenant.delete ")) << audit;
  EXPECT_TRUE(contains(audit, R"("tokens":2)")) << audit;

  // Globex is untouched.
  ASSERT_EQ(call(globex, "GET", "/v1/admin/whoami").status, 200);
  d = parse_json(call(globex, "GET", "/v1/admin/analytics/rules").body);
  ASSERT_EQ(d["rules"].Size(), 1u);
  EXPECT_EQ(d["rules"][0]["dismissed"].GetInt(), 1);

  // A restart does not bring anything back, and a new token starts an empty tenant.
  server.reset();
  start(keys);
  after = fired(kDana, draft);
  EXPECT_FALSE(has(after, "acme.synergy"));
  EXPECT_TRUE(has(after, "dismissive.calm-down"));
  const std::string fresh = token("acme");
  EXPECT_EQ(parse_json(call(fresh, "GET", "/v1/admin/teams").body)["teams"].Size(), 0u);
  EXPECT_EQ(parse_json(call(fresh, "GET", "/v1/admin/rules/versions").body)["versions"].Size(), 0u);
  EXPECT_EQ(parse_json(call(fresh, "GET", "/v1/admin/rules").body)["rules"].Size(), 0u);
}

// Mutes apply to the LanguageTool route too: an agent's LT client is one more place they write.
TEST_F(AdminTest, MutesApplyToLanguageToolChecks) {
  start(keys);
  const std::string body = "language=en-US&text=" + url_encode("Please calm down.");
  auto lt = [&](const Headers& h, const std::string& extra = "") {
    const Reply r = request(port, "POST", "/v2/check", body + extra, h);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  };
  const Headers dana = {{"Authorization", "Bearer " + kDana}};
  ASSERT_TRUE(contains(lt(dana), "calm-down"));
  ASSERT_EQ(request(port, "POST", "/v1/mutes", R"({"rule": "dismissive.calm-down"})", dana).status,
            201);
  EXPECT_FALSE(contains(lt(dana), "calm-down"));
  EXPECT_FALSE(contains(lt({}, "&apiKey=" + kDana), "calm-down"));  // the key as LT clients send it
  EXPECT_TRUE(contains(lt({{"Authorization", "Bearer " + kGlobex}}), "calm-down"));  // not theirs
  // Naming the rule in enabledRules does not undo the agent's own mute.
  EXPECT_FALSE(
      contains(lt(dana, "&enabledOnly=true&enabledRules=dismissive.calm-down"), "calm-down"));
  ASSERT_EQ(request(port, "DELETE", "/v1/mutes/dismissive.calm-down", "", dana).status, 200);
  EXPECT_TRUE(contains(lt(dana), "calm-down"));
}

}  // namespace
}  // namespace tactful::testing
