// The admin store: rules and overrides with their history, published versions and mutes.
#include <algorithm>

#include "admin_store.h"
#include "json_out.h"

namespace tactful::server {
namespace {

StoreError failed(const Error& e) {
  return {StoreError::Kind::failed, e.message};
}

std::string target_of(const std::string& kind, const std::string& team, const std::string& id) {
  return (kind == "rule" ? "rules/" : "overrides/") + id + (team.empty() ? "" : "?team=" + team);
}

constexpr const char* kItemColumns = "kind, team, id, body, version, updated_at, updated_by";

Item item_row(const Statement& s) {
  return {s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4), s.text(5), s.text(6)};
}

PublishedVersion version_row(const Statement& s) {
  return {s.text(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)};
}

constexpr const char* kVersionColumns =
    "tenant, version, doc, published_at, published_by, coalesce(note, ''), "
    "coalesce(rolled_back_from, 0)";

template <typename T, typename F>
StoreResult<std::vector<T>> collect(Statement& s, F row) {
  std::vector<T> out;
  for (;;) {
    auto r = s.step();
    if (!r.ok()) return failed(r.error());
    if (!*r) return out;
    out.push_back(row(s));
  }
}

}  // namespace

StoreResult<std::vector<Item>> AdminStore::items(const std::string& tenant,
                                                 const std::string& kind) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kItemColumns +
                        " FROM rules WHERE tenant = ? AND (? = '' OR kind = ?) "
                        "ORDER BY kind, team, id");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, kind).bind(3, kind);
  return collect<Item>(*s, item_row);
}

StoreResult<Item> AdminStore::item(const std::string& tenant, const std::string& kind,
                                   const std::string& team, const std::string& id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kItemColumns +
                        " FROM rules WHERE tenant = ? AND kind = ? AND team = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, kind).bind(3, team).bind(4, id);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row)
    return StoreError{StoreError::Kind::not_found,
                      std::string(kind == "rule" ? "no custom rule '" : "no override of '") + id +
                          "'" + (team.empty() ? "" : " for team '" + team + "'")};
  return item_row(*s);
}

Result<std::int64_t> AdminStore::next_version(const std::string& tenant, const Item& it) {
  auto s = db_->prepare(
      "SELECT coalesce(max(version), 0) + 1 FROM rule_history WHERE tenant = ? AND kind = ? AND "
      "team = ? AND id = ?");
  if (!s.ok()) return s.error();
  s->bind(1, tenant).bind(2, it.kind).bind(3, it.team).bind(4, it.id);
  if (auto r = s->step(); !r.ok()) return r.error();
  return s->integer(0);
}

StoreResult<Item> AdminStore::put_item(const Actor& who, Item it, std::int64_t expected_version) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto before = item(who.tenant, it.kind, it.team, it.id);
  if (!before.ok() && before.error().kind != StoreError::Kind::not_found) return before.error();
  const std::int64_t current = before.ok() ? before->version : 0;
  if (expected_version >= 0 && expected_version != current)
    return StoreError{StoreError::Kind::conflict,
                      current == 0 ? "'" + it.id + "' does not exist (version 0), not version " +
                                         std::to_string(expected_version)
                      : expected_version == 0
                          ? "'" + it.id + "' exists already (version " + std::to_string(current) +
                                "): PUT it to replace it"
                          : "'" + it.id + "' is at version " + std::to_string(current) + ", not " +
                                std::to_string(expected_version) +
                                " (someone else changed it: reload and retry)"};
  auto next = next_version(who.tenant, it);
  if (!next.ok()) return failed(next.error());
  it.version = std::max(current + 1, *next);
  it.updated_at = now_rfc3339();
  it.updated_by = who.name;
  auto s = db_->prepare(
      "INSERT OR REPLACE INTO rules (tenant, kind, team, id, body, version, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return failed(s.error());
  s->bind(1, who.tenant).bind(2, it.kind).bind(3, it.team).bind(4, it.id).bind(5, it.body);
  s->bind(6, it.version).bind(7, it.updated_at).bind(8, it.updated_by);
  if (auto r = s->run(); !r.ok()) return failed(r.error());
  auto h = db_->prepare(
      "INSERT INTO rule_history (tenant, kind, team, id, version, body, at, by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!h.ok()) return failed(h.error());
  h->bind(1, who.tenant).bind(2, it.kind).bind(3, it.team).bind(4, it.id).bind(5, it.version);
  h->bind(6, it.body).bind(7, it.updated_at).bind(8, it.updated_by);
  if (auto r = h->run(); !r.ok()) return failed(r.error());
  if (auto r = log(who, it.kind + (current ? ".update" : ".create"),
                   target_of(it.kind, it.team, it.id), before.ok() ? before->body : "", it.body);
      !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return it;
}

StoreResult<Item> AdminStore::delete_item(const Actor& who, const std::string& kind,
                                          const std::string& team, const std::string& id) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  auto before = item(who.tenant, kind, team, id);
  if (!before.ok()) return before.error();
  auto s = db_->prepare("DELETE FROM rules WHERE tenant = ? AND kind = ? AND team = ? AND id = ?");
  if (!s.ok()) return failed(s.error());
  if (auto r = s->bind(1, who.tenant).bind(2, kind).bind(3, team).bind(4, id).run(); !r.ok())
    return failed(r.error());
  auto h = db_->prepare(
      "INSERT INTO rule_history (tenant, kind, team, id, version, body, at, by) "
      "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)");
  if (!h.ok()) return failed(h.error());
  auto next = next_version(who.tenant, *before);
  if (!next.ok()) return failed(next.error());
  h->bind(1, who.tenant).bind(2, kind).bind(3, team).bind(4, id).bind(5, *next);
  h->bind(6, now_rfc3339()).bind(7, who.name);
  if (auto r = h->run(); !r.ok()) return failed(r.error());
  if (auto r = log(who, kind + ".delete", target_of(kind, team, id), before->body, ""); !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return *before;
}

StoreResult<std::vector<HistoryEntry>> AdminStore::history(const std::string& tenant,
                                                           const std::string& kind,
                                                           const std::string& team,
                                                           const std::string& id) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(
      "SELECT version, coalesce(body, ''), at, by FROM rule_history WHERE tenant = ? AND "
      "kind = ? AND team = ? AND id = ? ORDER BY seq");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, kind).bind(3, team).bind(4, id);
  return collect<HistoryEntry>(*s, [](const Statement& r) {
    return HistoryEntry{r.integer(0), r.text(1), r.text(2), r.text(3)};
  });
}

StoreResult<PublishedVersion> AdminStore::publish(const Actor& who, const std::string& doc,
                                                  const std::string& note,
                                                  std::int64_t rolled_back_from,
                                                  const std::vector<Item>* restore_items) {
  const std::lock_guard lock(mu_);
  Transaction tx(*db_);
  if (!tx.began()) return failed(Error{tx.error()});
  std::int64_t next = 1;
  {
    auto s =
        db_->prepare("SELECT coalesce(max(version), 0) + 1 FROM rule_versions WHERE tenant = ?");
    if (!s.ok()) return failed(s.error());
    s->bind(1, who.tenant);
    if (auto r = s->step(); !r.ok()) return failed(r.error());
    next = s->integer(0);
  }
  PublishedVersion v{who.tenant, next, doc, now_rfc3339(), who.name, note, rolled_back_from};
  auto s = db_->prepare(
      "INSERT INTO rule_versions (tenant, version, doc, published_at, published_by, note, "
      "rolled_back_from) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return failed(s.error());
  s->bind(1, v.tenant).bind(2, v.version).bind(3, v.doc).bind(4, v.published_at);
  s->bind(5, v.published_by).bind_optional(6, note);
  if (rolled_back_from)
    s->bind(7, rolled_back_from);
  else
    s->bind_null(7);
  if (auto r = s->run(); !r.ok()) return failed(r.error());
  if (restore_items) {
    // The working copy becomes the restored version: later edits start from what serves.
    auto current = items(who.tenant, "");
    if (!current.ok()) return current.error();
    auto del = db_->prepare("DELETE FROM rules WHERE tenant = ?");
    if (!del.ok()) return failed(del.error());
    if (auto r = del->bind(1, who.tenant).run(); !r.ok()) return failed(r.error());
    auto ins = db_->prepare(
        "INSERT INTO rules (tenant, kind, team, id, body, version, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok()) return failed(ins.error());
    // Each rule's history records what the rollback did to it, like any other edit.
    auto hist = db_->prepare(
        "INSERT INTO rule_history (tenant, kind, team, id, version, body, at, by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!hist.ok()) return failed(hist.error());
    auto record = [&](const Item& it, std::int64_t version, bool deleted) -> Result<void> {
      hist->reset().bind(1, who.tenant).bind(2, it.kind).bind(3, it.team).bind(4, it.id);
      hist->bind(5, version);
      if (deleted)
        hist->bind_null(6);
      else
        hist->bind(6, it.body);
      hist->bind(7, v.published_at).bind(8, who.name);
      return hist->run();
    };
    auto same = [](const Item& a, const Item& b) {
      return a.kind == b.kind && a.team == b.team && a.id == b.id;
    };
    for (const Item& it : *restore_items) {
      std::int64_t version = 0;
      for (const Item& c : *current)
        if (same(c, it) && c.body == it.body) version = c.version;  // unchanged: no new version
      const bool unchanged = version != 0;
      if (!unchanged) {
        auto next = next_version(who.tenant, it);
        if (!next.ok()) return failed(next.error());
        version = *next;
      }
      ins->reset().bind(1, who.tenant).bind(2, it.kind).bind(3, it.team).bind(4, it.id);
      ins->bind(5, it.body).bind(6, version).bind(7, v.published_at).bind(8, who.name);
      if (auto r = ins->run(); !r.ok()) return failed(r.error());
      if (!unchanged)
        if (auto r = record(it, version, false); !r.ok()) return failed(r.error());
    }
    for (const Item& c : *current) {
      bool kept = false;
      for (const Item& it : *restore_items) kept |= same(c, it);
      if (kept) continue;
      auto next = next_version(who.tenant, c);
      if (!next.ok()) return failed(next.error());
      if (auto r = record(c, *next, true); !r.ok()) return failed(r.error());
    }
  }
  JsonOut after;
  after.begin_object().field("version", v.version);
  if (rolled_back_from) after.field("rolled_back_from", rolled_back_from);
  if (!note.empty()) after.field("note", note);
  after.end_object();
  if (auto r = log(who, rolled_back_from ? "rules.rollback" : "rules.publish",
                   "versions/" + std::to_string(v.version), "", after.take());
      !r.ok())
    return failed(r.error());
  if (auto r = tx.commit(); !r.ok()) return failed(r.error());
  return v;
}

StoreResult<std::vector<PublishedVersion>> AdminStore::versions(const std::string& tenant) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kVersionColumns +
                        " FROM rule_versions WHERE tenant = ? ORDER BY version DESC");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant);
  return collect<PublishedVersion>(*s, version_row);
}

StoreResult<PublishedVersion> AdminStore::version(const std::string& tenant, std::int64_t n) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kVersionColumns +
                        " FROM rule_versions WHERE tenant = ? AND version = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant).bind(2, n);
  auto row = s->step();
  if (!row.ok()) return failed(row.error());
  if (!*row) return StoreError{StoreError::Kind::not_found, "no version " + std::to_string(n)};
  return version_row(*s);
}

StoreResult<std::vector<PublishedVersion>> AdminStore::latest_versions() {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(std::string("SELECT ") + kVersionColumns +
                        " FROM rule_versions v WHERE version = (SELECT max(version) FROM "
                        "rule_versions w WHERE w.tenant = v.tenant) ORDER BY tenant");
  if (!s.ok()) return failed(s.error());
  return collect<PublishedVersion>(*s, version_row);
}

StoreResult<bool> AdminStore::set_mute(const Mute& m, bool muted) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(
      muted ? "INSERT OR IGNORE INTO mutes (tenant, agent, rule, at) VALUES (?, ?, ?, ?)"
            : "DELETE FROM mutes WHERE tenant = ? AND agent = ? AND rule = ?");
  if (!s.ok()) return failed(s.error());
  s->bind(1, m.tenant).bind(2, m.agent).bind(3, m.rule);
  if (muted) s->bind(4, now_rfc3339());
  if (auto r = s->run(); !r.ok()) return failed(r.error());
  return db_->changes() > 0;
}

StoreResult<std::vector<Mute>> AdminStore::mutes(const std::string& tenant) {
  const std::lock_guard lock(mu_);
  auto s = db_->prepare(
      "SELECT tenant, agent, rule, at FROM mutes WHERE ?1 = '' OR tenant = ?1 "
      "ORDER BY tenant, agent, rule");
  if (!s.ok()) return failed(s.error());
  s->bind(1, tenant);
  return collect<Mute>(*s, [](const Statement& r) {
    return Mute{r.text(0), r.text(1), r.text(2), r.text(3)};
  });
}

}  // namespace tactful::server
