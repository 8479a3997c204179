// Admin routes: who am I, the tenant, its teams, and the audit log.
#include "admin_http.h"
#include "admin_tokens.h"
#include "handlers_admin.h"
#include "json_out.h"
#include "services.h"

namespace tactful::server {
namespace {

void write_tenant(JsonOut& j, const Tenant& t) {
  j.begin_object().field("id", t.id).field("name", t.name).field("created_at", t.created_at);
  j.end_object();
}

void write_team(JsonOut& j, const Team& t) {
  j.begin_object().field("id", t.id).field("name", t.name).field("created_at", t.created_at);
  j.end_object();
}

HttpResponse one_team(const StoreResult<Team>& t, Services& s, int status = 200) {
  if (!t.ok()) return store_error(t.error(), s);
  JsonOut j;
  write_team(j, *t);
  return json_response(status, j.take());
}

// Reads {"name": "..."} (optional when `required` is false).
std::variant<std::string, HttpResponse> name_field(const rapidjson::Document& d, bool required,
                                                   std::initializer_list<const char*> allowed) {
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    bool known = false;
    for (const char* a : allowed)
      known |= std::string_view(it->name.GetString(), it->name.GetStringLength()) == a;
    if (!known)
      return json_error(400,
                        "unknown field '" + std::string(it->name.GetString()).substr(0, 64) + "'");
  }
  if (!d.HasMember("name")) {
    if (required) return json_error(400, "missing 'name'");
    return std::string();
  }
  if (!d["name"].IsString() || d["name"].GetStringLength() == 0 ||
      d["name"].GetStringLength() > 200)
    return json_error(400, "name: expected a string of 1-200 bytes");
  return std::string(d["name"].GetString(), d["name"].GetStringLength());
}

// DELETE /v1/admin/tenants/{id}?confirm={id}: the tenant and all it owns go, in one
// transaction; its agents' keys then get the server's own rules. The confirmation is the id
// again, so a stray DELETE (a script's wrong variable) cannot wipe a tenant.
HttpResponse delete_tenant(const HttpRequest& req, Services& s, const AdminCaller& caller) {
  const std::string& id = caller.token.tenant;
  if (query_value(query_params(req), "confirm") != id)
    return json_error(400, "confirm: repeat the tenant's id (?confirm=" + id +
                               ") to delete it with its teams, rules, versions, tokens, mutes, "
                               "feedback and integrations");
  // No publish may swap this tenant's rules back in after they are dropped.
  const std::lock_guard lock(s.publish_mu);
  auto removed = s.admin->delete_tenant(caller.actor(), id);
  if (!removed.ok()) return store_error(removed.error(), s);
  s.tenants.remove(id);
  s.mutes.clear_tenant(id);
  refresh_integrations(s);  // its integrations' webhooks answer 404 from now on
  s.log.event("info", "tenant_deleted",
              "tenant " + id + " by token " + std::to_string(caller.token.id));
  JsonOut j;
  j.begin_object().field("deleted", true).key("tenant");
  write_tenant(j, removed->tenant);
  j.key("removed").begin_object().field("teams", removed->teams);
  j.field("rules", removed->rules).field("history", removed->history);
  j.field("versions", removed->versions).field("tokens", removed->tokens);
  j.field("mutes", removed->mutes).field("feedback", removed->feedback);
  j.field("integrations", removed->integrations);
  j.end_object().end_object();
  return json_response(200, j.take());
}

}  // namespace

HttpResponse handle_admin_whoami(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  JsonOut j;
  j.begin_object().field("token_id", caller.token.id).field("name", caller.token.name);
  j.field("tenant", caller.token.tenant).field("role", caller.token.role);
  j.field("created_at", caller.token.created_at).end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_tenants(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  auto t = s.admin->tenant(caller.token.tenant);
  if (!t.ok()) return store_error(t.error(), s);
  JsonOut j;
  j.begin_object().key("tenants").begin_array();  // a token sees its own tenant only
  write_tenant(j, *t);
  j.end_array().end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_tenant(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  const auto params = path_params(req.path, "/v1/admin/tenants/");
  // Another tenant's id answers exactly like one that does not exist.
  if (params.size() != 1 || params[0] != caller.token.tenant)
    return json_error(404, "no tenant '" + (params.empty() ? "" : params[0]).substr(0, 64) + "'");
  if (req.method == "GET") {
    auto t = s.admin->tenant(caller.token.tenant);
    if (!t.ok()) return store_error(t.error(), s);
    JsonOut j;
    write_tenant(j, *t);
    return json_response(200, j.take());
  }
  if (req.method == "DELETE") return delete_tenant(req, s, caller);
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  auto name = name_field(std::get<rapidjson::Document>(body), true, {"name"});
  if (auto* e = std::get_if<HttpResponse>(&name)) return *e;
  auto t = s.admin->rename_tenant(caller.actor(), caller.token.tenant, std::get<std::string>(name));
  if (!t.ok()) return store_error(t.error(), s);
  JsonOut j;
  write_tenant(j, *t);
  return json_response(200, j.take());
}

HttpResponse handle_admin_teams(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  if (req.method == "GET") {
    auto teams = s.admin->teams(caller.token.tenant);
    if (!teams.ok()) return store_error(teams.error(), s);
    JsonOut j;
    j.begin_object().key("teams").begin_array();
    for (const auto& t : *teams) write_team(j, t);
    j.end_array().end_object();
    return json_response(200, j.take());
  }
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  const auto& d = std::get<rapidjson::Document>(body);
  auto name = name_field(d, false, {"id", "name"});
  if (auto* e = std::get_if<HttpResponse>(&name)) return *e;
  if (!d.HasMember("id") || !d["id"].IsString() || !valid_slug(d["id"].GetString()))
    return json_error(400, "id: expected 1-64 letters, digits, '.', '-' or '_'");
  Team t{d["id"].GetString(), std::get<std::string>(name), ""};
  return one_team(s.admin->create_team(caller.actor(), t), s, 201);
}

HttpResponse handle_admin_team(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  const auto params = path_params(req.path, "/v1/admin/teams/");
  if (params.size() != 1 || !valid_slug(params[0]))
    return json_error(404, "no team '" + (params.empty() ? "" : params[0]).substr(0, 64) + "'");
  const std::string& id = params[0];
  if (req.method == "GET") return one_team(s.admin->team(caller.token.tenant, id), s);
  if (req.method == "DELETE") {
    auto items = s.admin->items(caller.token.tenant, "");
    if (!items.ok()) return store_error(items.error(), s);
    std::size_t used = 0;
    for (const auto& it : *items) used += it.team == id;
    if (used)
      return json_error(409, "team '" + id + "' still has " + std::to_string(used) +
                                 " rules or overrides: delete them first");
    return one_team(s.admin->delete_team(caller.actor(), id), s);
  }
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  auto name = name_field(std::get<rapidjson::Document>(body), true, {"name"});
  if (auto* e = std::get_if<HttpResponse>(&name)) return *e;
  return one_team(s.admin->update_team(caller.actor(), {id, std::get<std::string>(name), ""}), s);
}

HttpResponse handle_admin_audit(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  const auto q = query_params(req);
  auto number = [&](std::string_view name, std::int64_t fallback) -> std::optional<std::int64_t> {
    const std::string v = query_value(q, name);
    if (v.empty()) return fallback;
    if (v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return std::stoll(v);
  };
  const auto limit = number("limit", 100), before = number("before", 0);
  if (!limit || !before || *limit < 1 || *limit > 1000)
    return json_error(400, "limit: 1..1000; before: an audit id");
  auto entries = s.admin->audit(caller.token.tenant, *limit, *before);
  if (!entries.ok()) return store_error(entries.error(), s);
  JsonOut j;
  j.begin_object().key("entries").begin_array();
  for (const auto& e : *entries) {
    j.begin_object().field("id", e.id).field("at", e.at);
    j.key("who").begin_object().field("token_id", e.token_id).field("name", e.token_name);
    j.end_object().field("action", e.action).field("target", e.target);
    j.key("before").raw(e.before).key("after").raw(e.after).end_object();
  }
  j.end_array();
  if (!entries->empty() && static_cast<std::int64_t>(entries->size()) == *limit)
    j.field("next", "/v1/admin/audit?limit=" + std::to_string(*limit) +
                        "&before=" + std::to_string(entries->back().id));
  j.end_object();
  return json_response(200, j.take());
}

}  // namespace tactful::server
