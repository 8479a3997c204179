// The admin API's routes (/v1/admin/*) and the agents' mutes (/v1/mutes). Each handler
// authenticates its caller itself (admin_http.h) and never throws.
#pragma once

#include <vector>

#include "http_types.h"
#include "router.h"

namespace tactful::server {

struct Services;

// The routes, appended to the router's table (and documented in openapi.json).
std::vector<Route> admin_routes();

// Loads every tenant's newest published rules and every mute at start. A tenant whose rules no
// longer compile over the current base (after an upgrade) is logged and served the base rules.
void load_admin_state(Services& s);

HttpResponse handle_admin_whoami(const HttpRequest&, Services&);
HttpResponse handle_admin_tenants(const HttpRequest&, Services&);
HttpResponse handle_admin_tenant(const HttpRequest&, Services&);
HttpResponse handle_admin_teams(const HttpRequest&, Services&);
HttpResponse handle_admin_team(const HttpRequest&, Services&);
HttpResponse handle_admin_audit(const HttpRequest&, Services&);
HttpResponse handle_admin_rules(const HttpRequest&, Services&);
HttpResponse handle_admin_rule(const HttpRequest&, Services&);
HttpResponse handle_admin_rule_history(const HttpRequest&, Services&);
HttpResponse handle_admin_overrides(const HttpRequest&, Services&);
HttpResponse handle_admin_override(const HttpRequest&, Services&);
HttpResponse handle_admin_validate(const HttpRequest&, Services&);
HttpResponse handle_admin_dry_run(const HttpRequest&, Services&);
HttpResponse handle_admin_publish(const HttpRequest&, Services&);
HttpResponse handle_admin_rollback(const HttpRequest&, Services&);
HttpResponse handle_admin_versions(const HttpRequest&, Services&);
HttpResponse handle_admin_version(const HttpRequest&, Services&);
HttpResponse handle_admin_diff(const HttpRequest&, Services&);
HttpResponse handle_admin_analytics(const HttpRequest&, Services&);
HttpResponse handle_admin_ui(const HttpRequest&, Services&);
HttpResponse handle_admin_integrations(const HttpRequest&, Services&);
HttpResponse handle_admin_integration(const HttpRequest&, Services&);

// Reads the admin API's integrations from the store (unsealing their secrets) and puts them in
// service, replacing the ones before; one that no longer opens or validates is logged and left
// out. Called at start and after every change.
void refresh_integrations(Services& s);
HttpResponse handle_mutes(const HttpRequest&, Services&);
HttpResponse handle_mute(const HttpRequest&, Services&);

}  // namespace tactful::server
