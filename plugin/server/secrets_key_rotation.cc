// Rotating secrets.key: the lock, the rotation and the recovery of an interrupted one.
#include "secrets_key_rotation.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "admin_store.h"
#include "integration_json.h"
#include "secret_box.h"

namespace tactful::server {
namespace {

struct Paths {
  std::string dir, key, fresh, old, lock;
  explicit Paths(const std::string& data_dir)
      : dir(data_dir),
        key(data_dir + "/secrets.key"),
        fresh(data_dir + "/secrets.key.new"),
        old(data_dir + "/secrets.key.old"),
        lock(data_dir + "/secrets.lock") {}
};

bool exists(const std::string& path) {
  return ::access(path.c_str(), F_OK) == 0;
}

Error sys_error(const std::string& what) {
  return Error{what + ": " + std::strerror(errno)};
}

// A rename or unlink is durable only once its directory is synced.
Result<void> sync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return sys_error(dir);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return sys_error(dir + " (fsync)");
  return {};
}

Result<void> remove_if_there(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return sys_error(path);
  return {};
}

// Step 3: secrets.key.new takes secrets.key's place; secrets.key.old keeps the old key until
// the new one is in place, then goes.
Result<void> install_new_key(const Paths& p) {
  if (auto r = remove_if_there(p.old); !r.ok()) return r;
  if (::link(p.key.c_str(), p.old.c_str()) != 0 && errno != ENOENT)
    return sys_error("keeping " + p.key + " as " + p.old);
  if (auto r = sync_dir(p.dir); !r.ok()) return r;
  if (::rename(p.fresh.c_str(), p.key.c_str()) != 0)
    return sys_error("renaming " + p.fresh + " to " + p.key);
  if (auto r = sync_dir(p.dir); !r.ok()) return r;
  if (auto r = remove_if_there(p.old); !r.ok()) return r;
  return sync_dir(p.dir);
}

// Takes the lock on an open lock file, retrying when a signal interrupts the wait.
bool take(int fd, int how) {
  for (;;) {
    if (::flock(fd, how) == 0) return true;
    if (errno != EINTR) return false;
  }
}

Result<int> open_lock_file(const Paths& p) {
  const int fd = ::open(p.lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return sys_error(p.lock);
  return fd;
}

}  // namespace

SecretsKeyLock::SecretsKeyLock(SecretsKeyLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

SecretsKeyLock& SecretsKeyLock::operator=(SecretsKeyLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

SecretsKeyLock::~SecretsKeyLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the flock
}

Result<SecretsKeyLock> SecretsKeyLock::exclusive(const std::string& data_dir) {
  const Paths p(data_dir);
  auto fd = open_lock_file(p);
  if (!fd.ok()) return fd.error();
  SecretsKeyLock lock(*fd);
  if (!take(*fd, LOCK_EX | LOCK_NB)) {
    if (errno == EWOULDBLOCK)
      return Error{"a tactful server (or another key rotation) is using " + data_dir +
                   "; stop it first (" + p.lock + " is locked)"};
    return sys_error(p.lock);
  }
  return lock;
}

Result<SecretsKeyLock> SecretsKeyLock::for_server(const std::string& data_dir, AdminStore& store,
                                                  std::string& recovered) {
  const Paths p(data_dir);
  auto fd = open_lock_file(p);
  if (!fd.ok()) return fd.error();
  SecretsKeyLock lock(*fd);
  for (;;) {
    if (!take(*fd, LOCK_SH)) return sys_error(p.lock);
    // Shared: no rotation runs, so secrets.key.new, if there, was left by an interrupted one.
    if (!exists(p.fresh)) return lock;
    if (!take(*fd, LOCK_EX | LOCK_NB))
      return Error{p.fresh + " is left by an interrupted key rotation, and another process (a " +
                   "server?) uses " + data_dir +
                   ": stop it, then start again to finish the rotation"};
    auto r = recover_interrupted_rotation(data_dir, store);
    if (!r.ok()) return r.error();
    recovered = *r;
  }
}

Result<std::string> recover_interrupted_rotation(const std::string& data_dir, AdminStore& store) {
  const Paths p(data_dir);
  if (!exists(p.fresh)) {
    if (!exists(p.old) || !exists(p.key)) return std::string();
    if (auto r = remove_if_there(p.old); !r.ok()) return r.error();
    if (auto r = sync_dir(p.dir); !r.ok()) return r.error();
    return std::string("removed secrets.key.old left by a finished key rotation");
  }
  auto fresh = SecretBox::open_key_file(p.fresh);
  if (!fresh.ok()) return fresh.error();
  auto rows = store.integrations("");
  if (!rows.ok()) return Error{"reading the stored integrations: " + rows.error().message};
  bool committed = false;
  for (const auto& row : *rows) {
    auto plain = (*fresh)->unseal(row.secrets, integration_seal_context(row.tenant, row.id));
    if (!plain.ok()) continue;
    OPENSSL_cleanse(plain->data(), plain->size());
    committed = true;
    break;
  }
  if (committed) {
    if (auto r = install_new_key(p); !r.ok()) return r.error();
    return std::string(
        "finished an interrupted key rotation: the stored secrets were already sealed under "
        "secrets.key.new, now secrets.key");
  }
  if (auto r = remove_if_there(p.fresh); !r.ok()) return r.error();
  if (auto r = sync_dir(p.dir); !r.ok()) return r.error();
  return std::string(
      "undid an interrupted key rotation: no stored secret was sealed under secrets.key.new, "
      "so it was removed and secrets.key stays");
}

Result<KeyRotation> rotate_secrets_key(const std::string& data_dir, AdminStore& store) {
  const Paths p(data_dir);
  KeyRotation done;
  auto recovered = recover_interrupted_rotation(data_dir, store);
  if (!recovered.ok()) return recovered.error();
  done.recovered = *recovered;
  auto current = SecretBox::open(data_dir);
  if (!current.ok()) return current.error();
  // Step 1.
  if (auto r = create_key_file(p.fresh); !r.ok()) return r.error();
  if (auto r = sync_dir(p.dir); !r.ok()) return r.error();
  auto fresh = SecretBox::open_key_file(p.fresh);
  if (!fresh.ok()) {
    (void)remove_if_there(p.fresh);
    return fresh.error();
  }
  // Step 2.
  const auto& from = **current;
  const auto& to = **fresh;
  auto resealed = store.reseal_integrations(
      [&](const IntegrationRow& row) -> Result<std::optional<std::string>> {
        const std::string context = integration_seal_context(row.tenant, row.id);
        auto plain = from.unseal(row.secrets, context);
        if (!plain.ok()) {
          done.unreadable.push_back(row.tenant + "/" + row.id);
          return std::optional<std::string>();
        }
        auto sealed = to.seal(*plain, context);
        OPENSSL_cleanse(plain->data(), plain->size());
        if (!sealed.ok()) return sealed.error();
        return std::optional<std::string>(std::move(sealed).value());
      });
  if (!resealed.ok()) {
    (void)remove_if_there(p.fresh);
    return Error{"nothing changed: the stored secrets could not be re-sealed: " +
                 resealed.error().message};
  }
  done.resealed = *resealed;
  // Step 3.
  if (auto r = install_new_key(p); !r.ok())
    return Error{"the secrets are re-sealed under " + p.fresh + " but it could not take " + p.key +
                 "'s place (" + r.error().message + "); the next start or rotation finishes this"};
  return done;
}

}  // namespace tactful::server
