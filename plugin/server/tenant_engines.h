// The serving snapshot of every tenant's published rules, swapped atomically on publish.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "tenant_rules.h"

namespace tactful::server {

// Readers load one immutable map (an atomic shared_ptr) and keep the TenantRules they found for
// the whole check, so a publish never changes the rules under a check in flight and never
// blocks one. Writers copy the map, change one tenant, and publish the copy.
class TenantEngines {
 public:
  TenantEngines() : map_(std::make_shared<const Map>()) {}

  std::shared_ptr<const TenantRules> get(const std::string& tenant) const {
    const auto map = map_.load(std::memory_order_acquire);
    auto it = map->find(tenant);
    return it == map->end() ? nullptr : it->second;
  }

  void set(const std::string& tenant, std::shared_ptr<const TenantRules> rules) {
    const std::lock_guard lock(write_mu_);
    auto next = std::make_shared<Map>(*map_.load(std::memory_order_acquire));
    (*next)[tenant] = std::move(rules);
    map_.store(std::move(next), std::memory_order_release);
  }

  // After the tenant is deleted: its agents' checks use the server's own rules again.
  void remove(const std::string& tenant) {
    const std::lock_guard lock(write_mu_);
    auto next = std::make_shared<Map>(*map_.load(std::memory_order_acquire));
    next->erase(tenant);
    map_.store(std::move(next), std::memory_order_release);
  }

 private:
  using Map = std::map<std::string, std::shared_ptr<const TenantRules>>;
  std::atomic<std::shared_ptr<const Map>> map_;
  std::mutex write_mu_;
};

}  // namespace tactful::server
