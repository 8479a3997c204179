// Authentication and request helpers for the admin routes.
#include "admin_http.h"

#include <rapidjson/error/en.h>

#include "json_out.h"
#include "rule_problem.h"
#include "services.h"

namespace tactful::server {
namespace {

HttpResponse unauthorized(std::string_view message, bool invalid_token) {
  HttpResponse res = json_error(401, message);
  res.headers.emplace_back("WWW-Authenticate",
                           invalid_token ? R"(Bearer realm="tactful-admin", error="invalid_token")"
                                         : R"(Bearer realm="tactful-admin")");
  return res;
}

}  // namespace

std::variant<AdminCaller, HttpResponse> admin_auth(const HttpRequest& req, Services& s,
                                                   Access access) {
  std::string_view auth = req.authorization;
  if (auth.empty())
    return unauthorized(
        "missing admin token (Authorization: Bearer TOKEN; create one with "
        "`tactful admin token create`)",
        false);
  if (!(auth.starts_with("Bearer ") || auth.starts_with("bearer ")) || auth.size() <= 7)
    return unauthorized("the Authorization header must be 'Bearer TOKEN'", true);
  auth.remove_prefix(7);
  if (auth.size() > 256) return unauthorized("unknown or revoked admin token", true);
  auto token = s.admin->find_token(auth);
  if (!token.ok()) {
    if (token.error().kind == StoreError::Kind::not_found)
      return unauthorized("unknown or revoked admin token", true);
    return store_error(token.error(), s);
  }
  if (const auto wait = s.admin_limiter.take(token->id, RateLimiter::Clock::now())) {
    s.metrics.rate_limited(Metrics::Limited::admin_token);
    HttpResponse res = json_error(
        429, "too many admin requests with this token; retry in " + std::to_string(wait) + " s");
    res.headers.emplace_back("Retry-After", std::to_string(wait));
    return res;
  }
  if (access == Access::write && !token->can_write())
    return json_error(
        403, "this token's role is '" + token->role + "': only an admin token may change anything");
  return AdminCaller{std::move(token).value()};
}

std::vector<std::string> path_params(std::string_view path, std::string_view prefix) {
  std::vector<std::string> out;
  if (!path.starts_with(prefix)) return out;
  path.remove_prefix(prefix.size());
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    out.push_back(lt::percent_decode(path.substr(pos, next - pos), false));
    pos = next + 1;
  }
  return out;
}

lt::FormParams query_params(const HttpRequest& req) {
  lt::FormParams q;
  (void)lt::parse_form(req.query, q, 100);
  return q;
}

std::string query_value(const lt::FormParams& q, std::string_view name, std::string fallback) {
  const std::string* v = q.get(name);
  return v ? *v : fallback;
}

std::variant<rapidjson::Document, HttpResponse> json_body(const HttpRequest& req) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(req.body.data(),
                                                                                  req.body.size());
  if (d.HasParseError())
    return json_error(400, "invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                               rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject()) return json_error(400, "the body must be a JSON object");
  return d;
}

HttpResponse store_error(const StoreError& e, Services& s) {
  switch (e.kind) {
    case StoreError::Kind::not_found:
      return json_error(404, e.message);
    case StoreError::Kind::conflict:
      return json_error(409, e.message);
    case StoreError::Kind::failed:
      break;
  }
  s.metrics.error("store");
  s.log.event("error", "admin_store", e.message);
  return json_error(500, "the admin store failed; see the server log");
}

HttpResponse json_response(int status, std::string body) {
  return {status, "application/json", std::move(body), {}};
}

HttpResponse problems_response(std::string_view message, const std::vector<RuleProblem>& problems) {
  JsonOut j;
  j.begin_object().field("error", message).field("status", 422);
  j.key("problems").raw(problems_json(problems)).end_object();
  return json_response(422, j.take());
}

}  // namespace tactful::server
