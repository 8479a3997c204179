// Zammad trigger webhooks with the default payload {ticket, article}.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {

Result<NormalizedEvent> parse_zammad(const Node& root, const ParseOptions& options) {
  Reader r;
  // The default payload names no event; the trigger's name is in a header.
  std::string trigger;
  if (options.headers)
    if (auto t = options.headers->get("X-Zammad-Trigger")) trigger = std::string(*t);
  const Node ticket = r.object(root, "ticket");
  const Node article = r.object(root, "article", false);
  if (r.failed()) return r.error();
  if (!article) return ignored(Vendor::zammad, trigger, "ticket change without an article");

  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = trigger;
  e.conversation_id = r.id(ticket, "id");
  e.message_id = r.id(article, "id");
  const std::string body = r.opt_string(article, "body").value_or("");
  const std::string content_type = r.opt_string(article, "content_type").value_or("text/plain");
  e.private_note = r.opt_bool(article, "internal").value_or(false);
  const std::string sender = r.string(article, "sender");
  e.author_id = r.opt_id(article, "created_by_id").value_or("");
  e.created_at = r.time(article, "created_at");
  if (r.failed()) return r.error();
  if (sender == "Customer")
    e.author_role = AuthorRole::customer;
  else if (sender == "Agent")
    e.author_role = AuthorRole::agent;
  else if (sender == "System")
    e.author_role = AuthorRole::system;
  else
    return Error{"article.sender: expected Agent, Customer or System, got '" + sender + "'"};
  e.text = content_type == "text/html" ? html_to_text(body) : body;
  return e;
}

}  // namespace tactful::webhooks::detail
