// `tactful admin rotate-secrets-key`: every stored integration secret is re-sealed under a new
// secrets.key while the server is stopped (refused while it runs); webhooks signed with the
// stored secrets verify after the restart; and the on-disk states a crash leaves between the
// steps (docs/admin.md, "Rotating secrets.key") are finished or undone by the next start.
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "integration_api.h"
#include "integration_json.h"
#include "secret_box.h"

namespace tactful::testing {
namespace {

const std::string kSecret = "whsec-rotation-5e4d3c2b1a09";
const std::string kOtherSecret = "whsec-rotation-other-77aa66bb";
const std::string kToken = "api-token-rotation-0099887766";

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void write_key(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
  ::chmod(p.c_str(), 0600);
}

// Runs the tactful binary; its exit code, stdout and stderr in `out`.
int run(const std::string& args, std::string& out) {
  out.clear();
  FILE* p = popen((std::string(TACTFUL_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class KeyRotationTest : public AdminTest {
 protected:
  std::filesystem::path data() const { return dir.path() / "data"; }
  std::string rotate(int expect_exit = 0) {
    std::string out;
    EXPECT_EQ(run("admin rotate-secrets-key --data-dir '" + data().string() + "'", out),
              expect_exit)
        << out;
    return out;
  }
  // tenant/id -> the sealed secrets column, read as the CLI would.
  std::map<std::string, std::string> sealed() {
    std::map<std::string, std::string> out;
    auto store = server::AdminStore::open(data().string());
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return out;
    auto rows = (*store)->integrations("");
    EXPECT_TRUE(rows.ok());
    if (rows.ok())
      for (const auto& r : *rows) out[r.tenant + "/" + r.id] = r.secrets;
    return out;
  }
  // Whether every stored secret opens with the key in `key_file`.
  bool all_open_with(const std::filesystem::path& key_file) {
    auto box = server::SecretBox::open_key_file(key_file.string());
    EXPECT_TRUE(box.ok());
    if (!box.ok()) return false;
    auto store = server::AdminStore::open(data().string());
    auto rows = (*store)->integrations("");
    for (const auto& r : *rows)
      if (!(*box)->unseal(r.secrets, server::integration_seal_context(r.tenant, r.id)).ok())
        return false;
    return !rows->empty();
  }
  bool logged(const std::string& event, const std::string& text) {
    for (const auto& line : log_lines())
      if (contains(line, event) && contains(line, text)) return true;
    return false;
  }
  int verified(const std::string& id, const std::string& secret, int message_id) {
    return deliver_chatwoot(port, id, secret, chatwoot_message(false, message_id, kComplaint))
        .status;
  }
  // Two tenants' integrations, one with API credentials.
  void create_integrations() {
    const std::string acme = token("acme"), globex = token("globex");
    ASSERT_EQ(call(acme, "POST", "/v1/admin/integrations",
                   chatwoot_body("cw-a", kSecret, "https://chat.example.com", kToken))
                  .status,
              201);
    ASSERT_EQ(
        call(globex, "POST", "/v1/admin/integrations", chatwoot_body("cw-g", kOtherSecret)).status,
        201);
  }
};

TEST_F(KeyRotationTest, ReSealsEveryStoredSecretUnderANewKeyAndWebhooksStillVerify) {
  start();
  create_integrations();
  const std::string old_key = file_bytes(data() / "secrets.key");
  // Refused while a server uses the data dir: nothing changes.
  EXPECT_TRUE(contains(rotate(2), "stop it first"));
  std::string missing;
  EXPECT_EQ(run("admin rotate-secrets-key --data-dir '" + (dir.path() / "nowhere").string() + "'",
                missing),
            2);
  EXPECT_TRUE(contains(missing, "no data dir")) << missing;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "nowhere"));
  EXPECT_EQ(file_bytes(data() / "secrets.key"), old_key);
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.new"));
  EXPECT_EQ(verified("cw-a", kSecret, 1), 200);

  server.reset();
  const auto before = sealed();
  ASSERT_EQ(before.size(), 2u);
  const std::string out = rotate();
  EXPECT_TRUE(contains(out, "2 integration(s) re-sealed")) << out;
  EXPECT_FALSE(contains(out, kSecret) || contains(out, kToken)) << out;
  const std::string new_key = file_bytes(data() / "secrets.key");
  EXPECT_EQ(new_key.size(), 32u);
  EXPECT_NE(new_key, old_key);
  struct stat st {};
  ASSERT_EQ(::stat((data() / "secrets.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.new"));
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.old"));
  const auto after = sealed();
  for (const auto& [row, value] : before) {
    ASSERT_TRUE(after.count(row)) << row;
    EXPECT_NE(after.at(row), value) << row << ": its ciphertext did not change";
  }
  EXPECT_TRUE(all_open_with(data() / "secrets.key"));
  write_key(dir.path() / "old.key", old_key);
  for (const auto& [row, value] : after) {
    auto old_box = server::SecretBox::open_key_file((dir.path() / "old.key").string());
    const auto slash = row.find('/');
    EXPECT_FALSE((*old_box)
                     ->unseal(value, server::integration_seal_context(row.substr(0, slash),
                                                                      row.substr(slash + 1)))
                     .ok())
        << row << " still opens with the old key";
  }

  start();
  EXPECT_EQ(verified("cw-a", kSecret, 2), 200);
  EXPECT_EQ(verified("cw-g", kOtherSecret, 3), 200);
  EXPECT_EQ(verified("cw-a", kOtherSecret, 4), 401);
  const Reply shown = call(token("acme"), "GET", "/v1/admin/integrations/cw-a");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(parse_json(shown.body)["api_credentials"]["api_access_token"]["set"].GetBool());
  EXPECT_FALSE(logged("integration_refused", ""));
  EXPECT_FALSE(logged("secrets_key_recovered", ""));
}

TEST_F(KeyRotationTest, ACommittedRotationWhoseRenameDidNotHappenIsFinishedAtStart) {
  start();
  create_integrations();
  server.reset();
  const std::string old_key = file_bytes(data() / "secrets.key");
  rotate();
  const std::string new_key = file_bytes(data() / "secrets.key");
  // The state a crash after the commit leaves: the rows sealed under secrets.key.new, the old
  // key still secrets.key (and already linked as secrets.key.old).
  write_key(data() / "secrets.key.new", new_key);
  write_key(data() / "secrets.key", old_key);
  write_key(data() / "secrets.key.old", old_key);
  ASSERT_TRUE(all_open_with(data() / "secrets.key.new"));

  start();
  EXPECT_TRUE(logged("secrets_key_recovered", "finished an interrupted key rotation"));
  EXPECT_EQ(verified("cw-a", kSecret, 1), 200);
  EXPECT_EQ(verified("cw-g", kOtherSecret, 2), 200);
  EXPECT_EQ(file_bytes(data() / "secrets.key"), new_key);
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.new"));
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.old"));
}

TEST_F(KeyRotationTest, ARotationThatNeverCommittedIsUndoneAtStartOrByTheNextRotation) {
  start();
  create_integrations();
  server.reset();
  const std::string key = file_bytes(data() / "secrets.key");
  const auto rows = sealed();
  // The state a crash before the commit leaves: a new key no row was sealed under.
  std::random_device random;
  auto unused_key = [&] {
    std::string k(32, '\0');
    for (auto& c : k) c = static_cast<char>(random() & 0xff);
    return k;
  };
  write_key(data() / "secrets.key.new", unused_key());

  start();
  EXPECT_TRUE(logged("secrets_key_recovered", "undid an interrupted key rotation"));
  EXPECT_EQ(verified("cw-a", kSecret, 1), 200);
  EXPECT_EQ(file_bytes(data() / "secrets.key"), key);
  EXPECT_FALSE(std::filesystem::exists(data() / "secrets.key.new"));
  EXPECT_EQ(sealed(), rows);

  // The command line does the same before it rotates.
  server.reset();
  write_key(data() / "secrets.key.new", unused_key());
  const std::string out = rotate();
  EXPECT_TRUE(contains(out, "first undid an interrupted key rotation")) << out;
  EXPECT_TRUE(contains(out, "2 integration(s) re-sealed")) << out;
  EXPECT_NE(file_bytes(data() / "secrets.key"), key);
  start();
  EXPECT_EQ(verified("cw-a", kSecret, 2), 200);
  EXPECT_EQ(verified("cw-g", kOtherSecret, 3), 200);
}

}  // namespace
}  // namespace tactful::testing
