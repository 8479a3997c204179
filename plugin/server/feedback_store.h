// Feedback on hints, stored in SQLite (WAL) under the data directory.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "sqlite_db.h"
#include "tactful/adapters/native_feedback.h"
#include "tactful/result.h"

namespace tactful::server {

// Owns one SQLite connection to <data_dir>/tactful.db in WAL mode, with the schema migrated to
// this build's version (migrations.h). insert() is safe from any thread (one writer at a time);
// the database is closed cleanly (checkpointed) when the store is destroyed.
class FeedbackStore {
 public:
  static Result<std::unique_ptr<FeedbackStore>> open(const std::string& data_dir);
  FeedbackStore(const FeedbackStore&) = delete;
  FeedbackStore& operator=(const FeedbackStore&) = delete;
  ~FeedbackStore();

  // Stores one row for `tenant` ("" = none); returns its id.
  Result<std::int64_t> insert(const Feedback& f, std::string_view tenant,
                              std::chrono::system_clock::time_point at);
  const std::string& path() const { return db_->path(); }

 private:
  FeedbackStore() = default;
  std::mutex mu_;
  std::unique_ptr<Database> db_;
  Statement insert_;
};

// <data_dir>/tactful.db, creating the directory if needed; the file (and its -wal and -shm)
// are made owner-only (0600).
Result<std::string> database_path(const std::string& data_dir);

}  // namespace tactful::server
