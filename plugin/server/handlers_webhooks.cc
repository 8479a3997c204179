// POST /v1/webhooks/{vendor}/{integration}, the stored history of /v1/suggest and /v1/stream,
// and the context store's metrics.
#include <sstream>

#include "handlers.h"
#include "history_merge.h"
#include "services.h"
#include "tactful/adapters/lt_form.h"

namespace tactful::server {

HttpResponse handle_webhook(const HttpRequest& req, Services& s) {
  // Exactly two non-empty segments after the prefix.
  std::string_view rest = req.path.substr(std::string_view("/v1/webhooks/").size());
  const std::size_t slash = rest.find('/');
  const std::string_view vendor = rest.substr(0, slash);
  const std::string_view integration =
      slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  if (vendor.empty() || integration.empty() || integration.find('/') != std::string_view::npos) {
    s.metrics.webhook("unknown", "not_found");
    return json_error(404, "expected POST /v1/webhooks/{vendor}/{integration}");
  }
  lt::FormParams query;
  lt::parse_form(req.query, query);
  WebhookRequest w;
  w.vendor = vendor;
  w.integration = integration;
  w.headers = req.headers;
  w.body = req.body;
  if (const std::string* secret = query.get("secret")) w.path_secret = *secret;
  if (const std::string* author = query.get("author_type")) {
    if (*author == "customer")
      w.author_hint = webhooks::AuthorRole::customer;
    else if (*author == "agent")
      w.author_hint = webhooks::AuthorRole::agent;
    else {
      s.metrics.webhook("unknown", "bad_request");
      return json_error(400, "author_type: expected customer or agent");
    }
  }
  const WebhookResult r = s.webhooks->handle(w, s.clock());
  s.metrics.webhook(r.vendor, r.outcome);
  if (!r.note.empty()) s.metrics.note(r.note);
  if (r.post_send_seconds) s.metrics.post_send(*r.post_send_seconds);
  if (!r.log.empty()) s.log.event(r.status >= 500 ? "error" : "warning", "webhook", r.log);
  HttpResponse res{r.status, "application/json", r.body, {}};
  if (r.status == 401) res.headers.emplace_back("WWW-Authenticate", "Signature");
  if (r.status == 503 || r.status == 409) res.headers.emplace_back("Retry-After", "5");
  return res;
}

std::optional<std::string> attach_stored_history(SuggestRequest& request, Services& s,
                                                 std::size_t max_history, AgentScope& scope) {
  if (!request.conversation) return std::nullopt;
  const ConversationRef& ref = *request.conversation;
  const auto live = s.webhooks->find(ref.integration);
  // Another tenant's integration answers exactly like an unknown one. An integration of no
  // tenant (the operator's) serves every key, with the key's own rules.
  const std::string& owner = live ? live->integration.tenant : std::string();
  if (!live || (!scope.tenant.empty() && !owner.empty() && owner != scope.tenant))
    return "conversation.integration: no integration '" + ref.integration.substr(0, 64) +
           "' is configured";
  if (scope.tenant.empty()) scope.rules_tenant = owner;
  if (scope.team.empty()) scope.team = live->integration.team;
  std::size_t dropped = 0;
  request.history = merge_history(s.contexts.history(ref.integration, ref.id),
                                  std::move(request.history), max_history, dropped);
  request.dropped_history += dropped;
  return std::nullopt;
}

std::string context_metrics(const ContextStore::Stats& st) {
  std::ostringstream o;
  o << "# HELP tactful_context_conversations Conversations in the context store.\n"
       "# TYPE tactful_context_conversations gauge\n"
    << "tactful_context_conversations " << st.conversations << "\n"
    << "# HELP tactful_context_messages Messages in the context store.\n"
       "# TYPE tactful_context_messages gauge\n"
    << "tactful_context_messages " << st.messages << "\n"
    << "# HELP tactful_context_bytes Approximate memory of the context store.\n"
       "# TYPE tactful_context_bytes gauge\n"
    << "tactful_context_bytes " << st.bytes << "\n"
    << "# HELP tactful_context_evictions_total Conversations dropped, by reason.\n"
       "# TYPE tactful_context_evictions_total counter\n"
    << "tactful_context_evictions_total{reason=\"lru\"} " << st.evicted_lru << "\n"
    << "tactful_context_evictions_total{reason=\"ttl\"} " << st.evicted_ttl << "\n"
    << "tactful_context_evictions_total{reason=\"memory\"} " << st.evicted_memory << "\n";
  return o.str();
}

}  // namespace tactful::server
