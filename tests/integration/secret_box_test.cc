// Sealing stored secrets (AES-256-GCM under <data_dir>/secrets.key): a value opens only with
// its key and in its own row, any altered bit is refused, and the key file is private.
#include "secret_box.h"

#include <sys/stat.h>

#include <fstream>

#include "fixture.h"
#include "json.h"
#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::testing {
namespace {

using server::SecretBox;

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

TEST(SecretBox, SealsSoOnlyItsKeyAndRowOpenIt) {
  TempDir dir;
  auto box = SecretBox::open(dir.path().string());
  ASSERT_TRUE(box.ok()) << box.error().message;
  const std::string secret = "whsec-plaintext-never-stored";
  auto a = (*box)->seal(secret, "integration\nacme\ncw");
  auto b = (*box)->seal(secret, "integration\nacme\ncw");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // a fresh nonce each time
  EXPECT_FALSE(contains(*a, secret));
  EXPECT_TRUE(a->starts_with("v1:"));
  auto opened = (*box)->unseal(*a, "integration\nacme\ncw");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, secret);
  EXPECT_EQ(*(*box)->unseal(*(*box)->seal("", "x"), "x"), "");  // empty is fine too

  // Another row's context, any flipped bit, a cut, garbage: refused, never a wrong secret.
  EXPECT_FALSE((*box)->unseal(*a, "integration\nglobex\ncw").ok());
  auto raw = *webhooks::from_base64(a->substr(3));
  for (std::size_t i = 0; i < raw.size(); i += 7) {
    std::string flipped = raw;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
    EXPECT_FALSE((*box)->unseal("v1:" + webhooks::to_base64(flipped), "integration\nacme\ncw").ok())
        << "byte " << i;
  }
  EXPECT_FALSE((*box)->unseal("v1:" + webhooks::to_base64(raw.substr(0, 20)), "x").ok());
  EXPECT_FALSE((*box)->unseal("v1:!!!", "x").ok());
  EXPECT_FALSE((*box)->unseal(secret, "x").ok());
  auto e = (*box)->unseal(*a, "other");
  ASSERT_FALSE(e.ok());
  EXPECT_FALSE(contains(e.error().message, secret));

  // The same data dir opens the same key again; another data dir's key does not open it.
  auto again = SecretBox::open(dir.path().string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*(*again)->unseal(*a, "integration\nacme\ncw"), secret);
  TempDir other;
  auto foreign = SecretBox::open(other.path().string());
  ASSERT_TRUE(foreign.ok());
  EXPECT_FALSE((*foreign)->unseal(*a, "integration\nacme\ncw").ok());
}

TEST(SecretBox, TheKeyFileIsPrivateAndAWrongOneIsRefused) {
  TempDir dir;
  const auto key = dir.path() / "secrets.key";
  ASSERT_TRUE(SecretBox::open(dir.path().string()).ok());
  EXPECT_EQ(mode_of(key), 0600u);
  EXPECT_EQ(std::filesystem::file_size(key), 32u);
  // Made readable by others (a careless copy): narrowed again at the next open.
  ASSERT_EQ(::chmod(key.c_str(), 0644), 0);
  ASSERT_TRUE(SecretBox::open(dir.path().string()).ok());
  EXPECT_EQ(mode_of(key), 0600u);
  // Truncated: refused with what to do, never replaced (the stored secrets need it).
  std::filesystem::resize_file(key, 16);
  auto r = SecretBox::open(dir.path().string());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "expected a 32-byte key, found 16")) << r.error().message;
  EXPECT_EQ(std::filesystem::file_size(key), 16u);
}

}  // namespace
}  // namespace tactful::testing
