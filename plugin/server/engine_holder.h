// The current engine snapshot, swapped atomically on reload.
#pragma once

#include <atomic>
#include <memory>

#include "tactful/engine.h"

namespace tactful::server {

// Holds std::shared_ptr<const Engine> in an atomic: get() hands a request its own reference,
// so a check in flight keeps analysing on the snapshot it started with while set() publishes a
// new one; the old snapshot is freed when its last check finishes.
class EngineHolder {
 public:
  std::shared_ptr<const Engine> get() const { return current_.load(std::memory_order_acquire); }
  void set(std::shared_ptr<const Engine> engine) {
    current_.store(std::move(engine), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const Engine>> current_;
};

}  // namespace tactful::server
