// The admin store: opening, tokens, tenants, teams and the audit log.
#include "admin_store.h"

#include <chrono>

#include "admin_tokens.h"
#include "feedback_store.h"
#include "json_out.h"
#include "migrations.h"
#include "tactful/timestamp.h"

namespace tactful::server {
namespace {

StoreError failed(const Error& e) {
  return {StoreError::Kind::failed, e.message};
}
StoreError not_found(std::string m) {
  return {StoreError::Kind::not_found, std::move(m)};
}

std::string team_json(const Team& t) {
  JsonOut j;
  j.begin_object().field("id", t.id).field("name", t.name).end_object();
  return j.take();
}

TokenInfo token_row(const Statement& s) {
  return {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
}

constexpr const char* kTokenColumns = "id, tenant, role, name, created_at, revoked_at";

}  // namespace

std::string now_rfc3339() {
  return format_rfc3339(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Result<std::unique_ptr<AdminStore>> AdminStore::open(const std::string& data_dir) {
  auto path = database_path(data_dir);
  if (!path.ok()) return path.error();
  auto db = Database::open(*path);
  if (!db.ok()) return db.error();
  std::unique_ptr<AdminStore> store(new AdminStore());
  store->db_ = std::move(db).value();
  if (auto m = migrate(*store->db_); !m.ok()) return Error{*path + ": " + m.error().message};
  return store;
}

AdminStore::~AdminStore() = default;

Result<void> AdminStore::log(const Actor& who, std::string_view action, std::string_view target,
                             std::string_view before, std::string_view after) {
  auto s = db_->prepare(
      "INSERT INTO audit (tenant, at, token_id, token_name, action, target, before, after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return s.error();
  s->bind(1, who.tenant).bind(2, now_rfc3339());
  if (who.token_id)
    s->bind(3, who.token_id);
  else
    s->bind_null(3);
  s->bind(4, who.name).bind(5, action).bind(6, target);
  s->bind_optional(7, before).bind_optional(8, after);
  return s->run();
}

StoreResult<std::string> AdminStore::create_token(const std::string& tenant,
                                                  const std::string& role, const std::string& name,
                                                  TokenInfo& info) {
  if (!valid_slug(tenant))
    return StoreError{StoreError::Kind::conflict,
                      "tenant: use 1-64 letters, digits, '.', '-' or '_'"};
  if (role != "admin" && role != "viewer")
    return StoreError{StoreError::Kind::conflict, "role: expected admin or viewer"};
  const std::string token = new_admin_token();
  if (token.empty()) return failed(Error{"the random number generator failed"});
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  const std::string now = now_rfc3339();
  auto t = db_->prepare("INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)");
  if (!t.ok()) return failed(t.error());
  if (auto r = t->bind(1, tenant).bind(2, tenant).bind(3, now).run(); !r.ok())
    return failed(r.error());
  auto s = db_->prepare(
      "INSERT INTO admin_tokens (tenant, role, name, hash, created_at) VALUES (?, ?, ?, ?, ?)");
  if (!s.ok()) return failed(s.error());
  if (auto r = s->bind(1, tenant)
                   .bind(2, role)
                   .bind(3, name)
                   .bind(4, sha256_hex(token))
                   .bind(5, now)
                   .run();
      !r.ok())
    return failed(r.error());
  info = {db_->last_insert_id(), tenant, role, name, now, ""};
  JsonOut after;
  after.begin_object().field("id", info.id).field("role", role).field("name", name).end_object();
  if (auto r = log({0, "command line", tenant}, "token.create", "tokens/" + std::to_string(info.id),
                   "", after.take());
      !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return token;
}

StoreResult<TokenInfo> AdminStore::find_token(std::string_view token) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kTokenColumns +
                        " FROM admin_tokens WHERE hash = ? AND revoked_at IS NULL");
  if (!s.ok()) return failed(s.error());
  s->bind(1, sha256_hex(token));
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return not_found("unknown or revoked token");
  return token_row(*s);
}

StoreResult<std::vector<TokenInfo>> AdminStore::list_tokens(const std::string& tenant) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kTokenColumns +
                        " FROM admin_tokens WHERE ?1 = '' OR tenant = ?1 ORDER BY id");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant);
  std::vector<TokenInfo> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return failed(row.error());
    if (!*row) return out;
    out.push_back(token_row(*s));
  }
}

StoreResult<TokenInfo> AdminStore::revoke_token(std::int64_t id) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto s = db_->prepare(std::string("SELECT ") + kTokenColumns + " FROM admin_tokens WHERE id = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return not_found("no token " + std::to_string(id));
  TokenInfo info = token_row(*s);
  s = Statement();
  if (info.revoked_at.empty()) {
    info.revoked_at = now_rfc3339();
    auto u = db_->prepare("UPDATE admin_tokens SET revoked_at = ? WHERE id = ?");
    if (!u.ok()) return failed(u.error());
    if (auto r = u->bind(1, info.revoked_at).bind(2, id).run(); !r.ok()) return failed(r.error());
    if (auto r = log({0, "command line", info.tenant}, "token.revoke",
                     "tokens/" + std::to_string(id), "", "");
        !r.ok())
      return failed(r.error());
  }
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return info;
}

StoreResult<Tenant> AdminStore::tenant(const std::string& id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare("SELECT id, name, created_at FROM tenants WHERE id = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return not_found("no tenant '" + id + "'");
  return Tenant{s->text(0), s->text(1), s->text(2)};
}

StoreResult<std::vector<Tenant>> AdminStore::tenants() {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare("SELECT id, name, created_at FROM tenants ORDER BY id");
  if (!s.ok()) return failed(s.error());
  std::vector<Tenant> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return failed(row.error());
    if (!*row) return out;
    out.push_back({s->text(0), s->text(1), s->text(2)});
  }
}

StoreResult<Tenant> AdminStore::rename_tenant(const Actor& who, const std::string& id,
                                              const std::string& name) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto before = tenant(id);
  if (!before.ok()) return before.error();
  auto u = db_->prepare("UPDATE tenants SET name = ? WHERE id = ?");
  if (!u.ok()) return failed(u.error());
  if (auto r = u->bind(1, name).bind(2, id).run(); !r.ok()) return failed(r.error());
  auto json = [](const Tenant& t) {
    JsonOut j;
    j.begin_object().field("id", t.id).field("name", t.name).end_object();
    return j.take();
  };
  Tenant after = *before;
  after.name = name;
  if (auto r = log(who, "tenant.update", "tenants/" + id, json(*before), json(after)); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return after;
}

StoreResult<std::vector<Team>> AdminStore::teams(const std::string& tenant) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare("SELECT id, name, created_at FROM teams WHERE tenant = ? ORDER BY id");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant);
  std::vector<Team> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return failed(row.error());
    if (!*row) return out;
    out.push_back({s->text(0), s->text(1), s->text(2)});
  }
}

StoreResult<Team> AdminStore::team(const std::string& tenant, const std::string& id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare("SELECT id, name, created_at FROM teams WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, id);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return not_found("no team '" + id + "'");
  return Team{s->text(0), s->text(1), s->text(2)};
}

StoreResult<Team> AdminStore::create_team(const Actor& who, const Team& t) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  if (team(who.tenant, t.id).ok())
    return StoreError{StoreError::Kind::conflict, "team '" + t.id + "' exists"};
  Team made{t.id, t.name.empty() ? t.id : t.name, now_rfc3339()};
  auto s = db_->prepare("INSERT INTO teams (tenant, id, name, created_at) VALUES (?, ?, ?, ?)");
  if (!s.ok()) return failed(s.error());
  if (auto r =
          s->bind(1, who.tenant).bind(2, made.id).bind(3, made.name).bind(4, made.created_at).run();
      !r.ok())
    return failed(r.error());
  if (auto r = log(who, "team.create", "teams/" + made.id, "", team_json(made)); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return made;
}

StoreResult<Team> AdminStore::update_team(const Actor& who, const Team& t) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto before = team(who.tenant, t.id);
  if (!before.ok()) return before.error();
  Team after = *before;
  after.name = t.name;
  auto s = db_->prepare("UPDATE teams SET name = ? WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  if (auto r = s->bind(1, after.name).bind(2, who.tenant).bind(3, t.id).run(); !r.ok())
    return failed(r.error());
  if (auto r = log(who, "team.update", "teams/" + t.id, team_json(*before), team_json(after));
      !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return after;
}

StoreResult<Team> AdminStore::delete_team(const Actor& who, const std::string& id) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto before = team(who.tenant, id);
  if (!before.ok()) return before.error();
  auto s = db_->prepare("DELETE FROM teams WHERE tenant = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  if (auto r = s->bind(1, who.tenant).bind(2, id).run(); !r.ok()) return failed(r.error());
  if (auto r = log(who, "team.delete", "teams/" + id, team_json(*before), ""); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return *before;
}

StoreResult<std::vector<AuditEntry>> AdminStore::audit(const std::string& tenant,
                                                       std::int64_t limit, std::int64_t before_id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(
      "SELECT id, coalesce(token_id, 0), at, token_name, action, target, before, after FROM audit "
      "WHERE tenant = ? AND (? <= 0 OR id < ?) ORDER BY id DESC LIMIT ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, before_id).bind(3, before_id).bind(4, limit);
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return failed(row.error());
    if (!*row) return out;
    out.push_back({s->integer(0), s->integer(1), s->text(2), s->text(3), s->text(4), s->text(5),
                   s->text(6), s->text(7)});
  }
}

}  // namespace tactful::server
