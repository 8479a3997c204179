// Schema migrations. Each entry is applied once, in order; never edit a released entry, add one.
#include "migrations.h"

#include <array>
#include <string>

namespace tactful::server {
namespace {

constexpr std::array<const char*, 4> kMigrations = {
    // 1: the feedback table as the first server release created it (IF NOT EXISTS: databases
    // from before the version table already have it).
    R"sql(
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  rule TEXT NOT NULL,
  category TEXT,
  action TEXT NOT NULL CHECK (action IN ('accepted', 'dismissed', 'edited')),
  suggestion_id TEXT,
  conversation_id TEXT,
  agent_id TEXT
);
CREATE INDEX IF NOT EXISTS feedback_rule ON feedback(rule, action);
)sql",
    // 2: the admin API: tenants, teams, hashed tokens, rules and overrides with their history,
    // published versions, the audit log and agents' mutes.
    R"sql(
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE teams (
  tenant TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE TABLE admin_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE rules (
  tenant TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('rule', 'override')),
  team TEXT NOT NULL DEFAULT '',
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (tenant, kind, team, id)
);
CREATE TABLE rule_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant TEXT NOT NULL,
  kind TEXT NOT NULL,
  team TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT,
  at TEXT NOT NULL,
  by TEXT NOT NULL
);
CREATE INDEX rule_history_rule ON rule_history(tenant, kind, team, id, version);
CREATE TABLE rule_versions (
  tenant TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  note TEXT,
  rolled_back_from INTEGER,
  PRIMARY KEY (tenant, version)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant TEXT NOT NULL,
  at TEXT NOT NULL,
  token_id INTEGER,
  token_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_tenant ON audit(tenant, id);
CREATE TABLE mutes (
  tenant TEXT NOT NULL,
  agent TEXT NOT NULL,
  rule TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (tenant, agent, rule)
);
)sql",
    // 3: feedback learns `shown`, and who (tenant, team) and how empathetic the draft was.
    // SQLite cannot alter a CHECK constraint, so the table is rebuilt with its rows.
    R"sql(
CREATE TABLE feedback_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  rule TEXT NOT NULL,
  category TEXT,
  action TEXT NOT NULL CHECK (action IN ('shown', 'accepted', 'dismissed', 'edited')),
  suggestion_id TEXT,
  conversation_id TEXT,
  agent_id TEXT,
  tenant TEXT,
  team TEXT,
  empathy INTEGER CHECK (empathy BETWEEN 0 AND 100)
);
INSERT INTO feedback_v3 (id, at, rule, category, action, suggestion_id, conversation_id, agent_id)
  SELECT id, at, rule, category, action, suggestion_id, conversation_id, agent_id FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_v3 RENAME TO feedback;
CREATE INDEX feedback_rule ON feedback(rule, action);
CREATE INDEX feedback_tenant_at ON feedback(tenant, at);
)sql",
    // 4: integrations made through the admin API. `body` holds the non-secret fields in the
    // config file's format; `secrets` the secret ones, sealed (AES-256-GCM, secret_box.h).
    // integration_ids keeps each id reserved to the tenant that first used it, even after a
    // delete: notes queued under an id must never reach another tenant's helpdesk.
    R"sql(
CREATE TABLE integrations (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  secrets TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX integrations_tenant ON integrations(tenant, id);
CREATE TABLE integration_ids (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  reserved_at TEXT NOT NULL
);
)sql",
};

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

Result<void> migrate(Database& db) {
  Transaction tx(db);
  if (!tx.began()) return Error{"migration: " + tx.error()};
  if (auto r = db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      !r.ok())
    return Error{"migration: " + r.error().message};
  int current = 0;
  {  // finalized before the migrations run: DROP TABLE refuses while a statement is active
    auto get = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!get.ok()) return get.error();
    auto row = get->step();
    if (!row.ok()) return row.error();
    current = static_cast<int>(get->integer(0));
  }
  if (current > schema_version())
    return Error{db.path() + " has schema version " + std::to_string(current) +
                 ", newer than this tactful understands (" + std::to_string(schema_version()) +
                 "): upgrade tactful"};
  for (int v = current + 1; v <= schema_version(); ++v) {
    if (auto r = db.exec(kMigrations[static_cast<std::size_t>(v - 1)]); !r.ok())
      return Error{"migration " + std::to_string(v) + ": " + r.error().message};
  }
  if (current < schema_version()) {
    auto r = db.exec("DELETE FROM schema_version; INSERT INTO schema_version VALUES (" +
                     std::to_string(schema_version()) + ")");
    if (!r.ok()) return Error{"migration: " + r.error().message};
  }
  return tx.commit();
}

}  // namespace tactful::server
