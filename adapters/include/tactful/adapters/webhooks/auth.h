// Webhook authenticity: is this request really from the helpdesk integration it claims?
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "tactful/adapters/webhooks/dedupe.h"
#include "tactful/adapters/webhooks/event.h"
#include "tactful/adapters/webhooks/headers.h"
#include "tactful/result.h"

namespace tactful::webhooks {

// The HMAC layouts vendors use (docs/webhooks.md has the headers and signed bytes of each).
enum class SignatureScheme {
  chatwoot,    // X-Chatwoot-Signature: sha256=hex(HMAC-SHA256(secret, ts "." body)), ts unix s
  zendesk,     // X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(secret, ts body)), ts RFC 3339
  intercom,    // X-Hub-Signature: sha1=hex(HMAC-SHA1(client secret, body))
  front_app,   // x-front-signature: base64(HMAC-SHA256(secret, ts ":" body)), ts unix ms
  front_rule,  // X-Front-Signature: base64(HMAC-SHA1(API secret, body))
  zammad,      // X-Hub-Signature: sha1=hex(HMAC-SHA1(token, body))
  helpscout,   // X-HelpScout-Signature: base64(HMAC-SHA1(secret, body))
  generic,     // X-Tactful-Signature: sha256=hex(HMAC-SHA256(secret, ts "." body)), ts unix s
};

// How an integration proves its requests. `none` is the default: such an integration accepts
// nothing. Everything but `signature` is weaker (no integrity of the body, no replay window) and
// exists for vendors without an HMAC (LiveChat, Freshdesk, Chatwoot before v4.11.2); an admin
// opts in per integration.
enum class AuthMethod {
  none,
  signature,    // the vendor's HMAC (SignatureScheme)
  body_secret,  // LiveChat: the registered secret_key echoed in the JSON body
  path_secret,  // a secret the admin put in the webhook URL, passed in by the router
  basic_auth,   // Authorization: Basic (Freshdesk "Requires authentication", Zammad)
};

struct IntegrationAuth {
  Vendor vendor = Vendor::generic;
  std::string integration;  // scopes delivery ids in the shared deduper
  AuthMethod method = AuthMethod::none;
  SignatureScheme scheme = SignatureScheme::generic;  // when method == signature
  std::string secret;  // HMAC key, body secret or path secret; never logged
  std::string basic_user, basic_password;
  std::chrono::seconds max_skew{300};  // for schemes with a timestamp: |now - ts| must be <= this
  std::shared_ptr<DeliveryDeduper> deliveries;  // replay defence; shared by all integrations
};

// Why a request was refused. The server answers 401 to all but `replayed` (a vendor's retry of a
// delivery already accepted, which may get 200 without processing) and `not_configured` (500:
// an operator error, logged).
struct AuthError {
  enum class Kind {
    not_configured,    // method none, an empty secret, or a scheme that does not fit the vendor
    missing,           // a header (or body field, path secret) the scheme needs is absent
    bad_signature,     // malformed or wrong signature / credentials
    stale_timestamp,   // older than max_skew
    future_timestamp,  // newer than now + max_skew
    replayed,          // this delivery id (or signature) was already accepted
  } kind = Kind::bad_signature;
  std::string message;  // names the header or field; never contains a secret
};

std::string_view auth_error_kind_name(AuthError::Kind kind);
// The scheme a vendor signs with by default (Front: application webhooks); nullopt for LiveChat
// and Freshdesk, which do not sign.
std::optional<SignatureScheme> default_scheme(Vendor vendor);
// True if `scheme` is one `vendor` uses (generic accepts only SignatureScheme::generic).
bool scheme_fits(Vendor vendor, SignatureScheme scheme);

// The key under which `verify` remembers a request of a signature-checked integration: the
// integration, then the vendor's delivery id header, or — where the vendor sends none — the
// signature itself. "" for the weaker methods (their bodies carry the only id, if any). A server
// that must record a delivery only once it has been handled verifies with `deliveries` unset and
// records this key itself afterwards.
std::string delivery_key(const IntegrationAuth& auth, const Headers& headers);

// Verifies one request on its raw body bytes, before anything parses it. Checks, in order: the
// method is configured; the signature (constant-time); the timestamp window against `now`; then
// records the delivery id (or, where the vendor sends none, the signature) in `deliveries` so
// that the same request is refused the second time. Nothing is recorded for a refused request.
// `path_secret` is the secret segment of the URL for AuthMethod::path_secret.
Result<void, AuthError> verify(const IntegrationAuth& auth, const Headers& headers,
                               std::string_view body, std::chrono::sys_seconds now,
                               std::string_view path_secret = {});

}  // namespace tactful::webhooks
