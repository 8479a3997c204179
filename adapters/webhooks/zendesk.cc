// Zendesk event-subscription webhooks: `zen:event-type:ticket.comment_added` carries a comment.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_zendesk(const Node& root, const ParseOptions&) {
  Reader r;
  const std::string type = r.string(root, "type");
  if (r.failed()) return r.error();
  if (type != "zen:event-type:ticket.comment_added")
    return ignored(Vendor::zendesk, type, "not a new comment");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = type;
  e.delivery_id = r.opt_id(root, "id").value_or("");
  // detail.id is the ticket id (a string); the subject "zen:ticket:<id>" says the same.
  e.conversation_id = r.id(root, "detail.id");
  const Node comment = r.object(root, "event.comment");
  e.message_id = r.id(comment, "id");
  const std::string body = r.string(comment, "body");
  // is_public == false is an internal note; is_staff tells agents from end users.
  e.private_note = !r.boolean(comment, "is_public");
  const bool staff = r.boolean(comment, "author.is_staff");
  e.author_id = r.opt_id(comment, "author.id").value_or("");
  e.created_at = r.time(root, "time");
  if (r.failed()) return r.error();
  // Zendesk's system user (id -1) writes automatic comments.
  e.author_role = e.author_id == "-1" ? AuthorRole::system
                  : staff             ? AuthorRole::agent
                                      : AuthorRole::customer;
  // The docs do not say whether body is HTML; tags and entities are stripped either way.
  e.text = html_to_text(body);
  return e;
}

}  // namespace tactful::webhooks::detail
