// Integrations made through the admin API take effect without a restart: a webhook to one just
// created is accepted and coached, its note reaching a fake helpdesk on loopback; updates and
// deletes apply from the next request; its post-send checks and the widget's requests naming
// its conversations use its tenant's and team's published rules; a deleted integration's
// queued note waits and is given up.
#include "fake_vendor.h"
#include "fake_vendor_formats.h"
#include "integration_api.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;
using webhooks::Vendor;

const std::string kSecret = "live-secret-0123456789abcdef";
const std::string kReply = "I have processed your refund, it will arrive in 5 days.";

std::string metrics(std::uint16_t port) {
  return request(port, "GET", "/metrics").body;
}

std::string note_of(const Reply& r) {
  auto d = parse_json(r.body);
  return d.IsObject() && d.HasMember("note") ? d["note"].GetString() : "";
}

// A custom phrase rule of the tenant (or a team) at warning, flagging `phrase`.
std::string warning_rule(const std::string& id, const std::string& phrase,
                         const std::string& message) {
  return R"({"id": ")" + id + R"(", "kind": "phrase", "category": "jargon", "severity": "warning",
    "message": ")" +
         message + R"(", "why": "Customers do not know our words.", "phrases": [")" + phrase +
         R"("], "examples": {"flag": ["Please [[)" + phrase +
         R"(]] now."], "pass": ["Nothing to see here."]}})";
}

std::string suggest(std::uint16_t port, const std::string& draft, const std::string& conversation,
                    const std::string& key, int* status = nullptr) {
  std::string body = R"({"draft": ")" + draft + R"(")";
  if (!conversation.empty())
    body += R"(, "conversation": {"integration": ")" + conversation + R"(", "id": "12"})";
  const Reply r = request(port, "POST", "/v1/suggest", body + "}",
                          key.empty() ? Headers{} : Headers{{"Authorization", "Bearer " + key}});
  if (status) *status = r.status;
  return r.body;
}

class IntegrationsLiveTest : public AdminTest {};

TEST_F(IntegrationsLiveTest, AJustCreatedIntegrationIsCoachedThenUpdatedAndDeletedLive) {
  FakeVendor vendor(Vendor::chatwoot);
  start([](server::Config& c) { c.outbox.backoff_base = milliseconds(100); });
  const std::string tok = token("acme");
  EXPECT_EQ(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 1, kComplaint)).status,
            404);
  const std::string api_token =
      fake::target_for(Vendor::chatwoot, "").credentials.at("api_access_token");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw", kSecret, vendor.base_url(), api_token))
                .status,
            201);

  // At once: the complaint is stored, the reply coached, the note posted to the vendor.
  EXPECT_EQ(note_of(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 1, kComplaint))),
            "not_a_reply");
  EXPECT_EQ(note_of(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(true, 2, kReply))),
            "queued");
  ASSERT_TRUE(vendor.wait_for([&] { return vendor.notes("12").size() == 1; }, milliseconds(10000)));
  EXPECT_TRUE(contains(vendor.notes("12")[0], "apology (warning)")) << vendor.notes("12")[0];
  const auto creates = vendor.creates();
  ASSERT_EQ(creates.size(), 1u);
  EXPECT_EQ(creates[0].method, "POST");
  EXPECT_EQ(creates[0].target, "/api/v1/accounts/3/conversations/12/messages");
  EXPECT_EQ(creates[0].header("api_access_token"), api_token);
  EXPECT_TRUE(parse_json(creates[0].body)["private"].GetBool());
  // The widget on the same conversation sees the stored complaint.
  int status = 0;
  const std::string report = suggest(port, "Your refund is on its way.", "cw", "", &status);
  EXPECT_EQ(status, 200) << report;
  EXPECT_TRUE(contains(report, "\"apology\"")) << report;

  // A new webhook secret: the old one is refused from the next request.
  const std::string rotated = "live-secret-rotated-fedcba98765";
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/integrations/cw",
                 R"({"vendor": "chatwoot", "webhook_secret": ")" + rotated + R"(",
                     "api_base_url": ")" +
                     vendor.base_url() + R"("})")
                .status,
            200);
  EXPECT_EQ(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(true, 3, kReply)).status, 401);
  // Notes are off now (the update left them out): stored, not coached.
  EXPECT_EQ(note_of(deliver_chatwoot(port, "cw", rotated, chatwoot_message(true, 4, kReply))),
            "notes_disabled");

  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/integrations/cw").status, 200);
  const Reply gone = deliver_chatwoot(port, "cw", rotated, chatwoot_message(true, 5, kReply));
  EXPECT_EQ(gone.status, 404) << gone.body;
  suggest(port, "Your refund is on its way.", "cw", "", &status);
  EXPECT_EQ(status, 400);
  EXPECT_EQ(vendor.creates().size(), 1u);
}

TEST_F(IntegrationsLiveTest, PostSendAndTheWidgetUseTheIntegrationsTenantAndTeamRules) {
  FakeVendor billing_desk(Vendor::chatwoot), plain_desk(Vendor::chatwoot);
  const std::string unscoped = "unscoped-key-0123456789", globex = "globex-key-0123456789ab";
  start([&](server::Config& c) {
    server::ApiKey g(globex);
    g.tenant = "globex";
    c.api_keys = {server::ApiKey(unscoped), g};
  });
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.synergy",
                 warning_rule("acme.synergy", "synergy", "Acme never says synergy."))
                .status,
            201);
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/rules/acme.leverage?team=billing",
                 warning_rule("acme.leverage", "leverage", "Billing never says leverage."))
                .status,
            201);
  const Reply published = call(tok, "POST", "/v1/admin/rules/publish");
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string api_token = "cw-token";
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw-billing", kSecret, billing_desk.base_url(), api_token,
                               R"(, "team": "billing")"))
                .status,
            201);
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw-plain", kSecret, plain_desk.base_url(), api_token))
                .status,
            201);

  const std::string reply = "Synergy and leverage aside, your billing address is updated.";
  for (const std::string id : {"cw-billing", "cw-plain"}) {
    deliver_chatwoot(port, id, kSecret, chatwoot_message(false, 1, "Please update my address."));
    EXPECT_EQ(note_of(deliver_chatwoot(port, id, kSecret, chatwoot_message(true, 2, reply))),
              "queued")
        << id;
  }
  ASSERT_TRUE(billing_desk.wait_for([&] { return billing_desk.notes("12").size() == 1; },
                                    milliseconds(10000)));
  ASSERT_TRUE(
      plain_desk.wait_for([&] { return plain_desk.notes("12").size() == 1; }, milliseconds(10000)));
  const std::string billing_note = billing_desk.notes("12")[0];
  const std::string plain_note = plain_desk.notes("12")[0];
  // The tenant's rule in both; the billing team's only where the integration is billing's.
  EXPECT_TRUE(contains(billing_note, "Acme never says synergy.")) << billing_note;
  EXPECT_TRUE(contains(billing_note, "Billing never says leverage.")) << billing_note;
  EXPECT_TRUE(contains(plain_note, "Acme never says synergy.")) << plain_note;
  EXPECT_FALSE(contains(plain_note, "Billing never says leverage.")) << plain_note;

  // The widget: a key of no tenant naming the conversation gets the integration's rules.
  const std::string draft = "Synergy and leverage.";
  std::string r = suggest(port, draft, "cw-billing", unscoped);
  EXPECT_TRUE(contains(r, "acme.synergy") && contains(r, "acme.leverage")) << r;
  r = suggest(port, draft, "cw-plain", unscoped);
  EXPECT_TRUE(contains(r, "acme.synergy") && !contains(r, "acme.leverage")) << r;
  r = suggest(port, draft, "", unscoped);
  EXPECT_FALSE(contains(r, "acme.synergy")) << r;
  // Another tenant's key cannot name acme's conversation (as if it did not exist).
  int status = 0;
  r = suggest(port, draft, "cw-billing", globex, &status);
  EXPECT_EQ(status, 400) << r;
  EXPECT_TRUE(contains(r, "no integration 'cw-billing'")) << r;
}

TEST_F(IntegrationsLiveTest, ADeletedIntegrationsQueuedNoteWaitsThenIsGivenUp) {
  FakeVendor vendor(Vendor::chatwoot);
  vendor.always(Step::fail(503));
  start([](server::Config& c) {
    c.outbox.backoff_base = milliseconds(100);
    c.outbox.backoff_max = milliseconds(200);
    c.outbox.give_up_after = milliseconds(3000);
  });
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw", kSecret, vendor.base_url(), "cw-token"))
                .status,
            201);
  deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 1, kComplaint));
  ASSERT_EQ(note_of(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(true, 2, kReply))),
            "queued");
  ASSERT_TRUE(vendor.wait_for([&] { return !vendor.creates().empty(); }, milliseconds(10000)));
  ASSERT_EQ(call(tok, "DELETE", "/v1/admin/integrations/cw").status, 200);
  const std::size_t attempts = vendor.requests().size();
  ASSERT_TRUE(vendor.wait_for(
      [&] {
        return contains(metrics(port), "tactful_outbox_failed_total{reason=\"gave_up\"} 1\n");
      },
      milliseconds(15000)))
      << metrics(port);
  // Nothing more reached the helpdesk once the integration was gone (one request may have been
  // on its way as the delete landed).
  EXPECT_LE(vendor.requests().size(), attempts + 1);
  EXPECT_TRUE(vendor.notes("12").empty());
}

}  // namespace
}  // namespace tactful::testing
