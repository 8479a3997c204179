// One connected helpdesk: how its webhooks prove themselves, how tactful may post notes back,
// and which authors are tactful itself. Read from the config file's "integrations" array
// (docs/webhooks.md, docs/server.md).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/event.h"
#include "tactful/result.h"
#include "tactful/rule.h"

namespace tactful::server {

// How an integration's webhooks are verified. `signature` (the vendor's HMAC) is the default
// wherever the vendor signs; the others are weaker (no body integrity, no replay window) and an
// admin opts in to them, only for vendors that cannot sign: LiveChat, Freshdesk and Chatwoot
// before v4.11.2.
enum class Verification {
  signature,    // the vendor's HMAC on the raw body (Front: application or rule webhooks)
  body_secret,  // LiveChat: the secret_key it echoes in every body
  path_secret,  // a secret in the webhook URL: ?secret=...
  basic,        // Authorization: Basic (Freshdesk "Requires authentication")
};

std::string_view verification_name(Verification v);
std::optional<Verification> verification_from_name(std::string_view name);

// A validated integration (from the config file, or the admin API: docs/admin.md). Guarantees
// after load_config or an admin API write: `id` is 1-64 of [A-Za-z0-9_-] and
// unique; `webhook_secret` is non-empty; `verification` fits `vendor`; when notes are enabled,
// `api_base_url` and the credentials the vendor's note API needs are present. Secrets
// (`webhook_secret`, `basic_user`, `api_credentials`) are never logged or echoed.
struct Integration {
  std::string id;
  webhooks::Vendor vendor = webhooks::Vendor::generic;
  std::string webhook_secret;  // HMAC key, body secret, path secret or basic-auth password
  Verification verification = Verification::signature;
  // For `signature`: the vendor's scheme; Front may choose front_rule (legacy rule webhooks).
  webhooks::SignatureScheme signature_scheme = webhooks::SignatureScheme::generic;
  std::string basic_user;              // for `basic`
  std::chrono::seconds max_skew{300};  // timestamp window where the vendor signs one
  // The vendor's REST API for posting notes (the outbox reads these).
  std::string api_base_url;
  std::map<std::string, std::string> api_credentials;  // e.g. api_access_token, account_id
  struct Notes {
    bool enabled = false;
    Severity min_severity = Severity::warning;
    std::chrono::minutes min_interval{10};  // at most one note per conversation in this time
  } notes;
  // Author ids tactful posts notes as: their events are stored but never coached (no loops).
  std::vector<std::string> self_author_ids;
  std::string team;  // passed to the engine for team-scoped rules
  // The tenant whose published rules check its replies (and widgets naming its conversations).
  // Config file: optional, "" = admin.default_tenant; admin API: the admin token's tenant.
  std::string tenant;

  // The webhooks library's view of the auth settings (without a delivery de-duplicator).
  webhooks::IntegrationAuth auth() const;
};

// The credential keys a vendor's note API needs (docs/webhooks.md has where each comes from).
std::vector<std::string_view> required_credentials(webhooks::Vendor vendor);

// Checks one integration as load_config does; errors name `where` ("integrations[0]") and the
// key, never a secret's value.
std::optional<Error> validate(const Integration& integration, std::string_view where);

}  // namespace tactful::server
