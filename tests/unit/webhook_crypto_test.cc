// HMAC, hex, base64 and constant-time comparison against published test vectors.
#include <gtest/gtest.h>

#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::webhooks {
namespace {

TEST(WebhookCrypto, HmacMatchesRfcVectors) {
  // RFC 2202 test case 2 (HMAC-SHA1) and RFC 4231 test case 2 (HMAC-SHA256).
  EXPECT_EQ(to_hex(hmac(Digest::sha1, "Jefe", {"what do ya want ", "for nothing?"})),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  EXPECT_EQ(to_hex(hmac(Digest::sha256, "Jefe", {"what do ya want for nothing?"})),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookCrypto, HmacOfPartsEqualsHmacOfConcatenation) {
  EXPECT_EQ(hmac(Digest::sha256, "k", {"12", ".", "body"}), hmac(Digest::sha256, "k", {"12.body"}));
  EXPECT_EQ(hmac(Digest::sha1, "", {""}).size(), 20u);  // empty key and message are legal
}

TEST(WebhookCrypto, HexRoundTripsAndRefusesJunk) {
  EXPECT_EQ(to_hex("\x01\xab\xff"), "01abff");
  EXPECT_EQ(from_hex("01ABff"), std::optional<std::string>("\x01\xab\xff"));
  EXPECT_FALSE(from_hex("abc"));  // odd length
  EXPECT_FALSE(from_hex("zz"));
  EXPECT_EQ(from_hex(""), std::optional<std::string>(""));
}

TEST(WebhookCrypto, Base64RoundTripsAndIsStrict) {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    const auto back = from_base64(to_base64(s));
    ASSERT_TRUE(back) << s;
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(to_base64("foobar"), "Zm9vYmFy");  // RFC 4648 section 10
  EXPECT_EQ(to_base64("fo"), "Zm8=");
  EXPECT_FALSE(from_base64("Zm8"));   // missing padding
  EXPECT_FALSE(from_base64("Zm9="));  // non-canonical: hidden bits set
  EXPECT_FALSE(from_base64("Z=8="));  // data after padding
  EXPECT_FALSE(from_base64("Zm8*"));
  EXPECT_FALSE(from_base64("Zm8=Zm8="));  // padding only at the end
}

TEST(WebhookCrypto, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("secret", "secret2"));
  EXPECT_FALSE(constant_time_equal("", "x"));
  EXPECT_TRUE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
  EXPECT_FALSE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace tactful::webhooks
