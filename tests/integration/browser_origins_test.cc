// What a widget on a helpdesk page of another origin meets: CORS on the agent routes for the
// configured origins, the Origin check of the WebSocket (which CORS does not cover), and the
// validation of widget.frame_origins.
#include <gtest/gtest.h>

#include "fixture.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

class BrowserOriginsTest : public ServerTest {};

TEST_F(BrowserOriginsTest, AConfiguredHelpdeskOriginMayCallTheAgentRoutes) {
  const std::string key = "widget-key-0123456789";
  start([&](server::Config& c) {
    c.cors_origins = {"https://help.example.com"};
    c.api_keys = {server::ApiKey{key}};
  });
  // The preflight of the widget's feedback POST (JSON with an Authorization header).
  const Reply pre = request(port, "OPTIONS", "/v1/feedback", "",
                            {{"Origin", "https://help.example.com"},
                             {"Access-Control-Request-Method", "POST"},
                             {"Access-Control-Request-Headers", "authorization, content-type"}});
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header("access-control-allow-origin"), "https://help.example.com");
  EXPECT_NE(pre.header("access-control-allow-headers").find("authorization"), std::string::npos);
  const Reply post = request(port, "POST", "/v1/feedback",
                             R"({"rule": "policy.per-policy", "action": "dismissed"})",
                             {{"Origin", "https://help.example.com"},
                              {"Authorization", "Bearer " + key},
                              {"Content-Type", "application/json"}});
  EXPECT_EQ(post.status, 201) << post.body;
  EXPECT_EQ(post.header("access-control-allow-origin"), "https://help.example.com");
  // Another origin gets no CORS grant, so its page cannot read the answer.
  const Reply other =
      request(port, "POST", "/v1/suggest", R"({"draft": "hi"})",
              {{"Origin", "https://evil.example"}, {"Authorization", "Bearer " + key}});
  EXPECT_FALSE(other.has("access-control-allow-origin"));
}

TEST_F(BrowserOriginsTest, TheWebSocketAcceptsOnlyConfiguredOrigins) {
  const std::string key = "widget-key-0123456789";
  start([&](server::Config& c) {
    c.cors_origins = {"https://help.example.com"};
    c.api_keys = {server::ApiKey{key}};
  });
  const std::string target = "/v1/stream?key=" + key;
  EXPECT_EQ(ws_handshake_status(port, target, {{"Origin", "https://help.example.com"}}), 101);
  EXPECT_EQ(ws_handshake_status(port, target, {{"Origin", "https://evil.example"}}), 403);
  EXPECT_EQ(ws_handshake_status(port, target, {{"Origin", "null"}}), 403);
  // The server's own pages (the demo) and clients that are not browsers (no Origin).
  EXPECT_EQ(ws_handshake_status(port, target, {{"Origin", "http://127.0.0.1"}}), 101);
  EXPECT_EQ(ws_handshake_status(port, target), 101);
  // The origin is checked before the key: a wrong key from a listed origin is still a 401.
  EXPECT_EQ(
      ws_handshake_status(port, "/v1/stream?key=wrong", {{"Origin", "https://help.example.com"}}),
      401);
  // A connection from a listed origin works as usual.
  WsClient ws(port, target, {{"Origin", "https://help.example.com"}});
  ws.send(R"({"seq": 1, "draft": "Calm down."})");
  EXPECT_NE(ws.read().find("dismissive.calm-down"), std::string::npos);
}

TEST_F(BrowserOriginsTest, AnyOriginMayOpenTheWebSocketWithTheDefaultStar) {
  start();
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream", {{"Origin", "https://anywhere.example"}}), 101);
}

TEST(WidgetConfig, FrameOriginsMustBeOrigins) {
  TempDir dir;
  const auto load = [&](const std::string& json) {
    write_file(dir.path() / "c.json", json);
    return server::load_config((dir.path() / "c.json").string(),
                               [](const char*) -> const char* { return nullptr; });
  };
  auto ok = load(
      R"({"widget": {"frame_origins": ["https://chat.example.com", "http://[::1]:3000", "http://127.0.0.1:8080"]}})");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok.value().widget.frame_origins.size(), 3u);
  EXPECT_FALSE(server::validate(ok.value()));
  for (const std::string bad :
       {"*", "chat.example.com", "https://chat.example.com/", "https://chat.example.com/app",
        "https://Chat.example.com", "ftp://x.example", "https://x.example:0",
        "https://x.example:99999", "https://x.example:80a", "https://", "https://a b.example",
        "https://x.example<script>", "https://x.example'", "javascript:alert(1)", "https://[::1"}) {
    auto c = load(R"({"widget": {"frame_origins": [")" + bad + R"("]}})");
    ASSERT_TRUE(c.ok()) << bad << ": " << c.error().message;
    const auto e = server::validate(c.value());
    ASSERT_TRUE(e) << bad;
    EXPECT_NE(e->message.find("widget.frame_origins[0]"), std::string::npos) << e->message;
  }
  auto unknown = load(R"({"widget": {"frame_origin": []}})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown key 'widget.frame_origin'"), std::string::npos);
  auto env = server::load_config("", [](const char* name) -> const char* {
    return std::string_view(name) == "TACTFUL_WIDGET_FRAME_ORIGINS"
               ? "https://a.example,https://b.example"
               : nullptr;
  });
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env.value().widget.frame_origins,
            (std::vector<std::string>{"https://a.example", "https://b.example"}));
}

}  // namespace
}  // namespace tactful::testing
