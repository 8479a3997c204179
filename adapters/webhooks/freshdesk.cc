// Freshdesk automation "Trigger webhook" bodies. Freshdesk has no fixed format: the admin
// writes the body with placeholders. tactful reads the template in docs/webhooks.md, whose
// `freshdesk_webhook` wrapper and field names follow the widely used Zulip template.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_freshdesk(const Node& root, const ParseOptions&) {
  Reader r;
  const Node w = r.object(root, "freshdesk_webhook");
  const std::string triggered = r.opt_string(w, "triggered_event").value_or("");
  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = triggered;
  e.conversation_id = r.id(w, "ticket_id");
  if (r.failed()) return r.error();
  // {{triggered_event}} renders as "{note_type:private}", "{ticket_action:created}",
  // "{status:{from:Open,to:Pending}}", ...
  const bool note = triggered.rfind("{note_type:", 0) == 0;
  const bool created = triggered == "{ticket_action:created}";
  const bool reply =
      triggered.rfind("{reply_sent:", 0) == 0 || triggered.rfind("{customer_reply:", 0) == 0;
  if (!note && !created && !reply && !r.find(w, "text").value)
    return ignored(Vendor::freshdesk, triggered, "no message in this event");
  e.private_note = triggered == "{note_type:private}";
  if (auto p = r.opt_bool(w, "private")) e.private_note = *p;
  // The text: an explicit `text` field, else the latest comment placeholders, else (on
  // creation) the ticket description. All are HTML.
  std::optional<std::string> html = r.opt_string(w, "text");
  if (!html)
    html = r.opt_string(
        w, e.private_note ? "ticket_latest_private_comment" : "ticket_latest_public_comment");
  if (!html && created) html = r.opt_string(w, "ticket_description");
  e.message_id = r.opt_id(w, "message_id").value_or("");
  e.author_id = r.opt_id(w, "author_id").value_or("");
  const std::string author = r.opt_string(w, "author_type").value_or("");
  e.created_at = r.time(w, "created_at");
  if (r.failed()) return r.error();
  if (!html) return ignored(Vendor::freshdesk, triggered, "the template sends no message text");
  if (author == "customer" || author == "requester")
    e.author_role = AuthorRole::customer;
  else if (author == "agent")
    e.author_role = AuthorRole::agent;
  else if (!author.empty())
    return Error{"freshdesk_webhook.author_type: expected customer or agent, got '" + author + "'"};
  else  // notes are written by agents; a new ticket by its requester
    e.author_role = note ? AuthorRole::agent : created ? AuthorRole::customer : AuthorRole::unknown;
  e.text = html_to_text(*html);
  return e;
}

}  // namespace tactful::webhooks::detail
