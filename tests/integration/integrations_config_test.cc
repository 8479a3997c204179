// The config file's "integrations" array, the "context" bounds, TACTFUL_INTEGRATION_* overrides
// and validation: errors name the key and never a secret.
#include <map>

#include "fixture.h"
#include "json.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

using server::Config;
using server::Integration;
using server::Verification;
using webhooks::Vendor;

const std::string kSecret = "s3cr3t-never-shown-0123456789";

server::Getenv env(std::map<std::string, std::string> vars) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
  return [shared](const char* name) -> const char* {
    auto it = shared->find(name);
    return it == shared->end() ? nullptr : it->second.c_str();
  };
}

Result<Config> load(const std::string& json, std::map<std::string, std::string> vars = {}) {
  TempDir dir;
  write_file(dir.path() / "c.json", json);
  vars.emplace("HOME", "/home/x");
  return server::load_config((dir.path() / "c.json").string(), env(std::move(vars)));
}

std::string load_error(const std::string& json, std::map<std::string, std::string> vars = {}) {
  auto c = load(json, std::move(vars));
  if (c.ok()) {
    ADD_FAILURE() << "accepted: " << json;
    return {};
  }
  return c.error().message;
}

TEST(IntegrationsConfig, ReadsEveryKeyWithDefaults) {
  auto c = load(R"({"integrations": [
    {"id": "cw-main", "vendor": "chatwoot", "webhook_secret": "s1",
     "api_base_url": "https://chat.example.com/", "team": "billing",
     "api_credentials": {"account_id": 3, "api_access_token": "tok"},
     "notes": {"enabled": true, "min_severity": "suggestion", "min_interval_minutes": 5},
     "self_author_ids": ["7", 8]},
    {"id": "ic", "vendor": "intercom", "webhook_secret": "s2",
     "api_credentials": {"access_token": "t", "admin_id": "991"}, "notes": {"enabled": true}},
    {"id": "fr", "vendor": "front", "webhook_secret": "s3", "signature": "rule"},
    {"id": "lc", "vendor": "livechat", "webhook_secret": "s4", "verification": "body_secret"},
    {"id": "fd", "vendor": "freshdesk", "webhook_secret": "s5", "verification": "basic",
     "basic_user": "hook", "max_skew_seconds": 60, "tenant": "acme"}],
    "context": {"max_messages": 20, "max_conversations": 500, "ttl_minutes": 90,
                "max_bytes": 1048576, "max_message_bytes": 4096}})");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->integrations.size(), 5u);
  const Integration& cw = c->integrations[0];
  EXPECT_EQ(cw.id, "cw-main");
  EXPECT_EQ(cw.vendor, Vendor::chatwoot);
  EXPECT_EQ(cw.verification, Verification::signature);
  EXPECT_EQ(cw.signature_scheme, webhooks::SignatureScheme::chatwoot);
  EXPECT_EQ(cw.api_base_url, "https://chat.example.com");  // trailing '/' dropped
  EXPECT_EQ(cw.api_credentials.at("account_id"), "3");
  EXPECT_TRUE(cw.notes.enabled);
  EXPECT_EQ(cw.notes.min_severity, Severity::suggestion);
  EXPECT_EQ(cw.notes.min_interval, std::chrono::minutes(5));
  EXPECT_EQ(cw.self_author_ids, (std::vector<std::string>{"7", "8"}));
  EXPECT_EQ(cw.team, "billing");
  const Integration& ic = c->integrations[1];
  EXPECT_EQ(ic.api_base_url, "https://api.intercom.io");
  EXPECT_EQ(ic.notes.min_severity, Severity::warning);
  EXPECT_EQ(ic.notes.min_interval, std::chrono::minutes(10));
  EXPECT_EQ(ic.self_author_ids, (std::vector<std::string>{"991"}));  // the note author
  EXPECT_EQ(c->integrations[2].signature_scheme, webhooks::SignatureScheme::front_rule);
  EXPECT_EQ(c->integrations[3].verification, Verification::body_secret);
  EXPECT_EQ(c->integrations[4].basic_user, "hook");
  EXPECT_EQ(c->integrations[4].max_skew, std::chrono::seconds(60));
  EXPECT_EQ(c->integrations[4].tenant, "acme");
  EXPECT_EQ(cw.tenant, "");  // served as admin.default_tenant's
  EXPECT_EQ(c->context.max_messages, 20u);
  EXPECT_EQ(c->context.max_conversations, 500u);
  EXPECT_EQ(c->context.ttl, std::chrono::minutes(90));
  EXPECT_EQ(c->context.max_bytes, 1048576u);
  EXPECT_EQ(c->context.max_message_bytes, 4096u);
  EXPECT_FALSE(server::validate(*c).has_value());
}

TEST(IntegrationsConfig, EnvironmentSuppliesSecretsAndCredentials) {
  auto c = load(R"({"integrations": [{"id": "zd-eu", "vendor": "zendesk",
                    "api_base_url": "https://acme.zendesk.com", "notes": {"enabled": true}}]})",
                {{"TACTFUL_INTEGRATION_ZD_EU_SECRET", kSecret},
                 {"TACTFUL_INTEGRATION_ZD_EU_CREDENTIAL_EMAIL", "bot@acme.example"},
                 {"TACTFUL_INTEGRATION_ZD_EU_CREDENTIAL_API_TOKEN", "zt"},
                 {"TACTFUL_CONTEXT_TTL_MINUTES", "30"}});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->integrations[0].webhook_secret, kSecret);
  EXPECT_EQ(c->integrations[0].api_credentials.at("email"), "bot@acme.example");
  EXPECT_EQ(c->integrations[0].api_credentials.at("api_token"), "zt");
  EXPECT_EQ(c->context.ttl, std::chrono::minutes(30));
}

TEST(IntegrationsConfig, ErrorsNameTheKey) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"integrations": {}})", "integrations: expected an array"},
      {R"({"integrations": [{"id": "a", "vendor": "kayako", "webhook_secret": "x"}]})",
       "integrations[0].vendor: unknown vendor"},
      {R"({"integrations": [{"vendor": "zendesk", "webhook_secret": "x"}]})",
       "integrations[0].id: missing"},
      {R"({"integrations": [{"id": "a b", "vendor": "zendesk", "webhook_secret": "x"}]})",
       "integrations[0].id: 1-64 letters"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk"}]})",
       "integrations[0].webhook_secret: missing (or set TACTFUL_INTEGRATION_<ID>_SECRET)"},
      {R"({"integrations": [{"id": "a", "vendor": "zammad", "webhook_secret": "x",
           "verification": "path_secret"}]})",
       "integrations[0].verification: zammad signs its webhooks, so 'path_secret' is not allowed"},
      {R"({"integrations": [{"id": "a", "vendor": "generic", "webhook_secret": "x",
           "verification": "basic", "basic_user": "u"}]})",
       "integrations[0].verification: generic signs its webhooks"},
      {R"({"integrations": [{"id": "a", "vendor": "livechat", "webhook_secret": "x"}]})",
       "integrations[0].verification: livechat does not sign its webhooks; choose body_secret"},
      {R"({"integrations": [{"id": "a", "vendor": "freshdesk", "webhook_secret": "x",
           "verification": "body_secret"}]})",
       "body_secret is LiveChat's scheme only"},
      {R"({"integrations": [{"id": "a", "vendor": "freshdesk", "webhook_secret": "x",
           "verification": "basic"}]})",
       "integrations[0].basic_user: needed with verification basic"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "signature": "rule"}]})",
       "integrations[0].signature: only Front has a choice"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "verification": "magic"}]})",
       "integrations[0].verification: expected signature, body_secret, path_secret or basic"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "notes": {"enabled": true}}]})",
       "integrations[0].api_base_url: an http(s) URL is needed"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "api_base_url": "https://a.zendesk.com", "notes": {"enabled": true},
           "api_credentials": {"email": "e"}}]})",
       "integrations[0].api_credentials.api_token: zendesk needs it to post notes"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "notes": {"min_severity": "fatal"}}]})",
       "integrations[0].notes.min_severity: expected"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "notes": {"enabled": "yes"}}]})",
       "integrations[0].notes.enabled: expected true or false"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "colour": "red"}]})",
       "integrations[0].colour: unknown key"},
      // A key is read whole: "tenant\u0000x" is not "tenant" (it was cut at the NUL).
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "tenant\u0000x": "acme"}]})",
       "unknown key (known: id, vendor"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "self_author_ids": [true]}]})",
       "integrations[0].self_author_ids[0]: expected a string or integer"},
      {R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": "x",
           "tenant": "a b"}]})",
       "integrations[0].tenant: expected 1-64 letters"},
      {R"({"context": {"ttl": 5}})", "unknown key 'context.ttl'"},
      {R"({"context": {"max_messages": -1}})", "context.max_messages: expected a non-negative"},
  };
  for (const auto& [json, expected] : cases) {
    const std::string e = load_error(json);
    EXPECT_TRUE(contains(e, expected)) << json << "\n-> " << e;
    EXPECT_TRUE(contains(e, "c.json")) << e;  // and the file
  }
}

TEST(IntegrationsConfig, ValidateRefusesDuplicateIdsAndBadBounds) {
  auto c = load(R"({"integrations": [
    {"id": "a", "vendor": "zendesk", "webhook_secret": "x"},
    {"id": "a", "vendor": "zammad", "webhook_secret": "y"}]})");
  ASSERT_TRUE(c.ok()) << c.error().message;
  auto e = server::validate(*c);
  ASSERT_TRUE(e);
  EXPECT_TRUE(contains(e->message, "integrations[1].id: 'a' is already used by integrations[0]"))
      << e->message;
  Config bounds;
  bounds.context.max_messages = 0;
  ASSERT_TRUE(server::validate(bounds));
  EXPECT_TRUE(contains(server::validate(bounds)->message, "context: max_messages"));
  bounds = Config{};
  bounds.context.ttl = std::chrono::minutes(600000);
  ASSERT_TRUE(server::validate(bounds));
  EXPECT_TRUE(contains(server::validate(bounds)->message, "ttl_minutes at most"));
  bounds = Config{};
  bounds.context.max_bytes = 1000;
  ASSERT_TRUE(server::validate(bounds));
  EXPECT_TRUE(contains(server::validate(bounds)->message, "max_bytes at least four times"));
}

// Whatever is wrong, an error never repeats a secret: not the webhook secret, not a credential,
// not the basic-auth user.
TEST(IntegrationsConfig, ErrorsNeverContainASecret) {
  const std::vector<std::string> configs = {
      R"({"integrations": [{"id": "a", "vendor": "zammad", "webhook_secret": ")" + kSecret +
          R"(", "verification": "basic", "basic_user": ")" + kSecret + R"("}]})",
      R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": ")" + kSecret +
          R"(", "notes": {"enabled": true}, "api_base_url": "https://z.example",
          "api_credentials": {"email": ")" +
          kSecret + R"("}}]})",
      R"({"integrations": [{"id": "a", "vendor": "freshdesk", "webhook_secret": ")" + kSecret +
          R"(", "verification": "path_secret", "max_skew_seconds": 99999}]})",
      R"({"integrations": [{"id": "a", "vendor": "front", "webhook_secret": ")" + kSecret +
          R"(", "signature": ")" + kSecret + R"("}]})",
      R"({"integrations": [{"id": "a", "vendor": "zendesk", "webhook_secret": 5}]})",
  };
  for (const auto& json : configs) {
    const std::string e = load_error(json, {{"TACTFUL_INTEGRATION_A_CREDENTIAL_API_TOKEN", ""}});
    EXPECT_FALSE(e.empty());
    EXPECT_FALSE(contains(e, kSecret)) << e;
  }
  // An environment secret does not show either.
  const std::string e =
      load_error(R"({"integrations": [{"id": "a", "vendor": "zammad", "verification": "basic"}]})",
                 {{"TACTFUL_INTEGRATION_A_SECRET", kSecret}});
  EXPECT_FALSE(contains(e, kSecret)) << e;
}

}  // namespace
}  // namespace tactful::testing
