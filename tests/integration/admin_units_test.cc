// The admin API's parts on their own: store migrations, the rate limiter, CSV, JSON paths from
// core's errors, rule documents and diffs, overrides and route templates, with hostile input.
#include <sqlite3.h>

#include "admin_fixture.h"
#include "admin_tokens.h"
#include "analytics.h"
#include "csv.h"
#include "migrations.h"
#include "rate_limiter.h"
#include "rule_doc.h"
#include "rule_override.h"
#include "rule_problem.h"
#include "tenant_rules.h"

namespace tactful::testing {
namespace {

using namespace server;

TEST(AdminStoreMigrations, AnOldFeedbackTableIsMigratedWithItsRows) {
  TempDir dir;
  const auto path = dir.path() / "tactful.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // The schema the first server release created, with no version table.
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT "
                         "NULL, rule TEXT NOT NULL, category TEXT, action TEXT NOT NULL CHECK "
                         "(action IN ('accepted', 'dismissed', 'edited')), suggestion_id TEXT, "
                         "conversation_id TEXT, agent_id TEXT);"
                         "INSERT INTO feedback (at, rule, action, agent_id) VALUES "
                         "('2026-01-01T00:00:00Z', 'a.b', 'accepted', 'dana');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = AdminStore::open(dir.path().string());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto& d = (*store)->db();
  auto s = d.prepare("SELECT rule, action, agent_id, tenant FROM feedback");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(*s->step());
  EXPECT_EQ(s->text(0), "a.b");
  EXPECT_EQ(s->text(2), "dana");
  EXPECT_TRUE(s->is_null(3));
  auto v = d.prepare("SELECT version FROM schema_version");
  ASSERT_TRUE(*v->step());
  EXPECT_EQ(v->integer(0), schema_version());
  // The new action is accepted; migrating again changes nothing.
  EXPECT_TRUE(d.exec("INSERT INTO feedback (at, rule, action) VALUES ('x', 'a.b', 'shown')").ok());
  EXPECT_FALSE(d.exec("INSERT INTO feedback (at, rule, action) VALUES ('x', 'a.b', 'liked')").ok());
  EXPECT_TRUE(migrate(d).ok());
}

TEST(AdminStoreMigrations, ADatabaseFromANewerTactfulIsRefused) {
  TempDir dir;
  {
    auto store = AdminStore::open(dir.path().string());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->db().exec("UPDATE schema_version SET version = 999").ok());
  }
  auto again = AdminStore::open(dir.path().string());
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(contains(again.error().message, "newer than this tactful")) << again.error().message;
}

TEST(AdminTokens, RandomHashedAndNeverStoredInClear) {
  const std::string a = new_admin_token(), b = new_admin_token();
  EXPECT_TRUE(a.starts_with("tfa_"));
  EXPECT_EQ(a.size(), 68u);
  EXPECT_NE(a, b);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  TempDir dir;
  auto store = AdminStore::open(dir.path().string());
  ASSERT_TRUE(store.ok());
  TokenInfo info;
  auto t = (*store)->create_token("acme", "viewer", "x", info);
  ASSERT_TRUE(t.ok());
  auto s = (*store)->db().prepare("SELECT hash FROM admin_tokens");
  ASSERT_TRUE(*s->step());
  EXPECT_EQ(s->text(0), sha256_hex(*t));
  EXPECT_EQ((*store)->find_token(*t)->role, "viewer");
  EXPECT_FALSE((*store)->find_token(*t + "x").ok());
  EXPECT_FALSE((*store)->create_token("bad tenant", "admin", "x", info).ok());
  EXPECT_FALSE((*store)->create_token("acme", "root", "x", info).ok());
  EXPECT_TRUE(valid_slug("a.b-c_9"));
  for (const std::string& bad : {std::string(), std::string("a b"), std::string("a/b"),
                                 std::string("\xc3\xa4"), std::string(65, 'a')})
    EXPECT_FALSE(valid_slug(bad)) << bad;
}

TEST(RateLimiter, BurstThenRefillAtTheRate) {
  RateLimiter limiter(60, 2);  // one a second
  const auto t0 = RateLimiter::Clock::time_point{};
  EXPECT_EQ(limiter.take(1, t0), 0);
  EXPECT_EQ(limiter.take(1, t0), 0);
  EXPECT_EQ(limiter.take(1, t0), 1);
  EXPECT_EQ(limiter.take(2, t0), 0);  // per client
  EXPECT_EQ(limiter.take(1, t0 + std::chrono::milliseconds(1100)), 0);
  EXPECT_EQ(limiter.take(1, t0 + std::chrono::milliseconds(1200)), 1);
  RateLimiter slow(1, 1);
  EXPECT_EQ(slow.take(1, t0), 0);
  EXPECT_EQ(slow.take(1, t0), 60);
  // Many clients do not grow the table without bound.
  for (std::int64_t i = 0; i < 20000; ++i) limiter.take(i, t0 + std::chrono::hours(1));
  EXPECT_EQ(limiter.take(5, t0 + std::chrono::hours(2)), 0);
}

TEST(Csv, QuotesAndDefusesFormulas) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-rule"), "'-rule");
  EXPECT_EQ(csv_field("@x"), "'@x");
  EXPECT_EQ(csv_field("\xff"), "\xef\xbf\xbd");
  EXPECT_EQ(csv_line({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(RuleProblems, CoreErrorsBecomeJsonPaths) {
  auto p = problem_from_error(
      "custom rule: rule 'a.b': field 'severity': 'urgent' is not one of hint, suggestion, warning",
      "$.rules[0]");
  EXPECT_EQ(p.rule, "a.b");
  EXPECT_EQ(p.path, "$.rules[0].severity");
  EXPECT_EQ(p.message, "'urgent' is not one of hint, suggestion, warning");
  p = problem_from_error("custom rule: rule '#0': field 'id': every rule needs an id", "$");
  EXPECT_EQ(p.rule, "");
  EXPECT_EQ(p.path, "$.id");
  p = problem_from_error("custom rule: rule 'x': field 'swap.can't \"go\"': bad", "$");
  EXPECT_EQ(p.path, "$.swap[\"can't \\\"go\\\"\"]");
  p = problem_from_error("custom rule: invalid JSON at byte 3: oops", "$.rule");
  EXPECT_EQ(p.path, "$.rule");
  EXPECT_EQ(p.message, "custom rule: invalid JSON at byte 3: oops");
  p = problem_from_example_failure(
      "custom rule: rule 'a.b': examples.pass[2] flagged [x] in \"x y\"", "$.rules[1]");
  EXPECT_EQ(p.rule, "a.b");
  EXPECT_EQ(p.path, "$.rules[1].examples.pass[2]");
  EXPECT_EQ(p.message, "flagged [x] in \"x y\"");
  for (const std::string hostile : {"", "rule '", "field '", "rule 'x': field '", "'''': ''"})
    EXPECT_NO_THROW(problem_from_error(hostile, "$"));
}

TEST(RuleDocs, RoundTripAndDiff) {
  RuleDoc a, b;
  a.entries = {{"rule", "", "x.one", R"({"id":"x.one"})"},
               {"override", "billing", "policy.per-policy", R"({"enabled":false})"}};
  b.entries = {{"rule", "", "x.one", R"({"id":"x.one","v":2})"},
               {"rule", "", "x.two", R"({"id":"x.two"})"}};
  auto back = doc_from_json(doc_to_json(a));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->entries.size(), 2u);
  EXPECT_EQ(back->entries[0].kind, "override");  // sorted: kind, team, id
  EXPECT_EQ(back->entries[1].body, R"({"id":"x.one"})");
  const auto diff = parse_json(doc_diff_json(a, b));
  EXPECT_STREQ(diff["added"][0]["id"].GetString(), "x.two");
  EXPECT_STREQ(diff["removed"][0]["team"].GetString(), "billing");
  EXPECT_EQ(diff["changed"][0]["after"]["v"].GetInt(), 2);
  EXPECT_FALSE(doc_from_json("{").ok());
  EXPECT_FALSE(doc_from_json(R"({"rules": [{"id": 5}]})").ok());
  EXPECT_TRUE(doc_from_json(R"({"rules": 5})").ok());  // nothing of the expected shape: empty
  EXPECT_FALSE(compact_json(std::string(100000, '[')).ok());
  EXPECT_EQ(*compact_json(" { \"a\" : [ 1 , 2 ] } "), R"({"a":[1,2]})");
}

TEST(Overrides, ParseRefusesHostileInputWithPaths) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"[]", "$.o"},
      {"{", "$.o"},
      {R"({"enabled": 1})", "$.o.enabled"},
      {R"({"severity": "loud"})", "$.o.severity"},
      {R"({"exceptions": [""]})", "$.o.exceptions"},
      {R"({"phrases": "x"})", "$.o.phrases"},
      {R"({"examples": {"flag": ["[[x"]}})", "$.o.examples.flag[0]"},
      {R"({"examples": {"maybe": []}})", "$.o.examples.maybe"},
      {R"({"examples": []})", "$.o.examples"},
      {R"({"colour": "red"})", "$.o.colour"},
      {"\"\xff\"", "$.o"},
  };
  for (const auto& [json, path] : bad) {
    Override o;
    const auto problems = parse_override(json, "$.o", o);
    ASSERT_FALSE(problems.empty()) << json;
    EXPECT_EQ(problems[0].path, path) << json << ": " << problems[0].message;
  }
  Override o;
  EXPECT_TRUE(parse_override(
                  R"({"enabled": false, "severity": "hint", "exceptions": ["a"], "phrases": ["b"],
                      "examples": {"flag": ["[[b]] c", {"draft": "b", "team": "t"}], "pass": ["d"]},
                      "note": "why"})",
                  "$", o)
                  .empty());
  EXPECT_EQ(o.flag_examples.size(), 2u);
  EXPECT_EQ(o.pass_examples.size(), 1u);
  EXPECT_EQ(o.flag_examples[1].team, "t");
  Rule metric;
  metric.kind = RuleKind::metric;
  Override phrases;
  phrases.phrases = {"x"};
  EXPECT_TRUE(apply_override(phrases, metric).has_value());
  Rule repeat;
  repeat.kind = RuleKind::repeat;
  Override exceptions;
  exceptions.exceptions = {"x"};
  EXPECT_TRUE(apply_override(exceptions, repeat).has_value());
}

TEST(TenantRules, TeamRulesCompileSeparatelyAndProblemsNameTheTeam) {
  const auto base = RuleSet::builtin();
  RuleDoc doc;
  doc.entries = {{"rule", "billing", "acme.x", phrase_rule("acme.x", "synergy")},
                 {"rule", "", "acme.y", phrase_rule("acme.y", "paradigm")}};
  auto compiled = compile_tenant(doc, base, true);
  ASSERT_TRUE(compiled.rules) << (compiled.problems.empty() ? "" : compiled.problems[0].message);
  EXPECT_TRUE(compiled.rules->for_team("billing").rules().find("acme.x"));
  EXPECT_TRUE(compiled.rules->for_team("billing").rules().find("acme.y"));
  EXPECT_FALSE(compiled.rules->for_team("support").rules().find("acme.x"));
  EXPECT_EQ(compiled.rules->for_team("").rules().rules().size(), base->rules().size() + 1);
  // Layers with nothing of their own share the base's engine: no compile.
  auto empty = compile_tenant(RuleDoc{}, base, true);
  ASSERT_TRUE(empty.rules);
  EXPECT_EQ(&empty.rules->tenant->rules(), base.get());
  // A team rule whose example fails names its team.
  doc.entries.push_back({"rule", "support", "acme.z", phrase_rule("acme.z", "x", "[[y]]")});
  compiled = compile_tenant(doc, base, true);
  ASSERT_FALSE(compiled.rules);
  ASSERT_EQ(compiled.problems.size(), 1u);
  EXPECT_EQ(compiled.problems[0].team, "support");
  EXPECT_EQ(compiled.problems[0].rule, "acme.z");
  // Without running examples (dry-run) it compiles.
  EXPECT_TRUE(compile_tenant(doc, base, false).rules);
  // Two custom rules of one id at one level cannot happen (the store keys them), but a custom
  // rule taking a built-in id is refused.
  RuleDoc clash;
  clash.entries = {{"rule", "", "policy.per-policy", phrase_rule("policy.per-policy", "x")}};
  compiled = compile_tenant(clash, base, true);
  ASSERT_FALSE(compiled.rules);
  EXPECT_TRUE(contains(compiled.problems[0].message, "built-in")) << compiled.problems[0].message;
  EXPECT_TRUE(reserved_rule_id("versions"));
  EXPECT_FALSE(reserved_rule_id("acme.versions"));
}

TEST(Analytics, DayRanges) {
  EXPECT_TRUE(valid_day("2024-02-29"));
  EXPECT_FALSE(valid_day("2023-02-29"));
  EXPECT_FALSE(valid_day("2023-2-28"));
  EXPECT_FALSE(valid_day("abcd-ef-gh"));
  auto days = day_range("2025-12-30", "2026-01-02");
  ASSERT_TRUE(days);
  EXPECT_EQ(*days,
            (std::vector<std::string>{"2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"}));
  EXPECT_FALSE(day_range("1990-01-01", "2026-01-01"));
  EXPECT_TRUE(day_range("2026-01-02", "2026-01-01")->empty());
}

}  // namespace
}  // namespace tactful::testing
