// Trying to get past the admin and agent authentication over real HTTP: malformed and
// ambiguous credentials, another tenant's token, a viewer writing, path and method tricks, keys
// that were rotated away — and a walk of every GET route looking for a secret in the answer.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "admin_tokens.h"
#include "integration_api.h"

namespace tactful::testing {
namespace {

const std::string kAgentKey = "agent-key-0123456789abcdef";

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// The status line's code of a raw HTTP exchange.
int raw_status(std::uint16_t port, const std::string& request_bytes) {
  const std::string answer = raw_exchange(port, request_bytes);
  return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0;
}

class SecurityAuthTest : public AdminTest {
 protected:
  void start_with_key() {
    start([](server::Config& c) { c.api_keys = {server::ApiKey{kAgentKey}}; });
  }
  Reply suggest(const Headers& headers, const std::string& target = "/v1/suggest") {
    return request(port, "POST", target, R"({"draft": "Per our policy, no."})", headers);
  }
};

TEST_F(SecurityAuthTest, MalformedAgentCredentialsAreRefused) {
  start_with_key();
  ASSERT_EQ(suggest({{"Authorization", "Bearer " + kAgentKey}}).status, 200);
  ASSERT_EQ(suggest({{"X-API-Key", kAgentKey}}).status, 200);
  for (const std::string& bad : std::vector<std::string>{
           "", "Bearer", "Bearer ", "Bearer  " + kAgentKey, kAgentKey, "Basic " + kAgentKey,
           "Token " + kAgentKey, "Bearer " + kAgentKey + "x", "Bearer " + kAgentKey.substr(1),
           "Bearer " + std::string(60000, 'k')})
    EXPECT_EQ(suggest({{"Authorization", bad}}).status, 401) << bad.substr(0, 40);
  EXPECT_EQ(suggest({{"X-API-Key", ""}}).status, 401);
  EXPECT_EQ(suggest({{"X-API-Key", kAgentKey.substr(0, 16)}}).status, 401);
  // A key in the query string counts only where documented (the WebSocket, LanguageTool).
  EXPECT_EQ(suggest({}, "/v1/suggest?key=" + kAgentKey).status, 401);
  EXPECT_EQ(request(port, "GET", "/v2/check?language=en&text=hi&apiKey=nope").status, 401);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream?key=" + kAgentKey.substr(2)), 401);
}

TEST_F(SecurityAuthTest, TwoCredentialHeadersAreRefusedNotFirstWins) {
  start_with_key();
  const std::string admin = token("acme");
  for (const std::string& headers :
       {"Authorization: Bearer " + kAgentKey + "\r\nAuthorization: Bearer wrong-key-0123456789\r\n",
        "Authorization: Bearer wrong-key-0123456789\r\nAuthorization: Bearer " + kAgentKey + "\r\n",
        "X-API-Key: " + kAgentKey + "\r\nX-API-Key: " + kAgentKey + "\r\n"}) {
    const std::string body = R"({"draft": "hi"})";
    EXPECT_EQ(raw_status(port, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                                   headers + "Content-Type: application/json\r\nContent-Length: " +
                                   std::to_string(body.size()) + "\r\n\r\n" + body),
              400)
        << headers;
  }
  EXPECT_EQ(raw_status(port,
                       "GET /v1/admin/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                       "Authorization: Bearer " +
                           admin + "\r\nAuthorization: Bearer " + admin + "\r\n\r\n"),
            400);
  // One of each is fine: the admin API reads Authorization only.
  EXPECT_EQ(raw_status(port,
                       "GET /v1/admin/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                       "Authorization: Bearer " +
                           admin + "\r\nX-API-Key: " + kAgentKey + "\r\n\r\n"),
            200);
}

TEST_F(SecurityAuthTest, AgentKeysAndAdminTokensAreNotInterchangeable) {
  start_with_key();
  const std::string admin = token("acme");
  EXPECT_EQ(call(kAgentKey, "GET", "/v1/admin/whoami").status, 401);
  EXPECT_EQ(call(kAgentKey, "GET", "/v1/admin/rules").status, 401);
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + admin}}).status, 401);
  EXPECT_EQ(call(admin, "GET", "/v1/mutes").status, 401);
  // A token near the header limit is refused as unknown, not truncated into a match.
  EXPECT_EQ(call(admin + std::string(60000, 'a'), "GET", "/v1/admin/whoami").status, 401);
  EXPECT_EQ(call(std::string(60000, 'a'), "GET", "/v1/admin/whoami").status, 401);
}

TEST_F(SecurityAuthTest, AnotherTenantsTokenSeesAndChangesNothingOfThisTenant) {
  start();
  const std::string acme = token("acme"), globex = token("globex");
  ASSERT_EQ(call(acme, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  ASSERT_EQ(
      call(acme, "PUT", "/v1/admin/rules/acme.synergy", phrase_rule("acme.synergy", "synergy"))
          .status,
      201);
  ASSERT_EQ(
      call(acme, "POST", "/v1/admin/integrations", chatwoot_body("cw-acme", "s3cr3t-acme")).status,
      201);
  EXPECT_EQ(call(globex, "GET", "/v1/admin/teams/billing").status, 404);
  EXPECT_EQ(call(globex, "GET", "/v1/admin/rules/acme.synergy").status, 404);
  EXPECT_EQ(call(globex, "GET", "/v1/admin/integrations/cw-acme").status, 404);
  EXPECT_EQ(call(globex, "DELETE", "/v1/admin/rules/acme.synergy").status, 404);
  EXPECT_EQ(call(globex, "DELETE", "/v1/admin/integrations/cw-acme").status, 404);
  EXPECT_EQ(call(globex, "GET", "/v1/admin/tenants/acme").status, 404);
  EXPECT_FALSE(contains(call(globex, "GET", "/v1/admin/teams").body, "billing"));
  EXPECT_FALSE(contains(call(globex, "GET", "/v1/admin/integrations").body, "cw-acme"));
  // Still there for its own tenant.
  EXPECT_EQ(call(acme, "GET", "/v1/admin/rules/acme.synergy").status, 200);
  EXPECT_EQ(call(acme, "GET", "/v1/admin/integrations/cw-acme").status, 200);
}

TEST_F(SecurityAuthTest, PathTricksReachNothingAndBypassNothing) {
  start_with_key();
  const std::string viewer = token("acme", "viewer");
  for (const std::string path :
       {"/v1/admin/../admin/rules", "/v1/admin/%2e%2e/admin/rules", "/v1//admin/rules",
        "//v1/admin/rules", "/v1/admin/rules/", "/V1/ADMIN/RULES", "/v1/Admin/rules",
        "/ui/../v1/admin/rules", "/ui/%2e%2e/v1/admin/rules", "/widget/..%2f..%2fsecrets.key",
        "/static/%2e%2e/%2e%2e/secrets.key", "/static/..%5csecrets.key",
        "/v1/suggest/../admin/rules", "/v1/admin/rules%00", "/v1/admin/rules;x"}) {
    const Reply r = call(viewer, "GET", path);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << path << " " << r.status << " " << r.body;
    EXPECT_FALSE(contains(r.body, "\"rules\"")) << path;
  }
  // The agent routes: no variant of the path skips the key.
  for (const std::string path :
       {"/v1/suggest/", "/v1//suggest", "/V1/SUGGEST", "/v1/./suggest", "/v1/%73uggest"})
    EXPECT_NE(suggest({}, path).status, 200) << path;
  // A viewer's write through a path variant is no write either.
  for (const std::string path :
       {"/v1/admin/teams/", "/v1/admin//teams", "/v1/admin/./teams", "/v1/ADMIN/teams"})
    EXPECT_NE(call(viewer, "POST", path, R"({"id": "sneaky"})").status, 201) << path;
  EXPECT_FALSE(contains(call(viewer, "GET", "/v1/admin/teams").body, "sneaky"));
}

TEST_F(SecurityAuthTest, MethodOverrideHeadersAreIgnored) {
  start();
  const std::string admin = token("acme"), viewer = token("acme", "viewer", "v");
  ASSERT_EQ(call(admin, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  for (const char* header : {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
    // A viewer's write disguised as a read is still a write (403) ...
    Reply r = request(port, "POST", "/v1/admin/teams", R"({"id": "sneaky"})",
                      {{"Authorization", "Bearer " + viewer}, {header, "GET"}});
    EXPECT_EQ(r.status, 403) << header;
    // ... and a read asking to be a delete stays a read.
    r = request(port, "GET", "/v1/admin/teams/billing", "",
                {{"Authorization", "Bearer " + admin}, {header, "DELETE"}});
    EXPECT_EQ(r.status, 200) << header;
  }
  EXPECT_EQ(call(admin, "GET", "/v1/admin/teams/billing").status, 200);
  EXPECT_FALSE(contains(call(admin, "GET", "/v1/admin/teams").body, "sneaky"));
}

TEST_F(SecurityAuthTest, RevokedTokensAndRotatedKeysStopWorkingAtOnce) {
  start_with_key();
  const std::string admin = token("acme");
  ASSERT_EQ(call(admin, "GET", "/v1/admin/whoami").status, 200);
  auto store = server::AdminStore::open((dir.path() / "data").string());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->revoke_token(1).ok());
  EXPECT_EQ(call(admin, "GET", "/v1/admin/whoami").status, 401);
  // An agent key rotated out of the config (a restart with the new list) is refused.
  server->stop();
  server->wait();
  server.reset();
  const std::string rotated = "agent-key-rotated-fedcba9876";
  start([&](server::Config& c) { c.api_keys = {server::ApiKey{rotated}}; });
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + kAgentKey}}).status, 401);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream?key=" + kAgentKey), 401);
  EXPECT_EQ(request(port, "GET", "/v2/check?language=en&text=hi&apiKey=" + kAgentKey).status, 401);
  EXPECT_EQ(suggest({{"Authorization", "Bearer " + rotated}}).status, 200);
}

// Every GET route, with its parameters filled with things that exist, as an admin of the tenant
// that owns the secrets: no answer holds an integration secret, an admin token or its hash, an
// agent key or its hash, or the sealing key.
TEST_F(SecurityAuthTest, NoGetRouteEverReturnsASecret) {
  start_with_key();
  const std::string admin = token("acme");
  const std::string viewer = token("acme", "viewer", "auditor");
  ASSERT_NO_FATAL_FAILURE(add_team_and_draft_rule(admin));
  ASSERT_EQ(call(admin, "POST", "/v1/admin/rules/publish", "").status, 201);
  const std::string webhook_secret = "whsec-walk-0123456789", api_token = "cw-api-token-abcdef";
  ASSERT_EQ(call(admin, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw-main", webhook_secret, "http://127.0.0.1:9", api_token))
                .status,
            201);
  const std::string sealing_key = file_bytes(dir.path() / "data" / "secrets.key");
  ASSERT_EQ(sealing_key.size(), 32u);
  const std::vector<std::string> secrets = {webhook_secret,
                                            api_token,
                                            admin,
                                            viewer,
                                            kAgentKey,
                                            server::sha256_hex(admin),
                                            server::sha256_hex(viewer),
                                            server::sha256_hex(kAgentKey),
                                            hex(sealing_key),
                                            sealing_key};
  const std::map<std::string, std::string> params = {
      {"{tenant}", "acme"},    {"{team}", "billing"}, {"{rule}", "acme.synergy"},
      {"{version}", "1"},      {"{report}", "rules"}, {"{integration}", "cw-main"},
      {"{path}", "index.html"}};
  int walked = 0, answered = 0;
  for (const auto& route : server->routes()) {
    if (std::find(route.methods.begin(), route.methods.end(), "GET") == route.methods.end())
      continue;
    std::string path = route.path;
    for (const auto& [name, value] : params)
      if (auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
    for (const std::string& tok : {admin, viewer, kAgentKey}) {
      const Reply r = request(port, "GET", path, "",
                              {{"Authorization", "Bearer " + tok}, {"X-API-Key", kAgentKey}});
      ++walked;
      answered += r.status == 200;
      for (const auto& s : secrets) EXPECT_FALSE(contains(r.body, s)) << path << ": " << r.body;
      for (const auto& [name, value] : r.headers)
        for (const auto& s : secrets) EXPECT_FALSE(contains(value, s)) << path << " " << name;
    }
  }
  EXPECT_GE(walked, 3 * 25);
  EXPECT_GE(answered, 2 * 20);  // the admin and viewer read real data, not only errors
  // And the log of all of it holds none either.
  for (const auto& line : log_lines())
    for (const auto& s : secrets) EXPECT_FALSE(contains(line, s)) << line;
}

}  // namespace
}  // namespace tactful::testing
