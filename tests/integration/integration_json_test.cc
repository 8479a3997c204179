// The admin API's integration bodies on their own (integration_json.h): fuzz_integration_body's
// findings, each fed through the same calls the target makes (read a body over a stored
// integration, store it, read the stored forms back).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "integration_json.h"

namespace tactful::testing {
namespace {

using namespace server;

// A body as the admin API reads it (admin_http.cc validates UTF-8 too).
rapidjson::Document body(std::string_view json) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                  json.size());
  EXPECT_FALSE(d.HasParseError()) << json;
  return d;
}

// fuzz_integration_body's crasher: a webhook secret, basic user or credential holding
// "\u0000" was stored whole but read back cut at the NUL, so after a reload the integration
// verified deliveries against a shorter (weaker) secret than the admin set.
TEST(IntegrationJson, SecretsWithANulSurviveTheStoresRoundTrip) {
  const auto d = body(
      R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "s3cret\u0000tail",
          "api_credentials": {"account_id": "3", "api_access_token": "tok\u0000en"}})");
  auto edit = integration_from_request(d, "acme", "", nullptr);
  ASSERT_TRUE(std::holds_alternative<IntegrationEdit>(edit))
      << std::get<IntegrationProblem>(edit).message;
  const Integration& in = std::get<IntegrationEdit>(edit).integration;
  EXPECT_EQ(in.webhook_secret, std::string("s3cret\0tail", 11));
  auto back = integration_from_stored(public_json(in), secrets_json(in), in.tenant);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->webhook_secret, std::string("s3cret\0tail", 11));
  EXPECT_EQ(back->api_credentials.at("api_access_token"), std::string("tok\0en", 6));
  EXPECT_EQ(secrets_json(*back), secrets_json(in));
}

// A credential whose name holds a NUL is a different credential from the name cut at the NUL.
TEST(IntegrationJson, ACredentialNameWithANulIsKeptWhole) {
  const auto d = body(R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "s",
      "api_credentials": {"account_id": "3", "api_access_token": "tok", "x\u0000y": "v"}})");
  auto edit = integration_from_request(d, "acme", "", nullptr);
  ASSERT_TRUE(std::holds_alternative<IntegrationEdit>(edit))
      << std::get<IntegrationProblem>(edit).message;
  const Integration& in = std::get<IntegrationEdit>(edit).integration;
  EXPECT_EQ(in.api_credentials.count(std::string("x\0y", 3)), 1u);
  EXPECT_EQ(in.api_credentials.count("x"), 0u);
  auto back = integration_from_stored(public_json(in), secrets_json(in), in.tenant);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->api_credentials, in.api_credentials);
}

}  // namespace
}  // namespace tactful::testing
