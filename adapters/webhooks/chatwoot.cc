// Chatwoot account / API-inbox / agent-bot webhooks (v4.x): `message_created` carries one message.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {
namespace {

// message_type is a string at the top level ("incoming") but the integer enum inside
// conversation.messages[] (0 incoming, 1 outgoing, 2 activity, 3 template); accept both.
std::optional<std::string> message_type(Reader& r, const Node& root) {
  const Node n = r.find(root, "message_type");
  if (r.failed()) return std::nullopt;
  if (!n) {
    r.fail("message_type: missing");
    return std::nullopt;
  }
  if (n.value->IsString()) return std::string(view(*n.value));
  if (n.value->IsInt()) {
    switch (n.value->GetInt()) {
      case 0:
        return "incoming";
      case 1:
        return "outgoing";
      case 2:
        return "activity";
      case 3:
        return "template";
      default:
        break;
    }
  }
  r.fail("message_type: expected incoming, outgoing, activity, template or 0-3");
  return std::nullopt;
}

}  // namespace

Result<NormalizedEvent> parse_chatwoot(const Node& root, const ParseOptions&) {
  Reader r;
  const std::string event = r.string(root, "event");
  if (r.failed()) return r.error();
  if (event == "conversation_typing_on" || event == "conversation_typing_off")
    return ignored(Vendor::chatwoot, event, "typing indicator (carries no text)");
  if (event != "message_created") return ignored(Vendor::chatwoot, event, "not a new message");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = event;
  e.message_id = r.id(root, "id");
  const Node conversation = r.object(root, "conversation");
  // The REST API addresses conversations by the per-account display id. Current payloads put it
  // in conversation.id; older ones (before v2) sent both `id` (database) and `display_id`.
  if (auto display = r.opt_id(conversation, "display_id"))
    e.conversation_id = *display;
  else
    e.conversation_id = r.id(conversation, "id");
  const auto type = message_type(r, root);
  e.private_note = r.opt_bool(root, "private").value_or(false);
  const auto content = r.opt_string(root, "content");
  e.created_at = r.time(root, "created_at");
  const Node sender = r.object(root, "sender", false);
  const auto sender_type = r.opt_string(sender, "type");
  if (sender) e.author_id = r.opt_id(sender, "id").value_or("");
  if (r.failed()) return r.error();

  if (*type == "activity") return ignored(Vendor::chatwoot, event, "activity message");
  if (*type == "incoming") {
    e.author_role = AuthorRole::customer;  // a Contact sender has no `type` key
  } else if (*type == "outgoing" || *type == "template") {
    if (sender_type == "user")
      e.author_role = AuthorRole::agent;
    else if (sender_type == "agent_bot" || sender_type == "captain_assistant")
      e.author_role = AuthorRole::bot;
    else if (!sender)
      e.author_role = AuthorRole::system;  // automation rules send without a sender
    else
      e.author_role = *type == "template" ? AuthorRole::bot : AuthorRole::agent;
  } else {
    return Error{"message_type: unknown value '" + *type + "'"};
  }
  e.text = markdown_to_text(content.value_or(""));
  return e;
}

}  // namespace tactful::webhooks::detail
