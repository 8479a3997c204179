// Every signature vector in tests/fixtures/webhooks, and the ways a request must be refused.
#include <gtest/gtest.h>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "tactful/timestamp.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::signed_by;
using testing::unix_time;
using testing::vector_field;
using Kind = AuthError::Kind;

Kind kind_of(const Result<void, AuthError>& r) {
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error().message.empty());
  return r.error().kind;
}

// --- Chatwoot: sha256= hex of "timestamp.body", X-Chatwoot-Timestamp in unix seconds.
struct Chatwoot {
  std::string secret = vector_field("chatwoot", "derived_vector/secret");
  std::string ts = vector_field("chatwoot", "derived_vector/timestamp");
  std::string body = vector_field("chatwoot", "derived_vector/body");
  std::string sig = vector_field("chatwoot", "derived_vector/expected_header");
  IntegrationAuth auth = signed_by(Vendor::chatwoot, SignatureScheme::chatwoot, secret);
  std::chrono::sys_seconds now = unix_time(std::stoll(ts) + 60);
  Headers headers(std::string delivery = "d-1") const {
    return {{"x-chatwoot-signature", sig},
            {"X-Chatwoot-Timestamp", ts},
            {"X-CHATWOOT-DELIVERY", delivery}};
  }
};

TEST(WebhookSignature, ChatwootVectorVerifies) {
  Chatwoot c;
  EXPECT_TRUE(verify(c.auth, c.headers(), c.body, c.now).ok());
}

TEST(WebhookSignature, ChatwootTamperedBodyWrongSecretAndBodyOnlyAreRefused) {
  Chatwoot c;
  EXPECT_EQ(kind_of(verify(c.auth, c.headers(), c.body + " ", c.now)), Kind::bad_signature);
  auto wrong = c.auth;
  wrong.secret = "test-secreT";
  EXPECT_EQ(kind_of(verify(wrong, c.headers(), c.body, c.now)), Kind::bad_signature);
  // The body alone is not what Chatwoot signs.
  Headers body_only{
      {"X-Chatwoot-Signature", "sha256=" + to_hex(hmac(Digest::sha256, c.secret, {c.body}))},
      {"X-Chatwoot-Timestamp", c.ts}};
  EXPECT_EQ(kind_of(verify(c.auth, body_only, c.body, c.now)), Kind::bad_signature);
  // A different timestamp with the same signature.
  Headers moved{{"X-Chatwoot-Signature", c.sig}, {"X-Chatwoot-Timestamp", "1768471501"}};
  EXPECT_EQ(kind_of(verify(c.auth, moved, c.body, c.now)), Kind::bad_signature);
}

TEST(WebhookSignature, ChatwootStaleAndFutureTimestampsAreRefused) {
  Chatwoot c;
  const long long ts = std::stoll(c.ts);
  EXPECT_TRUE(verify(c.auth, c.headers("a"), c.body, unix_time(ts + 300)).ok());
  EXPECT_EQ(kind_of(verify(c.auth, c.headers("b"), c.body, unix_time(ts + 301))),
            Kind::stale_timestamp);
  EXPECT_TRUE(verify(c.auth, c.headers("c"), c.body, unix_time(ts - 300)).ok());
  EXPECT_EQ(kind_of(verify(c.auth, c.headers("d"), c.body, unix_time(ts - 301))),
            Kind::future_timestamp);
}

TEST(WebhookSignature, ReplayedDeliveryIdIsRefusedOncePerIntegration) {
  Chatwoot c;
  EXPECT_TRUE(verify(c.auth, c.headers("same"), c.body, c.now).ok());
  EXPECT_EQ(kind_of(verify(c.auth, c.headers("same"), c.body, c.now)), Kind::replayed);
  auto other = c.auth;  // another integration sharing the deduper has its own ids
  other.integration = "globex";
  EXPECT_TRUE(verify(other, c.headers("same"), c.body, c.now).ok());
}

TEST(WebhookSignature, RefusedRequestsAreNotRemembered) {
  Chatwoot c;
  EXPECT_FALSE(verify(c.auth, c.headers("x"), c.body + "tampered", c.now).ok());
  EXPECT_EQ(c.auth.deliveries->size(), 0u);
  EXPECT_TRUE(verify(c.auth, c.headers("x"), c.body, c.now).ok());
}

TEST(WebhookSignature, MissingHeadersAndMalformedSignatures) {
  Chatwoot c;
  EXPECT_EQ(kind_of(verify(c.auth, Headers{}, c.body, c.now)), Kind::missing);
  EXPECT_EQ(kind_of(verify(c.auth, Headers{{"X-Chatwoot-Signature", c.sig}}, c.body, c.now)),
            Kind::missing);
  for (std::string bad :
       std::vector<std::string>{c.sig.substr(7), "sha1=" + c.sig.substr(7), "sha256=zz",
                                "sha256=", "sha256=" + c.sig.substr(8)}) {
    Headers h{{"X-Chatwoot-Signature", bad}, {"X-Chatwoot-Timestamp", c.ts}};
    EXPECT_EQ(kind_of(verify(c.auth, h, c.body, c.now)), Kind::bad_signature) << bad;
  }
  // Upper-case hex is still the same MAC.
  std::string upper = c.sig;
  for (std::size_t i = 7; i < upper.size(); ++i) upper[i] = static_cast<char>(toupper(upper[i]));
  EXPECT_TRUE(verify(c.auth,
                     Headers{{"X-Chatwoot-Signature", upper}, {"X-Chatwoot-Timestamp", c.ts}},
                     c.body, c.now)
                  .ok());
}

TEST(WebhookSignature, SignedTimestampThatIsNotATimeIsRefused) {
  Chatwoot c;
  for (std::string ts : std::vector<std::string>{"-5", "12a", "", "99999999999999999999"}) {
    const std::string sig = "sha256=" + to_hex(hmac(Digest::sha256, c.secret, {ts, ".", c.body}));
    Headers h{{"X-Chatwoot-Signature", sig}, {"X-Chatwoot-Timestamp", ts}};
    EXPECT_EQ(kind_of(verify(c.auth, h, c.body, c.now)), Kind::bad_signature) << ts;
  }
}

// --- Zendesk: base64 HMAC-SHA256 of timestamp + body, ISO-8601 timestamp.
TEST(WebhookSignature, ZendeskDerivedVectorVerifiesInTheDocumentedOrder) {
  const auto secret = vector_field("zendesk", "derived_vector_current_doc_order/secret");
  const auto ts = vector_field("zendesk", "derived_vector_current_doc_order/timestamp");
  const auto body = vector_field("zendesk", "derived_vector_current_doc_order/body");
  const auto sig = vector_field("zendesk", "derived_vector_current_doc_order/expected_signature");
  auto auth = signed_by(Vendor::zendesk, SignatureScheme::zendesk, secret);
  const auto now = *tactful::parse_rfc3339(ts);
  Headers h{{"X-Zendesk-Webhook-Signature", sig},
            {"X-Zendesk-Webhook-Signature-Timestamp", ts},
            {"X-Zendesk-Webhook-Invocation-Id", "inv-1"}};
  EXPECT_TRUE(verify(auth, h, body, now).ok());
  EXPECT_EQ(kind_of(verify(auth, h, body, now)), Kind::replayed);
  EXPECT_EQ(kind_of(verify(auth, h, body, now + std::chrono::minutes(6))), Kind::stale_timestamp);
  EXPECT_EQ(kind_of(verify(auth, h, body + "x", now)), Kind::bad_signature);
}

TEST(WebhookSignature, ZendeskOfficialVectorChecksThePlumbingOnly) {
  // The official example reproduces only as body + timestamp (an old doc revision); it checks
  // our HMAC and base64, and verify() - which follows the current docs - must refuse it.
  const auto secret = vector_field("zendesk", "official_vector/secret");
  const auto ts = vector_field("zendesk", "official_vector/timestamp");
  const auto body = vector_field("zendesk", "official_vector/body");
  const auto sig = vector_field("zendesk", "official_vector/expected_signature");
  EXPECT_EQ(to_base64(hmac(Digest::sha256, secret, {body, ts})), sig);
  auto auth = signed_by(Vendor::zendesk, SignatureScheme::zendesk, secret);
  Headers h{{"X-Zendesk-Webhook-Signature", sig}, {"X-Zendesk-Webhook-Signature-Timestamp", ts}};
  EXPECT_EQ(kind_of(verify(auth, h, body, *tactful::parse_rfc3339(ts))), Kind::bad_signature);
}

}  // namespace
}  // namespace tactful::webhooks
