// Per-client request rate limits (a token bucket each), for the admin API.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace tactful::server {

// Each client id gets `burst` requests at once, refilled at `per_minute` a minute. take() is
// thread-safe; the clock is passed in so tests and callers agree on time. Memory is bounded:
// buckets full again (idle clients) are dropped when the table grows past 10,000 entries.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(std::size_t per_minute, std::size_t burst) : per_minute_(per_minute), burst_(burst) {}

  // 0 when the request may go ahead; otherwise the whole seconds until one would (>= 1).
  std::int64_t take(std::int64_t client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  double refill(const Bucket& b, Clock::time_point now) const;
  double per_minute_, burst_;
  std::mutex mu_;
  std::unordered_map<std::int64_t, Bucket> buckets_;
};

}  // namespace tactful::server
