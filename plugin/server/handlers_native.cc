// The native API: POST /v1/suggest and POST /v1/feedback (and /v1/stream without an upgrade).
#include <chrono>

#include "handlers.h"
#include "services.h"
#include "tactful/adapters/native_feedback.h"
#include "tactful/adapters/native_json.h"

namespace tactful::server {

RequestLimits request_limits(const Limits& l) {
  RequestLimits r;
  r.max_draft_chars = l.max_draft_chars;
  r.max_history = l.max_history;
  return r;
}

Report analyze_request(const Engine& engine, const SuggestRequest& request,
                       HistoryCache& histories) {
  if (request.history.empty())
    return engine.analyze(request.context(), request.draft_view(), request.options());
  const auto prepared = histories.get(request.history);
  return engine.analyze(request.context(), request.draft_view(), request.options(), *prepared);
}

HttpResponse handle_suggest(const HttpRequest& req, Services& s) {
  auto parsed = parse_suggest_request(req.body, request_limits(s.config.limits));
  if (auto* e = std::get_if<RequestError>(&parsed)) {
    const bool large = e->kind == RequestError::Kind::too_large;
    s.metrics.error(large ? "too_large" : "bad_request");
    return json_error(large ? 413 : 400, e->message);
  }
  auto& request = std::get<SuggestRequest>(parsed);
  AgentScope scope = agent_scope(req, s.config, s.key_hashes);
  if (auto e = attach_stored_history(request, s, s.config.limits.max_history, scope)) {
    s.metrics.error("bad_request");
    return json_error(400, *e);
  }
  if (!request.now)
    request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const Report report = analyze_for_agent(s, scope, request);
  s.metrics.hints(report);
  return {200, "application/json", report_to_json(report, request), {}};
}

Report analyze_for_agent(Services& s, const AgentScope& scope, SuggestRequest& request) {
  if (!scope.team.empty()) request.team = scope.team;
  if (!scope.agent.empty())
    for (auto& rule : s.mutes.get(scope.tenant, scope.agent))
      request.disabled_rules.push_back(std::move(rule));
  const auto engine = s.engines.get();
  const std::string& whose = scope.rules_tenant.empty() ? scope.tenant : scope.rules_tenant;
  const auto tenant = whose.empty() ? nullptr : s.tenants.get(whose);
  const Engine& rules = tenant ? tenant->for_team(request.team) : *engine;
  return analyze_request(rules, request, s.histories);
}

HttpResponse handle_stream_without_upgrade(const HttpRequest&, Services&) {
  HttpResponse res = json_error(426, "/v1/stream is a WebSocket: send Upgrade: websocket");
  res.headers.emplace_back("Upgrade", "websocket");
  return res;
}

HttpResponse handle_feedback(const HttpRequest& req, Services& s) {
  auto f = parse_feedback(req.body);
  if (!f.ok()) {
    s.metrics.error("bad_request");
    return json_error(400, f.error().message);
  }
  // A scoped key decides whose feedback this is; the body cannot claim another tenant.
  const AgentScope scope = agent_scope(req, s.config, s.key_hashes);
  if (!scope.team.empty()) f->team = scope.team;
  if (!scope.agent.empty()) f->agent_id = scope.agent;
  auto id = s.store->insert(*f, scope.tenant, std::chrono::system_clock::now());
  if (!id.ok()) {
    s.metrics.error("store");
    s.log.event("error", "feedback_store", id.error().message);
    return json_error(500, "could not store the feedback");
  }
  return {201, "application/json", R"({"id":)" + std::to_string(*id) + "}", {}};
}

}  // namespace tactful::server
