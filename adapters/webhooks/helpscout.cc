// Help Scout webhooks: the event name is the X-HelpScout-Event header, the body the v2
// Conversation object with its threads under _embedded.threads.
#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks::detail {
namespace {

// The thread types an event is about ("" = any).
std::string_view wanted_thread(std::string_view event) {
  if (event == "convo.customer.reply.created") return "customer";
  if (event == "convo.agent.reply.created") return "reply";
  if (event == "convo.note.created") return "note";
  return "";
}

}  // namespace

Result<NormalizedEvent> parse_helpscout(const Node& root, const ParseOptions& options) {
  std::string event;
  if (options.headers)
    if (auto h = options.headers->get("X-HelpScout-Event")) event = std::string(*h);
  if (event == "helpscout.test") return ignored(Vendor::helpscout, event, "test event");
  if (!event.empty() && event != "convo.created" && wanted_thread(event).empty())
    return ignored(Vendor::helpscout, event, "not a new thread");

  Reader r;
  NormalizedEvent e;
  e.kind = EventKind::message_created;
  e.event_type = event;
  e.conversation_id = r.id(root, "id");
  const Node threads = r.array(root, "_embedded.threads");
  if (r.failed()) return r.error();
  // The newest thread of the wanted type is the one the event is about.
  const std::string_view want = wanted_thread(event);
  Node best;
  std::optional<std::chrono::sys_seconds> best_time;
  for (rapidjson::SizeType i = 0; i < threads.value->Size(); ++i) {
    const Node t{&(*threads.value)[i], threads.path + "[" + std::to_string(i) + "]"};
    if (!t.value->IsObject()) return Error{t.path + ": expected an object"};
    const std::string type = r.string(t, "type");
    const auto at = r.time(t, "createdAt");
    if (r.failed()) return r.error();
    if (type == "lineitem" ||
        (!want.empty() && type != want && !(want == "reply" && type == "message")))
      continue;
    if (!best || (at && (!best_time || *at > *best_time))) {
      best = t;
      best_time = at;
    }
  }
  if (!best) return ignored(Vendor::helpscout, event, "no matching thread in _embedded.threads");
  const std::string type = r.string(best, "type");
  e.message_id = r.id(best, "id");
  const std::string creator = r.string(best, "createdBy.type");
  e.author_id = r.opt_id(best, "createdBy.id").value_or("");
  e.text = html_to_text(r.opt_string(best, "body").value_or(""));
  e.created_at = best_time;
  if (r.failed()) return r.error();
  e.private_note = type == "note";
  if (creator == "customer")
    e.author_role = AuthorRole::customer;
  else if (creator == "user")
    e.author_role = AuthorRole::agent;
  else
    e.author_role = AuthorRole::system;  // workflows, the API
  return e;
}

}  // namespace tactful::webhooks::detail
