// What every admin route shares: bearer-token authentication with roles and a rate limit,
// reading path and query parameters and JSON bodies, and mapping store errors to statuses.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "admin_store.h"
#include "http_types.h"
#include "tactful/adapters/lt_form.h"

namespace tactful::server {

struct Services;

// The authenticated caller of an admin route.
struct AdminCaller {
  TokenInfo token;
  Actor actor() const { return {token.id, token.name, token.tenant}; }
};

enum class Access { read, write };

// Authenticates `req` (Authorization: Bearer tfa_...): a missing or malformed header, or an
// unknown or revoked token, is 401 with WWW-Authenticate; a token over its rate is 429 with
// Retry-After; a viewer asking for `write` is 403. Otherwise the caller.
std::variant<AdminCaller, HttpResponse> admin_auth(const HttpRequest& req, Services& s,
                                                   Access access);

// Authenticates or returns the error response from the calling handler (`req`, `s` in scope).
#define ADMIN_AUTH(var, access)                                    \
  auto var##_auth = admin_auth(req, s, access);                    \
  if (auto* e = std::get_if<HttpResponse>(&var##_auth)) return *e; \
  [[maybe_unused]] const AdminCaller& var = std::get<AdminCaller>(var##_auth)

// The path's segments after `prefix` ("/v1/admin/teams/"), percent-decoded.
std::vector<std::string> path_params(std::string_view path, std::string_view prefix);

// The decoded query parameters (lenient, like LanguageTool's form parsing).
lt::FormParams query_params(const HttpRequest& req);
std::string query_value(const lt::FormParams& q, std::string_view name, std::string fallback = {});

// Parses a JSON object body; on failure the 400 to answer.
std::variant<rapidjson::Document, HttpResponse> json_body(const HttpRequest& req);

// 404 for not_found, 409 for conflict, 500 (logged) for failed.
HttpResponse store_error(const StoreError& e, Services& s);

HttpResponse json_response(int status, std::string body);

// 422 {"error": message, "problems": [...]}.
struct RuleProblem;
HttpResponse problems_response(std::string_view message, const std::vector<RuleProblem>& problems);

}  // namespace tactful::server
