// The integrations in service: the config file's, fixed at start, and the admin API's, which
// change while the server runs. Webhooks, widgets and the note outbox all read them here.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/outbox/outbox.h"
#include "tactful/server/integration.h"

namespace tactful::server {

// One integration as served: `integration.tenant` is already resolved (a config-file
// integration without one has admin.default_tenant), its note authors are among its own
// author ids, and `auth` is the webhooks library's view of it.
struct LiveIntegration {
  Integration integration;
  webhooks::IntegrationAuth auth;
  bool from_config = false;
};

// Guarantees: readers get an immutable snapshot (an atomic shared_ptr), so a lookup never
// blocks and never sees half an update, and an integration found stays valid for as long as
// the caller holds it, even if it is updated or deleted meanwhile; the next lookup sees the
// change. A config-file integration wins over an API one with the same id (the API one is
// "shadowed": kept in the store, not served). Writers are serialized.
class IntegrationRegistry {
 public:
  IntegrationRegistry(const std::vector<Integration>& configured,
                      const std::string& default_tenant);

  std::shared_ptr<const LiveIntegration> find(std::string_view id) const;
  // Every integration in service, by id.
  using Map = std::map<std::string, std::shared_ptr<const LiveIntegration>, std::less<>>;
  std::shared_ptr<const Map> snapshot() const { return map_.load(std::memory_order_acquire); }
  bool configured(std::string_view id) const;  // an id of the config file
  // The config file's integrations, as served (tenant resolved).
  const std::vector<std::shared_ptr<const LiveIntegration>>& config_integrations() const {
    return config_;
  }

  // Replaces the API integrations with what `load` returns (nullopt: it could not read them;
  // the ones in service stay), holding the writer lock across the load, so a slower writer can
  // never publish an older state over a newer one.
  void reload(const std::function<std::optional<std::vector<Integration>>()>& load);

  // The outbox's resolver: an integration in service with notes enabled posts to its vendor;
  // any other id (unknown, deleted, notes off) resolves to nothing, so its queued notes wait
  // and fail at the give-up age. Reads the snapshot of the moment, from any thread.
  static outbox::TargetResolver note_targets(std::shared_ptr<const IntegrationRegistry> registry);

 private:
  std::vector<std::shared_ptr<const LiveIntegration>> config_;
  std::atomic<std::shared_ptr<const Map>> map_;
  std::mutex write_mu_;
};

// The served form of an integration: note authors added, its webhooks auth view.
std::shared_ptr<const LiveIntegration> make_live(Integration in, bool from_config);

}  // namespace tactful::server
