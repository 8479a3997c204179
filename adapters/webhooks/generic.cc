// The generic format for custom systems (docs/webhooks.md): one flat object per message.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_generic(const Node& root, const ParseOptions&) {
  Reader r;
  const std::string event = r.string(root, "event");
  if (r.failed()) return r.error();
  if (event != "message_created") return ignored(Vendor::generic, event, "not message_created");
  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = event;
  e.delivery_id = r.opt_id(root, "delivery_id").value_or("");
  e.conversation_id = r.id(root, "conversation_id");
  e.message_id = r.id(root, "message_id");
  const std::string role = r.string(root, "author_role");
  e.author_id = r.opt_id(root, "author_id").value_or("");
  e.private_note = r.opt_bool(root, "private").value_or(false);
  const std::string text = r.string(root, "text");
  const std::string format = r.opt_string(root, "format").value_or("text");
  e.created_at = r.time(root, "created_at");
  if (r.failed()) return r.error();
  if (role == "customer")
    e.author_role = AuthorRole::customer;
  else if (role == "agent")
    e.author_role = AuthorRole::agent;
  else if (role == "bot")
    e.author_role = AuthorRole::bot;
  else if (role == "system")
    e.author_role = AuthorRole::system;
  else
    return Error{"author_role: expected customer, agent, bot or system, got '" + role + "'"};
  if (format == "text")
    e.text = text;
  else if (format == "html")
    e.text = html_to_text(text);
  else if (format == "markdown")
    e.text = markdown_to_text(text);
  else
    return Error{"format: expected text, html or markdown, got '" + format + "'"};
  return e;
}

}  // namespace tactful::webhooks::detail
