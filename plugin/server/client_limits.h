// The agent routes' rate limits: one token bucket per client address and one per agent API key.
#pragma once

#include <optional>
#include <string_view>

#include "http_types.h"
#include "rate_limiter.h"
#include "tactful/server/config.h"

namespace tactful::server {

class Metrics;

// Guarantees: a limit configured as 0 never refuses; a refusal is a 429 with Retry-After (whole
// seconds, >= 1) in the error shape of the path (LanguageTool's plain text under /v2/, JSON
// elsewhere) and is counted in tactful_rate_limited_total. Clients are told apart by the address
// the session resolved (the TCP peer; X-Forwarded-For only from Config::trusted_proxies), keys by
// the credential as presented; neither is stored in the clear (only a hash picks the bucket).
class ClientLimits {
 public:
  explicit ClientLimits(const RateLimits& limits);

  // The 429 to answer, or nullopt when the request may go ahead.
  std::optional<HttpResponse> take_ip(std::string_view remote, std::string_view path,
                                      Metrics& metrics);
  std::optional<HttpResponse> take_key(std::string_view credential, std::string_view path,
                                       Metrics& metrics);

 private:
  bool ip_on_, key_on_;
  RateLimiter ip_, key_;
};

// The agent credential a request presents (Authorization: Bearer, else X-API-Key, else
// `query_key`), or "" when none.
std::string_view presented_key(const HttpRequest& req, std::string_view query_key = {});

// 429 with Retry-After in the path's error shape.
HttpResponse too_many_requests(std::string_view path, std::int64_t wait, std::string_view who);

}  // namespace tactful::server
