// The one event every helpdesk webhook is turned into, whatever the vendor's wire format.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/conversation.h"

namespace tactful::webhooks {

// The helpdesks whose webhooks tactful reads, plus `generic` (docs/webhooks.md) for custom
// systems. The names are the `{vendor}` path segment of POST /v1/webhooks/{vendor}/{integration}.
enum class Vendor {
  chatwoot,
  zendesk,
  intercom,
  front,
  freshdesk,
  zammad,
  helpscout,
  livechat,
  generic
};

std::string_view vendor_name(Vendor vendor);
// "chatwoot", "help-scout" and "helpscout", ... (case-sensitive); nullopt for anything else.
std::optional<Vendor> vendor_from_name(std::string_view name);

// Who wrote the message. `unknown` only where the payload cannot tell (a LiveChat webhook not
// registered with `filters.author_type`, a Freshdesk template without an author field).
enum class AuthorRole { customer, agent, bot, system, unknown };
std::string_view author_role_name(AuthorRole role);

enum class EventKind {
  message_created,  // a new message or note with text: worth storing or coaching
  ignored,          // anything else (typing, status changes, previews); `ignored_reason` says why
};

// A webhook delivery, normalized. Guarantees for kind == message_created: conversation_id is
// non-empty, text is plain valid UTF-8 (markup removed, entities decoded) and non-empty.
// For kind == ignored only `vendor`, `integration`, `event_type` and `ignored_reason` are
// meaningful (ids are filled when the payload has them).
struct NormalizedEvent {
  Vendor vendor = Vendor::generic;
  std::string integration;  // passed in by the caller (the path's {integration})
  EventKind kind = EventKind::ignored;
  std::string ignored_reason;  // why an event is ignored, for logs
  std::string event_type;   // the vendor's own name: "message_created", "conversation.admin.noted"
  std::string delivery_id;  // the vendor's event/notification id when the body carries one
  std::string conversation_id;
  std::string message_id;
  AuthorRole author_role = AuthorRole::unknown;
  std::string author_id;      // to recognise notes tactful posted itself (no loops)
  bool private_note = false;  // internal note / whisper, never seen by the customer
  std::string text;
  std::optional<std::chrono::sys_seconds> created_at;

  bool is_message() const { return kind == EventKind::message_created; }
  // The message as core sees it: bots count as agents; unknown authors as customers.
  Message to_message() const;
};

}  // namespace tactful::webhooks
