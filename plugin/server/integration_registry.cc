// The integrations in service, swapped atomically when the admin API changes them.
#include "integration_registry.h"

#include "integrations_config.h"

namespace tactful::server {

std::shared_ptr<const LiveIntegration> make_live(Integration in, bool from_config) {
  add_note_authors(in);
  auto live = std::make_shared<LiveIntegration>();
  live->auth = in.auth();
  live->integration = std::move(in);
  live->from_config = from_config;
  return live;
}

IntegrationRegistry::IntegrationRegistry(const std::vector<Integration>& configured,
                                         const std::string& default_tenant) {
  auto map = std::make_shared<Map>();
  for (Integration in : configured) {
    if (in.tenant.empty()) in.tenant = default_tenant;
    auto live = make_live(std::move(in), true);
    config_.push_back(live);
    map->emplace(live->integration.id, live);
  }
  map_.store(std::move(map), std::memory_order_release);
}

std::shared_ptr<const LiveIntegration> IntegrationRegistry::find(std::string_view id) const {
  const auto map = snapshot();
  const auto it = map->find(id);
  return it == map->end() ? nullptr : it->second;
}

bool IntegrationRegistry::configured(std::string_view id) const {
  for (const auto& c : config_)
    if (c->integration.id == id) return true;
  return false;
}

void IntegrationRegistry::reload(
    const std::function<std::optional<std::vector<Integration>>()>& load) {
  const std::lock_guard lock(write_mu_);
  auto stored = load();
  if (!stored) return;
  auto map = std::make_shared<Map>();
  for (const auto& c : config_) map->emplace(c->integration.id, c);
  for (Integration& in : *stored) {
    if (map->count(in.id)) continue;  // the config file's wins
    auto live = make_live(std::move(in), false);
    map->emplace(live->integration.id, std::move(live));
  }
  map_.store(std::move(map), std::memory_order_release);
}

outbox::TargetResolver IntegrationRegistry::note_targets(
    std::shared_ptr<const IntegrationRegistry> registry) {
  return [registry = std::move(registry)](std::string_view id) -> std::optional<notes::NoteTarget> {
    const auto live = registry->find(id);
    if (!live || !live->integration.notes.enabled) return std::nullopt;
    const Integration& in = live->integration;
    return notes::NoteTarget{in.vendor, in.api_base_url, in.api_credentials};
  };
}

}  // namespace tactful::server
