// The SQLite wrapper.
#include "sqlite_db.h"

#include <sqlite3.h>

namespace tactful::server {

void Statement::Finalize::operator()(sqlite3_stmt* s) const {
  sqlite3_finalize(s);
}
void Database::Close::operator()(sqlite3* db) const {
  sqlite3_close(db);
}

Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int i, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), i, value);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_.get(), i);
  return *this;
}
Statement& Statement::bind_optional(int i, std::string_view text) {
  return text.empty() ? bind_null(i) : bind(i, text);
}

Statement& Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error{sqlite3_errmsg(db_)};
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r.ok()) return r.error();
    if (!*r) return {};
  }
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_.get(), column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}
std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}
double Statement::real(int column) const {
  return sqlite3_column_double(stmt_.get(), column);
}
bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
  std::unique_ptr<Database> d(new Database());  // private constructor: make_unique cannot
  d->path_ = path;
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  d->db_.reset(db);
  if (rc != SQLITE_OK) return Error{path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))};
  sqlite3_busy_timeout(db, 5000);
  if (auto r =
          d->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
      !r.ok())
    return Error{path + ": " + r.error().message};
  return d;
}

Database::~Database() {
  if (db_) sqlite3_exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK)
    return Error{std::string(sqlite3_errmsg(db_.get()))};
  return Statement(db_.get(), stmt);
}

Result<void> Database::exec(const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return Error{m};
  }
  return {};
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_.get());
}
int Database::changes() const {
  return sqlite3_changes(db_.get());
}

Transaction::Transaction(Database& db) : db_(db) {
  auto r = db_.exec("BEGIN IMMEDIATE");
  began_ = r.ok();
  if (!began_) error_ = r.error().message;
}

Transaction::~Transaction() {
  if (began_ && !done_) (void)db_.exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  if (!began_) return Error{error_};
  auto r = db_.exec("COMMIT");
  if (r.ok()) done_ = true;
  return r;
}

}  // namespace tactful::server
