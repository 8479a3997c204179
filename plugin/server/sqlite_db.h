// A thin RAII layer over SQLite: a connection in WAL mode, prepared statements with typed
// binding, and transactions. Every call reports failure as a value (Result), never throws.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tactful::server {

// One prepared statement. Binds are 1-based like SQLite's; a default-constructed or moved-from
// statement is empty. step() returns true while a row is available.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&&) = default;
  Statement& operator=(Statement&&) = default;

  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, std::int64_t value);
  Statement& bind_null(int i);
  // Binds NULL for an empty string: optional text columns.
  Statement& bind_optional(int i, std::string_view text);

  // Makes a cached statement ready to bind and run again.
  Statement& reset();
  // Steps once: a row (true), done (false), or the error.
  Result<bool> step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  Result<void> run();

  std::string text(int column) const;  // "" for NULL
  std::int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const;
  };
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

// A connection to one database file, opened in WAL mode with synchronous=NORMAL, a 5 s busy
// timeout and foreign keys on. Serialized mode: safe to share between threads, though
// callers that need several statements to be atomic hold their own lock and a transaction.
class Database {
 public:
  static Result<std::unique_ptr<Database>> open(const std::string& path);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();  // checkpoints the WAL, then closes

  Result<Statement> prepare(std::string_view sql);
  Result<void> exec(const std::string& sql);  // one or more statements, no results
  std::int64_t last_insert_id() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  Database() = default;
  std::string path_;
  std::unique_ptr<sqlite3, Close> db_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool began() const { return began_; }
  const std::string& error() const { return error_; }
  Result<void> commit();

 private:
  Database& db_;
  bool began_ = false, done_ = false;
  std::string error_;
};

}  // namespace tactful::server
