// Test support for the webhook route: a server with integrations and a fixed wall clock, the
// fixtures, signing as each vendor signs, and a recording note sink.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "../unit/webhook_fixtures.h"
#include "fixture.h"
#include "json.h"
#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "tactful/server/note_sink.h"
#include "tactful/timestamp.h"

namespace tactful::testing {

// 2026-01-15T10:05:00Z: the Chatwoot vector's timestamp, and "now" for every webhook test.
constexpr long long kNow = 1768471500;

using webhooks::testing::fixture;
using webhooks::testing::vector_field;

// The headers a vendor sends with `body`, signed with `secret` at unix time `ts` (as the vendor
// documents it: docs/webhooks.md), plus its delivery id header when `delivery` is not empty.
inline Headers vendor_signed(webhooks::SignatureScheme scheme, const std::string& secret,
                             const std::string& body, long long ts = kNow,
                             const std::string& delivery = "") {
  using webhooks::Digest;
  using webhooks::SignatureScheme;
  const std::string t = std::to_string(ts);
  Headers h;
  switch (scheme) {
    case SignatureScheme::chatwoot:
      h = {{"X-Chatwoot-Timestamp", t},
           {"X-Chatwoot-Signature",
            "sha256=" + webhooks::to_hex(webhooks::hmac(Digest::sha256, secret, {t, ".", body}))}};
      if (!delivery.empty()) h.emplace_back("X-Chatwoot-Delivery", delivery);
      break;
    case SignatureScheme::zendesk: {
      const std::string at = format_rfc3339(std::chrono::sys_seconds{std::chrono::seconds{ts}});
      h = {{"X-Zendesk-Webhook-Signature-Timestamp", at},
           {"X-Zendesk-Webhook-Signature",
            webhooks::to_base64(webhooks::hmac(Digest::sha256, secret, {at, body}))}};
      if (!delivery.empty()) h.emplace_back("X-Zendesk-Webhook-Invocation-Id", delivery);
      break;
    }
    case SignatureScheme::intercom:
      h = {{"X-Hub-Signature",
            "sha1=" + webhooks::to_hex(webhooks::hmac(Digest::sha1, secret, {body}))}};
      break;
    case SignatureScheme::front_app: {
      const std::string ms = std::to_string(ts * 1000 + 123);
      h = {{"X-Front-Request-Timestamp", ms},
           {"X-Front-Signature",
            webhooks::to_base64(webhooks::hmac(Digest::sha256, secret, {ms, ":", body}))}};
      break;
    }
    case SignatureScheme::front_rule:
      h = {
          {"X-Front-Signature", webhooks::to_base64(webhooks::hmac(Digest::sha1, secret, {body}))}};
      break;
    case SignatureScheme::zammad:
      h = {{"X-Hub-Signature",
            "sha1=" + webhooks::to_hex(webhooks::hmac(Digest::sha1, secret, {body}))}};
      if (!delivery.empty()) h.emplace_back("X-Zammad-Delivery", delivery);
      break;
    case SignatureScheme::helpscout:
      h = {{"X-HelpScout-Signature",
            webhooks::to_base64(webhooks::hmac(Digest::sha1, secret, {body}))}};
      break;
    case SignatureScheme::generic:
      h = {{"X-Tactful-Timestamp", t},
           {"X-Tactful-Signature",
            "sha256=" + webhooks::to_hex(webhooks::hmac(Digest::sha256, secret, {t, ".", body}))}};
      if (!delivery.empty()) h.emplace_back("X-Tactful-Delivery", delivery);
      break;
  }
  h.emplace_back("Content-Type", "application/json");
  return h;
}

// Remembers every note it is given; can be told to refuse.
class RecordingSink : public server::NoteSink {
 public:
  Result<void> enqueue(const server::PendingNote& note) override {
    const std::lock_guard lock(mu_);
    if (refuse_) return Error{"outbox unavailable (test)"};
    notes_.push_back(note);
    return {};
  }
  std::vector<server::PendingNote> notes() const {
    const std::lock_guard lock(mu_);
    return notes_;
  }
  void refuse(bool r) {
    const std::lock_guard lock(mu_);
    refuse_ = r;
  }

 private:
  mutable std::mutex mu_;
  std::vector<server::PendingNote> notes_;
  bool refuse_ = false;
};

// A server test with a fixed wall clock (kNow unless moved) and a recording note sink.
class WebhookTest : public ServerTest {
 protected:
  void start_with(std::vector<server::Integration> integrations,
                  const std::function<void(server::Config&)>& tweak = {}) {
    options.clock = [this] { return std::chrono::sys_seconds{std::chrono::seconds{now.load()}}; };
    options.note_sink = sink;
    start([&](server::Config& c) {
      c.integrations = std::move(integrations);
      if (tweak) tweak(c);
    });
  }
  Reply post(const std::string& target, const std::string& body, const Headers& headers) {
    return request(port, "POST", target, body, headers);
  }

  std::atomic<long long> now{kNow};
  std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
};

// An integration verified by the vendor's signature.
inline server::Integration signed_integration(const std::string& id, webhooks::Vendor vendor,
                                              const std::string& secret) {
  server::Integration in;
  in.id = id;
  in.vendor = vendor;
  in.webhook_secret = secret;
  in.verification = server::Verification::signature;
  in.signature_scheme = *webhooks::default_scheme(vendor);
  return in;
}

// A Chatwoot message_created in conversation 12 (the fixture's), with its id, text and sender
// replaced.
std::string chatwoot_message(const std::string& fixture_name, int id, const std::string& content,
                             int sender);

// A JSON document's text with the string or integer at `pointer` (RFC 6901) replaced.
inline std::string with_field(const std::string& json, const char* pointer,
                              const rapidjson::Value& value) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  rapidjson::Pointer(pointer).Set(d, rapidjson::Value(value, d.GetAllocator()));
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  d.Accept(w);
  return {b.GetString(), b.GetSize()};
}

inline std::string chatwoot_message(const std::string& fixture_name, int id,
                                    const std::string& content, int sender) {
  std::string body = fixture("chatwoot", fixture_name);
  body = with_field(body, "/id", rapidjson::Value(id));
  rapidjson::Value text(content.c_str(), static_cast<rapidjson::SizeType>(content.size()));
  body = with_field(body, "/content", text);
  return with_field(body, "/sender/id", rapidjson::Value(sender));
}

}  // namespace tactful::testing
