// Dispatching requests to handlers.
#include "router.h"

#include <algorithm>

#include "handlers.h"
#include "handlers_admin.h"
#include "services.h"
#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::server {
namespace {

// Every configured key is compared, each in constant time (digests of both sides, so neither
// where they differ nor their lengths show in response times).
bool known_key(std::string_view given, const Config& config) {
  if (given.empty()) return false;
  bool ok = false;
  for (const auto& k : config.api_keys) ok |= webhooks::constant_time_equal(given, k.key);
  return ok;
}

// "/v1/admin/teams/{team}" matches "/v1/admin/teams/billing": each {name} is one non-empty
// segment, everything else must be equal.
bool matches_template(std::string_view pattern, std::string_view path) {
  while (!pattern.empty()) {
    const auto brace = pattern.find('{');
    if (brace == std::string_view::npos) return path == pattern;
    if (path.substr(0, brace) != pattern.substr(0, brace)) return false;
    path.remove_prefix(brace);
    pattern.remove_prefix(pattern.find('}', brace) + 1);
    const auto slash = path.find('/');
    const auto segment = path.substr(0, slash);
    if (segment.empty()) return false;
    path.remove_prefix(segment.size());
  }
  return path.empty();
}

std::string join(const std::vector<std::string_view>& methods) {
  std::string out;
  for (auto m : methods) out += std::string(m) + ", ";
  return out + "OPTIONS";
}

}  // namespace

bool rate_limited(const Route& route) {
  return route.auth != Auth::none || route.path == "/widget/";
}

std::string_view loggable_path(std::string_view path) {
  constexpr std::string_view kWebhooks = "/v1/webhooks/";
  if (path.starts_with(kWebhooks)) {
    const std::size_t vendor_end = path.find('/', kWebhooks.size());
    const std::size_t integration_end =
        vendor_end == std::string_view::npos ? vendor_end : path.find('/', vendor_end + 1);
    if (integration_end != std::string_view::npos) path = path.substr(0, integration_end + 1);
  }
  return path.substr(0, 200);
}

bool authorized(const HttpRequest& req, const Config& config, std::string_view query_key) {
  if (config.api_keys.empty()) return true;
  std::string_view bearer = req.authorization;
  if (bearer.size() > 7 && (bearer.starts_with("Bearer ") || bearer.starts_with("bearer ")))
    bearer.remove_prefix(7);
  else
    bearer = {};
  return known_key(bearer, config) || known_key(req.api_key, config) ||
         known_key(query_key, config);
}

bool cors_allowed(std::string_view origin, const Config& config) {
  const auto& allowed = config.cors_origins;
  return std::find(allowed.begin(), allowed.end(), "*") != allowed.end() ||
         (!origin.empty() && std::find(allowed.begin(), allowed.end(), origin) != allowed.end());
}

void add_cors(HttpResponse& res, std::string_view origin, const Config& config,
              std::string_view path) {
  const auto& allowed = config.cors_origins;
  if (allowed.empty()) return;
  if (path.starts_with("/v2/") || std::find(allowed.begin(), allowed.end(), "*") != allowed.end()) {
    res.headers.emplace_back("Access-Control-Allow-Origin", "*");
  } else if (cors_allowed(origin, config)) {
    res.headers.emplace_back("Access-Control-Allow-Origin", std::string(origin));
    res.headers.emplace_back("Vary", "Origin");
  }
}

bool origin_allowed(std::string_view origin, std::string_view host, const Config& config) {
  if (origin.empty()) return true;
  const auto& allowed = config.cors_origins;
  if (std::find(allowed.begin(), allowed.end(), "*") != allowed.end() ||
      std::find(allowed.begin(), allowed.end(), origin) != allowed.end())
    return true;
  for (std::string_view scheme : {"http://", "https://"})
    if (!host.empty() && origin.starts_with(scheme) && origin.substr(scheme.size()) == host)
      return true;
  return false;
}

Router::Router(bool bench_ceiling) {
  using A = Auth;
  routes_ = {
      {"/", false, {"GET"}, A::none, handle_index, "/"},
      {"/static/", true, {"GET"}, A::none, handle_static, "/static/{path}"},
      {"/widget/", true, {"GET"}, A::none, handle_widget, "/widget/{path}"},
      {"/healthz", false, {"GET"}, A::none, handle_healthz, "/healthz"},
      {"/readyz", false, {"GET"}, A::none, handle_readyz, "/readyz"},
      {"/metrics", false, {"GET"}, A::none, handle_metrics, "/metrics"},
      {"/openapi.json", false, {"GET"}, A::none, handle_openapi, "/openapi.json"},
      {"/v1/suggest", false, {"POST"}, A::agent, handle_suggest, "/v1/suggest"},
      {"/v1/stream", false, {"GET"}, A::agent, handle_stream_without_upgrade, "/v1/stream"},
      {"/v1/feedback", false, {"POST"}, A::agent, handle_feedback, "/v1/feedback"},
      // Helpdesks cannot send API keys: each request proves itself by its signature instead.
      {"/v1/webhooks/",
       true,
       {"POST"},
       A::none,
       handle_webhook,
       "/v1/webhooks/{vendor}/{integration}"},
      {"/v2/check", false, {"GET", "POST"}, A::lt, handle_lt_check, "/v2/check"},
      {"/v2/languages", false, {"GET"}, A::none, handle_lt_languages, "/v2/languages"},
      {"/v2/healthcheck", false, {"GET"}, A::none, handle_lt_healthcheck, "/v2/healthcheck"},
      {"/v2/info", false, {"GET"}, A::none, handle_lt_info, "/v2/info"},
      {"/v2/maxtextlength", false, {"GET"}, A::none, handle_lt_maxtextlength, "/v2/maxtextlength"},
  };
  for (auto& r : admin_routes()) routes_.push_back(std::move(r));
  if (bench_ceiling)
    routes_.push_back(
        {"/bench/ceiling", false, {"GET"}, A::none, handle_bench_ceiling, "/bench/ceiling"});
}

std::vector<std::string> Router::metric_names() const {
  std::vector<std::string> names;
  for (const auto& r : routes_) names.emplace_back(r.name);
  names.emplace_back("unmatched");
  return names;
}

std::size_t Router::match(std::string_view path) const {
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    if (r.prefix                                     ? path.starts_with(r.path)
        : r.path.find('{') != std::string_view::npos ? matches_template(r.path, path)
                                                     : path == r.path)
      return i;
  }
  return npos;
}

HttpResponse Router::handle(const HttpRequest& req, Services& s, std::size_t& route) const {
  route = match(req.path);
  HttpResponse res;
  if (route == npos) {
    route = unmatched();
    res = error_for_path(req.path, 404, "no route for " + std::string(req.path.substr(0, 200)));
  } else if (const Route& r = routes_[route]; req.method == "OPTIONS" && !req.origin.empty() &&
                                              !r.path.starts_with("/v2/") &&
                                              !cors_allowed(req.origin, s.config)) {
    // A browser asking on behalf of a page whose origin is not in cors_origins: no grant.
    res = json_error(
        403, "the origin " + std::string(req.origin.substr(0, 200)) + " is not in cors_origins");
  } else if (req.method == "OPTIONS") {
    res = {204, "", "", {}};
    res.headers.emplace_back("Allow", join(r.methods));
    res.headers.emplace_back("Access-Control-Allow-Methods", join(r.methods));
    res.headers.emplace_back("Access-Control-Allow-Headers",
                             req.access_control_request_headers.empty()
                                 ? std::string("Authorization, Content-Type, X-API-Key")
                                 : std::string(req.access_control_request_headers));
    res.headers.emplace_back("Access-Control-Max-Age", "600");
  } else if (std::find(r.methods.begin(), r.methods.end(), req.method) == r.methods.end()) {
    res = error_for_path(req.path, 405,
                         std::string(req.method.substr(0, 16)) + " is not allowed on " +
                             std::string(r.name) + " (allowed: " + join(r.methods) + ")");
    res.headers.emplace_back("Allow", join(r.methods));
  } else if (auto refused = rate_limited(r)
                                ? s.client_limits.take_ip(req.remote, req.path, s.metrics)
                                : std::nullopt) {
    res = std::move(*refused);
  } else if (r.auth == Auth::agent && !authorized(req, s.config)) {
    res = json_error(401, "missing or unknown API key (Authorization: Bearer KEY)");
    res.headers.emplace_back("WWW-Authenticate", "Bearer");
  } else if (auto over_key = r.auth == Auth::agent && !s.config.api_keys.empty()
                                 ? s.client_limits.take_key(presented_key(req), req.path, s.metrics)
                                 : std::nullopt) {
    res = std::move(*over_key);
  } else {
    res = r.handler(req, s);
  }
  add_cors(res, req.origin, s.config, req.path);
  return res;
}

}  // namespace tactful::server
