// Rules and overrides over the admin API: CRUD with history, validate with JSON paths, dry-run,
// publish (refused on a failing example while the old rules keep serving), rollback and diffs.
#include "admin_fixture.h"

namespace tactful::testing {
namespace {

const std::string kKey = "acme-agent-key-0123456789";

const std::string kUnscoped = "plain-key-0123456789abcdef";

void with_acme_key(server::Config& c) {
  server::ApiKey k(kKey);
  k.tenant = "acme";
  c.api_keys = {k, server::ApiKey(kUnscoped)};
}

TEST_F(AdminTest, CustomRuleCrudKeepsAVersionHistory) {
  start();
  const std::string tok = token("acme", "admin", "dana");
  Reply r = call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.synergy", "synergy"));
  ASSERT_EQ(r.status, 201) << r.body;
  auto d = parse_json(r.body);
  EXPECT_EQ(d["version"].GetInt(), 1);
  EXPECT_STREQ(d["rule"]["id"].GetString(), "acme.synergy");
  EXPECT_EQ(d["problems"].Size(), 0u);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.synergy", "synergy")).status,
            409);
  // A stale write is refused; the current version wins.
  r = call(tok, "PUT", "/v1/admin/rules/acme.synergy?version=7", phrase_rule("acme.synergy", "x"));
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "is at version 1")) << r.body;
  r = call(tok, "PUT", "/v1/admin/rules/acme.synergy?version=1",
           phrase_rule("acme.synergy", "synergies"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse_json(r.body)["version"].GetInt(), 2);
  // The path's id and the body's must agree.
  r = call(tok, "PUT", "/v1/admin/rules/acme.other", phrase_rule("acme.synergy", "x"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, R"("path":"$.id")")) << r.body;
  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/rules/acme.synergy").status, 200);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/rules/acme.synergy").status, 404);
  EXPECT_EQ(call(tok, "DELETE", "/v1/admin/rules/acme.synergy").status, 404);
  r = call(tok, "GET", "/v1/admin/rules/acme.synergy/history");
  ASSERT_EQ(r.status, 200);
  d = parse_json(r.body);
  ASSERT_EQ(d["history"].Size(), 3u);
  EXPECT_EQ(d["history"][0]["version"].GetInt(), 1);
  EXPECT_STREQ(d["history"][1]["body"]["phrases"][0].GetString(), "synergies");
  EXPECT_TRUE(d["history"][2]["deleted"].GetBool());
  EXPECT_STREQ(d["history"][2]["by"].GetString(), "dana");
  // Built-in ids are not custom rules; reserved ids and malformed bodies are refused.
  r = call(tok, "POST", "/v1/admin/rules", phrase_rule("policy.per-policy", "x"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "override it instead")) << r.body;
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("publish", "x")).status, 422);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules", "{\"id\": ").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules", std::string(2000, '[')).status, 400);
  const auto list = parse_json(call(tok, "GET", "/v1/admin/rules").body);
  EXPECT_EQ(list["rules"].Size(), 0u);
  EXPECT_GT(list["builtin"].Size(), 30u);
}

TEST_F(AdminTest, ValidateNamesEveryProblemByJsonPath) {
  start();
  const std::string tok = token("acme", "viewer");
  const std::string bad_severity =
      R"({"id": "a.b", "kind": "phrase", "category": "jargon", "severity": "urgent", "message": "m", "why": "w", "phrases": ["x"], "examples": {"flag": ["x"], "pass": ["y"]}})";
  const std::string failing_example =
      phrase_rule("acme.synergy", "synergy", "We value [[teamwork]].");
  const std::string bad_regex =
      R"({"id": "a.re", "kind": "pattern", "category": "tone", "message": "m", "why": "w", "regex": "(", "examples": {"flag": ["x"], "pass": ["y"]}})";
  const std::string unknown_field =
      R"({"id": "a.u", "kind": "phrase", "category": "tone", "message": "m", "why": "w", "phrases": ["x"], "colour": 1, "examples": {"flag": ["x"], "pass": ["y"]}})";
  const std::string body =
      R"({"rules": [)" + bad_severity + "," + failing_example + "," + bad_regex + "," +
      unknown_field + "," + phrase_rule("a.ok", "leverage") +
      R"(], "overrides": [{"id": "policy.per-policy", "override": {"severity": "loud"}},
      {"id": "no.such", "override": {}}, {"id": "negative.no-problem-variants", "override": {"exceptions": ["don't hesitate to"]}}]})";
  const Reply r = call(tok, "POST", "/v1/admin/rules/validate", body);
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  EXPECT_FALSE(d["valid"].GetBool());
  EXPECT_EQ(d["checked"].GetInt(), 8);
  std::map<std::string, std::string> by_path;
  for (const auto& p : d["problems"].GetArray())
    by_path[p["path"].GetString()] = p["message"].GetString();
  EXPECT_TRUE(contains(by_path["$.rules[0].severity"], "'urgent' is not one of")) << r.body;
  EXPECT_TRUE(contains(by_path["$.rules[1].examples.flag[0]"], "not flagged")) << r.body;
  EXPECT_TRUE(by_path.count("$.rules[2].regex")) << r.body;
  EXPECT_TRUE(contains(by_path["$.rules[3].colour"], "unknown field")) << r.body;
  EXPECT_FALSE(contains(r.body, "$.rules[4]")) << r.body;
  EXPECT_TRUE(contains(by_path["$.overrides[0].override.severity"], "expected one of")) << r.body;
  EXPECT_TRUE(contains(by_path["$.overrides[1].override"], "no built-in rule")) << r.body;
  EXPECT_TRUE(contains(by_path["$.overrides[2].override.exceptions"], "waive every example"))
      << r.body;
  // A good set is valid; a body with nothing to check, or unknown fields, is a 400.
  const Reply ok = call(tok, "POST", "/v1/admin/rules/validate",
                        R"({"rule": )" + phrase_rule("a.ok", "leverage") + "}");
  EXPECT_TRUE(parse_json(ok.body)["valid"].GetBool()) << ok.body;
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/validate", "{}").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/validate", R"({"rulez": []})").status, 400);
}

TEST_F(AdminTest, DryRunShowsHintsWithoutPublishing) {
  start(with_acme_key);
  const std::string tok = token("acme");
  const std::string body =
      R"({"draft": "Let us leverage our synergy.", "now": "2026-11-22T10:00:00Z", "rules": [)" +
      phrase_rule("acme.synergy", "synergy") +
      R"(], "overrides": [{"id": "policy.per-policy", "override": {"enabled": false}}]})";
  const Reply r = call(tok, "POST", "/v1/admin/rules/dry-run", body);
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  bool hit = false;
  for (const auto& s : d["report"]["suggestions"].GetArray())
    hit |= std::string(s["rule"].GetString()) == "acme.synergy";
  EXPECT_TRUE(hit) << r.body;
  EXPECT_EQ(d["warnings"].Size(), 0u);
  // Nothing was stored or published: agents do not see the rule.
  EXPECT_FALSE(has(fired(kKey, "Let us leverage our synergy."), "acme.synergy"));
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/rules").body)["rules"].Size(), 0u);
  // A rule that does not parse is a 422 with its path; a bad request a 400.
  const Reply bad = call(tok, "POST", "/v1/admin/rules/dry-run",
                         R"({"draft": "x", "rules": [{"id": "a.b", "kind": "nope"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, R"("path":"$.rules[0].kind")")) << bad.body;
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/dry-run", R"({"drafts": "x"})").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/dry-run", R"({"draft": "x", "use": "x"})").status,
            400);
}

TEST_F(AdminTest, PublishIsRefusedOnAFailingExampleAndTheOldRulesKeepServing) {
  start(with_acme_key);
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
                .status,
            201);
  Reply r = call(tok, "POST", "/v1/admin/rules/publish", R"({"note": "v1"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(parse_json(r.body)["version"].GetInt(), 1);
  EXPECT_TRUE(has(fired(kKey, "Our synergy is great."), "acme.synergy"));
  EXPECT_FALSE(has(fired(kUnscoped, "Our synergy is great."), "acme.synergy"));  // no tenant
  // The example no longer matches what the rule flags: saved (a draft), but not published.
  r = call(tok, "PUT", "/v1/admin/rules/acme.synergy",
           phrase_rule("acme.synergy", "paradigm", "Our [[synergy]] is great."));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GT(parse_json(r.body)["problems"].Size(), 0u);  // told at once, too
  r = call(tok, "POST", "/v1/admin/rules/publish");
  ASSERT_EQ(r.status, 422) << r.body;
  auto d = parse_json(r.body);
  EXPECT_TRUE(contains(d["error"].GetString(), "keep serving"));
  ASSERT_EQ(d["problems"].Size(), 1u);
  EXPECT_STREQ(d["problems"][0]["rule"].GetString(), "acme.synergy");
  EXPECT_STREQ(d["problems"][0]["path"].GetString(), "$.examples.flag[0]");
  EXPECT_TRUE(contains(d["problems"][0]["message"].GetString(), "not flagged"));
  // Version 1 still serves.
  EXPECT_TRUE(has(fired(kKey, "Our synergy is great."), "acme.synergy"));
  EXPECT_FALSE(has(fired(kKey, "A new paradigm."), "acme.synergy"));
  d = parse_json(call(tok, "GET", "/v1/admin/rules/versions").body);
  EXPECT_EQ(d["serving"].GetInt(), 1);
  EXPECT_EQ(d["versions"].Size(), 1u);
  // Fixed, it publishes as version 2 and serves at once.
  ASSERT_EQ(
      call(tok, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "paradigm"))
          .status,
      200);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish").status, 201);
  EXPECT_TRUE(has(fired(kKey, "A new paradigm."), "acme.synergy"));
  EXPECT_FALSE(has(fired(kKey, "Our synergy is great."), "acme.synergy"));
}

TEST_F(AdminTest, RollbackToAnEarlierVersionServesItAndRestoresTheWorkingCopy) {
  start(with_acme_key);
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.one", "synergy")).status, 201);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish").status, 201);  // v1: one
  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/rules/acme.one").status, 200);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.two", "paradigm")).status, 201);
  ASSERT_EQ(
      call(tok, "PUT", "/v1/admin/overrides/dismissive.calm-down", R"({"enabled": false})").status,
      201);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish").status, 201);  // v2: two, no calm-down
  auto now = fired(kKey, "Calm down, synergy and a paradigm.");
  EXPECT_TRUE(has(now, "acme.two"));
  EXPECT_FALSE(has(now, "acme.one"));
  EXPECT_FALSE(has(now, "dismissive.calm-down"));

  // The diff between the versions names what changed.
  Reply r = call(tok, "GET", "/v1/admin/rules/versions/diff?from=1&to=2");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto diff_doc = parse_json(r.body);
  const auto& diff = diff_doc["diff"];
  ASSERT_EQ(diff["added"].Size(), 2u);
  EXPECT_STREQ(diff["added"][0]["id"].GetString(), "dismissive.calm-down");
  EXPECT_STREQ(diff["added"][0]["kind"].GetString(), "override");
  EXPECT_STREQ(diff["added"][1]["id"].GetString(), "acme.two");
  ASSERT_EQ(diff["removed"].Size(), 1u);
  EXPECT_STREQ(diff["removed"][0]["id"].GetString(), "acme.one");
  EXPECT_EQ(diff["changed"].Size(), 0u);

  r = call(tok, "POST", "/v1/admin/rules/rollback", R"({"version": 1})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto d = parse_json(r.body);
  EXPECT_EQ(d["version"].GetInt(), 3);
  EXPECT_EQ(d["rolled_back_from"].GetInt(), 1);
  now = fired(kKey, "Calm down, synergy and a paradigm.");
  EXPECT_TRUE(has(now, "acme.one"));
  EXPECT_FALSE(has(now, "acme.two"));
  EXPECT_TRUE(has(now, "dismissive.calm-down"));
  // The working copy is version 1 again, so the next publish does not bring v2 back.
  const auto rules = parse_json(call(tok, "GET", "/v1/admin/rules").body);
  ASSERT_EQ(rules["rules"].Size(), 1u);
  EXPECT_STREQ(rules["rules"][0]["id"].GetString(), "acme.one");
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/overrides").body)["overrides"].Size(), 0u);
  // Each rule's history shows what the rollback did to it.
  auto history = parse_json(call(tok, "GET", "/v1/admin/rules/acme.two/history").body);
  ASSERT_EQ(history["history"].Size(), 2u);
  EXPECT_TRUE(history["history"][1]["deleted"].GetBool());
  history = parse_json(call(tok, "GET", "/v1/admin/rules/acme.one/history").body);
  ASSERT_EQ(history["history"].Size(), 3u);  // created, deleted, restored
  EXPECT_FALSE(history["history"][2]["deleted"].GetBool());
  EXPECT_EQ(history["history"][2]["version"].GetInt(), 3);  // a version number names one body
  d = parse_json(call(tok, "GET", "/v1/admin/rules/versions").body);
  EXPECT_EQ(d["serving"].GetInt(), 3);
  EXPECT_EQ(d["versions"][0]["rolled_back_from"].GetInt(), 1);
  EXPECT_TRUE(d["versions"][0]["serving"].GetBool());
  EXPECT_FALSE(d["versions"][1]["serving"].GetBool());
  // Versions can be read whole; unknown ones are 404, nonsense 400.
  r = call(tok, "GET", "/v1/admin/rules/versions/2");
  ASSERT_EQ(r.status, 200);
  EXPECT_STREQ(parse_json(r.body)["doc"]["rules"][0]["id"].GetString(), "acme.two");
  EXPECT_EQ(call(tok, "GET", "/v1/admin/rules/versions/9").status, 404);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/rollback", R"({"version": 9})").status, 404);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/rules/rollback", R"({"version": "1"})").status, 400);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/rules/versions/diff?from=x").status, 400);
  // Unpublished edits show in the diff against the serving version.
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.three", "leverage")).status,
            201);
  d = parse_json(call(tok, "GET", "/v1/admin/rules/versions/diff").body);
  EXPECT_STREQ(d["from"].GetString(), "3");
  EXPECT_STREQ(d["to"].GetString(), "working");
  EXPECT_STREQ(d["diff"]["added"][0]["id"].GetString(), "acme.three");
}

TEST_F(AdminTest, PublishedRulesServeAgainAfterARestart) {
  start(with_acme_key);
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules", phrase_rule("acme.synergy", "synergy")).status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/mutes", "").status, 405);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/rules/publish").status, 201);
  server.reset();
  start(with_acme_key);
  EXPECT_TRUE(has(fired(kKey, "Our synergy."), "acme.synergy"));
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/rules/versions").body)["serving"].GetInt(), 1);
}

}  // namespace
}  // namespace tactful::testing

namespace tactful::testing {
namespace {

// The console's rule browser reads the built-in rules' documentation from the list: what they
// look for and their examples, marked as in a pack.
TEST_F(AdminTest, BuiltinRulesCarryTheirPhrasesAndExamples) {
  start();
  const Reply r = call(token("acme", "viewer"), "GET", "/v1/admin/rules");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  const rapidjson::Value* calm = nullptr;
  for (const auto& b : d["builtin"].GetArray())
    if (std::string_view(b["id"].GetString()) == "dismissive.calm-down") calm = &b;
  ASSERT_NE(calm, nullptr);
  EXPECT_STREQ((*calm)["phrases"][0].GetString(), "calm down");
  EXPECT_TRUE((*calm)["exceptions"].IsArray());
  EXPECT_STREQ((*calm)["examples"]["flag"][0].GetString(),
               "Please [[calm down]] so I can help you.");
  EXPECT_GT((*calm)["examples"]["pass"].Size(), 0u);
  EXPECT_FALSE(contains((*calm)["examples"]["pass"][0].GetString(), "[["));
  // A learned rule says which reading it asks and from what probability.
  const rapidjson::Value* learned = nullptr;
  for (const auto& b : d["builtin"].GetArray())
    if (std::string_view(b["id"].GetString()) == "blame.learned") learned = &b;
  ASSERT_NE(learned, nullptr);
  EXPECT_STREQ((*learned)["kind"].GetString(), "learned");
  EXPECT_STREQ((*learned)["head"].GetString(), "blame");
  EXPECT_DOUBLE_EQ((*learned)["min_probability"].GetDouble(), 0.5);
  EXPECT_FALSE((*calm).HasMember("head"));
  // A require rule a learned reading of the draft can waive says which and from what.
  const rapidjson::Value* upset = nullptr;
  for (const auto& b : d["builtin"].GetArray())
    if (std::string_view(b["id"].GetString()) == "empathy.upset") upset = &b;
  ASSERT_NE(upset, nullptr);
  EXPECT_STREQ((*upset)["waived_by"]["head"].GetString(), "acknowledges");
  EXPECT_DOUBLE_EQ((*upset)["waived_by"]["min_probability"].GetDouble(), 0.8);
  EXPECT_FALSE((*calm).HasMember("waived_by"));
}

}  // namespace
}  // namespace tactful::testing
