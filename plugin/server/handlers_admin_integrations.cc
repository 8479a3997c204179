// Admin routes: /v1/admin/integrations — the helpdesk integrations of the caller's tenant,
// with write-only secrets, in service as soon as they are written.
#include <algorithm>

#include "admin_http.h"
#include "handlers_admin.h"
#include "integration_json.h"
#include "json_out.h"
#include "services.h"

namespace tactful::server {
namespace {

// The stored integration. Secrets that do not open with this data dir's key (a store restored
// without its key file) read as unset, with `lost` saying why: the integration can still be
// shown, and an admin can enter its secrets again with PUT.
Result<Integration> unsealed(const IntegrationRow& row, const SecretBox& box,
                             std::string* lost = nullptr) {
  auto secrets = box.unseal(row.secrets, integration_seal_context(row.tenant, row.id));
  if (!secrets.ok() && lost)
    *lost = "integration '" + row.id + "' of tenant " + row.tenant + ": " + secrets.error().message;
  return integration_from_stored(row.body, secrets.ok() ? *secrets : std::string("{}"), row.tenant);
}

IntegrationMeta meta_of(const IntegrationRow& row, Services& s) {
  return {"api",          row.version,    row.created_at,
          row.updated_at, row.updated_by, s.integrations->configured(row.id)};
}

HttpResponse problem_response(const IntegrationProblem& p) {
  JsonOut j;
  j.begin_object().field("error", "the integration is not valid: " + p.path + ": " + p.message);
  j.field("status", 422).key("problems").begin_array();
  j.begin_object().field("path", p.path).field("message", p.message).end_object();
  j.end_array().end_object();
  return json_response(422, j.take());
}

HttpResponse unreadable(const Error& e, Services& s) {
  s.metrics.error("store");
  s.log.event("error", "integration_store", e.message);
  return json_error(500, "a stored integration cannot be read; see the server log");
}

// A config-file integration: read-only, no version.
IntegrationMeta config_meta() {
  IntegrationMeta m;
  m.source = "config";
  return m;
}

// The config file's integration of this tenant with `id`, if there is one.
std::shared_ptr<const LiveIntegration> configured_for(Services& s, const std::string& tenant,
                                                      std::string_view id) {
  for (const auto& c : s.integrations->config_integrations())
    if (c->integration.id == id && c->integration.tenant == tenant) return c;
  return nullptr;
}

HttpResponse read_only(const std::string& id) {
  return json_error(409, "integration '" + id +
                             "' is defined in the server's config file: change it there (the "
                             "admin API cannot)");
}

HttpResponse one(const Integration& in, const IntegrationMeta& meta, int status = 200) {
  JsonOut j;
  write_integration(j, in, meta);
  return json_response(status, j.take());
}

// Checks what the store cannot: the team exists in the tenant, the id is not the config's.
std::optional<HttpResponse> check_edit(const Integration& in, Services& s) {
  if (!in.team.empty()) {
    auto team = s.admin->team(in.tenant, in.team);
    if (!team.ok()) {
      if (team.error().kind != StoreError::Kind::not_found) return store_error(team.error(), s);
      return problem_response({"$.team", "no team '" + in.team +
                                             "' in this tenant: create it "
                                             "first (POST /v1/admin/teams)"});
    }
  }
  if (s.integrations->configured(in.id))
    return json_error(
        409, "integration id '" + in.id + "' is used by the server's config file: choose another");
  return std::nullopt;
}

// Seals the secrets and writes the row; on success the integration is in service at once.
HttpResponse save(const AdminCaller& caller, Services& s, const IntegrationEdit& edit,
                  std::int64_t expected_version, const std::string& before, int status) {
  const Integration& in = edit.integration;
  auto sealed = s.secrets->seal(secrets_json(in), integration_seal_context(in.tenant, in.id));
  if (!sealed.ok()) return unreadable(sealed.error(), s);
  IntegrationRow row{in.tenant, in.id, public_json(in), *sealed, 0, "", "", ""};
  auto saved = s.admin->put_integration(caller.actor(), std::move(row), expected_version, before,
                                        audit_json(in, edit.secrets_changed));
  if (!saved.ok()) return store_error(saved.error(), s);
  refresh_integrations(s);
  return one(in, meta_of(*saved, s), status);
}

HttpResponse list(const AdminCaller& caller, Services& s) {
  const std::string& tenant = caller.token.tenant;
  auto rows = s.admin->integrations(tenant);
  if (!rows.ok()) return store_error(rows.error(), s);
  std::vector<std::pair<std::string, std::string>> shown;  // id, JSON
  for (const auto& c : s.integrations->config_integrations())
    if (c->integration.tenant == tenant) {
      JsonOut j;
      write_integration(j, c->integration, config_meta());
      shown.emplace_back(c->integration.id, j.take());
    }
  for (const auto& row : *rows) {
    auto in = unsealed(row, *s.secrets);
    if (!in.ok()) return unreadable(in.error(), s);
    JsonOut j;
    write_integration(j, *in, meta_of(row, s));
    shown.emplace_back(row.id, j.take());
  }
  std::stable_sort(shown.begin(), shown.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  JsonOut j;
  j.begin_object().key("integrations").begin_array();
  for (const auto& [id, json] : shown) j.raw(json);
  j.end_array().end_object();
  return json_response(200, j.take());
}

}  // namespace

void refresh_integrations(Services& s) {
  s.integrations->reload([&s]() -> std::optional<std::vector<Integration>> {
    auto rows = s.admin->integrations("");
    if (!rows.ok()) {
      s.log.event("error", "integrations_load", rows.error().message);
      return std::nullopt;
    }
    std::vector<Integration> out;
    for (const auto& row : *rows) {
      std::string lost;
      auto in = unsealed(row, *s.secrets, &lost);
      // Validated again: a stored integration an upgrade no longer accepts is not served.
      std::optional<Error> invalid = !lost.empty() ? std::optional<Error>(Error{lost})
                                     : in.ok()     ? validate(*in, "integration '" + row.id + "'")
                                                   : std::optional<Error>(in.error());
      if (invalid) {
        s.log.event("error", "integration_refused", invalid->message);
        continue;
      }
      out.push_back(std::move(in).value());
    }
    return out;
  });
}

HttpResponse handle_admin_integrations(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  if (req.method == "GET") return list(caller, s);
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  auto edit = integration_from_request(std::get<rapidjson::Document>(body), caller.token.tenant, "",
                                       nullptr);
  if (auto* p = std::get_if<IntegrationProblem>(&edit)) return problem_response(*p);
  const auto& made = std::get<IntegrationEdit>(edit);
  if (auto e = check_edit(made.integration, s)) return *e;
  return save(caller, s, made, 0, "", 201);
}

HttpResponse handle_admin_integration(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  const auto params = path_params(req.path, "/v1/admin/integrations/");
  const std::string id = params.size() == 1 ? params[0] : "";
  const std::string& tenant = caller.token.tenant;
  if (const auto c = configured_for(s, tenant, id)) {
    if (req.method != "GET") return read_only(id);
    return one(c->integration, config_meta());
  }
  // Another tenant's id answers exactly like one that does not exist.
  auto row = s.admin->integration(tenant, id);
  if (!row.ok()) return store_error(row.error(), s);
  auto stored = unsealed(*row, *s.secrets);
  if (!stored.ok()) return unreadable(stored.error(), s);
  if (req.method == "GET") return one(*stored, meta_of(*row, s));
  const std::string before = audit_json(*stored, {});
  if (req.method == "DELETE") {
    auto gone = s.admin->delete_integration(caller.actor(), id, before);
    if (!gone.ok()) return store_error(gone.error(), s);
    refresh_integrations(s);
    JsonOut j;
    j.begin_object().field("deleted", true).key("integration");
    write_integration(j, *stored, meta_of(*gone, s));
    j.end_object();
    return json_response(200, j.take());
  }
  std::int64_t expected = row->version;
  const std::string v = query_value(query_params(req), "version");
  if (!v.empty()) {
    if (v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
      return json_error(400, "version: expected the integration's version number");
    if (std::stoll(v) != row->version)
      return json_error(409, "integration '" + id + "' is at version " +
                                 std::to_string(row->version) + ", not " + v + ": read it again");
  }
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  auto edit = integration_from_request(std::get<rapidjson::Document>(body), tenant, id, &*stored);
  if (auto* p = std::get_if<IntegrationProblem>(&edit)) return problem_response(*p);
  const auto& changed = std::get<IntegrationEdit>(edit);
  if (auto e = check_edit(changed.integration, s)) return *e;
  return save(caller, s, changed, expected, before, 200);
}

}  // namespace tactful::server
