// The outbox table: schema, and one committed statement per state change.
#include "store.h"

#include <filesystem>

namespace tactful::outbox {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  integration TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  source_message_id TEXT NOT NULL,
  text TEXT NOT NULL,
  marker TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
  uncertain INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  last_attempt_ms INTEGER,
  finished_ms INTEGER,
  last_error TEXT,
  vendor_ref TEXT,
  delivered_via TEXT,
  UNIQUE (integration, source_message_id)
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt_ms);
)sql";

// A prepared statement, finalized with the object.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return s_ != nullptr; }
  Stmt& bind(int i, std::int64_t v) {
    if (s_) sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, std::string_view v) {
    if (s_) sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  int step() { return s_ ? sqlite3_step(s_) : SQLITE_ERROR; }
  std::int64_t int_at(int col) const { return sqlite3_column_int64(s_, col); }
  bool null_at(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string text_at(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : "";
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<OutboxStore>> OutboxStore::open(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error{"data dir " + data_dir + ": " + ec.message()};
  auto store = std::make_unique<OutboxStore>();
  store->path_ = data_dir + "/outbox.db";
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
  return store;
}

OutboxStore::~OutboxStore() {
  if (db_) sqlite3_exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
}

Error OutboxStore::error(std::string_view what) const {
  return Error{path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_.get())};
}

Result<OutboxStore::Inserted> OutboxStore::insert(const PendingNote& n, std::string_view marker,
                                                  std::int64_t now_ms) {
  const std::lock_guard lock(mu_);
  Stmt ins(db_.get(),
           "INSERT INTO outbox (integration, conversation_id, source_message_id, text, marker, "
           "state, created_ms, next_attempt_ms) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6) "
           "ON CONFLICT (integration, source_message_id) DO NOTHING");
  ins.bind(1, n.integration).bind(2, n.conversation_id).bind(3, n.source_message_id);
  ins.bind(4, n.text).bind(5, marker).bind(6, now_ms);
  if (ins.step() != SQLITE_DONE) return error("enqueue");
  if (sqlite3_changes(db_.get()) == 1) return Inserted{sqlite3_last_insert_rowid(db_.get()), true};
  Stmt find(db_.get(), "SELECT id FROM outbox WHERE integration = ?1 AND source_message_id = ?2");
  find.bind(1, n.integration).bind(2, n.source_message_id);
  if (find.step() != SQLITE_ROW) return error("enqueue (existing note)");
  return Inserted{find.int_at(0), false};
}

Result<int> OutboxStore::recover(std::int64_t due_ms) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "UPDATE outbox SET state = 'pending', next_attempt_ms = ?1 WHERE state = 'sending'");
  s.bind(1, due_ms);
  if (s.step() != SQLITE_DONE) return error("recover");
  return sqlite3_changes(db_.get());
}

Result<std::optional<Item>> OutboxStore::claim(std::int64_t now_ms) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "UPDATE outbox SET state = 'sending', attempts = attempts + 1, last_attempt_ms = ?1 "
         "WHERE id = (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_ms <= ?1 "
         "ORDER BY next_attempt_ms, id LIMIT 1) RETURNING id, integration, conversation_id, "
         "source_message_id, text, marker, uncertain, attempts, created_ms");
  s.bind(1, now_ms);
  const int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<Item>();
  if (rc != SQLITE_ROW) return error("claim");
  Item item;
  item.id = s.int_at(0);
  item.integration = s.text_at(1);
  item.conversation_id = s.text_at(2);
  item.source_message_id = s.text_at(3);
  item.text = s.text_at(4);
  item.marker = s.text_at(5);
  item.uncertain = s.int_at(6) != 0;
  item.attempts = static_cast<int>(s.int_at(7));
  item.created_ms = s.int_at(8);
  if (s.step() != SQLITE_DONE) return error("claim");  // completes the statement
  return std::optional<Item>(std::move(item));
}

Result<void> OutboxStore::mark_uncertain(std::int64_t id, std::int64_t now_ms) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(), "UPDATE outbox SET uncertain = 1, last_attempt_ms = ?2 WHERE id = ?1");
  s.bind(1, id).bind(2, now_ms);
  if (s.step() != SQLITE_DONE) return error("mark attempt");
  return {};
}

Result<void> OutboxStore::clear_uncertain(std::int64_t id) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(), "UPDATE outbox SET uncertain = 0 WHERE id = ?1");
  s.bind(1, id);
  if (s.step() != SQLITE_DONE) return error("clear uncertain");
  return {};
}

Result<void> OutboxStore::delivered(std::int64_t id, std::int64_t now_ms,
                                    std::string_view vendor_ref, std::string_view via) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "UPDATE outbox SET state = 'delivered', uncertain = 0, finished_ms = ?2, "
         "vendor_ref = ?3, delivered_via = ?4, last_error = NULL WHERE id = ?1");
  s.bind(1, id).bind(2, now_ms).bind(3, vendor_ref).bind(4, via);
  if (s.step() != SQLITE_DONE) return error("record delivery");
  return {};
}

Result<void> OutboxStore::reschedule(std::int64_t id, std::int64_t next_ms,
                                     std::string_view error_text, bool uncertain) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "UPDATE outbox SET state = 'pending', next_attempt_ms = ?2, last_error = ?3, "
         "uncertain = ?4 WHERE id = ?1");
  s.bind(1, id).bind(2, next_ms).bind(3, error_text).bind(4, std::int64_t{uncertain ? 1 : 0});
  if (s.step() != SQLITE_DONE) return error("reschedule");
  return {};
}

Result<void> OutboxStore::failed(std::int64_t id, std::int64_t now_ms, std::string_view reason) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "UPDATE outbox SET state = 'failed', finished_ms = ?2, last_error = ?3 WHERE id = ?1");
  s.bind(1, id).bind(2, now_ms).bind(3, reason);
  if (s.step() != SQLITE_DONE) return error("record failure");
  return {};
}

Result<std::optional<std::int64_t>> OutboxStore::next_due_ms() {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(), "SELECT MIN(next_attempt_ms) FROM outbox WHERE state = 'pending'");
  if (s.step() != SQLITE_ROW) return error("next due");
  if (s.null_at(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(s.int_at(0));
}

Result<Counts> OutboxStore::counts() {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(), "SELECT state, COUNT(*) FROM outbox GROUP BY state");
  Counts c;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    const std::string state = s.text_at(0);
    const auto n = static_cast<std::uint64_t>(s.int_at(1));
    if (state == "pending")
      c.pending = n;
    else if (state == "sending")
      c.sending = n;
    else if (state == "delivered")
      c.delivered = n;
    else if (state == "failed")
      c.failed = n;
  }
  if (rc != SQLITE_DONE) return error("count");
  return c;
}

Result<std::optional<NoteStatus>> OutboxStore::status(std::string_view integration,
                                                      std::string_view source_message_id) {
  const std::lock_guard lock(mu_);
  Stmt s(db_.get(),
         "SELECT state, attempts, uncertain, last_error, vendor_ref, delivered_via FROM outbox "
         "WHERE integration = ?1 AND source_message_id = ?2");
  s.bind(1, integration).bind(2, source_message_id);
  const int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<NoteStatus>();
  if (rc != SQLITE_ROW) return error("status");
  NoteStatus st;
  st.state = s.text_at(0);
  st.attempts = static_cast<int>(s.int_at(1));
  st.uncertain = s.int_at(2) != 0;
  st.last_error = s.text_at(3);
  st.vendor_ref = s.text_at(4);
  st.delivered_via = s.text_at(5);
  return std::optional<NoteStatus>(std::move(st));
}

}  // namespace tactful::outbox
