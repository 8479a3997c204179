// The admin API's route table and its state at start.
#include "handlers_admin.h"
#include "rule_doc.h"
#include "services.h"

namespace tactful::server {

std::vector<Route> admin_routes() {
  using A = Auth;
  // Exact paths before templates: the router takes the first match.
  return {
      {"/v1/admin/whoami", false, {"GET"}, A::none, handle_admin_whoami, "/v1/admin/whoami"},
      {"/v1/admin/tenants", false, {"GET"}, A::none, handle_admin_tenants, "/v1/admin/tenants"},
      {"/v1/admin/teams", false, {"GET", "POST"}, A::none, handle_admin_teams, "/v1/admin/teams"},
      {"/v1/admin/rules", false, {"GET", "POST"}, A::none, handle_admin_rules, "/v1/admin/rules"},
      {"/v1/admin/rules/validate",
       false,
       {"POST"},
       A::none,
       handle_admin_validate,
       "/v1/admin/rules/validate"},
      {"/v1/admin/rules/dry-run",
       false,
       {"POST"},
       A::none,
       handle_admin_dry_run,
       "/v1/admin/rules/dry-run"},
      {"/v1/admin/rules/publish",
       false,
       {"POST"},
       A::none,
       handle_admin_publish,
       "/v1/admin/rules/publish"},
      {"/v1/admin/rules/rollback",
       false,
       {"POST"},
       A::none,
       handle_admin_rollback,
       "/v1/admin/rules/rollback"},
      {"/v1/admin/rules/versions",
       false,
       {"GET"},
       A::none,
       handle_admin_versions,
       "/v1/admin/rules/versions"},
      {"/v1/admin/rules/versions/diff",
       false,
       {"GET"},
       A::none,
       handle_admin_diff,
       "/v1/admin/rules/versions/diff"},
      {"/v1/admin/overrides",
       false,
       {"GET"},
       A::none,
       handle_admin_overrides,
       "/v1/admin/overrides"},
      {"/v1/admin/audit", false, {"GET"}, A::none, handle_admin_audit, "/v1/admin/audit"},
      {"/v1/admin/integrations",
       false,
       {"GET", "POST"},
       A::none,
       handle_admin_integrations,
       "/v1/admin/integrations"},
      {"/v1/mutes", false, {"GET", "POST"}, A::agent, handle_mutes, "/v1/mutes"},
      {"/v1/admin/tenants/{tenant}",
       false,
       {"GET", "PATCH", "DELETE"},
       A::none,
       handle_admin_tenant,
       "/v1/admin/tenants/{tenant}"},
      {"/v1/admin/teams/{team}",
       false,
       {"GET", "PUT", "DELETE"},
       A::none,
       handle_admin_team,
       "/v1/admin/teams/{team}"},
      {"/v1/admin/rules/versions/{version}",
       false,
       {"GET"},
       A::none,
       handle_admin_version,
       "/v1/admin/rules/versions/{version}"},
      {"/v1/admin/rules/{rule}/history",
       false,
       {"GET"},
       A::none,
       handle_admin_rule_history,
       "/v1/admin/rules/{rule}/history"},
      {"/v1/admin/rules/{rule}",
       false,
       {"GET", "PUT", "DELETE"},
       A::none,
       handle_admin_rule,
       "/v1/admin/rules/{rule}"},
      {"/v1/admin/overrides/{rule}",
       false,
       {"GET", "PUT", "DELETE"},
       A::none,
       handle_admin_override,
       "/v1/admin/overrides/{rule}"},
      {"/v1/admin/analytics/{report}",
       false,
       {"GET"},
       A::none,
       handle_admin_analytics,
       "/v1/admin/analytics/{report}"},
      {"/v1/admin/integrations/{integration}",
       false,
       {"GET", "PUT", "DELETE"},
       A::none,
       handle_admin_integration,
       "/v1/admin/integrations/{integration}"},
      {"/v1/mutes/{rule}", false, {"DELETE"}, A::agent, handle_mute, "/v1/mutes/{rule}"},
      {"/ui/", true, {"GET"}, A::none, handle_admin_ui, "/ui/{path}"},
  };
}

void load_admin_state(Services& s) {
  auto versions = s.admin->latest_versions();
  if (!versions.ok()) {
    s.log.event("error", "admin_state", "cannot read published rules: " + versions.error().message);
    return;
  }
  const auto base = s.engines.get()->snapshot();
  for (const auto& v : *versions) {
    auto doc = doc_from_json(v.doc);
    CompileResult compiled = doc.ok() ? compile_tenant(*doc, base, true)
                                      : CompileResult{nullptr, {{"", "", "", doc.error().message}}};
    if (!compiled.rules) {
      std::string why = compiled.problems.empty() ? "" : compiled.problems.front().message;
      s.log.event("error", "tenant_rules_refused",
                  "tenant " + v.tenant + " version " + std::to_string(v.version) +
                      " does not compile over the current rules, serving the base rules: " + why);
      continue;
    }
    compiled.rules->version = v.version;
    s.tenants.set(v.tenant, std::move(compiled.rules));
  }
  if (auto mutes = s.admin->mutes(); mutes.ok())
    for (const auto& m : *mutes) s.mutes.set(m.tenant, m.agent, m.rule, true);
}

}  // namespace tactful::server
