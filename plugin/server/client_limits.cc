// Taking from the per-address and per-key buckets.
#include "client_limits.h"

#include <functional>
#include <string>

#include "metrics.h"

namespace tactful::server {
namespace {

std::int64_t bucket_of(std::string_view id) {
  return static_cast<std::int64_t>(std::hash<std::string_view>{}(id));
}

}  // namespace

ClientLimits::ClientLimits(const RateLimits& limits)
    : ip_on_(limits.per_ip_per_minute > 0),
      key_on_(limits.per_key_per_minute > 0),
      ip_(limits.per_ip_per_minute, limits.burst),
      key_(limits.per_key_per_minute, limits.burst) {}

std::optional<HttpResponse> ClientLimits::take_ip(std::string_view remote, std::string_view path,
                                                  Metrics& metrics) {
  if (!ip_on_) return std::nullopt;
  const auto wait = ip_.take(bucket_of(remote), RateLimiter::Clock::now());
  if (wait == 0) return std::nullopt;
  metrics.rate_limited(Metrics::Limited::ip);
  return too_many_requests(path, wait, "from this address");
}

std::optional<HttpResponse> ClientLimits::take_key(std::string_view credential,
                                                   std::string_view path, Metrics& metrics) {
  if (!key_on_ || credential.empty()) return std::nullopt;
  const auto wait = key_.take(bucket_of(credential), RateLimiter::Clock::now());
  if (wait == 0) return std::nullopt;
  metrics.rate_limited(Metrics::Limited::key);
  return too_many_requests(path, wait, "with this API key");
}

std::string_view presented_key(const HttpRequest& req, std::string_view query_key) {
  std::string_view bearer = req.authorization;
  if (bearer.size() > 7 && (bearer.starts_with("Bearer ") || bearer.starts_with("bearer ")))
    return bearer.substr(7);
  if (!req.api_key.empty()) return req.api_key;
  return query_key;
}

HttpResponse too_many_requests(std::string_view path, std::int64_t wait, std::string_view who) {
  HttpResponse res = error_for_path(
      path, 429,
      "too many requests " + std::string(who) + "; retry in " + std::to_string(wait) + " s");
  res.headers.emplace_back("Retry-After", std::to_string(wait));
  return res;
}

}  // namespace tactful::server
