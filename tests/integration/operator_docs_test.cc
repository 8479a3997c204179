// The operator docs against the running server: docs/metrics.md names every metric /metrics
// exposes and every error kind the server counts, and no metric the server does not have; the
// packaged config file (packaging/tactful.json, with its comments) loads and runs safely.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "fixture.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::set<std::string> matches(const std::string& text, const std::regex& re, int group = 1) {
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    out.insert((*it)[group].str());
  return out;
}

using OperatorDocsTest = ServerTest;

TEST_F(OperatorDocsTest, MetricsReferenceListsExactlyTheMetricsServed) {
  start();
  ASSERT_EQ(request(port, "POST", "/v1/suggest", R"({"draft": "Per our policy, no."})").status,
            200);
  const Reply r = request(port, "GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  // Every family is announced by a TYPE line, even before it has a sample.
  const auto served = matches(r.body, std::regex(R"(# TYPE (\w+) \w+)"));
  ASSERT_GE(served.size(), 8u) << r.body;
  const std::string doc = read_text(fs::path(TACTFUL_SOURCE_DIR) / "docs/metrics.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& name : served)
    EXPECT_NE(doc.find("`" + name + "`"), std::string::npos)
        << "docs/metrics.md does not describe " << name;
  // ...and documents no metric that does not exist (histogram series are named by family).
  for (const auto& name : matches(doc, std::regex(R"(`(tactful_[a-z_]+)`)"))) {
    std::string family = std::regex_replace(name, std::regex("_(bucket|sum|count)$"), "");
    EXPECT_TRUE(served.count(name) || served.count(family))
        << "docs/metrics.md names " << name << ", which /metrics does not serve";
  }
}

TEST(OperatorDocs, MetricsReferenceListsEveryErrorKind) {
  // The kinds are the string literals handed to Metrics::error() anywhere in the server.
  std::set<std::string> kinds;
  for (const auto& entry : fs::directory_iterator(fs::path(TACTFUL_SOURCE_DIR) / "plugin/server")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string code = read_text(entry.path());
    for (const auto& call : matches(code, std::regex(R"(metrics\.error\(([^;]*)\);)")))
      for (const auto& kind : matches(call, std::regex(R"re("([a-z_]+)")re"))) kinds.insert(kind);
  }
  ASSERT_GE(kinds.size(), 5u);
  const std::string doc = read_text(fs::path(TACTFUL_SOURCE_DIR) / "docs/metrics.md");
  for (const auto& kind : kinds)
    EXPECT_NE(doc.find("`" + kind + "`"), std::string::npos)
        << "docs/metrics.md does not explain tactful_errors_total{kind=\"" << kind << "\"}";
}

TEST(OperatorDocs, PackagedConfigLoadsWithItsCommentsAndIsSafe) {
  const auto file = (fs::path(TACTFUL_SOURCE_DIR) / "packaging/tactful.json").string();
  auto c = server::load_config(file, [](const char*) -> const char* { return nullptr; });
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->data_dir, "/var/lib/tactful");
  EXPECT_EQ(c->pack_dirs, (std::vector<std::string>{"/etc/tactful/packs"}));
  EXPECT_FALSE(server::validate(*c).has_value());
  // It states every key the server reads, so an operator sees them all in one place.
  const std::string text = read_text(file);
  for (const char* key : {"listen",
                          "threads",
                          "data_dir",
                          "packs",
                          "builtin_packs",
                          "reload_poll_ms",
                          "cors_origins",
                          "api_keys",
                          "static_dir",
                          "log_requests",
                          "max_body_bytes",
                          "max_header_bytes",
                          "max_draft_chars",
                          "max_history",
                          "max_connections",
                          "header_timeout_ms",
                          "read_timeout_ms",
                          "idle_timeout_ms",
                          "ws_idle_timeout_ms",
                          "admin",
                          "rate_per_minute",
                          "rate_burst",
                          "default_tenant",
                          "rate_limits",
                          "per_ip_per_minute",
                          "per_key_per_minute",
                          "burst",
                          "context",
                          "max_messages",
                          "max_conversations",
                          "ttl_minutes",
                          "max_bytes",
                          "max_message_bytes",
                          "outbox",
                          "workers",
                          "timeout_ms",
                          "backoff_base_ms",
                          "backoff_max_ms",
                          "give_up_after_ms",
                          "drain_ms",
                          "integrations"})
    EXPECT_NE(text.find("\"" + std::string(key) + "\":"), std::string::npos) << key;
}

TEST(OperatorDocs, ConfigCommentsAreAcceptedAndAnUnclosedOneIsAClearError) {
  TempDir dir;
  const auto none = [](const char*) -> const char* { return nullptr; };
  write_file(dir.path() / "ok.json",
             "// a comment\n{ /* block */ \"threads\": 3, // trailing\n \"listen\": "
             "\"127.0.0.1:9001\" }\n");
  auto ok = server::load_config((dir.path() / "ok.json").string(), none);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->threads, 3u);
  EXPECT_EQ(ok->port, 9001);
  write_file(dir.path() / "bad.json", "{ \"threads\": 3 /* never closed\n}");
  auto bad = server::load_config((dir.path() / "bad.json").string(), none);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.json: invalid JSON at byte"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace tactful::testing
