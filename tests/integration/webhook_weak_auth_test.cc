// The weaker verification schemes work only where an integration opts in, and no secret ever
// shows in a response, the access log, an error or /metrics.
#include "tactful/adapters/webhooks/crypto.h"
#include "webhook_support.h"

namespace tactful::testing {
namespace {

using server::Integration;
using server::Verification;
using webhooks::SignatureScheme;
using webhooks::Vendor;

const std::string kPathSecret = "path-secret-7f3a9c0d2e";
const std::string kBasicPassword = "basic-pass-91b2c3d4e5";
const std::string kLiveChatSecret = "lc-secret-55aa66bb77";
const std::string kHmacSecret = "hmac-secret-0a1b2c3d4e";

// A Freshdesk automation webhook with the documented template: the requester's first message.
const std::string kFreshdesk =
    R"({"freshdesk_webhook": {"ticket_id": "11", "triggered_event": "{ticket_action:created}",
        "ticket_description": "<div>My invoice is wrong</div>"}})";

Integration weak(const std::string& id, Vendor vendor, Verification v, const std::string& secret) {
  Integration in;
  in.id = id;
  in.vendor = vendor;
  in.verification = v;
  in.webhook_secret = secret;
  if (v == Verification::basic) in.basic_user = "hook-user";
  return in;
}

std::string basic(const std::string& user, const std::string& password) {
  return "Basic " + webhooks::to_base64(user + ":" + password);
}

std::string livechat(const std::string& secret) {
  std::string body = fixture("livechat", "incoming_event.assembled-from-docs.json");
  const std::string placeholder = "<secret_key>";
  body.replace(body.find(placeholder), placeholder.size(), secret);
  return body;
}

class WeakAuthTest : public WebhookTest {
 protected:
  void start_all() {
    start_with({weak("fd-path", Vendor::freshdesk, Verification::path_secret, kPathSecret),
                weak("fd-basic", Vendor::freshdesk, Verification::basic, kBasicPassword),
                weak("lc", Vendor::livechat, Verification::body_secret, kLiveChatSecret),
                weak("cw-old", Vendor::chatwoot, Verification::path_secret, kPathSecret),
                signed_integration("cw", Vendor::chatwoot, kHmacSecret)});
  }
  int status(const std::string& target, const std::string& body, const Headers& h = {}) {
    const Reply r = post(target, body, h);
    replies.push_back(r.body);
    return r.status;
  }
  std::vector<std::string> replies;
};

TEST_F(WeakAuthTest, PathSecretOnlyWhereConfigured) {
  start_all();
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-path?secret=" + kPathSecret, kFreshdesk), 200);
  EXPECT_EQ(server->conversation("fd-path", "11").size(), 1u);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-path?secret=wrong", kFreshdesk), 401);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-path", kFreshdesk), 401);
  // A Chatwoot older than v4.11.2, opted in: the secret URL works and nothing else does.
  const std::string cw = fixture("chatwoot", "message_created.incoming.reconstructed.json");
  EXPECT_EQ(status("/v1/webhooks/chatwoot/cw-old", cw,
                   vendor_signed(SignatureScheme::chatwoot, kPathSecret, cw)),
            401);
  EXPECT_EQ(status("/v1/webhooks/chatwoot/cw-old?secret=" + kPathSecret, cw), 200);
  // A Chatwoot integration that signs: a secret in the URL proves nothing.
  EXPECT_EQ(status("/v1/webhooks/chatwoot/cw?secret=" + kHmacSecret, cw), 401);
  EXPECT_TRUE(server->conversation("cw", "12").empty());
}

TEST_F(WeakAuthTest, BasicAuthOnlyWhereConfigured) {
  start_all();
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-basic", kFreshdesk,
                   {{"Authorization", basic("hook-user", kBasicPassword)}}),
            200);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-basic", kFreshdesk,
                   {{"Authorization", basic("hook-user", "wrong")}}),
            401);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-basic", kFreshdesk,
                   {{"Authorization", basic("other", kBasicPassword)}}),
            401);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-basic?secret=" + kBasicPassword, kFreshdesk), 401);
  EXPECT_EQ(status("/v1/webhooks/freshdesk/fd-path", kFreshdesk,
                   {{"Authorization", basic("hook-user", kPathSecret)}}),
            401);
  EXPECT_EQ(server->conversation("fd-basic", "11").size(), 1u);
}

TEST_F(WeakAuthTest, LiveChatBodySecretAndAuthorHint) {
  start_all();
  EXPECT_EQ(status("/v1/webhooks/livechat/lc?author_type=customer", livechat("nope")), 401);
  EXPECT_EQ(status("/v1/webhooks/livechat/lc?author_type=customer", livechat(kLiveChatSecret)),
            200);
  const auto stored = server->conversation("lc", "PJ0MRSHTDG");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].text, "hello there");
  EXPECT_EQ(stored[0].author_role, webhooks::AuthorRole::customer);
  // Retried delivery of the same event id: acknowledged, not stored twice.
  EXPECT_EQ(status("/v1/webhooks/livechat/lc?author_type=customer", livechat(kLiveChatSecret)),
            200);
  EXPECT_TRUE(contains(replies.back(), "replayed")) << replies.back();
  EXPECT_EQ(status("/v1/webhooks/livechat/lc?author_type=robot", livechat(kLiveChatSecret)), 400);
}

TEST_F(WeakAuthTest, NoSecretInResponsesLogsOrMetrics) {
  start_all();
  const std::string cw = fixture("chatwoot", "message_created.incoming.reconstructed.json");
  status("/v1/webhooks/freshdesk/fd-path?secret=" + kPathSecret, kFreshdesk);
  status("/v1/webhooks/freshdesk/fd-path?secret=" + kPathSecret + "x", kFreshdesk);
  status("/v1/webhooks/freshdesk/fd-basic", kFreshdesk,
         {{"Authorization", basic("hook-user", kBasicPassword)}});
  status("/v1/webhooks/freshdesk/fd-basic", kFreshdesk,
         {{"Authorization", basic("hook-user", kBasicPassword + "x")}});
  status("/v1/webhooks/livechat/lc?author_type=agent", livechat(kLiveChatSecret));
  status("/v1/webhooks/livechat/lc", livechat(kLiveChatSecret + "x"));
  status("/v1/webhooks/chatwoot/cw", cw, vendor_signed(SignatureScheme::chatwoot, kHmacSecret, cw));
  status("/v1/webhooks/chatwoot/cw", cw + " ",
         vendor_signed(SignatureScheme::chatwoot, kHmacSecret, cw));
  status("/v1/webhooks/chatwoot/cw?secret=" + kHmacSecret, cw);
  // A secret wrongly put in a path segment is answered 404 and not logged either.
  EXPECT_EQ(status("/v1/webhooks/chatwoot/cw-old/" + kPathSecret, cw), 404);
  replies.push_back(request(port, "GET", "/metrics").body);
  const auto logs = log_lines();
  ASSERT_GE(logs.size(), 10u);
  bool logged_webhook = false;
  for (const auto& line : logs) logged_webhook |= contains(line, "/v1/webhooks/freshdesk/fd-path");
  EXPECT_TRUE(logged_webhook);  // the requests are logged, without their query
  for (const std::string& secret : {kPathSecret, kBasicPassword, kLiveChatSecret, kHmacSecret,
                                    webhooks::to_base64("hook-user:" + kBasicPassword)}) {
    for (const auto& line : logs) EXPECT_FALSE(contains(line, secret)) << line;
    for (const auto& body : replies) EXPECT_FALSE(contains(body, secret)) << body;
  }
}

}  // namespace
}  // namespace tactful::testing
