// Agent keys' scopes and mutes.
#include "agent_scope.h"

#include <algorithm>
#include <mutex>

#include "admin_tokens.h"
#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::server {

std::vector<std::string> api_key_hashes(const Config& config) {
  std::vector<std::string> out;
  for (const auto& k : config.api_keys) out.push_back(sha256_hex(k.key));
  return out;
}

AgentScope agent_scope(const HttpRequest& req, const Config& config,
                       const std::vector<std::string>& key_hashes, std::string_view query_key) {
  AgentScope scope{config.admin.default_tenant, "", "", ""};
  if (config.api_keys.empty()) return scope;
  std::string_view bearer = req.authorization;
  if (bearer.size() > 7 && (bearer.starts_with("Bearer ") || bearer.starts_with("bearer ")))
    bearer.remove_prefix(7);
  else
    bearer = {};
  const ApiKey* found = nullptr;
  std::string hash;
  for (std::string_view given : {bearer, req.api_key, query_key}) {
    if (given.empty() || found) continue;
    const std::string h = sha256_hex(given);
    for (std::size_t i = 0; i < key_hashes.size() && i < config.api_keys.size(); ++i)
      if (webhooks::constant_time_equal(key_hashes[i], h)) {
        found = &config.api_keys[i];
        hash = h;
      }
  }
  if (!found) return scope;
  if (!found->tenant.empty()) scope.tenant = found->tenant;
  scope.team = found->team;
  scope.agent = found->agent.empty() ? "key-" + hash.substr(0, 12) : found->agent;
  return scope;
}

void MuteCache::set(const std::string& tenant, const std::string& agent, const std::string& rule,
                    bool muted) {
  const std::unique_lock lock(mu_);
  auto& rules = muted_[{tenant, agent}];
  auto it = std::find(rules.begin(), rules.end(), rule);
  if (muted && it == rules.end()) rules.push_back(rule);
  if (!muted && it != rules.end()) rules.erase(it);
}

void MuteCache::clear_tenant(const std::string& tenant) {
  const std::unique_lock lock(mu_);
  std::erase_if(muted_, [&](const auto& entry) { return entry.first.first == tenant; });
}

std::vector<std::string> MuteCache::get(const std::string& tenant, const std::string& agent) const {
  const std::shared_lock lock(mu_);
  auto it = muted_.find({tenant, agent});
  return it == muted_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace tactful::server
