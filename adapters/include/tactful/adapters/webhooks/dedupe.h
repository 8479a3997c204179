// Remembers recent webhook delivery ids so that a replayed delivery is refused.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tactful::webhooks {

// A bounded set of delivery keys with least-recently-seen eviction. Guarantees: at most
// `capacity` keys are held (memory is bounded whatever arrives); a key is reported new exactly
// once while it is held; all members are safe to call from many threads at once.
class DeliveryDeduper {
 public:
  explicit DeliveryDeduper(std::size_t capacity = 65536);

  // True if `key` was not held (it is now); false if it was (a replay; it becomes most recent).
  bool insert_if_new(std::string_view key);
  bool contains(std::string_view key) const;
  std::size_t size() const;
  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<std::string> order_;  // most recent first
  std::unordered_map<std::string_view, std::list<std::string>::iterator>
      index_;  // views into order_
};

}  // namespace tactful::webhooks
