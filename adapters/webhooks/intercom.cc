// Intercom webhook notifications (topics conversation.user.*, conversation.admin.*).
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {
namespace {

constexpr std::string_view kMessageTopics[] = {
    "conversation.user.created",         "conversation.user.replied",
    "conversation.admin.replied",        "conversation.admin.noted",
    "conversation.admin.single.created", "conversation.operator.replied",
};

AuthorRole role_of(std::string_view type) {
  if (type == "admin" || type == "team") return AuthorRole::agent;
  if (type == "user" || type == "lead" || type == "contact") return AuthorRole::customer;
  if (type == "bot") return AuthorRole::bot;
  return AuthorRole::unknown;
}

}  // namespace

Result<NormalizedEvent> parse_intercom(const Node& root, const ParseOptions&) {
  Reader r;
  const std::string topic = r.string(root, "topic");
  if (r.failed()) return r.error();
  bool wanted = false;
  for (std::string_view t : kMessageTopics) wanted = wanted || t == topic;
  if (!wanted) return ignored(Vendor::intercom, topic, "not a new conversation message");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = topic;
  e.delivery_id = r.id(root, "id");  // notif_...: the same across retries
  const Node item = r.object(root, "data.item");
  e.conversation_id = r.id(item, "id");
  // The part(s) that caused the event; the newest is last. A new conversation has no parts:
  // its first message is conversation_message (older API versions) or source (newer).
  const Node parts = r.array(item, "conversation_parts.conversation_parts", false);
  Node message;
  std::string part_type = "comment";
  if (parts && !parts.value->Empty()) {
    const rapidjson::SizeType last = parts.value->Size() - 1;
    message = {&(*parts.value)[last], parts.path + "[" + std::to_string(last) + "]"};
    if (!message.value->IsObject()) return Error{message.path + ": expected an object"};
    part_type = r.string(message, "part_type");
  } else {
    message = r.object(item, "conversation_message", false);
    if (!message && !r.failed()) message = r.object(item, "source");
  }
  if (r.failed()) return r.error();
  e.message_id = r.id(message, "id");
  const auto body = r.opt_string(message, "body");
  const std::string author_type = r.string(message, "author.type");
  e.author_id = r.opt_id(message, "author.id").value_or("");
  e.created_at = r.time(message, "created_at");
  if (!e.created_at) e.created_at = r.time(item, "created_at");
  if (r.failed()) return r.error();
  // part_type "note" is internal; comment, assignment, open, close... with a body are visible.
  e.private_note = part_type == "note";
  e.author_role = role_of(author_type);
  if (e.author_role == AuthorRole::unknown)
    return Error{message.path + ".author.type: unknown author type '" + author_type + "'"};
  e.text = html_to_text(body.value_or(""));
  return e;
}

}  // namespace tactful::webhooks::detail
