// Encryption at rest for the secrets the admin API stores (integrations' webhook secrets and
// API credentials): AES-256-GCM (OpenSSL EVP) under a key kept in a file beside the database.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "tactful/result.h"

namespace tactful::server {

// Seals and opens small secrets. Guarantees: every seal uses a fresh random 96-bit nonce; a
// sealed value is bound to its `context` (the row it belongs to: tenant and id), so a value
// copied into another row, or altered in any bit, fails to open instead of yielding a wrong
// secret; error messages never contain plaintext or key bytes; the key is wiped from memory
// when the box is destroyed. Safe to use from many threads (each call has its own cipher
// context; the key is read-only after open).
//
// What it protects against: a copy of tactful.db (a backup, a support bundle, a leaked
// snapshot, SQL read access) without the key file. What it does not: anyone who can read the
// data directory as the service user (they have both files), or the running process's memory.
class SecretBox {
 public:
  // Reads `<data_dir>/secrets.key` (32 bytes), creating it from OpenSSL's CSPRNG with mode
  // 0600 if it does not exist (atomically: two processes starting at once agree on one key).
  // An existing key file readable by others is narrowed to 0600; one of the wrong size is an
  // error (a truncated key would make every stored secret unreadable, so nothing is guessed).
  static Result<std::unique_ptr<SecretBox>> open(const std::string& data_dir);
  // Reads the key in `path` (32 bytes), never creating it.
  static Result<std::unique_ptr<SecretBox>> open_key_file(const std::string& path);
  ~SecretBox();
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;

  // "v1:" + base64(nonce | ciphertext | tag).
  Result<std::string> seal(std::string_view plaintext, std::string_view context) const;
  // The plaintext, or an error if `sealed` is malformed, was sealed under another key or
  // context, or was tampered with.
  Result<std::string> unseal(std::string_view sealed, std::string_view context) const;

  const std::string& key_path() const { return path_; }

 private:
  SecretBox() = default;
  std::array<unsigned char, 32> key_{};
  std::string path_;
};

// Writes a new random 32-byte key to `path` with mode 0600: a temporary file, fsynced, then
// linked into place, so `path` never holds part of a key. An existing `path` is kept as it is.
Result<void> create_key_file(const std::string& path);

// Narrows an existing file to owner read/write (0600); a missing file is not an error.
Result<void> restrict_to_owner(const std::string& path);

}  // namespace tactful::server
