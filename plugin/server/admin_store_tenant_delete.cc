// The admin store: deleting a tenant with everything it owns.
#include "admin_store.h"
#include "json_out.h"

namespace tactful::server {
namespace {

StoreError failed(const Error& e) {
  return {StoreError::Kind::failed, e.message};
}

}  // namespace

StoreResult<TenantRemoval> AdminStore::delete_tenant(const Actor& who, const std::string& id) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto found = tenant(id);
  if (!found.ok()) return found.error();
  TenantRemoval removed{*found};
  // Children first, each counted by what its DELETE changed: the foreign keys would cascade
  // some of these, but then the counts (and the tables without a key) would be lost.
  const std::pair<const char*, std::int64_t*> tables[] = {
      {"rule_history", &removed.history},   {"rules", &removed.rules},
      {"rule_versions", &removed.versions}, {"teams", &removed.teams},
      {"admin_tokens", &removed.tokens},    {"mutes", &removed.mutes},
      {"feedback", &removed.feedback},      {"integrations", &removed.integrations}};
  for (const auto& [table, count] : tables) {
    auto d = db_->prepare(std::string("DELETE FROM ") + table + " WHERE tenant = ?");
    if (!d.ok()) return failed(d.error());
    if (auto r = d->bind(1, id).run(); !r.ok()) return failed(r.error());
    *count = db_->changes();
  }
  auto t = db_->prepare("DELETE FROM tenants WHERE id = ?");
  if (!t.ok()) return failed(t.error());
  if (auto r = t->bind(1, id).run(); !r.ok()) return failed(r.error());
  JsonOut before;
  before.begin_object().field("id", found->id).field("name", found->name);
  before.key("removed").begin_object().field("teams", removed.teams);
  before.field("rules", removed.rules).field("history", removed.history);
  before.field("versions", removed.versions).field("tokens", removed.tokens);
  before.field("mutes", removed.mutes).field("feedback", removed.feedback);
  before.field("integrations", removed.integrations);
  before.end_object().end_object();
  if (auto r = log(who, "tenant.delete", "tenants/" + id, before.take(), ""); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return removed;
}

}  // namespace tactful::server
