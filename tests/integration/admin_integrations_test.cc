// The admin API's integrations over real HTTP: every route and auth failure, validation with
// JSON paths, write-only secrets (never in a response, the audit log, an error or a log line,
// and sealed in SQLite), config-file integrations read-only.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "integration_api.h"

namespace tactful::testing {
namespace {

const std::string kSecret = "whsec-0f1e2d3c4b5a69788796a5b4";
const std::string kToken = "api-token-7c6b5a4938271605f4e3";
const std::string kNewToken = "api-token-rotated-aa11bb22cc33";

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

class IntegrationsApiTest : public AdminTest {
 protected:
  // Every text a caller or an operator could read: responses, the audit log, the log lines.
  void expect_no_secret(const std::string& text, const std::string& where) {
    for (const std::string& s : {kSecret, kToken, kNewToken})
      EXPECT_FALSE(contains(text, s)) << where << " shows a secret: " << text;
  }
  std::string body(const std::string& id = "cw") {
    return chatwoot_body(id, kSecret, "https://chat.example.com", kToken);
  }
};

TEST_F(IntegrationsApiTest, EveryRouteAnswersAuthFailuresAsTheRestOfTheAdminApi) {
  start();
  const std::string acme = token("acme"), viewer = token("acme", "viewer"),
                    globex = token("globex");
  ASSERT_EQ(call(acme, "POST", "/v1/admin/integrations", body()).status, 201);
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"GET", "/v1/admin/integrations"},
      {"POST", "/v1/admin/integrations"},
      {"GET", "/v1/admin/integrations/cw"},
      {"PUT", "/v1/admin/integrations/cw"},
      {"DELETE", "/v1/admin/integrations/cw"}};
  for (const auto& [method, target] : routes) {
    const Reply none = request(port, method, target, body());
    EXPECT_EQ(none.status, 401) << method << " " << target;
    EXPECT_EQ(none.header("www-authenticate"), R"(Bearer realm="tactful-admin")");
    const Reply bad = call("tfa_" + std::string(64, '0'), method, target, body());
    EXPECT_EQ(bad.status, 401) << method << " " << target;
    EXPECT_TRUE(contains(bad.header("www-authenticate"), "invalid_token"));
    const int as_viewer = call(viewer, method, target, body()).status;
    EXPECT_EQ(as_viewer, method == "GET" ? 200 : 403) << method << " " << target;
  }
  // Another tenant: acme's integration does not exist for globex, and is not listed.
  for (const std::string method : {"GET", "PUT", "DELETE"})
    EXPECT_EQ(call(globex, method, "/v1/admin/integrations/cw", body()).status, 404) << method;
  EXPECT_EQ(parse_json(call(globex, "GET", "/v1/admin/integrations").body)["integrations"].Size(),
            0u);
  // Ids are global (they name the webhook URL): globex cannot take acme's.
  const Reply taken = call(globex, "POST", "/v1/admin/integrations", body());
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_TRUE(contains(taken.body, "is taken")) << taken.body;
  // Still acme's, unchanged.
  EXPECT_EQ(call(acme, "GET", "/v1/admin/integrations/cw").status, 200);
}

TEST_F(IntegrationsApiTest, CreateListGetUpdateDeleteWithWriteOnlySecrets) {
  start();
  const std::string tok = token("acme", "admin", "dana");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/teams", R"({"id": "billing"})").status, 201);
  Reply r = call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw", kSecret, "https://chat.example.com", kToken,
                               R"(, "team": "billing", "self_author_ids": ["99"])"));
  ASSERT_EQ(r.status, 201) << r.body;
  expect_no_secret(r.body, "POST");
  auto d = parse_json(r.body);
  EXPECT_EQ(std::string(d["tenant"].GetString()), "acme");
  EXPECT_EQ(std::string(d["team"].GetString()), "billing");
  EXPECT_EQ(std::string(d["source"].GetString()), "api");
  EXPECT_EQ(d["version"].GetInt(), 1);
  EXPECT_TRUE(d["webhook_secret"]["set"].GetBool());
  EXPECT_TRUE(d["api_credentials"]["api_access_token"]["set"].GetBool());
  EXPECT_TRUE(d["api_credentials"]["account_id"]["set"].GetBool());
  EXPECT_EQ(std::string(d["webhook_path"].GetString()), "/v1/webhooks/chatwoot/cw");
  EXPECT_EQ(d["self_author_ids"].Size(), 1u);  // as given: credentials never show through it
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", body()).status, 409);  // exists

  r = call(tok, "GET", "/v1/admin/integrations");
  ASSERT_EQ(r.status, 200);
  expect_no_secret(r.body, "list");
  ASSERT_EQ(parse_json(r.body)["integrations"].Size(), 1u);
  r = call(tok, "GET", "/v1/admin/integrations/cw");
  ASSERT_EQ(r.status, 200);
  expect_no_secret(r.body, "GET");

  // An update without the secrets keeps them; what it sends back from a GET (the {"set": true}
  // placeholders) keeps them too; a new api token replaces only that credential.
  std::string update = r.body;
  r = call(tok, "PUT", "/v1/admin/integrations/cw", update);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse_json(r.body)["version"].GetInt(), 2);
  r = call(tok, "PUT", "/v1/admin/integrations/cw?version=1",
           R"({"vendor": "chatwoot", "api_base_url": "https://chat.example.com"})");
  EXPECT_EQ(r.status, 409) << r.body;  // stale
  r = call(tok, "PUT", "/v1/admin/integrations/cw?version=2",
           R"({"vendor": "chatwoot", "api_base_url": "https://chat.example.com",
               "api_credentials": {"api_access_token": ")" +
               kNewToken + R"("}, "notes": {"enabled": true}})");
  ASSERT_EQ(r.status, 200) << r.body;
  expect_no_secret(r.body, "PUT");
  d = parse_json(r.body);
  EXPECT_TRUE(d["webhook_secret"]["set"].GetBool());                 // kept
  EXPECT_TRUE(d["api_credentials"]["account_id"]["set"].GetBool());  // kept
  EXPECT_EQ(std::string(d["team"].GetString()), "");                 // PUT replaces fields
  EXPECT_EQ(std::string(d["notes"]["min_severity"].GetString()), "warning");

  r = call(tok, "DELETE", "/v1/admin/integrations/cw");
  ASSERT_EQ(r.status, 200) << r.body;
  expect_no_secret(r.body, "DELETE");
  EXPECT_TRUE(parse_json(r.body)["deleted"].GetBool());
  EXPECT_EQ(call(tok, "GET", "/v1/admin/integrations/cw").status, 404);
  EXPECT_EQ(call(tok, "DELETE", "/v1/admin/integrations/cw").status, 404);
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/integrations").body)["integrations"].Size(), 0u);
  // The same tenant may use its id again.
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", body()).status, 201);

  // The audit log: who did what, field by field, secrets only as "set" and by name.
  r = call(tok, "GET", "/v1/admin/audit?limit=10");
  ASSERT_EQ(r.status, 200);
  expect_no_secret(r.body, "audit");
  d = parse_json(r.body);
  std::vector<std::string> actions;
  for (const auto& e : d["entries"].GetArray())
    if (std::string(e["target"].GetString()) == "integrations/cw")
      actions.emplace_back(e["action"].GetString());
  EXPECT_EQ(actions, (std::vector<std::string>{"integration.create", "integration.delete",
                                               "integration.update", "integration.update",
                                               "integration.create"}));
  const auto& rotated = d["entries"][2];  // the token rotation (newest first)
  EXPECT_EQ(std::string(rotated["who"]["name"].GetString()), "dana");
  ASSERT_TRUE(rotated["after"]["secrets_changed"].IsArray());
  EXPECT_EQ(rotated["after"]["secrets_changed"].Size(), 1u);
  EXPECT_EQ(std::string(rotated["after"]["secrets_changed"][0].GetString()),
            "api_credentials.api_access_token");
  EXPECT_EQ(std::string(rotated["before"]["team"].GetString()), "billing");

  // Nothing logged carries a secret, and the store holds none in the clear.
  for (const auto& line : log_lines()) expect_no_secret(line, "log");
  server.reset();  // checkpoints the WAL into the file
  const auto data = dir.path() / "data";
  expect_no_secret(file_bytes(data / "tactful.db"), "tactful.db");
  if (std::filesystem::exists(data / "tactful.db-wal"))
    expect_no_secret(file_bytes(data / "tactful.db-wal"), "tactful.db-wal");
  EXPECT_EQ(mode_of(data / "tactful.db"), 0600u);
  EXPECT_EQ(mode_of(data / "secrets.key"), 0600u);
  EXPECT_EQ(std::filesystem::file_size(data / "secrets.key"), 32u);
}

TEST_F(IntegrationsApiTest, StoredIntegrationsServeAgainAfterARestart) {
  start();
  const std::string tok = token("acme");
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations", chatwoot_body("cw", kSecret)).status, 201);
  server.reset();
  start();
  EXPECT_EQ(call(tok, "GET", "/v1/admin/integrations/cw").status, 200);
  const Reply r = deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 1, kComplaint));
  EXPECT_EQ(r.status, 200) << r.body;  // the secret unsealed with the key file
  // A store copied without its key file: the secrets do not open, the integration is not
  // served, and the log says why (without the secret).
  server.reset();
  std::filesystem::remove(dir.path() / "data" / "secrets.key");
  start();
  EXPECT_EQ(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 2, kComplaint)).status,
            404);
  bool logged = false;
  for (const auto& line : log_lines()) {
    logged |= contains(line, "integration_refused") && contains(line, "does not open");
    expect_no_secret(line, "log");
  }
  EXPECT_TRUE(logged);
  // Shown with its secrets unset; entering them again puts it back in service.
  const Reply shown = call(tok, "GET", "/v1/admin/integrations/cw");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_FALSE(parse_json(shown.body)["webhook_secret"]["set"].GetBool());
  ASSERT_EQ(call(tok, "PUT", "/v1/admin/integrations/cw", chatwoot_body("cw", kSecret)).status,
            200);
  EXPECT_EQ(deliver_chatwoot(port, "cw", kSecret, chatwoot_message(false, 3, kComplaint)).status,
            200);
}

TEST_F(IntegrationsApiTest, ValidationErrorsNameTheJsonPath) {
  start();
  const std::string tok = token("acme");
  const std::string api = R"(, "api_base_url": "https://chat.example.com")";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"vendor": "chatwoot", "webhook_secret": "x"})", "$.id"},
      {R"({"id": "a/b", "vendor": "chatwoot", "webhook_secret": "x"})", "$.id"},
      {R"({"id": "cw", "webhook_secret": "x"})", "$.vendor"},
      {R"({"id": "cw", "vendor": "myspace", "webhook_secret": "x"})", "$.vendor"},
      {R"({"id": "cw", "vendor": "chatwoot"})", "$.webhook_secret"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": 7})", "$.webhook_secret"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "colour": "red"})", "$.colour"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "notes": {"enabled": 1}})",
       "$.notes.enabled"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "notes": {"enabled": true}})",
       "$.api_base_url"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "notes": {"enabled": true})" +
           api + "}",
       "$.api_credentials.account_id"},
      {R"({"id": "zd", "vendor": "zendesk", "webhook_secret": "x", "verification": "basic"})",
       "$.verification"},
      {R"({"id": "lc", "vendor": "livechat", "webhook_secret": "x"})", "$.verification"},
      {R"({"id": "fd", "vendor": "freshdesk", "webhook_secret": "x", "verification": "basic"})",
       "$.basic_user"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "max_skew_seconds": 0})",
       "$.max_skew_seconds"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "team": "nobody"})", "$.team"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "tenant": "globex"})",
       "$.tenant"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": ")" + std::string(5000, 'k') +
           R"("})",
       "$.webhook_secret"},
      {R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": "x", "api_credentials": {"a": 1.5}})",
       "$.api_credentials.a"},
  };
  for (const auto& [json, path] : cases) {
    const Reply r = call(tok, "POST", "/v1/admin/integrations", json);
    EXPECT_EQ(r.status, 422) << json << "\n" << r.body;
    auto d = parse_json(r.body);
    ASSERT_TRUE(d.IsObject() && d.HasMember("problems")) << r.body;
    EXPECT_EQ(std::string(d["problems"][0]["path"].GetString()), path) << json << "\n" << r.body;
    EXPECT_FALSE(contains(r.body, "TACTFUL_INTEGRATION")) << r.body;  // config-file hints only
  }
  // A problem never repeats a secret given beside it.
  Reply r = call(tok, "POST", "/v1/admin/integrations",
                 chatwoot_body("cw", kSecret, "https://chat.example.com", kToken,
                               R"(, "notes": {"enabled": "yes"})"));
  EXPECT_EQ(r.status, 422);
  expect_no_secret(r.body, "422");
  // Malformed and hostile bodies: a clear 400/413/422, nothing stored.
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", "{\"id\": ").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", "[1, 2]").status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", std::string(100000, '[')).status, 400);
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations",
                 R"({"id": "cw", "vendor": "chatwoot", "webhook_secret": ")" +
                     std::string(2u << 20, 'x') + "\"}")
                .status,
            413);
  // On update: the URL's id wins, a body naming another is refused.
  ASSERT_EQ(call(tok, "POST", "/v1/admin/integrations", chatwoot_body("cw", kSecret)).status, 201);
  r = call(tok, "PUT", "/v1/admin/integrations/cw", chatwoot_body("other", kSecret));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(std::string(parse_json(r.body)["problems"][0]["path"].GetString()), "$.id");
  EXPECT_EQ(call(tok, "PUT", "/v1/admin/integrations/cw?version=x", "{}").status, 400);
  EXPECT_EQ(parse_json(call(tok, "GET", "/v1/admin/integrations").body)["integrations"].Size(), 1u);
}

TEST_F(IntegrationsApiTest, ConfigFileIntegrationsAreListedReadOnlyAndWinOnTheirIds) {
  start([](server::Config& c) {
    server::Integration mine = signed_integration("cfg-acme", webhooks::Vendor::zendesk, kSecret);
    mine.tenant = "acme";
    server::Integration theirs = signed_integration("cfg-globex", webhooks::Vendor::zendesk, "s");
    theirs.tenant = "globex";
    server::Integration dflt = signed_integration("cfg-default", webhooks::Vendor::zendesk, "s");
    c.admin.default_tenant = "acme";  // a config integration without tenant is the default's
    c.integrations = {mine, theirs, dflt};
  });
  const std::string tok = token("acme");
  const Reply list = call(tok, "GET", "/v1/admin/integrations");
  ASSERT_EQ(list.status, 200);
  expect_no_secret(list.body, "list");
  auto d = parse_json(list.body);
  ASSERT_EQ(d["integrations"].Size(), 2u) << list.body;
  EXPECT_EQ(std::string(d["integrations"][0]["id"].GetString()), "cfg-acme");
  EXPECT_EQ(std::string(d["integrations"][1]["id"].GetString()), "cfg-default");
  EXPECT_EQ(std::string(d["integrations"][0]["source"].GetString()), "config");
  EXPECT_TRUE(d["integrations"][0]["read_only"].GetBool());
  EXPECT_TRUE(d["integrations"][0]["webhook_secret"]["set"].GetBool());
  EXPECT_EQ(call(tok, "GET", "/v1/admin/integrations/cfg-acme").status, 200);
  EXPECT_EQ(call(tok, "GET", "/v1/admin/integrations/cfg-globex").status, 404);
  Reply r = call(tok, "PUT", "/v1/admin/integrations/cfg-acme", chatwoot_body("cfg-acme", "x"));
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "config file")) << r.body;
  EXPECT_EQ(call(tok, "DELETE", "/v1/admin/integrations/cfg-acme").status, 409);
  // No tenant can take a config file's id, its own or another's.
  EXPECT_EQ(call(tok, "POST", "/v1/admin/integrations", chatwoot_body("cfg-globex", "x")).status,
            409);
}

}  // namespace
}  // namespace tactful::testing
