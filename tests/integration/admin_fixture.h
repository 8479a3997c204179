// A real server plus helpers for the admin API tests: tokens made in the server's own store,
// authenticated requests, and rules small enough to read in a test.
#pragma once

#include <string>

#include "admin_store.h"
#include "fixture.h"
#include "json.h"

namespace tactful::testing {

class AdminTest : public ServerTest {
 protected:
  // A token for `tenant` with `role`, created in the running server's data directory (a second
  // SQLite connection, as the CLI would).
  std::string token(const std::string& tenant, const std::string& role = "admin",
                    const std::string& name = "test") {
    auto store = server::AdminStore::open((dir.path() / "data").string());
    EXPECT_TRUE(store.ok()) << store.error().message;
    server::TokenInfo info;
    auto t = (*store)->create_token(tenant, role, name, info);
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? *t : "";
  }

  Reply call(const std::string& tok, const std::string& method, const std::string& target,
             const std::string& body = "") {
    return request(port, method, target, body, {{"Authorization", "Bearer " + tok}});
  }

  // As `admin` of acme: the team "billing" and the draft rule "acme.synergy" (unpublished).
  void add_team_and_draft_rule(const std::string& admin);

  // POST /v1/suggest as the agent with `key`; the ids of the rules that fired.
  std::vector<std::string> fired(const std::string& key, const std::string& draft,
                                 const std::string& severity_of = "",
                                 std::string* severity = nullptr) {
    const Reply r = request(port, "POST", "/v1/suggest",
                            R"({"draft": ")" + draft + R"(", "now": "2026-11-22T10:00:00Z"})",
                            key.empty() ? Headers{} : Headers{{"Authorization", "Bearer " + key}});
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    auto d = parse_json(r.body);
    if (!d.IsObject() || !d.HasMember("suggestions")) return ids;
    for (const auto& s : d["suggestions"].GetArray()) {
      ids.emplace_back(s["rule"].GetString());
      if (severity && ids.back() == severity_of) *severity = s["severity"].GetString();
    }
    return ids;
  }
};

inline bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A custom phrase rule flagging `phrase`, with examples that pass.
inline std::string phrase_rule(const std::string& id, const std::string& phrase,
                               const std::string& flag_example = "",
                               const std::string& severity = "suggestion") {
  const std::string flag = flag_example.empty() ? "Please [[" + phrase + "]] now." : flag_example;
  return R"({"id": ")" + id + R"(", "kind": "phrase", "category": "jargon", "severity": ")" +
         severity + R"(", "message": "Say it plainly.", "why": "Customers do not know our words.",
    "phrases": [")" +
         phrase + R"("], "examples": {"flag": [")" + flag +
         R"("], "pass": ["Nothing to see here."]}})";
}

inline void AdminTest::add_team_and_draft_rule(const std::string& admin) {
  ASSERT_EQ(call(admin, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  ASSERT_EQ(
      call(admin, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
          .status,
      201);
}

}  // namespace tactful::testing
