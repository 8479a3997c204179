// Handling one webhook delivery: verification, de-duplication, parsing, storing, coaching.
#include "webhook_intake.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "http_types.h"
#include "post_send.h"
#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/notes/marker.h"
#include "tactful/adapters/webhooks/markup.h"
#include "tactful/adapters/webhooks/parse.h"

namespace tactful::server {
namespace {

using Field = std::pair<std::string_view, std::string_view>;
using webhooks::AuthError;
using webhooks::AuthorRole;

// {"k": "v", ...} with every value a string, sanitized to valid UTF-8.
std::string json_object(std::initializer_list<Field> fields) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  for (const auto& [key, value] : fields) {
    const std::string clean = webhooks::valid_utf8(value);
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  }
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

WebhookResult fail(WebhookResult r, int status, std::string outcome, std::string_view message) {
  r.status = status;
  r.outcome = std::move(outcome);
  r.body = json_error(status, message).body;
  return r;
}

// A path segment as it may appear in a message: printable ASCII, at most 64 bytes.
std::string shown(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 64)) out.push_back(c > 0x20 && c < 0x7f ? c : '?');
  return out;
}

StoredMessage stored_message(const webhooks::NormalizedEvent& e) {
  StoredMessage m;
  m.id = e.message_id;
  m.author_role = e.author_role;
  m.author_id = e.author_id;
  m.private_note = e.private_note;
  m.text = e.text;
  m.at = e.created_at;
  return m;
}

// Why a stored message is not coached, or "" if it is to be.
std::string_view not_coached(const Integration& in, const webhooks::NormalizedEvent& e) {
  if (e.author_role != AuthorRole::agent && e.author_role != AuthorRole::bot) return "not_a_reply";
  if (e.private_note) return "private_note";
  // A note tactful posted comes back as an event; vendors that cannot post private notes (or an
  // author id nobody configured) would otherwise make it look like an agent's reply.
  if (notes::has_any_marker(e.text)) return "own_message";
  const auto& self = in.self_author_ids;
  if (!e.author_id.empty() && std::find(self.begin(), self.end(), e.author_id) != self.end())
    return "own_message";
  if (!in.notes.enabled) return "notes_disabled";
  return {};
}

}  // namespace

WebhookIntake::WebhookIntake(std::shared_ptr<const IntegrationRegistry> registry,
                             ContextStore& store, const EngineHolder& engines,
                             const TenantEngines& tenants, std::shared_ptr<NoteSink> sink)
    : registry_(std::move(registry)),
      store_(store),
      engines_(engines),
      tenants_(tenants),
      sink_(std::move(sink)) {}

std::shared_ptr<const LiveIntegration> WebhookIntake::find(std::string_view id) const {
  return registry_->find(id);
}

WebhookResult WebhookIntake::handle(const WebhookRequest& req, std::chrono::sys_seconds now) {
  WebhookResult r;
  const auto vendor = webhooks::vendor_from_name(req.vendor);
  r.vendor = vendor ? std::string(webhooks::vendor_name(*vendor)) : "unknown";
  if (!vendor) return fail(r, 404, "not_found", "unknown vendor '" + shown(req.vendor) + "'");
  // Held for the whole request: an update or delete meanwhile applies from the next one.
  const auto found = registry_->find(req.integration);
  // The same answer whether the id is unknown or belongs to another vendor: a prober learns
  // nothing about which integrations exist.
  if (!found || found->integration.vendor != *vendor)
    return fail(r, 404, "not_found",
                "no " + r.vendor + " integration '" + shown(req.integration) + "'");
  const LiveIntegration& entry = *found;
  const webhooks::Headers no_headers;
  const webhooks::Headers& headers = req.headers ? *req.headers : no_headers;

  const auto verified = webhooks::verify(entry.auth, headers, req.body, now, req.path_secret);
  if (!verified.ok()) {
    const AuthError& e = verified.error();
    if (e.kind == AuthError::Kind::not_configured) {
      r.log = "integration '" + entry.integration.id + "': " + e.message;
      return fail(r, 500, "misconfigured", "the integration is not configured to verify requests");
    }
    return fail(r, 401, "unauthorized", e.message);
  }

  LedgerClaims claims(ledger_);
  auto duplicate = [&](DeliveryLedger::Claim c) -> std::optional<WebhookResult> {
    if (c == DeliveryLedger::Claim::handled) {
      WebhookResult d = r;
      d.outcome = "replayed";
      d.body = json_object({{"status", "replayed"}});
      return d;
    }
    if (c == DeliveryLedger::Claim::in_flight) {
      WebhookResult d =
          fail(r, 409, "in_flight", "this delivery is being handled; retry if it fails");
      return d;
    }
    return std::nullopt;
  };
  if (auto d = duplicate(claims.claim(webhooks::delivery_key(entry.auth, headers)))) return *d;

  webhooks::ParseOptions options;
  options.integration = entry.integration.id;
  options.headers = &headers;
  options.author_hint = req.author_hint;
  auto parsed = webhooks::parse(*vendor, req.body, options);
  if (!parsed.ok()) return fail(r, 400, "bad_request", parsed.error().message);
  const webhooks::NormalizedEvent& event = parsed.value();
  if (!event.delivery_id.empty())
    if (auto d = duplicate(claims.claim(entry.integration.id + "\nevent\n" + event.delivery_id)))
      return *d;

  if (!event.is_message()) {
    r.outcome = "ignored";
    const auto challenge = headers.get("X-Front-Challenge");
    if (*vendor == webhooks::Vendor::front && challenge)
      r.body = json_object(
          {{"status", "ignored"}, {"reason", event.ignored_reason}, {"challenge", *challenge}});
    else
      r.body = json_object({{"status", "ignored"}, {"reason", event.ignored_reason}});
    claims.complete_all();
    return r;
  }
  r = handle_message(entry, event, now, std::move(r));
  if (r.status == 200) claims.complete_all();
  return r;
}

WebhookResult WebhookIntake::handle_message(const LiveIntegration& entry,
                                            const webhooks::NormalizedEvent& event,
                                            std::chrono::sys_seconds now, WebhookResult r) {
  const Integration& in = entry.integration;
  const std::string_view skip = not_coached(in, event);
  StoredMessage message = stored_message(event);
  auto added = store_.add(in.id, event.conversation_id, message, skip.empty());
  if (!added.stored) {
    r.outcome = "duplicate";
    r.body = json_object({{"status", "duplicate"},
                          {"conversation", event.conversation_id},
                          {"message", event.message_id}});
    return r;
  }
  std::string note(skip);
  if (skip.empty()) {
    // The tenant's published rules for the integration's team, as an agent key of that
    // tenant and team would get them; both snapshots are held for the check.
    const auto engine = engines_.get();
    const auto tenant = in.tenant.empty() ? nullptr : tenants_.get(in.tenant);
    const Engine& rules = tenant ? tenant->for_team(in.team) : *engine;
    const PostSendResult check = post_send_check(in, event.conversation_id, added.before, message,
                                                 now, rules, store_, *sink_);
    r.post_send_seconds = check.seconds;
    note = note_outcome_name(check.outcome);
    r.note = note;
    if (check.outcome == NoteOutcome::failed) {
      // Leave no trace, so the vendor's retry stores and coaches the message afresh.
      store_.remove(in.id, event.conversation_id, event.message_id);
      r.log = "integration '" + in.id + "': the note sink refused a note: " + check.error;
      return fail(r, 503, "failed", "the coaching note could not be queued; retry later");
    }
  }
  r.outcome = "stored";
  r.body = json_object({{"status", "stored"},
                        {"conversation", event.conversation_id},
                        {"message", event.message_id},
                        {"note", note}});
  return r;
}

}  // namespace tactful::server
