// The vectors of the vendors that sign without a timestamp (Intercom, Zammad, Help Scout, Front
// rule webhooks), Front application webhooks (timestamp in ms), and configuration errors.
#include <gtest/gtest.h>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::signed_by;
using testing::unix_time;
using testing::vector_field;
using Kind = AuthError::Kind;

const auto kNow = unix_time(1768471500);

struct Untimed {
  Vendor vendor;
  SignatureScheme scheme;
  const char* dir;
  const char* header;
  const char* expected_key;
};

class UntimedVector : public ::testing::TestWithParam<Untimed> {};

TEST_P(UntimedVector, VerifiesAndRefusesTamperingWrongSecretAndReplay) {
  const Untimed& p = GetParam();
  const std::string root =
      std::string(p.dir) == "front" ? "rule_webhooks_legacy/derived_vector" : "derived_vector";
  const auto secret = vector_field(p.dir, root + "/secret");
  const auto body = vector_field(p.dir, root + "/body");
  const auto sig = vector_field(p.dir, root + "/" + p.expected_key);
  auto auth = signed_by(p.vendor, p.scheme, secret);
  const Headers h{{p.header, sig}};
  EXPECT_TRUE(verify(auth, h, body, kNow).ok());
  // Exactly the same request again: no delivery id, so the signature identifies it.
  auto again = verify(auth, h, body, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Kind::replayed);
  auto fresh = signed_by(p.vendor, p.scheme, secret);
  auto tampered = verify(fresh, h, body.substr(0, body.size() - 1) + " }", kNow);
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.error().kind, Kind::bad_signature);
  fresh.secret += "x";
  auto wrong = verify(fresh, h, body, kNow);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind, Kind::bad_signature);
  EXPECT_EQ(wrong.error().message.find(secret), std::string::npos);  // never echo the secret
}

INSTANTIATE_TEST_SUITE_P(
    Vendors, UntimedVector,
    ::testing::Values(Untimed{Vendor::intercom, SignatureScheme::intercom, "intercom",
                              "X-Hub-Signature", "expected_header"},
                      Untimed{Vendor::zammad, SignatureScheme::zammad, "zammad", "x-hub-signature",
                              "expected_header"},
                      Untimed{Vendor::helpscout, SignatureScheme::helpscout, "helpscout",
                              "X-HelpScout-Signature", "expected_signature"},
                      Untimed{Vendor::front, SignatureScheme::front_rule, "front",
                              "X-Front-Signature", "expected_signature"}));

TEST(WebhookSignature, ZammadDeliveryHeaderIsTheReplayKey) {
  const auto secret = vector_field("zammad", "derived_vector/secret");
  const auto body = vector_field("zammad", "derived_vector/body");
  const auto sig = vector_field("zammad", "derived_vector/expected_header");
  auto auth = signed_by(Vendor::zammad, SignatureScheme::zammad, secret);
  EXPECT_TRUE(
      verify(auth, {{"X-Hub-Signature", sig}, {"X-Zammad-Delivery", "j1"}}, body, kNow).ok());
  EXPECT_TRUE(auth.deliveries->contains("acme\nj1"));
}

TEST(WebhookSignature, FrontApplicationVectorWithMillisecondTimestamp) {
  const std::string v = "application_webhooks/derived_vector/";
  const auto secret = vector_field("front", v + "secret");
  const auto ts = vector_field("front", v + "timestamp");
  const auto body = vector_field("front", v + "body");
  const auto sig = vector_field("front", v + "expected_signature");
  auto auth = signed_by(Vendor::front, SignatureScheme::front_app, secret);
  const auto at = unix_time(std::stoll(ts) / 1000);
  const Headers h{{"x-front-signature", sig}, {"x-front-request-timestamp", ts}};
  EXPECT_TRUE(verify(auth, h, body, at + std::chrono::seconds(299)).ok());
  auto replay = verify(auth, h, body, at);
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().kind, Kind::replayed);
  auto fresh = signed_by(Vendor::front, SignatureScheme::front_app, secret);
  auto stale = verify(fresh, h, body, at + std::chrono::minutes(6));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, Kind::stale_timestamp);
  auto future = verify(fresh, h, body, at - std::chrono::minutes(6));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().kind, Kind::future_timestamp);
  // The rule-webhook scheme must not accept an application webhook's headers, nor vice versa.
  auto rule = signed_by(Vendor::front, SignatureScheme::front_rule, secret);
  EXPECT_FALSE(verify(rule, h, body, at).ok());
}

TEST(WebhookSignature, GenericSchemeSignsTimestampDotBody) {
  auto auth = signed_by(Vendor::generic, SignatureScheme::generic, "s3cret");
  const std::string body = R"({"event":"message_created"})";
  const std::string sig = "sha256=" + to_hex(hmac(Digest::sha256, "s3cret", {"1768471500.", body}));
  const Headers h{{"X-Tactful-Signature", sig},
                  {"X-Tactful-Timestamp", "1768471500"},
                  {"X-Tactful-Delivery", "g1"}};
  EXPECT_TRUE(verify(auth, h, body, kNow).ok());
  EXPECT_FALSE(verify(auth, h, body, kNow).ok());
}

TEST(WebhookAuthConfig, NothingIsAcceptedWithoutAConfiguredScheme) {
  IntegrationAuth none;
  none.vendor = Vendor::livechat;
  auto r = verify(none, {}, "{}", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Kind::not_configured);
  // An empty secret would make every HMAC forgeable.
  auto empty = signed_by(Vendor::intercom, SignatureScheme::intercom, "");
  const Headers h{{"X-Hub-Signature", "sha1=" + to_hex(hmac(Digest::sha1, "", {"{}"}))}};
  r = verify(empty, h, "{}", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Kind::not_configured);
  // A scheme that is not the vendor's (an attacker-friendly mix-up).
  auto mixed = signed_by(Vendor::zendesk, SignatureScheme::helpscout, "k");
  r = verify(mixed, {{"X-HelpScout-Signature", to_base64(hmac(Digest::sha1, "k", {"{}"}))}}, "{}",
             kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Kind::not_configured);
  // LiveChat and Freshdesk do not sign at all.
  EXPECT_FALSE(default_scheme(Vendor::livechat));
  EXPECT_FALSE(default_scheme(Vendor::freshdesk));
  EXPECT_EQ(auth_error_kind_name(Kind::not_configured), "not_configured");
}

TEST(WebhookAuthConfig, WithoutADeduperNothingIsRemembered) {
  auto auth = signed_by(Vendor::helpscout, SignatureScheme::helpscout, "asdffdsa");
  auth.deliveries.reset();
  const Headers h{{"X-HelpScout-Signature", "YhXKie6t+YQPJLRzdKWwTPsJN2w="}};
  EXPECT_TRUE(verify(auth, h, R"({"id":123})", kNow).ok());
  EXPECT_TRUE(verify(auth, h, R"({"id":123})", kNow).ok());
}

}  // namespace
}  // namespace tactful::webhooks
