// The admin API's JSON forms of an integration: what is stored (the non-secret fields, and the
// secret ones apart, to be sealed), what is shown (secrets only as {"set": true}), and a
// request body read over the stored integration.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "json_out.h"
#include "tactful/result.h"
#include "tactful/server/integration.h"

namespace tactful::server {

// The secret fields: the webhook secret (HMAC key, path or body secret, basic password), the
// basic-auth user, and every api_credentials value. Nothing else is secret.
inline constexpr std::string_view kSecretFields[] = {"webhook_secret", "basic_user",
                                                     "api_credentials"};

// The non-secret fields in the config file's format (parse_integration reads them back),
// without tenant or secrets.
std::string public_json(const Integration& in);
// {"webhook_secret", "basic_user", "api_credentials": {...}}: the plaintext to seal.
std::string secrets_json(const Integration& in);
// The additional data an integration's sealed secrets are bound to (SecretBox `context`): they
// open in their own row only.
std::string integration_seal_context(const std::string& tenant, const std::string& id);
// An integration of `tenant` from its stored parts (the secrets already unsealed).
Result<Integration> integration_from_stored(std::string_view public_part,
                                            std::string_view secret_part,
                                            const std::string& tenant);

// What the API says about an integration besides its fields.
struct IntegrationMeta {
  std::string source;  // "api" or "config"
  std::int64_t version = 0;
  std::string created_at, updated_at, updated_by;
  bool shadowed = false;  // an API integration whose id the config file now uses
};
// The integration as the API shows it. Secrets appear only as {"set": true} (api_credentials:
// each key so); a placeholder says nothing of the value, not even its length.
void write_integration(JsonOut& j, const Integration& in, const IntegrationMeta& meta);
// The audit log's before/after: the shown form without meta, plus `secrets_changed` (the
// names of the secrets this change set: never their values).
std::string audit_json(const Integration& in, const std::vector<std::string>& secrets_changed);

// A problem with a request body: its JSON path ("$.notes.enabled") and what is wrong.
struct IntegrationProblem {
  std::string path, message;
};
struct IntegrationEdit {
  Integration integration;
  std::vector<std::string> secrets_changed;  // "webhook_secret", "api_credentials.api_token"
};
// Reads an API body (the config file's format) as integration `id` of `tenant`, over `stored`
// (nullptr when creating): a secret the body leaves out, or sends back as the {"set": true}
// placeholder, keeps its stored value; an api_credentials key sent as null is removed. Then
// validates it exactly as the config file is validated. What a GET shows besides the fields
// (webhook_path, source, version, ...) is ignored, so a GET's body may be sent back as it is.
// Problems never quote a secret.
std::variant<IntegrationEdit, IntegrationProblem> integration_from_request(
    const rapidjson::Value& body, const std::string& tenant, const std::string& id,
    const Integration* stored);

}  // namespace tactful::server
