// The SQLite feedback table.
#include "feedback_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "migrations.h"
#include "secret_box.h"
#include "tactful/timestamp.h"

namespace tactful::server {

Result<std::string> database_path(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error{"data dir " + data_dir + ": " + ec.message()};
  const std::string path = data_dir + "/tactful.db";
  // The database holds integrations' (sealed) secrets and the audit log: owner-only, created
  // so before SQLite opens it (SQLite gives its -wal and -shm files the database's mode).
  if (const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0)
    ::close(fd);
  for (const char* suffix : {"", "-wal", "-shm"})
    if (auto r = restrict_to_owner(path + suffix); !r.ok()) return r.error();
  return path;
}

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::open(const std::string& data_dir) {
  auto path = database_path(data_dir);
  if (!path.ok()) return path.error();
  auto db = Database::open(*path);
  if (!db.ok()) return db.error();
  std::unique_ptr<FeedbackStore> store(new FeedbackStore());
  store->db_ = std::move(db).value();
  if (auto m = migrate(*store->db_); !m.ok()) return Error{*path + ": " + m.error().message};
  auto stmt = store->db_->prepare(
      "INSERT INTO feedback (at, rule, category, action, suggestion_id, conversation_id, "
      "agent_id, tenant, team, empathy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return Error{*path + ": " + stmt.error().message};
  store->insert_ = std::move(stmt).value();
  return store;
}

FeedbackStore::~FeedbackStore() {
  insert_ = Statement();  // finalized before the connection closes
}

Result<std::int64_t> FeedbackStore::insert(const Feedback& f, std::string_view tenant,
                                           std::chrono::system_clock::time_point at) {
  const std::string when = format_rfc3339(std::chrono::floor<std::chrono::seconds>(at));
  const std::lock_guard lock(mu_);
  Statement& s = insert_.reset();
  s.bind(1, when).bind(2, f.rule).bind_optional(3, f.category).bind(4, f.action);
  s.bind_optional(5, f.suggestion_id).bind_optional(6, f.conversation_id);
  s.bind_optional(7, f.agent_id).bind_optional(8, tenant).bind_optional(9, f.team);
  if (f.empathy)
    s.bind(10, static_cast<std::int64_t>(*f.empathy));
  else
    s.bind_null(10);
  if (auto r = s.run(); !r.ok()) return r.error();
  return db_->last_insert_id();
}

}  // namespace tactful::server
