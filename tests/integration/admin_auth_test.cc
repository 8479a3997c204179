// The admin API's authentication and tenancy over real HTTP: 401, 403, 404 across tenants,
// 429 with Retry-After, and the audit log of every change.
#include <set>

#include "admin_fixture.h"

namespace tactful::testing {
namespace {

// Every admin route with its template parameters filled in, and every method it serves.
std::vector<std::pair<std::string, std::string>> admin_requests(const server::Server& srv) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : srv.routes()) {
    if (!r.path.starts_with("/v1/admin/")) continue;
    std::string path = r.path;
    for (auto brace = path.find('{'); brace != std::string::npos; brace = path.find('{'))
      path = path.substr(0, brace) + "x1" + path.substr(path.find('}') + 1);
    for (const auto& m : r.methods) out.emplace_back(m, path);
  }
  return out;
}

TEST_F(AdminTest, EveryAdminRouteWithoutAValidTokenIs401WithWwwAuthenticate) {
  start();
  const std::string revoked = token("acme", "admin", "old");
  auto store = server::AdminStore::open((dir.path() / "data").string());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->revoke_token(1).ok());
  const auto routes = admin_requests(*server);
  ASSERT_GE(routes.size(), 25u);
  for (const auto& [method, path] : routes) {
    Reply r = request(port, method, path, "{}");
    EXPECT_EQ(r.status, 401) << method << " " << path;
    EXPECT_EQ(r.header("www-authenticate"), R"(Bearer realm="tactful-admin")") << path;
    EXPECT_TRUE(contains(r.body, "missing admin token")) << r.body;
    for (const std::string& bad :
         std::vector<std::string>{"Bearer tfa_nope", "Basic dXNlcjpwYXNz", "Bearer " + revoked,
                                  "Bearer " + std::string(300, 'a')}) {
      r = request(port, method, path, "{}", {{"Authorization", bad}});
      EXPECT_EQ(r.status, 401) << method << " " << path << " " << bad;
      EXPECT_TRUE(contains(r.header("www-authenticate"), R"(error="invalid_token")")) << path;
    }
  }
}

TEST_F(AdminTest, AViewerMayReadButEveryWriteIs403) {
  start();
  const std::string admin = token("acme");
  const std::string viewer = token("acme", "viewer", "auditor");
  ASSERT_NO_FATAL_FAILURE(add_team_and_draft_rule(admin));
  const std::vector<std::tuple<std::string, std::string, std::string>> writes = {
      {"POST", "/v1/admin/teams", R"({"id": "support"})"},
      {"PUT", "/v1/admin/teams/billing", R"({"name": "Billing"})"},
      {"DELETE", "/v1/admin/teams/billing", ""},
      {"PATCH", "/v1/admin/tenants/acme", R"({"name": "Acme"})"},
      {"POST", "/v1/admin/rules", phrase_rule("acme.other", "leverage")},
      {"PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy")},
      {"DELETE", "/v1/admin/rules/acme.synergy", ""},
      {"PUT", "/v1/admin/overrides/policy.per-policy", R"({"enabled": false})"},
      {"DELETE", "/v1/admin/overrides/policy.per-policy", ""},
      {"POST", "/v1/admin/rules/publish", ""},
      {"POST", "/v1/admin/rules/rollback", R"({"version": 1})"},
  };
  for (const auto& [method, path, body] : writes) {
    const Reply r = call(viewer, method, path, body);
    EXPECT_EQ(r.status, 403) << method << " " << path << " " << r.body;
    EXPECT_TRUE(contains(r.body, "role is 'viewer'")) << r.body;
  }
  // Nothing changed, and reading (and trying rules without publishing) is allowed.
  EXPECT_EQ(call(viewer, "GET", "/v1/admin/teams/billing").status, 200);
  EXPECT_EQ(call(viewer, "GET", "/v1/admin/rules/acme.synergy").status, 200);
  EXPECT_EQ(call(viewer, "GET", "/v1/admin/teams").body.find("support"), std::string::npos);
  EXPECT_EQ(call(viewer, "POST", "/v1/admin/rules/validate",
                 R"({"rule": )" + phrase_rule("acme.x", "paradigm") + "}")
                .status,
            200);
  EXPECT_EQ(call(viewer, "POST", "/v1/admin/rules/dry-run", R"({"draft": "Our synergy."})").status,
            200);
  const auto who = parse_json(call(viewer, "GET", "/v1/admin/whoami").body);
  EXPECT_STREQ(who["role"].GetString(), "viewer");
  EXPECT_STREQ(who["tenant"].GetString(), "acme");
  EXPECT_STREQ(who["name"].GetString(), "auditor");
}

TEST_F(AdminTest, AnotherTenantsObjectsAre404AndNeverListed) {
  start();
  const std::string acme = token("acme"), globex = token("globex");
  ASSERT_EQ(call(acme, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  ASSERT_EQ(call(acme, "POST", "/v1/admin/rules", phrase_rule("acme.synergy", "synergy")).status,
            201);
  ASSERT_EQ(
      call(acme, "PUT", "/v1/admin/overrides/policy.per-policy", R"({"severity": "hint"})").status,
      201);
  ASSERT_EQ(call(acme, "POST", "/v1/admin/rules/publish").status, 201);
  for (const std::string path :
       {"/v1/admin/tenants/acme", "/v1/admin/teams/billing", "/v1/admin/rules/acme.synergy",
        "/v1/admin/rules/acme.synergy/history", "/v1/admin/overrides/policy.per-policy",
        "/v1/admin/rules/versions/1"})
    EXPECT_EQ(call(globex, "GET", path).status, 404) << path;
  EXPECT_EQ(call(globex, "PATCH", "/v1/admin/tenants/acme", R"({"name": "mine"})").status, 404);
  EXPECT_EQ(call(globex, "DELETE", "/v1/admin/teams/billing").status, 404);
  EXPECT_EQ(call(globex, "DELETE", "/v1/admin/rules/acme.synergy").status, 404);
  EXPECT_EQ(call(globex, "POST", "/v1/admin/rules/rollback", R"({"version": 1})").status, 404);
  // Globex's lists and log hold nothing of Acme's; Acme still has everything.
  for (const auto& [path, list] :
       std::vector<std::pair<std::string, std::string>>{{"/v1/admin/teams", "teams"},
                                                        {"/v1/admin/rules", "rules"},
                                                        {"/v1/admin/overrides", "overrides"},
                                                        {"/v1/admin/rules/versions", "versions"}}) {
    const Reply r = call(globex, "GET", path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(parse_json(r.body)[list.c_str()].Size(), 0u) << path << " " << r.body.substr(0, 300);
  }
  const auto tenants = parse_json(call(globex, "GET", "/v1/admin/tenants").body);
  ASSERT_EQ(tenants["tenants"].Size(), 1u);
  EXPECT_STREQ(tenants["tenants"][0]["id"].GetString(), "globex");
  const Reply audit = call(globex, "GET", "/v1/admin/audit");
  EXPECT_FALSE(contains(audit.body, "acme") || contains(audit.body, "billing")) << audit.body;
  EXPECT_EQ(call(acme, "GET", "/v1/admin/teams/billing").status, 200);
  EXPECT_EQ(call(acme, "GET", "/v1/admin/tenants/acme").status, 200);
}

TEST_F(AdminTest, EachTokenIsRateLimitedWith429AndRetryAfter) {
  start([](server::Config& c) {
    c.admin.rate_burst = 3;
    c.admin.rate_per_minute = 1;
  });
  const std::string a = token("acme"), b = token("acme", "viewer");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(call(a, "GET", "/v1/admin/whoami").status, 200);
  const Reply r = call(a, "GET", "/v1/admin/whoami");
  EXPECT_EQ(r.status, 429) << r.body;
  ASSERT_TRUE(r.has("retry-after"));
  EXPECT_GE(std::stoi(r.header("retry-after")), 1);
  EXPECT_LE(std::stoi(r.header("retry-after")), 60);
  EXPECT_TRUE(contains(r.body, "too many admin requests")) << r.body;
  EXPECT_EQ(call(b, "GET", "/v1/admin/whoami").status, 200);  // per token, not global
}

TEST_F(AdminTest, EveryChangeIsAuditedWithWhoWhatWhenBeforeAndAfter) {
  start();
  const std::string tok = token("acme", "admin", "dana");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing", "name": "Billing"})").status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/teams/billing", R"({"name": "Payments"})").status, 200);
  ASSERT_EQ(call(tok, "PATCH", "/v1/admin/tenants/acme", R"({"name": "Acme Inc"})").status, 200);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
                .status,
            201);
  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/rules/acme.synergy").status, 200);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish", R"({"note": "first"})").status, 201);
  ASSERT_EQ(call(tok, "GET", "/v1/admin/teams").status, 200);  // reads are not audited
  const Reply r = call(tok, "GET", "/v1/admin/audit");
  ASSERT_EQ(r.status, 200);
  auto d = parse_json(r.body);
  const auto& e = d["entries"];
  std::vector<std::string> actions;
  for (const auto& x : e.GetArray()) actions.emplace_back(x["action"].GetString());
  EXPECT_EQ(actions, (std::vector<std::string>{"rules.publish", "rule.delete", "rule.create",
                                               "tenant.update", "team.update", "team.create",
                                               "token.create"}));
  // Newest first; who, when, what, before and after.
  EXPECT_STREQ(e[4]["who"]["name"].GetString(), "dana");
  EXPECT_EQ(e[4]["who"]["token_id"].GetInt(), 1);
  EXPECT_EQ(std::string(e[4]["at"].GetString()).size(), 20u);  // 2026-11-23T10:00:00Z
  EXPECT_STREQ(e[4]["target"].GetString(), "teams/billing");
  EXPECT_STREQ(e[4]["before"]["name"].GetString(), "Billing");
  EXPECT_STREQ(e[4]["after"]["name"].GetString(), "Payments");
  EXPECT_TRUE(e[2]["before"].IsNull());
  EXPECT_STREQ(e[2]["after"]["id"].GetString(), "acme.synergy");
  EXPECT_STREQ(e[1]["before"]["id"].GetString(), "acme.synergy");
  EXPECT_TRUE(e[1]["after"].IsNull());
  EXPECT_STREQ(e[0]["after"]["note"].GetString(), "first");
  EXPECT_STREQ(e[6]["who"]["name"].GetString(), "command line");
  // Paging back from an id.
  const auto page = parse_json(call(tok, "GET", "/v1/admin/audit?limit=2").body);
  ASSERT_EQ(page["entries"].Size(), 2u);
  const auto next = parse_json(call(tok, "GET", page["next"].GetString()).body);
  EXPECT_STREQ(next["entries"][0]["action"].GetString(), "rule.create");
  EXPECT_EQ(call(tok, "GET", "/v1/admin/audit?limit=0").status, 400);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/audit?limit=abc").status, 400);
}

TEST_F(AdminTest, TeamsCrud) {
  start();
  const std::string tok = token("acme");
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 409);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "bad id"})").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "x", "colour": 1})").status, 400);
  // A key is its whole string: "id\u0000x" is not "id".
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "x", "id\u0000x": 1})").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/publish", R"({"note\u0000x": "n"})").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", "[1]").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/teams", "{").status, 400);
  auto team = parse_json(call(tok, "GET", "/v1/admin/teams/billing").body);
  EXPECT_STREQ(team["name"].GetString(), "billing");
  EXPECT_EQ(call(tok, "PUT", "/v1/admin/teams/billing", R"({"name": ""})").status, 400);
  EXPECT_EQ(call(tok, "PUT", "/v1/admin/teams/nope", R"({"name": "N"})").status, 404);
  // A team with rules cannot be deleted until they are gone.
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/overrides/policy.per-policy?team=billing",
                 R"({"enabled": false})")
                .status,
            201);
  Reply r = call(tok, "DELETE", "/v1/admin/teams/billing");
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "1 rules or overrides")) << r.body;
  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/overrides/policy.per-policy?team=billing").status, 200);
  EXPECT_EQ(call(tok, "DELETE", "/v1/admin/teams/billing").status, 200);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/teams/billing").status, 404);
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/teams").body)["teams"].Size(), 0u);
  // Rules for a team that does not exist are refused.
  EXPECT_EQ(call(tok, "PUT", "/v1/admin/overrides/policy.per-policy?team=ghost", "{}").status, 404);
}

}  // namespace
}  // namespace tactful::testing
