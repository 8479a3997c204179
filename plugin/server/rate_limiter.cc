// The token buckets.
#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace tactful::server {

double RateLimiter::refill(const Bucket& b, Clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - b.at).count();
  return std::min(burst_, b.tokens + std::max(0.0, seconds) * per_minute_ / 60.0);
}

std::int64_t RateLimiter::take(std::int64_t client, Clock::time_point now) {
  const std::lock_guard lock(mu_);
  if (buckets_.size() > 10000)
    std::erase_if(buckets_, [&](const auto& kv) { return refill(kv.second, now) >= burst_; });
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  b.tokens = refill(b, now);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  if (per_minute_ <= 0) return 60;
  const double wait = (1.0 - b.tokens) * 60.0 / per_minute_;
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(wait)));
}

}  // namespace tactful::server
