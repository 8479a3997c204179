// The weaker schemes an admin may opt into for vendors without an HMAC.
#include <gtest/gtest.h>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using Kind = AuthError::Kind;
const auto kNow = testing::unix_time(1768471500);

IntegrationAuth weak(Vendor vendor, AuthMethod method) {
  IntegrationAuth a;
  a.vendor = vendor;
  a.integration = "acme";
  a.method = method;
  return a;
}

Kind refused(const Result<void, AuthError>& r) {
  EXPECT_FALSE(r.ok());
  return r.error().kind;
}

TEST(WebhookWeakAuth, LiveChatSecretKeyInTheBody) {
  auto auth = weak(Vendor::livechat, AuthMethod::body_secret);
  auth.secret = "<secret_key>";  // the value in the LiveChat fixture
  const std::string body = testing::fixture("livechat", "incoming_event.assembled-from-docs.json");
  EXPECT_TRUE(verify(auth, {}, body, kNow).ok());
  auth.secret = "other";
  EXPECT_EQ(refused(verify(auth, {}, body, kNow)), Kind::bad_signature);
  EXPECT_EQ(refused(verify(auth, {}, R"({"action":"incoming_event"})", kNow)), Kind::missing);
  EXPECT_EQ(refused(verify(auth, {}, R"({"secret_key": 5})", kNow)), Kind::missing);
  EXPECT_EQ(refused(verify(auth, {}, "not json", kNow)), Kind::missing);
}

TEST(WebhookWeakAuth, SecretInThePath) {
  auto auth = weak(Vendor::freshdesk, AuthMethod::path_secret);
  auth.secret = "p4th-s3cret";
  EXPECT_TRUE(verify(auth, {}, "{}", kNow, "p4th-s3cret").ok());
  EXPECT_EQ(refused(verify(auth, {}, "{}", kNow, "p4th-s3creT")), Kind::bad_signature);
  EXPECT_EQ(refused(verify(auth, {}, "{}", kNow, "p4th-s3cret-")), Kind::bad_signature);
  EXPECT_EQ(refused(verify(auth, {}, "{}", kNow)), Kind::missing);
  auth.secret.clear();
  EXPECT_EQ(refused(verify(auth, {}, "{}", kNow, "")), Kind::not_configured);
}

TEST(WebhookWeakAuth, BasicAuth) {
  auto auth = weak(Vendor::freshdesk, AuthMethod::basic_auth);
  auth.basic_user = "freshdesk";
  auth.basic_password = "pa:ss";
  const std::string good = "Basic " + to_base64("freshdesk:pa:ss");
  EXPECT_TRUE(verify(auth, {{"authorization", good}}, "{}", kNow).ok());
  EXPECT_TRUE(
      verify(auth, {{"Authorization", "basic   " + to_base64("freshdesk:pa:ss")}}, "{}", kNow)
          .ok());
  for (std::string bad : std::vector<std::string>{
           "Basic " + to_base64("freshdesk:pa:sS"), "Basic " + to_base64("Freshdesk:pa:ss"),
           "Basic " + to_base64("freshdesk"), "Basic !!!!",
           "Bearer " + to_base64("freshdesk:pa:ss"), "Basic"})
    EXPECT_EQ(refused(verify(auth, {{"Authorization", bad}}, "{}", kNow)), Kind::bad_signature)
        << bad;
  EXPECT_EQ(refused(verify(auth, {}, "{}", kNow)), Kind::missing);
  auth.basic_password.clear();
  EXPECT_EQ(refused(verify(auth, {{"Authorization", good}}, "{}", kNow)), Kind::not_configured);
}

}  // namespace
}  // namespace tactful::webhooks
