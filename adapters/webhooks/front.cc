// Front rule webhooks (the event itself) and application webhooks ({type, authorization,
// payload: event}); message events `inbound`, `outbound`, `out_reply` and `comment`.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_front(const Node& root, const ParseOptions&) {
  Reader r;
  Node event = root;
  const std::string outer = r.string(root, "type");
  if (r.failed()) return r.error();
  if (outer == "sync") return ignored(Vendor::front, outer, "application webhook validation");
  if (const Node payload = r.object(root, "payload", false)) event = payload;
  if (r.failed()) return r.error();
  const std::string type = event.value == root.value ? outer : r.string(event, "type");
  if (r.failed()) return r.error();
  const bool is_comment = type == "comment";
  if (!is_comment && type != "inbound" && type != "outbound" && type != "out_reply")
    return ignored(Vendor::front, type, "not a new message or comment");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = type;
  e.delivery_id = r.opt_id(event, "id").value_or("");
  e.conversation_id = r.id(event, "conversation.id");
  const Node data = r.object(event, "target.data", false);
  if (r.failed()) return r.error();
  // An "event preview" webhook carries ids and _links only; the text needs an API call.
  if (!data) return ignored(Vendor::front, type, "event preview without the message (target.data)");
  e.message_id = r.id(data, "id");
  if (is_comment) {
    // Comments are always internal, and only teammates write them.
    e.private_note = true;
    e.author_role = AuthorRole::agent;
    e.author_id = r.opt_id(data, "author.id").value_or("");
    e.text = markdown_to_text(r.string(data, "body"));
    e.created_at = r.time(data, "posted_at");
  } else {
    // is_inbound: true = from the customer, false = a teammate's reply.
    const bool inbound = r.boolean(data, "is_inbound");
    e.author_role = inbound ? AuthorRole::customer : AuthorRole::agent;
    if (!inbound) e.author_id = r.opt_id(data, "author.id").value_or("");
    // `text` is Front's plain rendering; fall back to the HTML body.
    if (auto text = r.opt_string(data, "text"))
      e.text = *text;
    else
      e.text = html_to_text(r.string(data, "body"));
    e.created_at = r.time(data, "created_at");
  }
  if (!e.created_at) e.created_at = r.time(event, "emitted_at");
  if (r.failed()) return r.error();
  while (!e.text.empty() && (e.text.back() == '\n' || e.text.back() == ' ')) e.text.pop_back();
  return e;
}

}  // namespace tactful::webhooks::detail
