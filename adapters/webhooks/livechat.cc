// LiveChat (Text Platform v3.x) webhooks: `incoming_event` with a `message` event.
#include "json_reader.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_livechat(const Node& root, const ParseOptions& options) {
  Reader r;
  const std::string action = r.string(root, "action");
  if (r.failed()) return r.error();
  if (action != "incoming_event") return ignored(Vendor::livechat, action, "not a new event");
  const Node payload = r.object(root, "payload");
  const Node event = r.object(payload, "event");
  const std::string type = r.string(event, "type");
  if (r.failed()) return r.error();
  if (type != "message")
    return ignored(Vendor::livechat, action, "event type '" + type + "' is not a message");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = action;
  e.conversation_id = r.id(payload, "chat_id");
  e.message_id = r.id(event, "id");
  e.delivery_id = e.message_id;
  e.text = r.string(event, "text");  // plain text
  e.author_id = r.id(event, "author_id");
  const std::string visibility = r.opt_string(event, "visibility").value_or("all");
  e.created_at = r.time(event, "created_at");
  if (r.failed()) return r.error();
  // Only agents can post agents-only ("whisper") events. Otherwise the payload names the author
  // by id only: the webhook's registration filter (author_type) tells who it is.
  e.private_note = visibility == "agents";
  if (e.private_note)
    e.author_role = AuthorRole::agent;
  else
    e.author_role = options.author_hint.value_or(AuthorRole::unknown);
  return e;
}

}  // namespace tactful::webhooks::detail
