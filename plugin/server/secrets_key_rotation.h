// Rotating <data_dir>/secrets.key: every stored integration secret re-sealed under a new key in
// one SQLite transaction, and the key file replaced so that a crash at any point leaves a data
// dir the next start (or the next rotation) reads correctly. Steps, in order:
//   1. the new key is written to secrets.key.new (temporary file, fsync, link; mode 0600);
//   2. one transaction re-seals every row under it (synchronous=FULL: on disk at commit);
//   3. secrets.key is hard-linked as secrets.key.old, then secrets.key.new renamed over
//      secrets.key (atomic), then secrets.key.old removed; the directory is fsynced after each.
// secrets.key always exists. While secrets.key.new exists the rows are sealed under exactly
// one of the two keys; recover_interrupted_rotation tells which by opening them, and finishes
// (rename) or undoes (remove secrets.key.new) the rotation.
#pragma once

#include <string>
#include <vector>

#include "tactful/result.h"

namespace tactful::server {

class AdminStore;

// An advisory lock (flock) on <data_dir>/secrets.lock: a server holds it shared while it runs;
// a rotation holds it exclusive. Guarantees: a rotation never runs while a server of the same
// data dir runs (it is refused), and a server never reads the key in the middle of one. The
// kernel drops the lock when the process ends, however it ends.
class SecretsKeyLock {
 public:
  // Exclusive, without waiting: an error if a server (or another rotation) holds the data dir.
  static Result<SecretsKeyLock> exclusive(const std::string& data_dir);
  // Shared, for a starting server: waits for a rotation in progress; first finishes or undoes
  // an interrupted one (then `recovered` says what was done, for the log).
  static Result<SecretsKeyLock> for_server(const std::string& data_dir, AdminStore& store,
                                           std::string& recovered);
  SecretsKeyLock(SecretsKeyLock&& other) noexcept;
  SecretsKeyLock& operator=(SecretsKeyLock&& other) noexcept;
  SecretsKeyLock(const SecretsKeyLock&) = delete;
  SecretsKeyLock& operator=(const SecretsKeyLock&) = delete;
  ~SecretsKeyLock();

 private:
  explicit SecretsKeyLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// With secrets.key.new left by an interrupted rotation (caller holds the exclusive lock): if
// any stored secret opens with it, the transaction committed, so the rotation is finished
// (secrets.key.new becomes secrets.key); otherwise it never committed and secrets.key.new is
// removed. A leftover secrets.key.old is removed. Returns what was done ("" for nothing).
Result<std::string> recover_interrupted_rotation(const std::string& data_dir, AdminStore& store);

// What a rotation did.
struct KeyRotation {
  std::string recovered;                // an interrupted rotation finished or undone first
  int resealed = 0;                     // rows re-sealed under the new key
  std::vector<std::string> unreadable;  // "tenant/id" whose secrets did not open: left as they were
};

// Rotates the key (caller holds the exclusive lock). On an error before the commit nothing
// has changed (secrets.key.new is removed); after it, the error names the step and the next
// start finishes the rotation.
Result<KeyRotation> rotate_secrets_key(const std::string& data_dir, AdminStore& store);

}  // namespace tactful::server
