// Integration settings: names, the webhooks library's auth view, and validation.
#include "tactful/server/integration.h"

#include <algorithm>
#include <cctype>

#include "tactful/adapters/notes/request.h"

namespace tactful::server {
namespace {

using webhooks::Vendor;

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// The vendors that cannot sign their webhooks (Chatwoot only before v4.11.2): the only ones
// for which an admin may choose a weaker verification.
bool may_be_unsigned(Vendor v) {
  return v == Vendor::livechat || v == Vendor::freshdesk || v == Vendor::chatwoot;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view verification_name(Verification v) {
  switch (v) {
    case Verification::signature:
      return "signature";
    case Verification::body_secret:
      return "body_secret";
    case Verification::path_secret:
      return "path_secret";
    case Verification::basic:
      return "basic";
  }
  return "signature";
}

std::optional<Verification> verification_from_name(std::string_view name) {
  for (auto v : {Verification::signature, Verification::body_secret, Verification::path_secret,
                 Verification::basic})
    if (verification_name(v) == name) return v;
  return std::nullopt;
}

webhooks::IntegrationAuth Integration::auth() const {
  webhooks::IntegrationAuth a;
  a.vendor = vendor;
  a.integration = id;
  a.secret = webhook_secret;
  a.max_skew = max_skew;
  switch (verification) {
    case Verification::signature:
      a.method = webhooks::AuthMethod::signature;
      a.scheme = signature_scheme;
      break;
    case Verification::body_secret:
      a.method = webhooks::AuthMethod::body_secret;
      break;
    case Verification::path_secret:
      a.method = webhooks::AuthMethod::path_secret;
      break;
    case Verification::basic:
      a.method = webhooks::AuthMethod::basic_auth;
      a.basic_user = basic_user;
      a.basic_password = webhook_secret;
      break;
  }
  return a;
}

std::vector<std::string_view> required_credentials(Vendor vendor) {
  switch (vendor) {
    case Vendor::chatwoot:
      return {"account_id", "api_access_token"};
    case Vendor::zendesk:
      return {"email", "api_token"};
    case Vendor::intercom:
      return {"access_token", "admin_id"};
    case Vendor::front:
      return {"api_token", "author_id"};
    case Vendor::freshdesk:
      return {"api_key"};
    case Vendor::zammad:
      return {"api_token"};
    case Vendor::helpscout:
      return {"access_token"};
    case Vendor::livechat:
      return {"account_id", "personal_access_token"};
    case Vendor::generic:
      break;
  }
  return {};
}

std::optional<Error> validate(const Integration& in, std::string_view where_view) {
  const std::string where(where_view);
  if (!valid_id(in.id))
    return Error{where + ".id: 1-64 letters, digits, '-' or '_' (it is the URL's {integration})"};
  const std::string vendor(webhooks::vendor_name(in.vendor));
  if (in.webhook_secret.empty())
    return Error{where + ".webhook_secret: missing (or set TACTFUL_INTEGRATION_<ID>_SECRET)"};
  if (in.verification == Verification::signature) {
    if (!webhooks::default_scheme(in.vendor))
      return Error{where + ".verification: " + vendor + " does not sign its webhooks; choose " +
                   (in.vendor == Vendor::livechat ? "body_secret, path_secret or basic"
                                                  : "path_secret or basic") +
                   " explicitly"};
    if (!webhooks::scheme_fits(in.vendor, in.signature_scheme))
      return Error{where + ".signature: not a scheme " + vendor + " signs with"};
  } else if (!may_be_unsigned(in.vendor)) {
    return Error{where + ".verification: " + vendor + " signs its webhooks, so '" +
                 std::string(verification_name(in.verification)) +
                 "' is not allowed; remove the key to use the signature"};
  } else if (in.verification == Verification::body_secret && in.vendor != Vendor::livechat) {
    return Error{where + ".verification: body_secret is LiveChat's scheme only"};
  }
  if (in.verification == Verification::basic && in.basic_user.empty())
    return Error{where + ".basic_user: needed with verification basic"};
  if (in.max_skew < std::chrono::seconds(1) || in.max_skew > std::chrono::hours(1))
    return Error{where + ".max_skew_seconds: between 1 and 3600"};
  if (in.notes.enabled) {
    if (!in.api_base_url.starts_with("https://") && !in.api_base_url.starts_with("http://"))
      return Error{where + ".api_base_url: an http(s) URL is needed when notes are enabled"};
    for (auto key : required_credentials(in.vendor)) {
      const auto it = in.api_credentials.find(std::string(key));
      if (it == in.api_credentials.end() || it->second.empty())
        return Error{where + ".api_credentials." + std::string(key) + ": " + vendor +
                     " needs it to post notes (or set TACTFUL_INTEGRATION_<ID>_CREDENTIAL_" +
                     upper(key) + ")"};
    }
    // The outbox's own check (base URL shape, credentials' format): refused now, not per note.
    if (auto ok = notes::check_target({in.vendor, in.api_base_url, in.api_credentials}); !ok.ok())
      return Error{where + ": notes cannot be posted: " + ok.error().message};
    if (in.notes.min_interval < std::chrono::minutes(0))
      return Error{where + ".notes.min_interval_minutes: must not be negative"};
  }
  return std::nullopt;
}

}  // namespace tactful::server
