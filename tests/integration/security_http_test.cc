// The server's browser- and abuse-facing controls over real HTTP: rate limits per client address
// and per agent key, strict CORS, and the security headers of every page, asset and API answer.
#include <regex>

#include "admin_fixture.h"

namespace tactful::testing {
namespace {

const std::string kKey = "agent-key-0123456789abcdef", kOtherKey = "agent-key-fedcba9876543210";

std::uint64_t limited(std::uint16_t port, const std::string& scope) {
  const Reply m = request(port, "GET", "/metrics");
  std::smatch found;
  const std::regex re("tactful_rate_limited_total\\{scope=\"" + scope + "\"\\} (\\d+)");
  return std::regex_search(m.body, found, re) ? std::stoull(found[1].str()) : 999999;
}

using SecurityHttpTest = AdminTest;

TEST_F(SecurityHttpTest, AClientAddressOverItsRateGets429WithRetryAfter) {
  start([](server::Config& c) {
    c.rate_limits.per_ip_per_minute = 60;
    c.rate_limits.burst = 3;
  });
  const std::string draft = R"({"draft": "hi"})";
  for (int i = 0; i < 3; ++i) ASSERT_EQ(request(port, "POST", "/v1/suggest", draft).status, 200);
  Reply r = request(port, "POST", "/v1/suggest", draft);
  EXPECT_EQ(r.status, 429);
  EXPECT_GE(std::stoi(r.header("retry-after")), 1);
  EXPECT_TRUE(contains(r.body, R"("status":429)")) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json");
  // The bucket is the address's, whatever the route, and the LanguageTool route answers as
  // LanguageTool does.
  r = request(port, "GET", "/v2/check?language=en&text=hi");
  EXPECT_EQ(r.status, 429);
  EXPECT_TRUE(r.body.starts_with("Error: too many requests")) << r.body;
  EXPECT_TRUE(r.has("retry-after"));
  EXPECT_EQ(request(port, "POST", "/v1/feedback", "{}").status, 429);
  EXPECT_EQ(request(port, "GET", "/widget/tactful-widget.js").status, 429);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream"), 429);
  // A forwarded-for header is not trusted to pick another bucket.
  EXPECT_EQ(
      request(port, "POST", "/v1/suggest", draft, {{"X-Forwarded-For", "203.0.113.9"}}).status,
      429);
  // Operations routes are not limited, and the refusals are counted.
  EXPECT_EQ(request(port, "GET", "/healthz").status, 200);
  EXPECT_EQ(limited(port, "ip"), 6u);
  EXPECT_EQ(limited(port, "key"), 0u);
}

// Behind a reverse proxy listed in trusted_proxies, the address it forwards is the client's:
// each gets its own bucket and its own access-log address, and a client cannot pick one by
// forging the header in front of what the proxy appended.
TEST_F(SecurityHttpTest, BehindATrustedProxyEachForwardedClientHasItsOwnBucket) {
  start([](server::Config& c) {
    c.trusted_proxies = {"127.0.0.0/8"};
    c.rate_limits.per_ip_per_minute = 60;
    c.rate_limits.burst = 2;
  });
  const std::string draft = R"({"draft": "hi"})";
  auto from = [&](const std::string& forwarded) {
    return request(port, "POST", "/v1/suggest", draft, {{"X-Forwarded-For", forwarded}}).status;
  };
  EXPECT_EQ(from("203.0.113.9"), 200);
  EXPECT_EQ(from("203.0.113.9"), 200);
  EXPECT_EQ(from("203.0.113.9"), 429);
  // Another client through the same proxy is unaffected; a forged entry on the left does not
  // move the over-limit client to a fresh bucket.
  EXPECT_EQ(from("198.51.100.4"), 200);
  EXPECT_EQ(from("192.0.2.1, 203.0.113.9"), 429);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream", {{"X-Forwarded-For", "203.0.113.9"}}), 429);
  // Without the header the proxy itself is the client.
  EXPECT_EQ(request(port, "POST", "/v1/suggest", draft).status, 200);
  EXPECT_EQ(limited(port, "ip"), 3u);
  bool logged = false;
  for (const auto& line : log_lines())
    logged = logged || line.find(R"("remote":"198.51.100.4")") != std::string::npos;
  EXPECT_TRUE(logged) << "the access log names the forwarded client";
}

TEST_F(SecurityHttpTest, AnUntrustedPeerCannotPickItsAddress) {
  start([](server::Config& c) {
    c.trusted_proxies = {"10.0.0.0/8"};  // not the loopback peer of this test
    c.rate_limits.per_ip_per_minute = 60;
    c.rate_limits.burst = 1;
  });
  const std::string draft = R"({"draft": "hi"})";
  EXPECT_EQ(request(port, "POST", "/v1/suggest", draft, {{"X-Forwarded-For", "1.1.1.1"}}).status,
            200);
  EXPECT_EQ(request(port, "POST", "/v1/suggest", draft, {{"X-Forwarded-For", "2.2.2.2"}}).status,
            429);
}

TEST_F(SecurityHttpTest, EachAgentKeyHasItsOwnBucket) {
  start([](server::Config& c) {
    c.api_keys = {server::ApiKey{kKey}, server::ApiKey{kOtherKey}};
    c.rate_limits.per_ip_per_minute = 0;
    c.rate_limits.per_key_per_minute = 60;
    c.rate_limits.burst = 2;
  });
  auto suggest = [&](const Headers& h) {
    return request(port, "POST", "/v1/suggest", R"({"draft": "hi"})", h).status;
  };
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + kKey}}), 200);
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + kKey}}), 200);
  const Reply over =
      request(port, "POST", "/v1/suggest", R"({"draft": "hi"})", {{"X-API-Key", kKey}});
  EXPECT_EQ(over.status, 429);
  EXPECT_TRUE(contains(over.body, "with this API key")) << over.body;
  EXPECT_EQ(request(port, "GET", "/v2/check?language=en&text=hi&apiKey=" + kKey).status, 429);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream?key=" + kKey), 429);
  // Another key, and wrong keys (401, not counted against anyone), are unaffected.
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + kOtherKey}}), 200);
  EXPECT_EQ(suggest({{"Authorization", "Bearer not-a-key-0123456789"}}), 401);
  EXPECT_EQ(limited(port, "key"), 3u);
  EXPECT_EQ(limited(port, "ip"), 0u);
}

TEST_F(SecurityHttpTest, ZeroTurnsTheLimitsOff) {
  start([](server::Config& c) {
    c.api_keys = {server::ApiKey{kKey}};
    c.rate_limits = {0, 0, 1};
  });
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(request(port, "POST", "/v1/suggest", R"({"draft": "hi"})",
                      {{"Authorization", "Bearer " + kKey}})
                  .status,
              200)
        << i;
}

TEST_F(SecurityHttpTest, AdminTokensOverTheirRateAreCounted) {
  start([](server::Config& c) {
    c.admin.rate_per_minute = 60;
    c.admin.rate_burst = 1;
  });
  const std::string admin = token("acme");
  EXPECT_EQ(call(admin, "GET", "/v1/admin/whoami").status, 200);
  EXPECT_EQ(call(admin, "GET", "/v1/admin/whoami").status, 429);
  EXPECT_EQ(limited(port, "admin_token"), 1u);
}

TEST_F(SecurityHttpTest, OnlyConfiguredOriginsGetCorsOnNativeAndAdminRoutes) {
  start([](server::Config& c) {
    c.cors_origins = {"https://help.example.com"};
    c.api_keys = {server::ApiKey{kKey}};
  });
  const std::string admin = token("acme");
  const Headers good = {{"Origin", "https://help.example.com"},
                        {"Authorization", "Bearer " + kKey}};
  const Headers evil = {{"Origin", "https://evil.example"}, {"Authorization", "Bearer " + kKey}};
  EXPECT_EQ(request(port, "POST", "/v1/suggest", R"({"draft": "hi"})", good)
                .header("access-control-allow-origin"),
            "https://help.example.com");
  EXPECT_FALSE(request(port, "POST", "/v1/suggest", R"({"draft": "hi"})", evil)
                   .has("access-control-allow-origin"));
  for (const char* origin : {"https://evil.example", "null",
                             "https://help.example.com.evil.example", "http://help.example.com"}) {
    const Reply r = request(port, "GET", "/v1/admin/whoami", "",
                            {{"Origin", origin}, {"Authorization", "Bearer " + admin}});
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(r.has("access-control-allow-origin")) << origin;
  }
  // Preflights: a listed origin is answered, any other refused without a grant.
  for (const char* path : {"/v1/suggest", "/v1/feedback", "/v1/admin/rules", "/v1/mutes"}) {
    const Headers ask = {{"Access-Control-Request-Method", "POST"},
                         {"Access-Control-Request-Headers", "authorization"}};
    Headers from_good = ask, from_evil = ask;
    from_good.emplace_back("Origin", "https://help.example.com");
    from_evil.emplace_back("Origin", "https://evil.example");
    const Reply ok = request(port, "OPTIONS", path, "", from_good);
    EXPECT_EQ(ok.status, 204) << path;
    EXPECT_EQ(ok.header("access-control-allow-origin"), "https://help.example.com");
    const Reply refused = request(port, "OPTIONS", path, "", from_evil);
    EXPECT_EQ(refused.status, 403) << path;
    EXPECT_FALSE(refused.has("access-control-allow-origin")) << path;
    EXPECT_FALSE(refused.has("access-control-allow-methods")) << path;
  }
  // The LanguageTool routes stay open to every origin, as LanguageTool's are.
  Reply lt = request(port, "GET", "/v2/languages", "", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(lt.header("access-control-allow-origin"), "*");
  lt = request(port, "OPTIONS", "/v2/check", "",
               {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(lt.status, 204);
  EXPECT_EQ(lt.header("access-control-allow-origin"), "*");
}

TEST_F(SecurityHttpTest, AnEmptyOriginListGrantsNothingAnywhere) {
  start([](server::Config& c) { c.cors_origins = {}; });
  for (const char* path : {"/v1/suggest", "/v2/check", "/healthz"})
    EXPECT_FALSE(request(port, "GET", path, "", {{"Origin", "https://x.example"}})
                     .has("access-control-allow-origin"))
        << path;
}

TEST_F(SecurityHttpTest, EveryPageAssetAndApiAnswerCarriesTheSecurityHeaders) {
  start([](server::Config& c) { c.widget.frame_origins = {"https://chat.example.com"}; });
  const std::string admin = token("acme");
  // Pages: a policy without inline code, no framing (but by the helpdesks for the widget pages).
  for (const char* page :
       {"/", "/ui/", "/ui/index.html", "/widget/chatwoot.html", "/widget/front.html"}) {
    const Reply r = request(port, "GET", page);
    ASSERT_EQ(r.status, 200) << page;
    const std::string csp = r.header("content-security-policy");
    EXPECT_TRUE(contains(csp, "default-src 'self'")) << page << ": " << csp;
    EXPECT_FALSE(contains(csp, "unsafe-inline")) << page;
    EXPECT_FALSE(contains(csp, "unsafe-eval")) << page;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << page;
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << page;
    const bool widget = std::string_view(page).starts_with("/widget/");
    if (widget) {
      EXPECT_TRUE(contains(csp, "frame-ancestors 'self' https://chat.example.com")) << csp;
      EXPECT_FALSE(r.has("x-frame-options")) << page;  // it would forbid the helpdesk's frame
    } else {
      EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << page << ": " << csp;
      EXPECT_EQ(r.header("x-frame-options"), "DENY") << page;
    }
  }
  // Assets: typed strictly and revalidated.
  for (const char* asset : {"/static/app.js", "/static/style.css", "/ui/app.js",
                            "/widget/tactful-widget.js", "/widget/apps.css"}) {
    const Reply r = request(port, "GET", asset);
    ASSERT_EQ(r.status, 200) << asset;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << asset;
    EXPECT_EQ(r.header("cache-control"), "no-cache") << asset;
  }
  // API answers, errors included: never stored by a cache.
  const std::vector<std::tuple<std::string, std::string, Headers>> api = {
      {"POST", "/v1/suggest", {}},
      {"GET", "/v2/check?language=en&text=hi", {}},
      {"GET", "/v2/languages", {}},
      {"GET", "/healthz", {}},
      {"GET", "/metrics", {}},
      {"GET", "/openapi.json", {}},
      {"GET", "/nope", {}},
      {"GET", "/v1/admin/whoami", {{"Authorization", "Bearer " + admin}}},
      {"GET", "/v1/admin/whoami", {}}};
  for (const auto& [method, target, headers] : api) {
    const Reply r = request(port, method, target, R"({"draft": "hi"})", headers);
    EXPECT_EQ(r.header("cache-control"), "no-store") << target;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    EXPECT_FALSE(r.has("content-security-policy")) << target;
  }
}

TEST(RateLimitConfig, KeysEnvironmentAndValidation) {
  TempDir dir;
  write_file(
      dir.path() / "c.json",
      R"({"rate_limits": {"per_ip_per_minute": 100, "per_key_per_minute": 50, "burst": 7}})");
  auto c = server::load_config((dir.path() / "c.json").string(),
                               [](const char*) -> const char* { return nullptr; });
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->rate_limits.per_ip_per_minute, 100u);
  EXPECT_EQ(c->rate_limits.per_key_per_minute, 50u);
  EXPECT_EQ(c->rate_limits.burst, 7u);
  c = server::load_config((dir.path() / "c.json").string(), [](const char* name) -> const char* {
    const std::string n = name;
    return n == "TACTFUL_RATE_LIMIT_PER_IP_PER_MINUTE"    ? "0"
           : n == "TACTFUL_RATE_LIMIT_PER_KEY_PER_MINUTE" ? "9"
           : n == "TACTFUL_RATE_LIMIT_BURST"              ? "3"
                                                          : nullptr;
  });
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->rate_limits.per_ip_per_minute, 0u);
  EXPECT_EQ(c->rate_limits.per_key_per_minute, 9u);
  EXPECT_EQ(c->rate_limits.burst, 3u);
  // The defaults are generous, and a burst of 0 with a limit on could never serve anyone.
  const server::Config defaults;
  EXPECT_EQ(defaults.rate_limits.per_ip_per_minute, 60000u);
  EXPECT_EQ(defaults.rate_limits.burst, 2000u);
  server::Config bad;
  bad.rate_limits.burst = 0;
  ASSERT_TRUE(server::validate(bad).has_value());
  EXPECT_TRUE(contains(server::validate(bad)->message, "rate_limits.burst"));
  bad.rate_limits = {0, 0, 0};
  EXPECT_FALSE(server::validate(bad).has_value());
  write_file(dir.path() / "d.json", R"({"rate_limits": {"per_minute": 1}})");
  c = server::load_config((dir.path() / "d.json").string(),
                          [](const char*) -> const char* { return nullptr; });
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(contains(c.error().message, "rate_limits.per_minute"));
}

}  // namespace
}  // namespace tactful::testing
