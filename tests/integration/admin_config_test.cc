// Configuration of tenancy and the admin API: scoped api_keys entries, the admin section, and
// the `tactful admin token` command against a real server's store.
#include <cstdio>
#include <map>

#include "admin_fixture.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

server::Getenv no_env() {
  return [](const char*) -> const char* { return nullptr; };
}

TEST(AdminConfig, ApiKeysMayBeStringsOrScopedObjects) {
  TempDir dir;
  write_file(dir.path() / "c.json", R"({"api_keys": ["plain-0123456789abcdef",
      {"key": "scoped-0123456789abcdef", "tenant": "acme", "team": "billing", "agent": "dana"}],
      "admin": {"rate_per_minute": 30, "rate_burst": 5, "default_tenant": "acme"}})");
  auto c = server::load_config((dir.path() / "c.json").string(), no_env());
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->api_keys.size(), 2u);
  EXPECT_EQ(c->api_keys[0].key, "plain-0123456789abcdef");
  EXPECT_EQ(c->api_keys[0].tenant, "");
  EXPECT_EQ(c->api_keys[1].tenant, "acme");
  EXPECT_EQ(c->api_keys[1].team, "billing");
  EXPECT_EQ(c->api_keys[1].agent, "dana");
  EXPECT_EQ(c->admin.rate_per_minute, 30u);
  EXPECT_EQ(c->admin.rate_burst, 5u);
  EXPECT_EQ(c->admin.default_tenant, "acme");
  EXPECT_FALSE(server::validate(*c).has_value());
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"api_keys": [{"tenant": "acme"}]})", "api_keys[0]: missing \"key\""},
      {R"({"api_keys": [{"key": "k-0123456789abcdef", "role": "x"}]})", "unknown key 'role'"},
      {R"({"api_keys": [{"key": 5}]})", "api_keys[0].key: expected a string"},
      {R"({"api_keys": [5]})", "api_keys[0]: expected an array of keys"},
      {R"({"api_keys": "k"})", "api_keys: expected an array of keys"},
      {R"({"admin": {"rate": 1}})", "unknown key 'admin.rate'"},
      {R"({"admin": {"rate_burst": -1}})", "admin.rate_burst: expected a non-negative integer"},
  };
  for (const auto& [text, message] : bad) {
    write_file(dir.path() / "c.json", text);
    auto e = server::load_config((dir.path() / "c.json").string(), no_env());
    ASSERT_FALSE(e.ok()) << text;
    EXPECT_TRUE(contains(e.error().message, message)) << e.error().message;
  }
}

// Runs the tactful binary; returns its exit code, stdout in `out`.
int run(const std::string& args, std::string& out) {
  out.clear();
  FILE* p = popen((std::string(TACTFUL_BINARY) + " " + args + " 2>/dev/null").c_str(), "r");
  if (!p) return -1;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(AdminTest, TheCommandLineCreatesListsAndRevokesTokens) {
  start();
  const std::string data = "--data-dir " + (dir.path() / "data").string();
  std::string out;
  ASSERT_EQ(run("admin token create --tenant acme --role viewer --name ci " + data, out), 0);
  const std::string tok = out.substr(0, out.find('\n'));
  EXPECT_TRUE(tok.starts_with("tfa_")) << out;
  // The running server accepts it at once.
  auto who = parse_json(call(tok, "GET", "/v1/admin/whoami").body);
  EXPECT_STREQ(who["name"].GetString(), "ci");
  EXPECT_STREQ(who["role"].GetString(), "viewer");
  ASSERT_EQ(run("admin token list " + data, out), 0);
  EXPECT_TRUE(contains(out, "1\tacme\tviewer\tci\t")) << out;
  EXPECT_FALSE(contains(out, tok)) << "the token is never shown again";
  ASSERT_EQ(run("admin token revoke 1 " + data, out), 0);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/whoami").status, 401);
  EXPECT_EQ(run("admin token create --tenant acme " + data, out), 2);  // no role
  EXPECT_EQ(run("admin token create --tenant 'a b' --role admin " + data, out), 2);
  EXPECT_EQ(run("admin token revoke 99 " + data, out), 2);
  EXPECT_EQ(run("admin token fly " + data, out), 2);
  EXPECT_EQ(run("admin --help", out), 0);
  EXPECT_TRUE(contains(out, "token create")) << out;
}

TEST_F(AdminTest, TheConsoleIsServedFromTheBinaryWithAStrictPolicy) {
  start();
  Reply r = request(port, "GET", "/ui/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_TRUE(contains(r.body, "tactful admin"));
  EXPECT_TRUE(contains(r.header("content-security-policy"), "default-src 'self'"));
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  r = request(port, "GET", "/ui/app.js");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  // No CDN: the only URL in the bundle is SVG's namespace name (an identifier, never fetched).
  std::string js = r.body;
  for (std::size_t at; (at = js.find("http://www.w3.org/2000/svg")) != std::string::npos;)
    js.erase(at, 26);
  EXPECT_FALSE(contains(js, "http://") || contains(js, "https://"));
  for (const std::string bad : {"/ui/nope.js", "/ui/../openapi.json", "/ui/%2e%2e/x", "/ui/.env"})
    EXPECT_EQ(request(port, "GET", bad).status, 404) << bad;
}

}  // namespace
}  // namespace tactful::testing
