// The registry of open connections.
#include "connections.h"

#include <vector>

namespace tactful::server {

ConnectionTicket& ConnectionTicket::operator=(ConnectionTicket&& o) noexcept {
  if (this != &o) {
    if (registry_) registry_->remove(id_);
    registry_ = o.registry_;
    id_ = o.id_;
    o.registry_ = nullptr;
  }
  return *this;
}

ConnectionTicket::~ConnectionTicket() {
  if (registry_) registry_->remove(id_);
}

ConnectionTicket ConnectionRegistry::add(std::weak_ptr<Closable> c) {
  const std::lock_guard lock(mu_);
  const std::uint64_t id = next_++;
  open_.emplace(id, std::move(c));
  return ConnectionTicket(this, id);
}

std::size_t ConnectionRegistry::size() const {
  const std::lock_guard lock(mu_);
  return open_.size();
}

void ConnectionRegistry::remove(std::uint64_t id) {
  const std::lock_guard lock(mu_);
  open_.erase(id);
}

void ConnectionRegistry::close_all_when_idle() {
  std::vector<std::shared_ptr<Closable>> live;
  {
    const std::lock_guard lock(mu_);
    for (auto& [id, weak] : open_)
      if (auto c = weak.lock()) live.push_back(std::move(c));
  }
  for (auto& c : live) c->close_when_idle();
}

}  // namespace tactful::server
