// Post-send coaching through webhooks on a real server: a customer complaint, then the agent's
// reply, yields exactly one note; notes, own messages and quiet replies are never coached; a
// sink failure is retried by the vendor; a widget naming the conversation sees its history.
#include "webhook_support.h"

namespace tactful::testing {
namespace {

using server::Integration;
using webhooks::SignatureScheme;
using webhooks::Vendor;

const std::string kSecret = "cw-secret-0123456789";
const std::string kComplaint = "I was charged twice for my order! This is unacceptable.";
const std::string kReply = "I have processed your refund, it will arrive in 5 days.";

Integration coached(std::chrono::minutes interval = std::chrono::minutes(10)) {
  Integration in = signed_integration("cw", Vendor::chatwoot, kSecret);
  in.api_base_url = "https://chat.example.com";
  in.api_credentials = {{"account_id", "1"}, {"api_access_token", "token-0123456789"}};
  in.notes.enabled = true;
  in.notes.min_interval = interval;
  in.self_author_ids = {"99"};
  return in;
}

std::string chatwoot(const std::string& fixture_name, int id, const std::string& content,
                     int sender = 7) {
  return chatwoot_message(fixture_name, id, content, sender);
}
std::string customer(int id, const std::string& text) {
  return chatwoot("message_created.incoming.reconstructed.json", id, text, 42);
}
std::string agent(int id, const std::string& text, int sender = 7) {
  return chatwoot("message_created.outgoing_agent.reconstructed.json", id, text, sender);
}
std::string note(int id, const std::string& text) {
  return chatwoot("message_created.private_note.reconstructed.json", id, text);
}

class PostSendTest : public WebhookTest {
 protected:
  rapidjson::Document deliver(const std::string& body, const std::string& delivery = "") {
    const Reply r = post("/v1/webhooks/chatwoot/cw", body,
                         vendor_signed(SignatureScheme::chatwoot, kSecret, body, kNow, delivery));
    EXPECT_EQ(r.status, 200) << r.body;
    return parse_json(r.body);
  }
  std::string note_of(const std::string& body) {
    auto d = deliver(body);
    return d.HasMember("note") ? d["note"].GetString() : "";
  }
  std::vector<std::string> categories(const Reply& r) {
    std::vector<std::string> out;
    auto d = parse_json(r.body);
    for (const auto& s : d["suggestions"].GetArray()) out.emplace_back(s["category"].GetString());
    return out;
  }
};

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_F(PostSendTest, AgentReplyAfterAComplaintQueuesExactlyOneNote) {
  start_with({coached()});
  EXPECT_EQ(note_of(customer(601, kComplaint)), "not_a_reply");
  EXPECT_TRUE(sink->notes().empty());
  EXPECT_EQ(note_of(agent(602, kReply)), "queued");
  const auto notes = sink->notes();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].integration, "cw");
  EXPECT_EQ(notes[0].conversation_id, "12");
  EXPECT_EQ(notes[0].source_message_id, "602");
  EXPECT_TRUE(contains(notes[0].text, "apology (warning)")) << notes[0].text;
  EXPECT_TRUE(contains(notes[0].text, "Why: ")) << notes[0].text;
  EXPECT_TRUE(contains(notes[0].text, "Add: \"")) << notes[0].text;
  EXPECT_LE(notes[0].text.size(), 1000u);
  // A second poor reply within min_interval: no second note for this conversation.
  EXPECT_EQ(note_of(agent(603, "Per our policy, refunds take 5-10 days.")), "throttled");
  EXPECT_EQ(sink->notes().size(), 1u);
  const std::string metrics = request(port, "GET", "/metrics").body;
  EXPECT_TRUE(contains(metrics, "tactful_notes_total{outcome=\"queued\"} 1")) << metrics;
  EXPECT_TRUE(contains(metrics, "tactful_notes_total{outcome=\"throttled\"} 1"));
  EXPECT_TRUE(contains(metrics, "tactful_post_send_check_seconds_count{} 2"));
  EXPECT_TRUE(contains(metrics, "tactful_context_messages 3"));
}

TEST_F(PostSendTest, TheSameReplyWithoutTheComplaintEarnsNoNote) {
  start_with({coached(std::chrono::minutes(0))});
  EXPECT_EQ(note_of(agent(602, kReply)), "no_hints");  // no complaint stored: nothing owed
  EXPECT_TRUE(sink->notes().empty());
  // With no throttle every poor reply gets its note.
  EXPECT_EQ(note_of(agent(603, "Per our policy, refunds take 5-10 days.")), "queued");
  EXPECT_EQ(note_of(agent(604, "Calm down, rules are rules.")), "queued");
  ASSERT_EQ(sink->notes().size(), 2u);
  EXPECT_TRUE(contains(sink->notes()[0].text, "policy-language (warning)"))
      << sink->notes()[0].text;
}

TEST_F(PostSendTest, NotesAndOwnMessagesAreStoredButNeverCoached) {
  start_with({coached(std::chrono::minutes(0))});
  deliver(customer(601, kComplaint));
  EXPECT_EQ(note_of(note(602, "Per our policy they can wait. Calm down.")), "private_note");
  EXPECT_EQ(note_of(agent(603, "Per our policy, calm down.", 99)), "own_message");
  EXPECT_TRUE(sink->notes().empty());
  const auto stored = server->conversation("cw", "12");
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_TRUE(stored[1].private_note);
  EXPECT_EQ(stored[2].author_id, "99");
}

TEST_F(PostSendTest, ASinkFailureIsAnsweredWith503AndTheRetryIsHandledAfresh) {
  start_with({coached()});
  deliver(customer(601, kComplaint));
  sink->refuse(true);
  const std::string reply = agent(602, kReply);
  const Headers h = vendor_signed(SignatureScheme::chatwoot, kSecret, reply, kNow, "dlv-602");
  Reply r = post("/v1/webhooks/chatwoot/cw", reply, h);
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.header("retry-after"), "5");
  EXPECT_EQ(server->conversation("cw", "12").size(), 1u);  // the reply left no trace
  sink->refuse(false);
  r = post("/v1/webhooks/chatwoot/cw", reply, h);  // the vendor retries the same delivery
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "\"note\":\"queued\"")) << r.body;
  EXPECT_EQ(sink->notes().size(), 1u);
  r = post("/v1/webhooks/chatwoot/cw", reply, h);  // and again: now it was handled
  EXPECT_TRUE(contains(r.body, "replayed")) << r.body;
  EXPECT_EQ(sink->notes().size(), 1u);
  bool logged = false;
  for (const auto& line : log_lines()) logged |= contains(line, "the note sink refused a note");
  EXPECT_TRUE(logged);
}

TEST_F(PostSendTest, NotesDisabledMeansNoNotes) {
  Integration off = coached();
  off.notes.enabled = false;
  start_with({off});
  deliver(customer(601, kComplaint));
  EXPECT_EQ(note_of(agent(602, kReply)), "notes_disabled");
  EXPECT_TRUE(sink->notes().empty());
}

TEST_F(PostSendTest, AWidgetNamingTheConversationSeesItsStoredHistory) {
  start_with({coached()});
  const std::string draft = R"({"draft": ")" + kReply + R"(")";
  const std::string named = draft + R"(, "conversation": {"integration": "cw", "id": 12}})";
  // Before any webhook: nothing stored, no apology owed.
  EXPECT_FALSE(has(categories(request(port, "POST", "/v1/suggest", named)), "apology"));
  deliver(customer(601, kComplaint));
  const Reply r = request(port, "POST", "/v1/suggest", named);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(categories(r), "apology")) << r.body;
  // The same draft not naming it: no stored complaint, no apology hint.
  EXPECT_FALSE(has(categories(request(port, "POST", "/v1/suggest", draft + "}")), "apology"));
  // An unknown integration is an error, not silence.
  const Reply bad = request(port, "POST", "/v1/suggest",
                            draft + R"(, "conversation": {"integration": "zz", "id": "12"}})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "no integration 'zz'")) << bad.body;
  // The WebSocket: the stored history is merged into each draft.
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"seq": 1, "draft": ")" + kReply +
          R"(", "conversation": {"integration": "cw", "id": "12"}})");
  const std::string report = ws.read();
  EXPECT_TRUE(contains(report, "\"category\":\"apology\"")) << report;
  ws.send(R"({"seq": 2, "draft": "ok", "conversation": {"integration": "zz", "id": "1"}})");
  EXPECT_TRUE(contains(ws.read(), "no integration 'zz'"));
  ws.close();
}

}  // namespace
}  // namespace tactful::testing
