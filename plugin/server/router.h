// The route table: which path and methods go to which handler, with auth, CORS, 404 and 405.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http_types.h"

namespace tactful::server {

struct Services;
struct Config;

using Handler = HttpResponse (*)(const HttpRequest&, Services&);

// How a route is protected when API keys are configured.
enum class Auth {
  none,   // operations, static files
  agent,  // Authorization: Bearer KEY or X-API-Key: KEY (WebSocket: also ?key=KEY)
  lt,     // like agent, or LanguageTool's apiKey parameter (checked by the handler)
};

struct Route {
  std::string_view path;  // exact, a prefix ending in '/' when `prefix`, or with {param} segments
  bool prefix;
  std::vector<std::string_view> methods;  // OPTIONS is implied
  Auth auth;
  Handler handler;
  std::string_view name;  // the metrics label, e.g. "/v1/suggest", "/static/{path}"
};

// The single source of truth for what the server serves (and for /openapi.json's test).
// handle() never throws: unknown paths get 404, unlisted methods 405 with Allow, OPTIONS 204
// with the CORS preflight headers, a missing or wrong key 401.
class Router {
 public:
  explicit Router(bool bench_ceiling);

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t match(std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }
  // One name per route, then "unmatched": the label set of the request metrics.
  std::vector<std::string> metric_names() const;
  std::size_t unmatched() const { return routes_.size(); }

  HttpResponse handle(const HttpRequest& req, Services& services, std::size_t& route) const;

 private:
  std::vector<Route> routes_;
};

// Whether the per-address and per-key rate limits apply to `route`: the agent routes (API key
// or LanguageTool) and the widget. Operations routes, the admin API (limited per token) and
// webhooks (signed by the helpdesk) are not.
bool rate_limited(const Route& route);

// The path as the access log shows it: beyond /v1/webhooks/{vendor}/{integration} nothing is
// logged (a webhook secret wrongly put in a further segment must not reach the log), and at
// most 200 bytes.
std::string_view loggable_path(std::string_view path);

// True when no keys are configured, or the request carries one of them (header, or `query_key`).
bool authorized(const HttpRequest& req, const Config& config, std::string_view query_key = {});

// Whether cors_origins grants `origin` ("*" configured, or the origin listed).
bool cors_allowed(std::string_view origin, const Config& config);

// Adds Access-Control-Allow-Origin (and Vary) as the config allows for this Origin. The
// LanguageTool routes (`path` under /v2/) are open to every origin, as LanguageTool's own server
// is (editor add-ons call it from any page), unless cors_origins is [] (no CORS at all); their
// key, if any, is never a cookie, so the grant exposes nothing a page could not ask for itself.
void add_cors(HttpResponse& res, std::string_view origin, const Config& config,
              std::string_view path = {});

// Whether a browser page of `origin` may open the WebSocket: cors_origins is the list of origins
// allowed to call tactful from a browser, and a WebSocket is not covered by CORS, so the server
// checks it itself. Allowed: no Origin (not a browser; the key decides), "*" configured, a listed
// origin, or the server's own pages (the Origin names `host`, the request's Host header).
bool origin_allowed(std::string_view origin, std::string_view host, const Config& config);

}  // namespace tactful::server
