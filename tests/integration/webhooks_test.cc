// POST /v1/webhooks/{vendor}/{integration} on a real server: every vendor's signed deliveries
// are stored; the published vectors verify; bad, stale, missing and replayed signatures get
// 401 or "replayed" and nothing is processed; 404s, 400s, 413, ignored events and metrics.
#include "tactful/adapters/webhooks/parse.h"
#include "webhook_support.h"

namespace tactful::testing {
namespace {

using server::Integration;
using server::Verification;
using webhooks::SignatureScheme;
using webhooks::Vendor;

struct VendorCase {
  const char* name;  // also the integration id
  Vendor vendor;
  SignatureScheme scheme;
  const char* dir;
  const char* secret_path;  // in the vendor's signature-vector.json
  const char* fixture;
  Headers extra;
};

const std::string kGenericBody =
    R"({"event": "message_created", "delivery_id": "d-81", "conversation_id": "T-1001",
        "message_id": 42, "author_role": "customer", "text": "<p>I was charged <b>twice</b>!</p>",
        "format": "html", "created_at": "2026-01-15T10:04:00Z"})";

std::vector<VendorCase> vendor_cases() {
  return {
      {"chatwoot",
       Vendor::chatwoot,
       SignatureScheme::chatwoot,
       "chatwoot",
       "derived_vector/secret",
       "message_created.incoming.reconstructed.json",
       {}},
      {"zendesk",
       Vendor::zendesk,
       SignatureScheme::zendesk,
       "zendesk",
       "derived_vector_current_doc_order/secret",
       "ticket.comment_added.json",
       {}},
      {"intercom",
       Vendor::intercom,
       SignatureScheme::intercom,
       "intercom",
       "derived_vector/secret",
       "conversation.user.replied.json",
       {}},
      {"front-app",
       Vendor::front,
       SignatureScheme::front_app,
       "front",
       "application_webhooks/derived_vector/secret",
       "inbound.json",
       {}},
      {"front-rule",
       Vendor::front,
       SignatureScheme::front_rule,
       "front",
       "rule_webhooks_legacy/derived_vector/secret",
       "out_reply.json",
       {}},
      {"zammad",
       Vendor::zammad,
       SignatureScheme::zammad,
       "zammad",
       "derived_vector/secret",
       "trigger_webhook.default_payload.json",
       {{"X-Zammad-Trigger", "coach"}}},
      {"helpscout",
       Vendor::helpscout,
       SignatureScheme::helpscout,
       "helpscout",
       "derived_vector/secret",
       "convo.agent.reply.created.constructed.json",
       {{"X-HelpScout-Event", "convo.agent.reply.created"}}},
      {"generic", Vendor::generic, SignatureScheme::generic, nullptr, nullptr, nullptr, {}},
  };
}

std::string secret_of(const VendorCase& c) {
  return c.dir ? vector_field(c.dir, c.secret_path) : "generic-secret-0123";
}
std::string body_of(const VendorCase& c) {
  return c.fixture ? fixture(c.dir, c.fixture) : kGenericBody;
}
std::string path_of(const VendorCase& c) {
  return "/v1/webhooks/" + std::string(webhooks::vendor_name(c.vendor)) + "/" + c.name;
}

std::vector<Integration> all_vendors() {
  std::vector<Integration> out;
  for (const auto& c : vendor_cases()) {
    Integration in = signed_integration(c.name, c.vendor, secret_of(c));
    in.signature_scheme = c.scheme;
    out.push_back(in);
  }
  return out;
}

Headers plus(Headers a, const Headers& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string status_of(const Reply& r) {
  auto d = parse_json(r.body);
  return d.IsObject() && d.HasMember("status") && d["status"].IsString() ? d["status"].GetString()
                                                                         : "";
}

class WebhooksTest : public WebhookTest {};

TEST_F(WebhooksTest, EveryVendorsSignedMessageIsStored) {
  start_with(all_vendors());
  for (const auto& c : vendor_cases()) {
    SCOPED_TRACE(c.name);
    const std::string body = body_of(c);
    // What the vendor's payload says (the parser has its own tests): where it must be stored.
    webhooks::Headers parse_headers;
    for (const auto& [k, v] : c.extra) parse_headers.add(k, v);
    const auto event = webhooks::parse(c.vendor, body, {c.name, &parse_headers, {}});
    ASSERT_TRUE(event.ok() && event->is_message()) << c.name;
    EXPECT_TRUE(server->conversation(c.name, event->conversation_id).empty());
    const Reply r =
        post(path_of(c), body, plus(vendor_signed(c.scheme, secret_of(c), body), c.extra));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(status_of(r), "stored") << r.body;
    const auto stored = server->conversation(c.name, event->conversation_id);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, event->message_id);
    EXPECT_EQ(stored[0].text, event->text);
    EXPECT_FALSE(stored[0].text.empty());
    EXPECT_TRUE(contains(r.body, "\"conversation\":\"" + event->conversation_id + "\""));
  }
}

struct PublishedVector {
  const char* name;  // integration (vendor_cases)
  const char* root;  // the vector in signature-vector.json
  const char* signature_header;
  const char* signature_key;
  const char* timestamp_header;  // "" when unsigned by time
  long long now;                 // the server's clock for this vector
  Headers extra;
  int status;            // what the (minimal) vector body then gets
  const char* body_has;  // in the response
};

// The vectors' bodies are minimal, so they verify (never 401) and then parse as what they are:
// an event to ignore, or a payload missing the fields a message needs (400 naming the field).
TEST_F(WebhooksTest, PublishedSignatureVectorsVerify) {
  start_with(all_vendors());
  const std::vector<PublishedVector> vectors = {
      {"chatwoot",
       "derived_vector",
       "X-Chatwoot-Signature",
       "expected_header",
       "X-Chatwoot-Timestamp",
       kNow,
       {},
       400,
       "conversation"},
      {"zendesk",
       "derived_vector_current_doc_order",
       "X-Zendesk-Webhook-Signature",
       "expected_signature",
       "X-Zendesk-Webhook-Signature-Timestamp",
       1627207200,
       {},
       400,
       "type"},
      {"intercom",
       "derived_vector",
       "X-Hub-Signature",
       "expected_header",
       "",
       kNow,
       {},
       200,
       "ignored"},
      {"front-app",
       "application_webhooks/derived_vector",
       "X-Front-Signature",
       "expected_signature",
       "X-Front-Request-Timestamp",
       kNow,
       {},
       200,
       "ignored"},
      {"front-rule",
       "rule_webhooks_legacy/derived_vector",
       "X-Front-Signature",
       "expected_signature",
       "",
       kNow,
       {},
       200,
       "ignored"},
      {"zammad",
       "derived_vector",
       "X-Hub-Signature",
       "expected_header",
       "",
       kNow,
       {},
       400,
       "article"},
      {"helpscout",
       "derived_vector",
       "X-HelpScout-Signature",
       "expected_signature",
       "",
       kNow,
       {{"X-HelpScout-Event", "helpscout.test"}},
       200,
       "ignored"},
  };
  const auto cases = vendor_cases();
  for (const auto& v : vectors) {
    SCOPED_TRACE(v.name);
    const VendorCase* c = nullptr;
    for (const auto& vc : cases)
      if (std::string(vc.name) == v.name) c = &vc;
    ASSERT_NE(c, nullptr);
    const std::string root = v.root;
    const std::string body = vector_field(c->dir, root + "/body");
    Headers h = {{v.signature_header, vector_field(c->dir, root + "/" + v.signature_key)}};
    if (*v.timestamp_header)
      h.emplace_back(v.timestamp_header, vector_field(c->dir, root + "/timestamp"));
    h = plus(h, v.extra);
    now = v.now;
    const Reply r = post(path_of(*c), body, h);
    EXPECT_EQ(r.status, v.status) << r.body;
    EXPECT_TRUE(contains(r.body, v.body_has)) << r.body;
    // One changed byte of the signature: refused.
    Headers bad = h;
    std::string& sig = bad[0].second;
    sig[sig.size() - 3] = sig[sig.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(post(path_of(*c), body, bad).status, 401);
  }
}

TEST_F(WebhooksTest, BadStaleMissingSignaturesGet401AndNothingIsStored) {
  const std::string secret = vector_field("chatwoot", "derived_vector/secret");
  start_with({signed_integration("cw", Vendor::chatwoot, secret)});
  const std::string body = fixture("chatwoot", "message_created.incoming.reconstructed.json");
  const std::string path = "/v1/webhooks/chatwoot/cw";
  const auto signed_at = [&](long long ts, const std::string& key = "") {
    return vendor_signed(SignatureScheme::chatwoot, key.empty() ? secret : key, body, ts);
  };
  struct Refused {
    const char* what;
    Headers headers;
    std::string body;
    const char* message;
  };
  const Headers good = signed_at(kNow);
  Headers no_signature = good, no_timestamp = good;
  no_signature.erase(no_signature.begin() + 1);
  no_timestamp.erase(no_timestamp.begin());
  std::string tampered = body;
  tampered.replace(tampered.find("hasn't"), 6, "has   ");
  const std::vector<Refused> cases = {
      {"tampered body", good, tampered, "does not match"},
      {"wrong secret", signed_at(kNow, "not-the-secret"), body, "does not match"},
      {"missing signature", no_signature, body, "X-Chatwoot-Signature header missing"},
      {"missing timestamp", no_timestamp, body, "X-Chatwoot-Timestamp header missing"},
      {"stale", signed_at(kNow - 301), body, "too old"},
      {"future", signed_at(kNow + 301), body, "in the future"},
      {"no headers", {}, body, "header missing"},
  };
  for (const auto& c : cases) {
    const Reply r = post(path, c.body, c.headers);
    EXPECT_EQ(r.status, 401) << c.what << ": " << r.body;
    EXPECT_TRUE(contains(r.body, c.message)) << c.what << ": " << r.body;
  }
  EXPECT_TRUE(server->conversation("cw", "12").empty());
  // The 5-minute window, at its edges: accepted.
  EXPECT_EQ(post(path, body, signed_at(kNow - 300)).status, 200);
  const std::string metrics = request(port, "GET", "/metrics").body;
  EXPECT_TRUE(
      contains(metrics, "tactful_webhooks_total{vendor=\"chatwoot\",outcome=\"unauthorized\"} 7"))
      << metrics;
  EXPECT_TRUE(
      contains(metrics, "tactful_webhooks_total{vendor=\"chatwoot\",outcome=\"stored\"} 1"));
}

TEST_F(WebhooksTest, ReplaysAreAcknowledgedButNotProcessedAgain) {
  const std::string secret = "cw-secret-0123456789";
  start_with({signed_integration("cw", Vendor::chatwoot, secret),
              signed_integration("ic", Vendor::intercom, "ic-secret-0123456789")});
  const std::string body = fixture("chatwoot", "message_created.incoming.reconstructed.json");
  const Headers h = vendor_signed(SignatureScheme::chatwoot, secret, body, kNow, "dlv-1");
  Reply r = post("/v1/webhooks/chatwoot/cw", body, h);
  EXPECT_EQ(status_of(r), "stored") << r.body;
  r = post("/v1/webhooks/chatwoot/cw", body, h);  // the vendor's retry, same delivery id
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(status_of(r), "replayed") << r.body;
  // The same message under a new delivery id (a re-sent webhook): acknowledged, stored once.
  r = post("/v1/webhooks/chatwoot/cw", body,
           vendor_signed(SignatureScheme::chatwoot, secret, body, kNow + 1, "dlv-2"));
  EXPECT_EQ(status_of(r), "duplicate") << r.body;
  EXPECT_EQ(server->conversation("cw", "12").size(), 1u);
  // Intercom sends no delivery id: the exact same signed bytes are the replay.
  const std::string ic = fixture("intercom", "conversation.user.replied.json");
  const Headers ih = vendor_signed(SignatureScheme::intercom, "ic-secret-0123456789", ic);
  EXPECT_EQ(status_of(post("/v1/webhooks/intercom/ic", ic, ih)), "stored");
  EXPECT_EQ(status_of(post("/v1/webhooks/intercom/ic", ic, ih)), "replayed");
  const std::string metrics = request(port, "GET", "/metrics").body;
  EXPECT_TRUE(
      contains(metrics, "tactful_webhooks_total{vendor=\"chatwoot\",outcome=\"replayed\"} 1"));
  EXPECT_TRUE(
      contains(metrics, "tactful_webhooks_total{vendor=\"intercom\",outcome=\"replayed\"} 1"));
}

TEST_F(WebhooksTest, UnknownVendorIntegrationOrMismatchIs404) {
  start_with({signed_integration("cw", Vendor::chatwoot, "cw-secret-0123456789")});
  const std::string body = fixture("chatwoot", "message_created.incoming.reconstructed.json");
  const Headers h = vendor_signed(SignatureScheme::chatwoot, "cw-secret-0123456789", body);
  for (const char* path :
       {"/v1/webhooks/kayako/cw", "/v1/webhooks/chatwoot/other", "/v1/webhooks/zendesk/cw",
        "/v1/webhooks/chatwoot", "/v1/webhooks/chatwoot/", "/v1/webhooks/chatwoot/cw/extra",
        "/v1/webhooks//cw"}) {
    const Reply r = post(path, body, h);
    EXPECT_EQ(r.status, 404) << path << " " << r.body;
  }
  EXPECT_TRUE(
      contains(post("/v1/webhooks/zendesk/cw", body, h).body, "no zendesk integration 'cw'"));
  EXPECT_TRUE(contains(post("/v1/webhooks/kayako/cw", body, h).body, "unknown vendor 'kayako'"));
  EXPECT_EQ(request(port, "GET", "/v1/webhooks/chatwoot/cw").status, 405);
  EXPECT_TRUE(server->conversation("cw", "12").empty());
}

TEST_F(WebhooksTest, MalformedPayloadsGet400NamingTheProblemAndOversized413) {
  const std::string secret = "gen-secret-0123456789";
  start_with({signed_integration("g", Vendor::generic, secret)},
             [](server::Config& c) { c.limits.max_body_bytes = 4096; });
  const auto send = [&](const std::string& body) {
    return post("/v1/webhooks/generic/g", body,
                vendor_signed(SignatureScheme::generic, secret, body));
  };
  Reply r = send(R"({"event": "message_created", "conversation_id": "1")");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "JSON")) << r.body;
  r = send(R"({"event": "message_created", "conversation_id": "1", "message_id": "2",
               "author_role": "wizard", "text": "hi"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "author_role")) << r.body;
  r = send(R"({"event": "message_created", "conversation_id": "1", "message_id": "2",
               "author_role": "customer"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "text")) << r.body;
  r = send(R"({"event": "message_created", "conversation_id": ")" + std::string(257, 'c') +
           R"(", "message_id": "2", "author_role": "customer", "text": "hi"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "conversation_id: id longer than 256 bytes")) << r.body;
  r = send(std::string(5000, ' '));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(server->conversation("g", "1").empty());
  // After a 400 the same delivery is not marked as handled: a corrected retry is processed.
  const std::string ok = R"({"event": "message_created", "conversation_id": "1",
      "message_id": "2", "author_role": "customer", "text": "hi"})";
  EXPECT_EQ(status_of(send(ok)), "stored");
}

TEST_F(WebhooksTest, IgnoredEventsSayWhy) {
  const std::string front = vector_field("front", "application_webhooks/derived_vector/secret");
  start_with({signed_integration("cw", Vendor::chatwoot, "cw-secret-0123456789"),
              signed_integration("fr", Vendor::front, front)});
  const std::string typing = fixture("chatwoot", "conversation_typing_on.reconstructed.json");
  Reply r = post("/v1/webhooks/chatwoot/cw", typing,
                 vendor_signed(SignatureScheme::chatwoot, "cw-secret-0123456789", typing));
  EXPECT_EQ(r.status, 200);
  auto d = parse_json(r.body);
  EXPECT_EQ(std::string(d["status"].GetString()), "ignored");
  EXPECT_GT(d["reason"].GetStringLength(), 0u) << r.body;
  // Front's validation request: the challenge comes back once the signature checks out.
  const std::string sync = fixture("front", "application-webhook.sync.docs-example.json");
  Headers h = vendor_signed(SignatureScheme::front_app, front, sync);
  h.emplace_back("X-Front-Challenge", "chal-123");
  r = post("/v1/webhooks/front/fr", sync, h);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(std::string(parse_json(r.body)["challenge"].GetString()), "chal-123");
}

}  // namespace
}  // namespace tactful::testing
