// Who an agent request comes from: the API key it carries names the tenant, team and agent
// (config `api_keys` objects), and the agent's muted rules are kept here for /v1/suggest.
#pragma once

#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "http_types.h"
#include "tactful/server/config.h"

namespace tactful::server {

struct AgentScope {
  std::string tenant;  // "" = no tenant: the server's own rules
  std::string team;    // the key's team ("" = the request's `team` field decides)
  std::string agent;   // the key's agent, or "key-" + 12 hex of its SHA-256; "" without a key
  // Whose published rules check the request when not `tenant`'s: the tenant of the
  // integration whose conversation the request names, for a key that names no tenant.
  std::string rules_tenant;
};

// SHA-256 (hex) of each configured key, in config order: computed once, so finding which key a
// request carries costs at most three hashes whatever the number of keys, and comparing hashes
// reveals nothing about a key.
std::vector<std::string> api_key_hashes(const Config& config);

// The key the request carries (Authorization: Bearer, X-API-Key, or `query_key`), if it is one
// of the configured ones; its scope, with admin.default_tenant when it names no tenant.
AgentScope agent_scope(const HttpRequest& req, const Config& config,
                       const std::vector<std::string>& key_hashes, std::string_view query_key = {});

// Every agent's muted rules, by (tenant, agent). Read on every check, written rarely: a
// shared mutex keeps reads concurrent.
class MuteCache {
 public:
  void set(const std::string& tenant, const std::string& agent, const std::string& rule,
           bool muted);
  std::vector<std::string> get(const std::string& tenant, const std::string& agent) const;
  // Forgets every mute of a deleted tenant.
  void clear_tenant(const std::string& tenant);

 private:
  mutable std::shared_mutex mu_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> muted_;
};

}  // namespace tactful::server
