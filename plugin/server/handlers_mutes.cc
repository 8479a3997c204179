// Agents' mutes: an agent switches a rule off for themself. Counted in analytics (how many
// agents mute a rule), never shown per agent: muting must be safe to do.
#include "admin_http.h"
#include "admin_tokens.h"
#include "handlers_admin.h"
#include "json_out.h"
#include "services.h"

namespace tactful::server {
namespace {

bool valid_rule_id(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

HttpResponse muted_list(const AgentScope& scope, Services& s, int status) {
  JsonOut j;
  j.begin_object().field("agent", scope.agent).key("muted").begin_array();
  for (const auto& r : s.mutes.get(scope.tenant, scope.agent)) j.str(r);
  j.end_array().end_object();
  return json_response(status, j.take());
}

std::optional<HttpResponse> set_mute(const AgentScope& scope, Services& s, const std::string& rule,
                                     bool muted) {
  auto changed = s.admin->set_mute({scope.tenant, scope.agent, rule, ""}, muted);
  if (!changed.ok()) return store_error(changed.error(), s);
  if (!muted && !*changed) return json_error(404, "'" + rule + "' is not muted");
  s.mutes.set(scope.tenant, scope.agent, rule, muted);
  return std::nullopt;
}

}  // namespace

HttpResponse handle_mutes(const HttpRequest& req, Services& s) {
  const AgentScope scope = agent_scope(req, s.config, s.key_hashes);
  if (scope.agent.empty())
    return json_error(400,
                      "mutes belong to an agent: configure api_keys and send the agent's "
                      "key (Authorization: Bearer KEY)");
  if (req.method == "GET") return muted_list(scope, s, 200);
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  const auto& d = std::get<rapidjson::Document>(body);
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it)
    if (std::string_view(it->name.GetString(), it->name.GetStringLength()) != "rule")
      return json_error(400, "unknown field '" + std::string(it->name.GetString()).substr(0, 64) +
                                 "' (known: rule)");
  if (!d.HasMember("rule") || !d["rule"].IsString() ||
      !valid_rule_id({d["rule"].GetString(), d["rule"].GetStringLength()}))
    return json_error(400, "rule: expected a rule id (letters, digits, '.', '-', '_')");
  if (auto e = set_mute(scope, s, d["rule"].GetString(), true)) return *e;
  return muted_list(scope, s, 201);
}

HttpResponse handle_mute(const HttpRequest& req, Services& s) {
  const AgentScope scope = agent_scope(req, s.config, s.key_hashes);
  if (scope.agent.empty()) return json_error(400, "mutes belong to an agent: send the agent's key");
  const auto params = path_params(req.path, "/v1/mutes/");
  if (params.size() != 1 || !valid_rule_id(params[0])) return json_error(404, "no such mute");
  if (auto e = set_mute(scope, s, params[0], false)) return *e;
  return muted_list(scope, s, 200);
}

}  // namespace tactful::server
