// Backoff with equal jitter, and the settings check.
#include "backoff.h"

#include <algorithm>

namespace tactful::outbox {

std::chrono::milliseconds Backoff::delay(int rounds, std::optional<std::chrono::seconds> requested,
                                         double unit) const {
  using std::chrono::milliseconds;
  // Double from the base without overflowing: stop once the cap is reached.
  milliseconds d = base_;
  for (int i = 1; i < rounds && d < max_; ++i) d *= 2;
  d = std::min(d, max_);
  unit = std::clamp(unit, 0.0, 1.0);
  const milliseconds half = d / 2;
  const milliseconds jittered =
      half + milliseconds(static_cast<long long>(static_cast<double>((d - half).count()) * unit));
  if (requested) return std::max(jittered, milliseconds(*requested));
  return jittered;
}

Result<void> validate(const Settings& s) {
  using std::chrono::milliseconds;
  if (s.workers == 0 || s.workers > 64) return Error{"outbox.workers must be 1 to 64"};
  if (s.timeout <= milliseconds(0)) return Error{"outbox.timeout_ms must be positive"};
  if (s.backoff_base <= milliseconds(0)) return Error{"outbox.backoff_base_ms must be positive"};
  if (s.backoff_max < s.backoff_base)
    return Error{"outbox.backoff_max_ms must be at least outbox.backoff_base_ms"};
  if (s.give_up_after <= milliseconds(0)) return Error{"outbox.give_up_after_ms must be positive"};
  if (s.drain < milliseconds(0)) return Error{"outbox.drain_ms must not be negative"};
  return {};
}

}  // namespace tactful::outbox
