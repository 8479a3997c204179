// The native HTTP API on a real server: /healthz, /readyz, /v1/suggest and its error paths.
#include <string>

#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

using HttpTest = ServerTest;

const std::string kBody =
    R"({"draft": "Per our policy, refunds take 5-10 days.", "history": [{"role": "customer", "text": "I was charged TWICE!"}], "now": "2026-11-22T10:14:00Z"})";

TEST_F(HttpTest, HealthAndReadiness) {
  start();
  const Reply h = request(port, "GET", "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.body, R"({"status":"ok"})");
  const Reply r = request(port, "GET", "/readyz");
  EXPECT_EQ(r.status, 200);
  auto d = parse_json(r.body);
  EXPECT_STREQ(d["status"].GetString(), "ready");
  EXPECT_GT(d["rules"].GetInt(), 10);
}

TEST_F(HttpTest, SuggestReturnsTheNativeReport) {
  start();
  const Reply r =
      request(port, "POST", "/v1/suggest", kBody, {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json");
  auto d = parse_json(r.body);
  ASSERT_TRUE(d["suggestions"].IsArray());
  bool policy = false;
  for (const auto& s : d["suggestions"].GetArray())
    if (std::string(s["category"].GetString()) == "policy-language") {
      policy = true;
      EXPECT_EQ(s["offset"].GetInt(), 0);
    }
  EXPECT_TRUE(policy) << r.body;
  EXPECT_TRUE(d["customer"].IsObject());
  EXPECT_TRUE(d["scores"]["overall"].IsInt());
  EXPECT_TRUE(d["revised"].IsString());
}

TEST_F(HttpTest, SuggestOffsetsAreUtf16WithEmoji) {
  start();
  const Reply r = request(port, "POST", "/v1/suggest",
                          R"({"draft": "😀😀 Per our policy, refunds take 5 days."})");
  ASSERT_EQ(r.status, 200);
  auto d = parse_json(r.body);
  ASSERT_GT(d["suggestions"].Size(), 0u);
  EXPECT_EQ(d["suggestions"][0]["offset"].GetInt(), 5);       // two surrogate pairs + space
  EXPECT_EQ(d["suggestions"][0]["byte_offset"].GetInt(), 9);  // 4 + 4 + 1 bytes
}

TEST_F(HttpTest, MalformedJsonIs400NamingTheProblem) {
  start();
  Reply r = request(port, "POST", "/v1/suggest", R"({"draft": "hi",)");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.header("content-type"), "application/json");
  auto d = parse_json(r.body);
  EXPECT_TRUE(contains(d["error"].GetString(), "invalid JSON at byte")) << r.body;
  EXPECT_EQ(d["status"].GetInt(), 400);

  r = request(port, "POST", "/v1/suggest", R"({"draft": 3})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "draft: expected a string")) << r.body;
  r = request(port, "POST", "/v1/suggest", R"({"text": "hi"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "unknown field 'text'")) << r.body;
  r = request(port, "POST", "/v1/suggest", "");
  EXPECT_EQ(r.status, 400);
}

TEST_F(HttpTest, BodyOverOneMebibyteIs413) {
  start();
  const std::string big = R"({"draft": ")" + std::string((1 << 20) + 10, 'a') + R"("})";
  const Reply r = request(port, "POST", "/v1/suggest", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(contains(r.body, "over the limit")) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json");
}

TEST_F(HttpTest, ChunkedBodyOverTheLimitIs413) {
  start([](server::Config& c) { c.limits.max_body_bytes = 1000; });
  std::string raw = "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(0x200, 'a') + "\r\n";
  raw += "0\r\n\r\n";
  const std::string out = raw_exchange(port, raw);
  EXPECT_TRUE(out.starts_with("HTTP/1.1 413")) << out.substr(0, 200);
}

TEST_F(HttpTest, DraftOver20000CharactersIs413WithAMessage) {
  start();
  const Reply ok =
      request(port, "POST", "/v1/suggest", R"({"draft": ")" + std::string(20000, 'a') + R"("})");
  EXPECT_EQ(ok.status, 200);
  const Reply r =
      request(port, "POST", "/v1/suggest", R"({"draft": ")" + std::string(20001, 'a') + R"("})");
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(contains(r.body, "20001 characters is over the limit of 20000")) << r.body;
}

TEST_F(HttpTest, HistoryBeyond50MessagesDropsTheOldest) {
  start();
  std::string body = R"({"draft": "Thanks for waiting.", "history": [)";
  for (int i = 0; i < 60; ++i)
    body += std::string(i ? "," : "") + R"({"role": "customer", "text": "message )" +
            std::to_string(i) + R"("})";
  body += "]}";
  const Reply r = request(port, "POST", "/v1/suggest", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse_json(r.body)["dropped_history"].GetInt(), 10);
}

TEST_F(HttpTest, UnknownRouteIs404AndWrongMethodIs405WithAllow) {
  start();
  Reply r = request(port, "GET", "/v1/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "application/json");
  r = request(port, "GET", "/v1/suggest");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "POST, OPTIONS");
  r = request(port, "PUT", "/healthz");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, OPTIONS");
  r = request(port, "DELETE", "/v2/check");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST, OPTIONS");
  EXPECT_TRUE(r.body.starts_with("Error: ")) << r.body;  // LanguageTool's shape under /v2
}

TEST_F(HttpTest, KeepAliveServesManyRequestsOnOneConnection) {
  start();
  Connection c(port);
  for (int i = 0; i < 20; ++i) {
    const Reply r = c.send("POST", "/v1/suggest", kBody);
    ASSERT_EQ(r.status, 200);
  }
  EXPECT_EQ(c.send("GET", "/healthz").status, 200);
}

TEST_F(HttpTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  const std::string one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string last = "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string out = raw_exchange(port, one + one + last);
  const auto first = out.find("HTTP/1.1 200");
  const auto second = out.find("HTTP/1.1 200", first + 1);
  const auto third = out.find("HTTP/1.1 404");
  EXPECT_NE(first, std::string::npos);
  EXPECT_NE(second, std::string::npos);
  EXPECT_NE(third, std::string::npos);
  EXPECT_LT(second, third);
}

TEST_F(HttpTest, MalformedHttpIs400AndTheConnectionCloses) {
  start();
  const std::string out = raw_exchange(port, "GARBAGE\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 400")) << out;
  const std::string bad_len =
      raw_exchange(port, "POST /v1/suggest HTTP/1.1\r\nContent-Length: x\r\n\r\n");
  EXPECT_TRUE(bad_len.starts_with("HTTP/1.1 400")) << bad_len;
}

TEST_F(HttpTest, OversizedHeaderIs431) {
  start([](server::Config& c) { c.limits.max_header_bytes = 2048; });
  const std::string out =
      raw_exchange(port, "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 431")) << out.substr(0, 100);
}

TEST_F(HttpTest, ASlowHeaderIsCutOffByTheHeaderTimeout) {
  start([](server::Config& c) { c.limits.header_timeout = std::chrono::milliseconds(200); });
  Connection c(port);
  c.write_raw("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // never finishes the header
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpTest, ASlowBodyIsCutOffByTheReadTimeout) {
  start([](server::Config& c) { c.limits.read_timeout = std::chrono::milliseconds(200); });
  Connection c(port);
  c.write_raw("POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"dr");
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpTest, AnIdleKeptAliveConnectionIsClosedByTheIdleTimeout) {
  start([](server::Config& c) { c.limits.idle_timeout = std::chrono::milliseconds(200); });
  Connection c(port);
  EXPECT_EQ(c.send("GET", "/healthz").status, 200);
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpTest, ConnectionsOverTheCapGet503) {
  start([](server::Config& c) { c.limits.max_connections = 2; });
  Connection a(port), b(port);
  EXPECT_EQ(a.send("GET", "/healthz").status, 200);  // both are registered once answered
  EXPECT_EQ(b.send("GET", "/healthz").status, 200);
  const Reply r = request(port, "GET", "/healthz");
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(contains(r.body, "too many connections"));
}

TEST_F(HttpTest, ApiKeysGuardTheAgentRoutesOnly) {
  const std::string key = "0123456789abcdef-key";
  start([&](server::Config& c) { c.api_keys = {key}; });
  Reply r = request(port, "POST", "/v1/suggest", kBody);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.header("www-authenticate"), "Bearer");
  EXPECT_EQ(request(port, "POST", "/v1/suggest", kBody, {{"Authorization", "Bearer wrong"}}).status,
            401);
  EXPECT_EQ(
      request(port, "POST", "/v1/suggest", kBody, {{"Authorization", "Bearer " + key}}).status,
      200);
  EXPECT_EQ(request(port, "POST", "/v1/suggest", kBody, {{"X-API-Key", key}}).status, 200);
  EXPECT_EQ(request(port, "GET", "/healthz").status, 200);  // operations stay open
  EXPECT_EQ(request(port, "GET", "/v2/check?language=en&text=hi").status, 401);
  EXPECT_EQ(request(port, "GET", "/v2/check?language=en&text=hi&apiKey=" + key).status, 200);
}

TEST_F(HttpTest, CorsHeadersOnEveryResponseAndPreflightAnswered) {
  start();
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/healthz"}, {"GET", "/nope"}, {"POST", "/v1/suggest"}, {"GET", "/v2/check"}})
    EXPECT_EQ(request(port, method, target, "", {{"Origin", "https://x.example"}})
                  .header("access-control-allow-origin"),
              "*")
        << target;
  const Reply p = request(port, "OPTIONS", "/v2/check", "",
                          {{"Origin", "https://x.example"},
                           {"Access-Control-Request-Method", "POST"},
                           {"Access-Control-Request-Headers", "content-type"}});
  EXPECT_EQ(p.status, 204);
  EXPECT_EQ(p.header("access-control-allow-methods"), "GET, POST, OPTIONS");
  EXPECT_EQ(p.header("access-control-allow-headers"), "content-type");
  EXPECT_EQ(p.header("access-control-allow-origin"), "*");
}

TEST_F(HttpTest, CorsWithAnAllowListEchoesOnlyListedOrigins) {
  start([](server::Config& c) { c.cors_origins = {"https://helpdesk.example"}; });
  Reply r = request(port, "GET", "/healthz", "", {{"Origin", "https://helpdesk.example"}});
  EXPECT_EQ(r.header("access-control-allow-origin"), "https://helpdesk.example");
  EXPECT_EQ(r.header("vary"), "Origin");
  r = request(port, "GET", "/healthz", "", {{"Origin", "https://evil.example"}});
  EXPECT_FALSE(r.has("access-control-allow-origin"));
}

TEST_F(HttpTest, OneJsonLogLinePerRequestWithoutDraftText) {
  start([](server::Config& c) { c.log_requests = true; });
  ASSERT_EQ(
      request(port, "POST", "/v1/suggest", R"({"draft": "SECRET-DRAFT-WORDS per our policy"})")
          .status,
      200);
  ASSERT_EQ(request(port, "GET", "/v2/check?language=en&text=SECRET-LT-TEXT").status, 200);
  int requests = 0;
  for (const auto& line : log_lines()) {
    auto d = parse_json(line);
    EXPECT_FALSE(contains(line, "SECRET")) << line;
    if (std::string(d["event"].GetString()) == "request") {
      ++requests;
      EXPECT_TRUE(d["status"].IsInt());
      EXPECT_TRUE(d["ms"].IsNumber());
      EXPECT_TRUE(d["route"].IsString());
    }
  }
  EXPECT_EQ(requests, 2);
}

}  // namespace
}  // namespace tactful::testing

namespace tactful::testing {
namespace {

using HttpContinueTest = ServerTest;

TEST_F(HttpContinueTest, Expect100ContinueIsHonoured) {
  start();
  Connection c(port);
  const std::string body = R"({"draft": "Per our policy, no."})";
  c.write_raw(
      "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  c.write_raw(body);
  const std::string out = c.read_until_close();
  EXPECT_TRUE(out.starts_with("HTTP/1.1 100 Continue\r\n")) << out.substr(0, 100);
  EXPECT_TRUE(contains(out, "HTTP/1.1 200 OK")) << out.substr(0, 300);
}

}  // namespace
}  // namespace tactful::testing
