// Test support for the admin API's integrations: request bodies in the config file's format,
// Chatwoot deliveries signed as Chatwoot signs them, and a look at what must never show a secret.
#pragma once

#include <string>

#include "admin_fixture.h"
#include "webhook_support.h"

namespace tactful::testing {

// A Chatwoot integration body. `api` empty: notes off and no credentials.
inline std::string chatwoot_body(const std::string& id, const std::string& secret,
                                 const std::string& api = "", const std::string& token = "",
                                 const std::string& extra = "") {
  std::string b =
      R"({"id": ")" + id + R"(", "vendor": "chatwoot", "webhook_secret": ")" + secret + R"(")";
  if (!api.empty())
    b += R"(, "api_base_url": ")" + api +
         R"(", "api_credentials": {"account_id": "3", "api_access_token": ")" + token +
         R"("}, "notes": {"enabled": true, "min_severity": "warning", "min_interval_minutes": 0})";
  return b + extra + "}";
}

// A customer's (sender 42) or an agent's (sender 7) Chatwoot message_created in conversation 12.
inline std::string chatwoot_message(bool from_agent, int id, const std::string& content) {
  return chatwoot_message(from_agent ? "message_created.outgoing_agent.reconstructed.json"
                                     : "message_created.incoming.reconstructed.json",
                          id, content, from_agent ? 7 : 42);
}

inline long long unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// POSTs `body` to the Chatwoot webhook of `id`, signed with `secret` now.
inline Reply deliver_chatwoot(std::uint16_t port, const std::string& id, const std::string& secret,
                              const std::string& body) {
  return request(port, "POST", "/v1/webhooks/chatwoot/" + id, body,
                 vendor_signed(webhooks::SignatureScheme::chatwoot, secret, body, unix_now()));
}

inline const std::string kComplaint = "I was charged twice for my order! This is unacceptable.";

}  // namespace tactful::testing
