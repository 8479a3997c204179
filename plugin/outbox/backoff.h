// When to try a note again: exponential backoff with jitter, never sooner than the vendor asks.
#pragma once

#include <chrono>
#include <optional>

#include "tactful/outbox/settings.h"

namespace tactful::outbox {

// Pure and deterministic given `unit` (a uniform random number in [0, 1)). Guarantees for
// rounds >= 1: with d = min(backoff_max, backoff_base * 2^(rounds - 1)), the backoff is in
// [d/2, d] ("equal jitter": spread out, yet never near zero); the delay is the larger of that
// and the vendor's requested wait, so a Retry-After is always honoured.
class Backoff {
 public:
  explicit Backoff(const Settings& settings)
      : base_(settings.backoff_base), max_(settings.backoff_max) {}

  std::chrono::milliseconds delay(int rounds, std::optional<std::chrono::seconds> requested,
                                  double unit) const;

 private:
  std::chrono::milliseconds base_, max_;
};

}  // namespace tactful::outbox
