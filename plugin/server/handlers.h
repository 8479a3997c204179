// The route handlers. Each takes a parsed request and answers it; none throws.
#pragma once

#include <optional>
#include <string>

#include "agent_scope.h"
#include "http_types.h"
#include "tactful/adapters/native_json.h"
#include "tactful/server/config.h"
#include "tactful/server/context_store.h"

namespace tactful::server {

struct Services;
class HistoryCache;

HttpResponse handle_index(const HttpRequest&, Services&);
HttpResponse handle_static(const HttpRequest&, Services&);
HttpResponse handle_widget(const HttpRequest&, Services&);
HttpResponse handle_healthz(const HttpRequest&, Services&);
HttpResponse handle_readyz(const HttpRequest&, Services&);
HttpResponse handle_metrics(const HttpRequest&, Services&);
HttpResponse handle_openapi(const HttpRequest&, Services&);
HttpResponse handle_bench_ceiling(const HttpRequest&, Services&);
HttpResponse handle_suggest(const HttpRequest&, Services&);
HttpResponse handle_stream_without_upgrade(const HttpRequest&, Services&);
HttpResponse handle_feedback(const HttpRequest&, Services&);
HttpResponse handle_lt_check(const HttpRequest&, Services&);
HttpResponse handle_lt_languages(const HttpRequest&, Services&);
HttpResponse handle_lt_healthcheck(const HttpRequest&, Services&);
HttpResponse handle_lt_info(const HttpRequest&, Services&);
HttpResponse handle_lt_maxtextlength(const HttpRequest&, Services&);

HttpResponse handle_webhook(const HttpRequest&, Services&);
// Analyzes a native request, with its history read through `histories` (the drafts of one
// conversation share that work). The report is the one Engine::analyze gives.
Report analyze_request(const Engine& engine, const SuggestRequest& request,
                       HistoryCache& histories);
// Analyzes a request for an agent: the key's team and the agent's mutes are applied to
// `request`, and the tenant's published rules (else the base rules) check it, on this call's
// snapshots even if a reload or a publish swaps them meanwhile (docs/admin.md, "Resolution").
Report analyze_for_agent(Services& s, const AgentScope& scope, SuggestRequest& request);

// The native request limits of the configuration.
RequestLimits request_limits(const Limits& limits);

// For a request naming a stored conversation: merges its stored history into the request's
// (history_merge.h), and lets the integration pick the rules: its tenant's (when the key names
// no tenant) and its team (when the key names none). An error message (the 400 to answer)
// when the integration is unknown, or belongs to another tenant than the key's.
std::optional<std::string> attach_stored_history(SuggestRequest& request, Services& s,
                                                 std::size_t max_history, AgentScope& scope);

// The context store's gauges and counters in the Prometheus text format.
std::string context_metrics(const ContextStore::Stats& stats);

}  // namespace tactful::server
