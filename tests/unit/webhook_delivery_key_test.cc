// delivery_key(): what a server records once a verified delivery has been handled.
#include <gtest/gtest.h>

#include "tactful/adapters/webhooks/auth.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::signed_by;

TEST(DeliveryKey, TheVendorsDeliveryIdElseTheSignatureScopedByIntegration) {
  const auto cw = signed_by(Vendor::chatwoot, SignatureScheme::chatwoot, "s");
  EXPECT_EQ(
      delivery_key(cw, {{"X-Chatwoot-Delivery", "d-1"}, {"X-Chatwoot-Signature", "sha256=ab"}}),
      "acme\nd-1");
  // Without a delivery id the signature identifies an exact replay.
  EXPECT_EQ(delivery_key(cw, {{"X-Chatwoot-Signature", "sha256=ab"}}), "acme\nsha256=ab");
  EXPECT_EQ(delivery_key(cw, {}), "");
  const auto ic = signed_by(Vendor::intercom, SignatureScheme::intercom, "s");
  EXPECT_EQ(delivery_key(ic, {{"x-hub-signature", "sha1=cd"}, {"X-Chatwoot-Delivery", "d"}}),
            "acme\nsha1=cd");
  auto other = ic;
  other.integration = "beta";
  EXPECT_NE(delivery_key(other, {{"X-Hub-Signature", "sha1=cd"}}),
            delivery_key(ic, {{"X-Hub-Signature", "sha1=cd"}}));
  // The weaker methods have no header to key on: the body's own event id is the server's.
  IntegrationAuth weak = cw;
  weak.method = AuthMethod::path_secret;
  EXPECT_EQ(delivery_key(weak, {{"X-Chatwoot-Delivery", "d-1"}}), "");
}

// verify() without a deduper records nothing, so the same delivery verifies again: the server
// records it itself once handled.
TEST(DeliveryKey, VerifyWithoutADeduperRemembersNothing) {
  auto ic = signed_by(Vendor::intercom, SignatureScheme::intercom, "example-client-secret");
  ic.deliveries = nullptr;
  const Headers h{{"X-Hub-Signature", "sha1=62a695abce041dfd4ea6274ef3ed21c6452c47e4"}};
  const std::string body = R"({"type":"notification_event","topic":"ping"})";
  const auto now = testing::unix_time(1768471500);
  EXPECT_TRUE(verify(ic, h, body, now).ok());
  EXPECT_TRUE(verify(ic, h, body, now).ok());
}

}  // namespace
}  // namespace tactful::webhooks
