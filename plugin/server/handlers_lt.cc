// The LanguageTool-compatible routes: /v2/check and /v2/languages.
#include "handlers.h"
#include "services.h"
#include "tactful/adapters/languagetool.h"

#ifndef TACTFUL_VERSION
#define TACTFUL_VERSION "0.0.0"
#endif

namespace tactful::server {

HttpResponse handle_lt_check(const HttpRequest& req, Services& s) {
  // The body is form-encoded whatever its Content-Type says (LTeX labels it JSON); query
  // parameters are merged in first, so the body wins on a repeated name.
  lt::FormParams params;
  if (auto e = lt::parse_form(req.query, params)) return lt_error(400, e->message);
  if (req.method == "POST")
    if (auto e = lt::parse_form(req.body, params)) return lt_error(400, e->message);
  const std::string* key = params.get("apiKey");
  const std::string_view query_key = key ? std::string_view(*key) : std::string_view();
  if (!s.config.api_keys.empty() && !authorized(req, s.config, query_key))
    return lt_error(401, "missing or unknown API key (send apiKey or Authorization: Bearer)");
  if (!s.config.api_keys.empty())
    if (auto refused = s.client_limits.take_key(presented_key(req, query_key), req.path, s.metrics))
      return *refused;
  // The key's tenant and team pick the rules, as for /v1/suggest (docs/admin.md).
  const AgentScope scope = agent_scope(req, s.config, s.key_hashes, query_key);
  const auto global = s.engines.get();
  const auto tenant = scope.tenant.empty() ? nullptr : s.tenants.get(scope.tenant);
  const Engine* engine = tenant ? &tenant->for_team(scope.team) : global.get();
  lt::LtLimits limits;
  limits.max_text_chars = s.config.limits.max_draft_chars;
  auto parsed = lt::parse_check(params, engine->rules(), limits);
  if (auto* e = std::get_if<lt::LtError>(&parsed)) {
    s.metrics.error(e->status == 413 ? "too_large" : "bad_request");
    return lt_error(e->status, e->message);
  }
  auto& request = std::get<lt::CheckRequest>(parsed);
  // The agent's mutes apply here as on /v1/suggest: a LanguageTool client is one more place
  // the same agent writes, and a rule they muted must stay quiet in all of them.
  if (!scope.agent.empty())
    for (auto& rule : s.mutes.get(scope.tenant, scope.agent))
      request.disabled_rules.push_back(std::move(rule));
  Context context;
  context.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const Report report =
      engine->analyze(context, Draft{request.text.plain(), {}}, request.options());
  s.metrics.hints(report);
  return {200, "application/json", lt::check_json(report, request, TACTFUL_VERSION), {}};
}

HttpResponse handle_lt_languages(const HttpRequest&, Services&) {
  return {200, "application/json", lt::languages_json(), {}};
}

HttpResponse handle_lt_healthcheck(const HttpRequest&, Services& s) {
  if (s.stopping.load()) return lt_error(503, "shutting down");
  return {200, "text/plain; charset=utf-8", "OK", {}};
}

HttpResponse handle_lt_info(const HttpRequest&, Services&) {
  return {200,
          "application/json",
          R"({"software":{"name":"tactful","version":")" TACTFUL_VERSION
          R"(","buildDate":null,"apiVersion":1,"premium":false,"status":""}})",
          {}};
}

HttpResponse handle_lt_maxtextlength(const HttpRequest&, Services& s) {
  return {200, "text/plain; charset=utf-8", std::to_string(s.config.limits.max_draft_chars), {}};
}

}  // namespace tactful::server
