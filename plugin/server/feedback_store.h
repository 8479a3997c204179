// Feedback on hints, stored in SQLite (WAL) under the data directory.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "tactful/adapters/native_feedback.h"
#include "tactful/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tactful::server {

// Owns one SQLite connection to <data_dir>/tactful.db in WAL mode, with the `feedback` table
// created if missing. insert() is safe from any thread (one writer at a time); the database is
// closed cleanly (checkpointed) when the store is destroyed.
class FeedbackStore {
 public:
  static Result<std::unique_ptr<FeedbackStore>> open(const std::string& data_dir);
  FeedbackStore() = default;  // unopened; use open()
  FeedbackStore(const FeedbackStore&) = delete;
  FeedbackStore& operator=(const FeedbackStore&) = delete;
  ~FeedbackStore();

  // Stores one row; returns its id.
  Result<std::int64_t> insert(const Feedback& f, std::chrono::system_clock::time_point at);
  const std::string& path() const { return path_; }

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const;
  };
  struct FinalizeStmt {
    void operator()(sqlite3_stmt* s) const;
  };
  std::string path_;
  std::mutex mu_;
  std::unique_ptr<sqlite3, CloseDb> db_;
  std::unique_ptr<sqlite3_stmt, FinalizeStmt> insert_;
};

}  // namespace tactful::server
