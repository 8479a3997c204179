// Analytics from feedback over the admin API (per rule, category, day, empathy trend; CSV) and
// agents' mutes honoured by /v1/suggest.
#include <sqlite3.h>

#include "admin_fixture.h"

namespace tactful::testing {
namespace {

const std::string kDana = "acme-dana-key-0123456789";
const std::string kLee = "acme-lee-key-0123456789";
const std::string kGlobex = "globex-key-0123456789abcdef";

void keys(server::Config& c) {
  server::ApiKey dana(kDana), lee(kLee), globex(kGlobex);
  dana.tenant = lee.tenant = "acme";
  dana.team = "billing";
  dana.agent = "dana";
  lee.agent = "lee";
  globex.tenant = "globex";
  c.api_keys = {dana, lee, globex};
}

// Seeds rows with chosen days straight into the store (the API stamps "now").
void seed(const std::filesystem::path& db_path, const std::vector<std::string>& rows) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  for (const auto& values : rows) {
    const std::string sql =
        "INSERT INTO feedback (at, rule, category, action, agent_id, tenant, team, empathy) "
        "VALUES (" +
        values + ")";
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  }
  sqlite3_close(db);
}

class AnalyticsTest : public AdminTest {
 protected:
  void SetUp() override {
    start(keys);
    tok = token("acme");
    auto post = [&](const std::string& key, const std::string& body) {
      const Reply r =
          request(port, "POST", "/v1/feedback", body, {{"Authorization", "Bearer " + key}});
      ASSERT_EQ(r.status, 201) << r.body;
    };
    // calm-down: shown 4, dismissed 3, accepted 1 -> the noisiest. per-policy: accepted 2,
    // edited 1, dismissed 1. The body cannot claim another tenant or agent.
    for (int i = 0; i < 4; ++i)
      post(kDana, R"({"rule": "dismissive.calm-down", "action": "shown", "empathy": 40})");
    for (int i = 0; i < 3; ++i)
      post(kDana, R"({"rule": "dismissive.calm-down", "action": "dismissed", "agent_id": "lee"})");
    post(kLee, R"({"rule": "dismissive.calm-down", "action": "accepted", "empathy": 80})");
    post(kLee,
         R"({"rule": "policy.per-policy", "action": "accepted", "category": "policy-language"})");
    post(kLee, R"({"rule": "policy.per-policy", "action": "accepted"})");
    post(kDana, R"({"rule": "policy.per-policy", "action": "edited"})");
    post(kDana, R"({"rule": "policy.per-policy", "action": "dismissed"})");
    post(kGlobex, R"({"rule": "policy.per-policy", "action": "dismissed"})");
    seed(dir.path() / "data" / "tactful.db", {"'2026-01-01T09:00:00Z', 'acme.synergy', 'jargon', "
                                              "'dismissed', 'dana', 'acme', 'billing', 20",
                                              "'2026-01-03T09:00:00Z', 'acme.synergy', 'jargon', "
                                              "'accepted', 'dana', 'acme', 'billing', 60",
                                              "'2026-01-03T10:00:00Z', 'acme.synergy', 'jargon', "
                                              "'accepted', 'lee', 'acme', NULL, NULL"});
  }
  std::string tok;
};

TEST_F(AnalyticsTest, PerRuleCountsNoisiestFirst) {
  const Reply r = call(tok, "GET", "/v1/admin/analytics/rules");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  const auto& rules = d["rules"];
  ASSERT_EQ(rules.Size(), 3u) << r.body;
  EXPECT_STREQ(rules[0]["rule"].GetString(), "dismissive.calm-down");
  EXPECT_STREQ(rules[0]["category"].GetString(), "dismissive");  // from the rule, not the row
  EXPECT_EQ(rules[0]["shown"].GetInt(), 4);
  EXPECT_EQ(rules[0]["dismissed"].GetInt(), 3);
  EXPECT_EQ(rules[0]["accepted"].GetInt(), 1);
  EXPECT_DOUBLE_EQ(rules[0]["acceptance_rate"].GetDouble(), 0.25);
  EXPECT_DOUBLE_EQ(rules[0]["dismissal_rate"].GetDouble(), 0.75);
  // One dismissal each: the higher dismissal rate (1 of 3) is noisier than 1 of 4.
  EXPECT_STREQ(rules[1]["rule"].GetString(), "acme.synergy");
  EXPECT_STREQ(rules[2]["rule"].GetString(), "policy.per-policy");
  EXPECT_EQ(rules[2]["accepted"].GetInt(), 2);
  EXPECT_EQ(rules[2]["edited"].GetInt(), 1);
  EXPECT_EQ(rules[2]["dismissed"].GetInt(), 1);  // globex's dismissal is not acme's
  EXPECT_DOUBLE_EQ(rules[2]["acceptance_rate"].GetDouble(), 0.75);
  // Filters: a date range and a team.
  d = parse_json(call(tok, "GET", "/v1/admin/analytics/rules?from=2026-01-02&to=2026-01-31").body);
  ASSERT_EQ(d["rules"].Size(), 1u);
  EXPECT_EQ(d["rules"][0]["accepted"].GetInt(), 2);
  d = parse_json(call(tok, "GET", "/v1/admin/analytics/rules?team=billing").body);
  EXPECT_EQ(d["rules"][0]["dismissed"].GetInt(), 3);
  EXPECT_EQ(d["rules"][0]["accepted"].GetInt(), 0);  // Lee's key has no team
  // Globex sees only its own.
  d = parse_json(call(token("globex"), "GET", "/v1/admin/analytics/rules").body);
  ASSERT_EQ(d["rules"].Size(), 1u);
  EXPECT_EQ(d["rules"][0]["dismissed"].GetInt(), 1);
  EXPECT_EQ(d["rules"][0]["accepted"].GetInt(), 0);
  EXPECT_TRUE(d["rules"][0]["acceptance_rate"].IsNumber());
}

TEST_F(AnalyticsTest, PerCategoryAndDailyBuckets) {
  auto d = parse_json(call(tok, "GET", "/v1/admin/analytics/categories").body);
  ASSERT_EQ(d["categories"].Size(), 3u);
  EXPECT_STREQ(d["categories"][0]["category"].GetString(), "dismissive");
  EXPECT_STREQ(d["categories"][1]["category"].GetString(), "jargon");
  EXPECT_STREQ(d["categories"][2]["category"].GetString(), "policy-language");
  EXPECT_EQ(d["categories"][2]["accepted"].GetInt(), 2);
  // Every day of the range, zero days included, oldest first.
  const Reply r =
      call(tok, "GET", "/v1/admin/analytics/daily?from=2026-01-01&to=2026-01-04&category=jargon");
  ASSERT_EQ(r.status, 200) << r.body;
  d = parse_json(r.body);
  const auto& days = d["days"];
  ASSERT_EQ(days.Size(), 4u);
  EXPECT_STREQ(days[0]["day"].GetString(), "2026-01-01");
  EXPECT_EQ(days[0]["dismissed"].GetInt(), 1);
  EXPECT_DOUBLE_EQ(days[0]["acceptance_rate"].GetDouble(), 0.0);
  EXPECT_EQ(days[1]["accepted"].GetInt(), 0);
  EXPECT_TRUE(days[1]["acceptance_rate"].IsNull());
  EXPECT_EQ(days[2]["accepted"].GetInt(), 2);
  EXPECT_DOUBLE_EQ(days[2]["acceptance_rate"].GetDouble(), 1.0);
  d = parse_json(call(tok, "GET", "/v1/admin/analytics/daily?rule=dismissive.calm-down").body);
  ASSERT_EQ(d["days"].Size(), 1u);  // all today
  EXPECT_EQ(d["days"][0]["shown"].GetInt(), 4);
  for (const std::string bad :
       {"/v1/admin/analytics/rules?from=2026-13-01", "/v1/admin/analytics/rules?to=yesterday",
        "/v1/admin/analytics/rules?from=2026-02-01&to=2026-01-01",
        "/v1/admin/analytics/daily?from=1990-01-01&to=2026-01-01",
        "/v1/admin/analytics/rules?format=xml", "/v1/admin/analytics/empathy?by=planet"})
    EXPECT_EQ(call(tok, "GET", bad).status, 400) << bad;
  EXPECT_EQ(call(tok, "GET", "/v1/admin/analytics/nope").status, 404);
}

TEST_F(AnalyticsTest, EmpathyTrendPerTeamAndPerAgent) {
  auto d = parse_json(
      call(tok, "GET", "/v1/admin/analytics/empathy?from=2026-01-01&to=2026-01-31").body);
  ASSERT_EQ(d["points"].Size(), 2u);
  EXPECT_STREQ(d["points"][0]["day"].GetString(), "2026-01-01");
  EXPECT_STREQ(d["points"][0]["team"].GetString(), "billing");
  EXPECT_DOUBLE_EQ(d["points"][0]["average"].GetDouble(), 20.0);
  EXPECT_DOUBLE_EQ(d["points"][1]["average"].GetDouble(), 60.0);
  d = parse_json(call(tok, "GET", "/v1/admin/analytics/empathy?by=agent").body);
  double dana = -1, lee = -1;
  for (const auto& p : d["points"].GetArray()) {
    const std::string who = p["agent"].GetString(), day = p["day"].GetString();
    if (who == "dana" && day != "2026-01-01" && day != "2026-01-03")
      dana = p["average"].GetDouble();
    if (who == "lee") lee = p["average"].GetDouble();
  }
  EXPECT_DOUBLE_EQ(dana, 40.0);  // today's four "shown" rows carried 40
  EXPECT_DOUBLE_EQ(lee, 80.0);
}

TEST_F(AnalyticsTest, CsvExport) {
  Reply r = call(tok, "GET", "/v1/admin/analytics/rules?format=csv");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(contains(r.header("content-disposition"), "tactful-rules.csv"));
  EXPECT_TRUE(r.body.starts_with(
      "rule,category,shown,accepted,edited,dismissed,muted,acceptance_rate,dismissal_rate\r\n"))
      << r.body;
  EXPECT_TRUE(contains(r.body, "dismissive.calm-down,dismissive,4,1,0,3,0,0.2500,0.7500\r\n"))
      << r.body;
  r = call(tok, "GET", "/v1/admin/analytics/daily?format=csv&from=2026-01-01&to=2026-01-02");
  EXPECT_TRUE(contains(r.body, "2026-01-02,0,0,0,0,0,,\r\n")) << r.body;
  r = call(tok, "GET", "/v1/admin/analytics/empathy?format=csv&by=agent");
  EXPECT_TRUE(r.body.starts_with("day,agent,average_empathy,samples\r\n")) << r.body;
}

TEST_F(AdminTest, AgentsMuteARuleForThemselvesCountedNeverNamed) {
  start(keys);
  const std::string tok = token("acme");
  const std::string draft = "Please calm down.";
  ASSERT_TRUE(has(fired(kDana, draft), "dismissive.calm-down"));
  Reply r = request(port, "POST", "/v1/mutes", R"({"rule": "dismissive.calm-down"})",
                    {{"Authorization", "Bearer " + kDana}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_STREQ(parse_json(r.body)["muted"][0].GetString(), "dismissive.calm-down");
  EXPECT_FALSE(has(fired(kDana, draft), "dismissive.calm-down"));
  EXPECT_TRUE(has(fired(kLee, draft), "dismissive.calm-down"));  // only Dana's
  {
    WsClient ws(port, "/v1/stream?key=" + kDana);
    ws.send(R"({"seq": 1, "draft": "Please calm down."})");
    EXPECT_FALSE(contains(ws.read(), "dismissive.calm-down"));
    ws.close();
  }
  // Counted for the admin, without saying who.
  auto d = parse_json(call(tok, "GET", "/v1/admin/analytics/rules").body);
  ASSERT_EQ(d["rules"].Size(), 1u);
  EXPECT_EQ(d["rules"][0]["muted"].GetInt(), 1);
  EXPECT_FALSE(contains(call(tok, "GET", "/v1/admin/analytics/rules").body, "dana"));
  EXPECT_FALSE(contains(call(tok, "GET", "/v1/admin/audit").body, "mute"));
  // Survives a restart; unmuting brings the hint back.
  server.reset();
  start(keys);
  EXPECT_FALSE(has(fired(kDana, draft), "dismissive.calm-down"));
  r = request(port, "GET", "/v1/mutes", "", {{"Authorization", "Bearer " + kDana}});
  EXPECT_TRUE(contains(r.body, "dismissive.calm-down")) << r.body;
  r = request(port, "DELETE", "/v1/mutes/dismissive.calm-down", "",
              {{"Authorization", "Bearer " + kDana}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(fired(kDana, draft), "dismissive.calm-down"));
  EXPECT_EQ(request(port, "DELETE", "/v1/mutes/dismissive.calm-down", "",
                    {{"Authorization", "Bearer " + kDana}})
                .status,
            404);
  // Bad input, and no key at all.
  for (const std::string bad :
       {R"({"rule": "x y"})", R"({"rule": 5})", R"({"rules": "a.b"})", "[", "{}",
        // a NUL inside a key or a rule id: the whole string counts, not its C-string prefix
        R"({"rule": "dismissive.calm-down", "rule\u0000x": 1})",
        R"({"rule": "dismissive.calm-down\u0000x"})"})
    EXPECT_EQ(
        request(port, "POST", "/v1/mutes", bad, {{"Authorization", "Bearer " + kDana}}).status, 400)
        << bad;
  EXPECT_EQ(request(port, "POST", "/v1/mutes", R"({"rule": "a.b"})").status, 401);
}

TEST_F(AdminTest, MutesNeedAnAgentKey) {
  start();
  const Reply r = request(port, "POST", "/v1/mutes", R"({"rule": "a.b"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "configure api_keys")) << r.body;
}

}  // namespace
}  // namespace tactful::testing
