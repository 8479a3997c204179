// The admin API's state in SQLite: tenants, teams, hashed tokens, rules and overrides with their
// edit history, published rule-set versions, the audit log and agents' mutes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.h"
#include "tactful/result.h"

namespace tactful::server {

// Why a store call failed: not_found and conflict are the caller's (404, 409); failed is ours.
struct StoreError {
  enum class Kind { not_found, conflict, failed } kind = Kind::failed;
  std::string message;
};
template <typename T>
using StoreResult = Result<T, StoreError>;

struct Tenant {
  std::string id, name, created_at;
};
struct Team {
  std::string id, name, created_at;
};
struct TokenInfo {
  std::int64_t id = 0;
  std::string tenant, role, name, created_at, revoked_at;
  bool can_write() const { return role == "admin"; }
};
// Who makes a change, for the audit log.
struct Actor {
  std::int64_t token_id = 0;  // 0 = the command line
  std::string name;
  std::string tenant;
};
// A custom rule (kind "rule") or an override of another rule (kind "override"), as JSON.
struct Item {
  std::string kind, team, id, body;
  std::int64_t version = 0;
  std::string updated_at, updated_by;
};
struct HistoryEntry {
  std::int64_t version = 0;
  std::string body;  // "" = deleted
  std::string at, by;
};
struct PublishedVersion {
  std::string tenant;
  std::int64_t version = 0;
  std::string doc, published_at, published_by, note;
  std::int64_t rolled_back_from = 0;  // 0 = a plain publish
};
struct AuditEntry {
  std::int64_t id = 0, token_id = 0;
  std::string at, token_name, action, target, before, after;
};
struct Mute {
  std::string tenant, agent, rule, at;
};
// What deleting a tenant removed, row counts per table.
struct TenantRemoval {
  Tenant tenant;
  std::int64_t teams = 0, rules = 0, history = 0, versions = 0, tokens = 0, mutes = 0, feedback = 0,
               integrations = 0;
};
// An integration made through the admin API, as stored: `body` holds its non-secret fields in
// the config file's JSON format, `secrets` its secret fields sealed by SecretBox.
struct IntegrationRow {
  std::string tenant, id, body, secrets;
  std::int64_t version = 0;
  std::string created_at, updated_at, updated_by;
};

// Owns a connection to <data_dir>/tactful.db (migrated on open). Every method is safe from any
// thread; each change and its audit row are written in one transaction, so the log never
// misses a change nor records one that did not happen.
class AdminStore {
 public:
  static Result<std::unique_ptr<AdminStore>> open(const std::string& data_dir);
  AdminStore(const AdminStore&) = delete;
  AdminStore& operator=(const AdminStore&) = delete;
  ~AdminStore();

  // Tokens. create_token creates the tenant too when it does not exist; the token itself is
  // returned once and only its hash is kept.
  StoreResult<std::string> create_token(const std::string& tenant, const std::string& role,
                                        const std::string& name, TokenInfo& info);
  StoreResult<TokenInfo> find_token(std::string_view token);  // not_found if unknown/revoked
  StoreResult<std::vector<TokenInfo>> list_tokens(const std::string& tenant);  // "" = all
  StoreResult<TokenInfo> revoke_token(std::int64_t id);

  // Tenants and teams.
  StoreResult<Tenant> tenant(const std::string& id);
  StoreResult<std::vector<Tenant>> tenants();
  StoreResult<Tenant> rename_tenant(const Actor& who, const std::string& id,
                                    const std::string& name);
  // Deletes the tenant and everything it owns (teams, working copy and history, published
  // versions, tokens, mutes, feedback) in one transaction. Its audit log is kept, with one more
  // row saying who deleted it and what went: the record of a deletion must outlive the data.
  StoreResult<TenantRemoval> delete_tenant(const Actor& who, const std::string& id);
  StoreResult<std::vector<Team>> teams(const std::string& tenant);
  StoreResult<Team> team(const std::string& tenant, const std::string& id);
  StoreResult<Team> create_team(const Actor& who, const Team& team);
  StoreResult<Team> update_team(const Actor& who, const Team& team);
  StoreResult<Team> delete_team(const Actor& who, const std::string& id);

  // Rules and overrides in the working copy (what the next publish will compile).
  StoreResult<std::vector<Item>> items(const std::string& tenant, const std::string& kind);
  StoreResult<Item> item(const std::string& tenant, const std::string& kind,
                         const std::string& team, const std::string& id);
  // Creates (expected_version 0 and absent) or replaces (expected_version = the current one:
  // a stale write is a conflict; -1 = whatever is there). Returns the stored item.
  StoreResult<Item> put_item(const Actor& who, Item item, std::int64_t expected_version);
  StoreResult<Item> delete_item(const Actor& who, const std::string& kind, const std::string& team,
                                const std::string& id);
  StoreResult<std::vector<HistoryEntry>> history(const std::string& tenant, const std::string& kind,
                                                 const std::string& team, const std::string& id);

  // Published versions. publish() records `doc` as the tenant's next version; restore() makes
  // the working copy equal to a published doc's items (for a rollback) in the same transaction.
  StoreResult<PublishedVersion> publish(const Actor& who, const std::string& doc,
                                        const std::string& note, std::int64_t rolled_back_from,
                                        const std::vector<Item>* restore_items);
  StoreResult<std::vector<PublishedVersion>> versions(const std::string& tenant);  // newest first
  StoreResult<PublishedVersion> version(const std::string& tenant, std::int64_t version);
  // The newest version of every tenant that has published (to serve after a restart).
  StoreResult<std::vector<PublishedVersion>> latest_versions();

  // The audit log, newest first; `before_id` > 0 pages back.
  StoreResult<std::vector<AuditEntry>> audit(const std::string& tenant, std::int64_t limit,
                                             std::int64_t before_id);

  // Integrations (admin_store_integrations.cc). Ids are global (they name the webhook URL) and
  // each stays reserved to the tenant that first used it, even after a delete; another
  // tenant's integration is not_found. put_integration creates (expected_version 0: the id
  // must be free) or replaces (expected_version = the stored one; else conflict). The audit
  // row takes the caller's `before`/`after`, which must hold no secret.
  StoreResult<std::vector<IntegrationRow>> integrations(const std::string& tenant);  // "" = all
  StoreResult<IntegrationRow> integration(const std::string& tenant, const std::string& id);
  StoreResult<IntegrationRow> put_integration(const Actor& who, IntegrationRow row,
                                              std::int64_t expected_version,
                                              std::string_view audit_before,
                                              std::string_view audit_after);
  StoreResult<IntegrationRow> delete_integration(const Actor& who, const std::string& id,
                                                 std::string_view audit_before);
  // Replaces every integration's sealed secrets with `reseal(row)` (nullopt: the row is left
  // as it is) in one transaction, with synchronous=FULL so the commit is on disk when this
  // returns: all rows change or none. An error from `reseal` rolls everything back. Versions
  // and the audit log are untouched (no setting changes). Returns how many rows changed.
  using Resealer = std::function<Result<std::optional<std::string>>(const IntegrationRow&)>;
  StoreResult<int> reseal_integrations(const Resealer& reseal);

  // Agents' mutes of a rule.
  StoreResult<bool> set_mute(const Mute& mute, bool muted);              // true if anything changed
  StoreResult<std::vector<Mute>> mutes(const std::string& tenant = {});  // "" = all tenants

  Database& db() { return *db_; }

 private:
  AdminStore() = default;
  // One past the highest version the item ever had (deleted ones included), so a version
  // number never names two different bodies.
  Result<std::int64_t> next_version(const std::string& tenant, const Item& item);
  // Writes one audit row (inside the caller's transaction).
  Result<void> log(const Actor& who, std::string_view action, std::string_view target,
                   std::string_view before, std::string_view after);
  // One change at a time on this connection (transactions are per connection); readers take it
  // too so they never see a change half-written. Recursive: changes read before they write.
  std::recursive_mutex mu_;
  std::unique_ptr<Database> db_;
};

std::string now_rfc3339();

}  // namespace tactful::server
