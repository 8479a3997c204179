// The SQLite feedback table.
#include "feedback_store.h"

#include <sqlite3.h>

#include <filesystem>

#include "tactful/timestamp.h"

namespace tactful::server {

void FeedbackStore::CloseDb::operator()(sqlite3* db) const {
  sqlite3_close(db);
}
void FeedbackStore::FinalizeStmt::operator()(sqlite3_stmt* s) const {
  sqlite3_finalize(s);
}

namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
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
)sql";

}  // namespace

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::open(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error{"data dir " + data_dir + ": " + ec.message()};
  auto store = std::make_unique<FeedbackStore>();
  store->path_ = data_dir + "/tactful.db";
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(store->path_.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  store->db_.reset(db);
  if (rc != SQLITE_OK)
    return Error{store->path_ + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))};
  sqlite3_busy_timeout(db, 5000);
  char* msg = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return Error{store->path_ + ": " + m};
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db,
                         "INSERT INTO feedback (at, rule, category, action, suggestion_id, "
                         "conversation_id, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         -1, &stmt, nullptr) != SQLITE_OK)
    return Error{store->path_ + ": " + sqlite3_errmsg(db)};
  store->insert_.reset(stmt);
  return store;
}

FeedbackStore::~FeedbackStore() {
  insert_.reset();
  if (db_) sqlite3_exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
}

Result<std::int64_t> FeedbackStore::insert(const Feedback& f,
                                           std::chrono::system_clock::time_point at) {
  const std::string when = format_rfc3339(std::chrono::floor<std::chrono::seconds>(at));
  const std::lock_guard lock(mu_);
  sqlite3_stmt* s = insert_.get();
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  auto bind = [&](int i, const std::string& v, bool optional) {
    if (optional && v.empty())
      sqlite3_bind_null(s, i);
    else
      sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  bind(1, when, false);
  bind(2, f.rule, false);
  bind(3, f.category, true);
  bind(4, f.action, false);
  bind(5, f.suggestion_id, true);
  bind(6, f.conversation_id, true);
  bind(7, f.agent_id, true);
  if (sqlite3_step(s) != SQLITE_DONE) return Error{sqlite3_errmsg(db_.get())};
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
}

}  // namespace tactful::server
