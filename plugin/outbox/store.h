// The outbox table in SQLite: every state change of a note is one committed statement.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/outbox/outbox.h"
#include "tactful/result.h"

namespace tactful::outbox {

// A note claimed for delivery.
struct Item {
  std::int64_t id = 0;
  std::string integration, conversation_id, source_message_id, text, marker;
  bool uncertain = false;
  int attempts = 0;  // including the round that claimed it
  std::int64_t created_ms = 0;
};

struct Counts {
  std::uint64_t pending = 0, sending = 0, delivered = 0, failed = 0;
};

// Owns one connection to <data_dir>/outbox.db (WAL, synchronous=FULL so a commit survives a
// power cut, not only a crash). Every method is safe from any thread (one statement at a
// time) and commits before it returns. Times are unix milliseconds.
class OutboxStore {
 public:
  static Result<std::unique_ptr<OutboxStore>> open(const std::string& data_dir);
  OutboxStore() = default;  // unopened; use open()
  ~OutboxStore();
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;

  struct Inserted {
    std::int64_t id = 0;
    bool created = false;
  };
  Result<Inserted> insert(const PendingNote& note, std::string_view marker, std::int64_t now_ms);
  // Crash recovery: "sending" rows become "pending", due at `due_ms`, uncertain flag kept.
  Result<int> recover(std::int64_t due_ms);
  // The pending note due earliest (next_attempt <= now) becomes "sending", attempts + 1.
  Result<std::optional<Item>> claim(std::int64_t now_ms);
  // Committed before a POST leaves: from here until an answer says otherwise, the note may
  // exist at the vendor.
  Result<void> mark_uncertain(std::int64_t id, std::int64_t now_ms);
  Result<void> clear_uncertain(std::int64_t id);
  Result<void> delivered(std::int64_t id, std::int64_t now_ms, std::string_view vendor_ref,
                         std::string_view via);
  Result<void> reschedule(std::int64_t id, std::int64_t next_ms, std::string_view error,
                          bool uncertain);
  Result<void> failed(std::int64_t id, std::int64_t now_ms, std::string_view reason);
  Result<std::optional<std::int64_t>> next_due_ms();
  Result<Counts> counts();
  Result<std::optional<NoteStatus>> status(std::string_view integration,
                                           std::string_view source_message_id);
  const std::string& path() const { return path_; }

 private:
  Error error(std::string_view what) const;

  struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  std::string path_;
  std::mutex mu_;
  std::unique_ptr<sqlite3, CloseDb> db_;
};

}  // namespace tactful::outbox
