// AES-256-GCM sealing of stored secrets, and the key file it reads.
#include "secret_box.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::server {
namespace {

constexpr std::size_t kNonce = 12, kTag = 16;
constexpr std::string_view kPrefix = "v1:";

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text() {
  return std::strerror(errno);
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

// link() fails if the key exists, so a concurrent start (the server and the CLI) never sees a
// half-written key, and two starts agree on one.
Result<void> create_key_file(const std::string& path) {
  std::array<unsigned char, 32> key{};
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
    return Error{"the random number generator failed"};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    if (f.fd < 0) return Error{tmp + ": " + errno_text()};
    const bool written = ::write(f.fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
    OPENSSL_cleanse(key.data(), key.size());
    if (!written || ::fsync(f.fd) != 0) {
      ::unlink(tmp.c_str());
      return Error{tmp + ": cannot write the key"};
    }
  }
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (linked != 0 && link_errno != EEXIST) return Error{path + ": " + std::strerror(link_errno)};
  return {};
}

Result<void> restrict_to_owner(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return {};
    return Error{path + ": " + errno_text()};
  }
  if ((st.st_mode & 0077) != 0 && ::chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0)
    return Error{path + ": cannot make it private (chmod 600): " + errno_text()};
  return {};
}

Result<std::unique_ptr<SecretBox>> SecretBox::open(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error{"data dir " + data_dir + ": " + ec.message()};
  const std::string path = data_dir + "/secrets.key";
  if (::access(path.c_str(), F_OK) != 0)
    if (auto r = create_key_file(path); !r.ok()) return r.error();
  return open_key_file(path);
}

Result<std::unique_ptr<SecretBox>> SecretBox::open_key_file(const std::string& path) {
  std::unique_ptr<SecretBox> box(new SecretBox());
  box->path_ = path;
  if (auto r = restrict_to_owner(box->path_); !r.ok()) return r.error();
  Fd f{::open(box->path_.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return Error{box->path_ + ": " + errno_text()};
  std::array<unsigned char, 33> buf{};
  std::size_t got = 0;
  for (;;) {
    const ssize_t n = ::read(f.fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{box->path_ + ": " + errno_text()};
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == buf.size()) break;
  }
  if (got != box->key_.size()) {
    OPENSSL_cleanse(buf.data(), buf.size());
    return Error{box->path_ + ": expected a 32-byte key, found " +
                 (got > box->key_.size() ? std::string("more") : std::to_string(got)) +
                 " bytes; restore it from a backup (the stored integration secrets need it)"};
  }
  std::memcpy(box->key_.data(), buf.data(), box->key_.size());
  OPENSSL_cleanse(buf.data(), buf.size());
  return box;
}

SecretBox::~SecretBox() {
  OPENSSL_cleanse(key_.data(), key_.size());
}

Result<std::string> SecretBox::seal(std::string_view plaintext, std::string_view context) const {
  std::string out(kNonce + plaintext.size() + kTag, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  if (RAND_bytes(p, kNonce) != 1) return Error{"the random number generator failed"};
  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0, fin = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), p) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(context),
                        static_cast<int>(context.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), p + kNonce, &len, bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), p + kNonce + len, &fin) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, p + kNonce + plaintext.size()) !=
          1)
    return Error{"cannot encrypt the secret (OpenSSL AES-256-GCM)"};
  return std::string(kPrefix) + webhooks::to_base64(out);
}

Result<std::string> SecretBox::unseal(std::string_view sealed, std::string_view context) const {
  if (!sealed.starts_with(kPrefix)) return Error{"not a sealed secret (no v1: prefix)"};
  const auto raw = webhooks::from_base64(sealed.substr(kPrefix.size()));
  if (!raw || raw->size() < kNonce + kTag) return Error{"a sealed secret is malformed"};
  const std::size_t n = raw->size() - kNonce - kTag;
  const auto* p = bytes(*raw);
  std::string plain(n, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0, fin = 0;
  std::array<unsigned char, kTag> tag{};
  std::memcpy(tag.data(), p + kNonce + n, kTag);
  const bool ok =
      ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr) == 1 &&
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), p) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(context),
                        static_cast<int>(context.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), out, &len, p + kNonce, static_cast<int>(n)) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx.get(), out + len, &fin) == 1;
  if (!ok) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return Error{
        "a sealed secret does not open with this key (another data dir's key, or altered)"};
  }
  return plain;
}

}  // namespace tactful::server
