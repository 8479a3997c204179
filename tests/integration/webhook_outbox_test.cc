// The whole post-send path with nothing in between replaced: a signed Chatwoot webhook reaches
// the server, the agent's reply is checked against the stored complaint, the note goes through
// the durable outbox and is posted to a fake Chatwoot API on loopback; the note coming back as
// a webhook is never coached; and a `tactful serve` killed while the note is in flight posts it
// exactly once after a restart.
#include <fstream>

#include "child_process.h"
#include "fake_vendor.h"
#include "fake_vendor_formats.h"
#include "webhook_support.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;
using webhooks::SignatureScheme;
using webhooks::Vendor;

const std::string kSecret = "cw-secret-0123456789";

std::string customer(int id, const std::string& text) {
  return chatwoot_message("message_created.incoming.reconstructed.json", id, text, 42);
}
std::string agent(int id, const std::string& text) {
  return chatwoot_message("message_created.outgoing_agent.reconstructed.json", id, text, 7);
}

const std::string kComplaint = "I was charged twice for my order! This is unacceptable.";
const std::string kReply = "I have processed your refund, it will arrive in 5 days.";

server::Integration to_fake(const FakeVendor& vendor) {
  server::Integration in = signed_integration("cw", Vendor::chatwoot, kSecret);
  const notes::NoteTarget target = fake::target_for(Vendor::chatwoot, vendor.base_url());
  in.api_base_url = target.base_url;
  in.api_credentials = target.credentials;
  in.notes.enabled = true;
  in.notes.min_interval = std::chrono::minutes(0);
  return in;
}

class WebhookOutboxTest : public ServerTest {
 protected:
  std::string deliver(const std::string& body) {
    const Reply r = request(port, "POST", "/v1/webhooks/chatwoot/cw", body,
                            vendor_signed(SignatureScheme::chatwoot, kSecret, body, now()));
    EXPECT_EQ(r.status, 200) << r.body;
    auto d = parse_json(r.body);
    return d.HasMember("note") ? d["note"].GetString() : "";
  }
  static long long now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

TEST_F(WebhookOutboxTest, AReplyThatEarnsHintsIsPostedAsAPrivateNoteOnce) {
  FakeVendor vendor(Vendor::chatwoot);
  start([&](server::Config& c) { c.integrations = {to_fake(vendor)}; });
  EXPECT_EQ(deliver(customer(701, kComplaint)), "not_a_reply");
  EXPECT_EQ(deliver(agent(702, kReply)), "queued");
  ASSERT_TRUE(vendor.wait_for([&] { return vendor.notes("12").size() == 1; }, milliseconds(10000)));
  const std::string posted = vendor.notes("12")[0];
  EXPECT_TRUE(contains(posted, "apology (warning)")) << posted;
  EXPECT_TRUE(contains(posted, "\ntactful ref tf-")) << posted;
  const auto creates = vendor.creates();
  ASSERT_EQ(creates.size(), 1u);
  EXPECT_EQ(creates[0].target, "/api/v1/accounts/3/conversations/12/messages");
  auto sent = parse_json(creates[0].body);
  EXPECT_TRUE(sent["private"].GetBool());
  EXPECT_EQ(creates[0].header("api_access_token"), "cw-token");

  // The note comes back as a webhook. Even shaped as a public agent message (an author id
  // nobody configured, a vendor without private notes), its marker keeps it from being coached.
  EXPECT_EQ(deliver(agent(703, posted)), "own_message");
  // The same reply delivered again (a vendor retry with a new signature): stored once, no note.
  const Reply again =
      request(port, "POST", "/v1/webhooks/chatwoot/cw", agent(702, kReply),
              vendor_signed(SignatureScheme::chatwoot, kSecret, agent(702, kReply), now() + 1));
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(contains(again.body, "\"duplicate\"")) << again.body;
  ASSERT_TRUE(vendor.wait_for(
      [&] {
        return contains(request(port, "GET", "/metrics").body,
                        "tactful_outbox_delivered_total{via=\"post\"} 1\n");
      },
      milliseconds(5000)));
  EXPECT_EQ(vendor.creates().size(), 1u);
}

TEST_F(WebhookOutboxTest, TheServerRefusesAnIntegrationWhoseNotesCouldNotBePosted) {
  server::Config c;
  c.port = 0;
  c.data_dir = (dir.path() / "data").string();
  server::Integration in = signed_integration("cw", Vendor::chatwoot, kSecret);
  in.api_base_url = "https://chat.example.com";
  in.api_credentials = {{"account_id", "three"}, {"api_access_token", "secret-token-value"}};
  in.notes.enabled = true;
  c.integrations = {in};
  auto s = server::Server::start(c);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(contains(s.error().message, "integrations[0]: notes cannot be posted"))
      << s.error().message;
  EXPECT_FALSE(contains(s.error().message, "secret-token-value"));
}

// `tactful serve` is SIGKILLed while the vendor holds the note's POST (stored, never answered):
// the restarted service finds the note by its marker in the vendor's list and posts nothing.
TEST_F(WebhookOutboxTest, AKilledServicePostsTheNoteExactlyOnceAfterRestart) {
  FakeVendor vendor(Vendor::chatwoot);
  vendor.script({Step::store_then_hang()});
  const auto config = dir.path() / "tactful.json";
  const notes::NoteTarget target = fake::target_for(Vendor::chatwoot, vendor.base_url());
  {
    std::ofstream f(config);
    f << R"({"listen": "127.0.0.1:0", "data_dir": ")" << (dir.path() / "data").string()
      << R"(", "log_requests": false, "outbox": {"backoff_base_ms": 100, "timeout_ms": 5000},
      "integrations": [{"id": "cw", "vendor": "chatwoot", "webhook_secret": ")"
      << kSecret << R"(", "api_base_url": ")" << target.base_url
      << R"(", "api_credentials": {"account_id": "3", "api_access_token": "cw-token"},
      "notes": {"enabled": true, "min_interval_minutes": 0}}]})";
  }
  {
    Child serve({"serve", "--config", config.string()}, {});
    port = serve.port();
    ASSERT_NE(port, 0);
    EXPECT_EQ(deliver(customer(801, kComplaint)), "not_a_reply");
    EXPECT_EQ(deliver(agent(802, kReply)), "queued");
    ASSERT_TRUE(vendor.wait_for([&] { return vendor.hanging() == 1; }, milliseconds(10000)));
    serve.signal(SIGKILL);
    EXPECT_EQ(serve.wait_exit(), 128 + SIGKILL);
  }
  vendor.release_hangs();
  ASSERT_EQ(vendor.notes("12").size(), 1u);  // the vendor kept it; tactful never heard back
  Child restarted({"serve", "--config", config.string()}, {});
  port = restarted.port();
  ASSERT_NE(port, 0);
  ASSERT_TRUE(vendor.wait_for(
      [&] {
        return contains(request(port, "GET", "/metrics").body,
                        "tactful_outbox_delivered_total{via=\"reconciled\"} 1\n");
      },
      milliseconds(15000)))
      << request(port, "GET", "/metrics").body;
  EXPECT_GE(vendor.lists().size(), 1u);
  EXPECT_EQ(vendor.creates().size(), 1u);
  EXPECT_EQ(vendor.notes("12").size(), 1u);
}

}  // namespace
}  // namespace tactful::testing
