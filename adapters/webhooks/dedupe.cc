#include "tactful/adapters/webhooks/dedupe.h"

namespace tactful::webhooks {

DeliveryDeduper::DeliveryDeduper(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

bool DeliveryDeduper::insert_if_new(std::string_view key) {
  const std::lock_guard lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    order_.splice(order_.begin(), order_, it->second);  // iterators and views stay valid
    return false;
  }
  if (order_.size() >= capacity_) {
    index_.erase(std::string_view(order_.back()));
    order_.pop_back();
  }
  order_.emplace_front(key);
  index_.emplace(std::string_view(order_.front()), order_.begin());
  return true;
}

bool DeliveryDeduper::contains(std::string_view key) const {
  const std::lock_guard lock(mutex_);
  return index_.count(key) > 0;
}

std::size_t DeliveryDeduper::size() const {
  const std::lock_guard lock(mutex_);
  return order_.size();
}

}  // namespace tactful::webhooks
