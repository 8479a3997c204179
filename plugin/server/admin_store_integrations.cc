// The admin store: integrations made through the admin API.
#include "admin_store.h"

namespace tactful::server {
namespace {

StoreError failed(const Error& e) {
  return {StoreError::Kind::failed, e.message};
}
StoreError not_found(const std::string& id) {
  return {StoreError::Kind::not_found, "no integration '" + id + "'"};
}

constexpr const char* kColumns =
    "tenant, id, body, secrets, version, created_at, updated_at, updated_by";

IntegrationRow row_of(const Statement& s) {
  return {s.text(0),    s.text(1), s.text(2), s.text(3),
          s.integer(4), s.text(5), s.text(6), s.text(7)};
}

}  // namespace

StoreResult<std::vector<IntegrationRow>> AdminStore::integrations(const std::string& tenant) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kColumns +
                        " FROM integrations WHERE ?1 = '' OR tenant = ?1 ORDER BY id");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant);
  std::vector<IntegrationRow> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return failed(row.error());
    if (!*row) return out;
    out.push_back(row_of(*s));
  }
}

StoreResult<IntegrationRow> AdminStore::integration(const std::string& tenant,
                                                    const std::string& id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kColumns +
                        " FROM integrations WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, id);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return not_found(id);
  return row_of(*s);
}

StoreResult<IntegrationRow> AdminStore::put_integration(const Actor& who, IntegrationRow row,
                                                        std::int64_t expected_version,
                                                        std::string_view audit_before,
                                                        std::string_view audit_after) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  row.tenant = who.tenant;
  // Whose is the id? Reserved ids stay with their first tenant, deleted or not.
  auto owner = db_->prepare("SELECT tenant FROM integration_ids WHERE id = ?");
  if (!owner.ok()) return failed(owner.error());
  owner->bind(1, row.id);
  auto owned = owner->step();
  if (!owned.ok()) return failed(owned.error());
  const bool reserved = *owned;
  if (reserved && owner->text(0) != row.tenant)
    return StoreError{StoreError::Kind::conflict,
                      "integration id '" + row.id + "' is taken: ids are global, choose another"};
  owner = Statement();
  auto current = integration(row.tenant, row.id);
  const bool exists = current.ok();
  if (!exists && current.error().kind != StoreError::Kind::not_found) return current.error();
  if (expected_version == 0 && exists)
    return StoreError{StoreError::Kind::conflict, "integration '" + row.id + "' exists"};
  if (expected_version > 0 && !exists) return not_found(row.id);
  if (expected_version > 0 && current->version != expected_version)
    return StoreError{StoreError::Kind::conflict, "integration '" + row.id + "' is at version " +
                                                      std::to_string(current->version) + ", not " +
                                                      std::to_string(expected_version) +
                                                      ": read it again"};
  const std::string now = now_rfc3339();
  row.version = exists ? current->version + 1 : 1;
  row.created_at = exists ? current->created_at : now;
  row.updated_at = now;
  row.updated_by = who.name;
  auto s = db_->prepare(
      "INSERT INTO integrations (tenant, id, body, secrets, version, created_at, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
      "body = excluded.body, secrets = excluded.secrets, version = excluded.version, "
      "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  if (!s.ok()) return failed(s.error());
  s->bind(1, row.tenant).bind(2, row.id).bind(3, row.body).bind(4, row.secrets);
  s->bind(5, row.version).bind(6, row.created_at).bind(7, row.updated_at).bind(8, row.updated_by);
  if (auto r = s->run(); !r.ok()) return failed(r.error());
  if (!reserved) {
    auto r = db_->prepare("INSERT INTO integration_ids (id, tenant, reserved_at) VALUES (?, ?, ?)");
    if (!r.ok()) return failed(r.error());
    if (auto x = r->bind(1, row.id).bind(2, row.tenant).bind(3, now).run(); !x.ok())
      return failed(x.error());
  }
  if (auto r = log(who, exists ? "integration.update" : "integration.create",
                   "integrations/" + row.id, audit_before, audit_after);
      !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return row;
}

StoreResult<IntegrationRow> AdminStore::delete_integration(const Actor& who, const std::string& id,
                                                           std::string_view audit_before) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto current = integration(who.tenant, id);
  if (!current.ok()) return current.error();
  auto s = db_->prepare("DELETE FROM integrations WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  if (auto r = s->bind(1, who.tenant).bind(2, id).run(); !r.ok()) return failed(r.error());
  if (auto r = log(who, "integration.delete", "integrations/" + id, audit_before, ""); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return *current;
}

StoreResult<int> AdminStore::reseal_integrations(const Resealer& reseal) {
  const std::lock_guard lock(mu_);
  if (auto r = db_->exec("PRAGMA synchronous=FULL"); !r.ok()) return failed(r.error());
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto rows = integrations("");
  if (!rows.ok()) return rows.error();
  auto s = db_->prepare("UPDATE integrations SET secrets = ? WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  int changed = 0;
  for (const auto& row : *rows) {
    auto sealed = reseal(row);
    if (!sealed.ok()) return failed(sealed.error());
    if (!*sealed) continue;
    s->reset().bind(1, **sealed).bind(2, row.tenant).bind(3, row.id);
    if (auto r = s->run(); !r.ok()) return failed(r.error());
    ++changed;
  }
  s = Statement();
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  (void)db_->exec("PRAGMA synchronous=NORMAL");
  return changed;
}

}  // namespace tactful::server
