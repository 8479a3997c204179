// POST /v1/feedback stores rows in SQLite (WAL) under the data directory.
#include <sqlite3.h>

#include <string>

#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

using FeedbackTest = ServerTest;

struct Row {
  std::string rule, action, conversation, agent;
};

std::vector<Row> rows(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  std::vector<Row> out;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rule, action, coalesce(conversation_id, ''), coalesce(agent_id, '') "
                     "FROM feedback ORDER BY id",
                     -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    auto col = [&](int i) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)));
    };
    out.push_back({col(0), col(1), col(2), col(3)});
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

TEST_F(FeedbackTest, StoresFeedbackAndAnswers201WithTheId) {
  start();
  Reply r = request(
      port, "POST", "/v1/feedback",
      R"({"rule": "policy.per-policy", "action": "accepted", "conversation_id": "c-1", "agent_id": "a-7", "suggestion_id": "s-1", "category": "policy-language"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(parse_json(r.body)["id"].GetInt(), 1);
  r = request(port, "POST", "/v1/feedback",
              R"({"rule": "dismissive.calm-down", "action": "dismissed"})");
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(parse_json(r.body)["id"].GetInt(), 2);
  const auto db = dir.path() / "data" / "tactful.db";
  const auto got = rows(db);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "policy.per-policy");
  EXPECT_EQ(got[0].action, "accepted");
  EXPECT_EQ(got[0].conversation, "c-1");
  EXPECT_EQ(got[0].agent, "a-7");
  EXPECT_EQ(got[1].action, "dismissed");
}

TEST_F(FeedbackTest, TheStoreIsInWalModeAndClosedCleanlyOnStop) {
  start();
  ASSERT_EQ(request(port, "POST", "/v1/feedback", R"({"rule": "a.b", "action": "edited"})").status,
            201);
  const auto db = dir.path() / "data" / "tactful.db";
  EXPECT_TRUE(std::filesystem::exists(db.string() + "-wal"));
  server.reset();  // stop: finishes in flight, checkpoints and closes SQLite
  // A clean close removes the WAL file (the last connection checkpoints and deletes it).
  EXPECT_FALSE(std::filesystem::exists(db.string() + "-wal"));
  EXPECT_EQ(rows(db).size(), 1u);
}

TEST_F(FeedbackTest, BadFeedbackIs400NamingTheField) {
  start();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"action": "accepted"})", "missing 'rule'"},
      {R"({"rule": "x.y"})", "missing 'action'"},
      {R"({"rule": "x.y", "action": "liked"})", "not one of accepted, dismissed, edited"},
      {R"({"rule": "x y", "action": "accepted"})", "rule: not a rule id"},
      {R"({"rule": "x.y", "action": "accepted", "extra": 1})", "unknown field 'extra'"},
      {R"({"rule": 5, "action": "accepted"})", "rule: expected a string"},
      {R"([1])", "must be a JSON object"},
      {R"({"rule": )", "invalid JSON"},
  };
  for (const auto& [body, message] : cases) {
    const Reply r = request(port, "POST", "/v1/feedback", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_TRUE(contains(r.body, message)) << body << " → " << r.body;
  }
  EXPECT_EQ(rows(dir.path() / "data" / "tactful.db").size(), 0u);
}

}  // namespace
}  // namespace tactful::testing
