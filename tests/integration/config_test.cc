// The configuration file, TACTFUL_* overrides and the safety check.
#include <map>

#include "fixture.h"
#include "json.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

using server::Config;

server::Getenv env(std::map<std::string, std::string> vars) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
  return [shared](const char* name) -> const char* {
    auto it = shared->find(name);
    return it == shared->end() ? nullptr : it->second.c_str();
  };
}

TEST(Config, DefaultsAreLoopbackWithBuiltinPacks) {
  auto c = server::load_config("", env({{"HOME", "/home/x"}}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 8080);
  EXPECT_TRUE(c->builtin_packs);
  EXPECT_EQ(c->data_dir, "/home/x/.local/share/tactful");
  EXPECT_EQ(c->limits.max_body_bytes, 1u << 20);
  EXPECT_EQ(c->limits.max_draft_chars, 20000u);
  EXPECT_EQ(c->limits.max_history, 50u);
  EXPECT_FALSE(server::validate(*c).has_value());
}

TEST(Config, FileThenEnvironment) {
  TempDir dir;
  write_file(dir.path() / "c.json", R"({"listen": "127.0.0.2:9000", "threads": 3,
    "packs": ["/a", "/b"], "cors_origins": ["https://h.example"], "data_dir": "/d",
    "limits": {"max_body_bytes": 2048, "header_timeout_ms": 1500}, "log_requests": false})");
  auto c =
      server::load_config((dir.path() / "c.json").string(),
                          env({{"TACTFUL_THREADS", "5"},
                               {"TACTFUL_PACKS", "/x:/y:/z"},
                               {"TACTFUL_API_KEYS", "k1-0123456789abcdef,k2-0123456789abcdef"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->host, "127.0.0.2");
  EXPECT_EQ(c->port, 9000);
  EXPECT_EQ(c->threads, 5u);
  EXPECT_EQ(c->pack_dirs, (std::vector<std::string>{"/x", "/y", "/z"}));
  EXPECT_EQ(c->cors_origins, (std::vector<std::string>{"https://h.example"}));
  EXPECT_EQ(c->api_keys.size(), 2u);
  EXPECT_EQ(c->data_dir, "/d");
  EXPECT_EQ(c->limits.max_body_bytes, 2048u);
  EXPECT_EQ(c->limits.header_timeout, std::chrono::milliseconds(1500));
  EXPECT_FALSE(c->log_requests);
}

TEST(Config, ErrorsNameTheKeyOrVariable) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> files = {
      {R"({"nope": 1})", "unknown key 'nope'"},
      {R"({"threads": "2"})", "threads: expected a non-negative integer"},
      {R"({"listen": "nohost"})", "listen: 'nohost' is not HOST:PORT"},
      {R"({"listen": "h:99999"})", "bad port"},
      {R"({"packs": "x"})", "packs: expected an array of strings"},
      {"{", "invalid JSON"},
  };
  for (const auto& [text, message] : files) {
    write_file(dir.path() / "c.json", text);
    auto c = server::load_config((dir.path() / "c.json").string(), env({}));
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_TRUE(contains(c.error().message, message)) << c.error().message;
  }
  auto e = server::load_config("", env({{"TACTFUL_MAX_BODY_BYTES", "lots"}}));
  ASSERT_FALSE(e.ok());
  EXPECT_TRUE(contains(e.error().message, "TACTFUL_MAX_BODY_BYTES")) << e.error().message;
  EXPECT_FALSE(server::load_config("/no/such/file.json", env({})).ok());
}

TEST(Config, BeyondLoopbackNeedsLongEnoughKeys) {
  Config c;
  ASSERT_FALSE(server::set_listen(c, "0.0.0.0:8080").has_value());
  auto e = server::validate(c);
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(contains(e->message, "needs API keys"));
  c.api_keys = {"short"};
  EXPECT_TRUE(contains(server::validate(c)->message, "at least 16"));
  c.api_keys = {"0123456789abcdef"};
  EXPECT_FALSE(server::validate(c).has_value());
  ASSERT_FALSE(server::set_listen(c, "[::1]:8080").has_value());
  EXPECT_EQ(c.host, "::1");
  EXPECT_TRUE(server::is_loopback("::1"));
  EXPECT_TRUE(server::is_loopback("localhost"));
  EXPECT_FALSE(server::is_loopback("10.0.0.1"));
}

}  // namespace
}  // namespace tactful::testing
