// verify(): the vendor's signature (or an opted-in weaker scheme), the timestamp window and
// replay defence, on the raw body bytes.
#include <rapidjson/document.h>

#include <charconv>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "tactful/timestamp.h"

namespace tactful::webhooks {
namespace {

using Kind = AuthError::Kind;
using std::chrono::sys_seconds;

enum class Encoding { hex, base64 };
enum class TimeFormat { none, unix_seconds, unix_millis, rfc3339 };

// One vendor's signature layout: MAC(secret, [timestamp] [separator] body).
struct Spec {
  std::string_view signature_header;
  std::string_view prefix;  // before the encoded MAC ("sha256=")
  Digest digest;
  Encoding encoding;
  std::string_view timestamp_header;  // "" when the vendor signs no timestamp
  TimeFormat time_format;
  std::string_view separator;        // between timestamp and body
  std::string_view delivery_header;  // "" when the vendor sends no delivery id
};

Spec spec_of(SignatureScheme scheme) {
  switch (scheme) {
    case SignatureScheme::chatwoot:
      return {"X-Chatwoot-Signature",
              "sha256=",
              Digest::sha256,
              Encoding::hex,
              "X-Chatwoot-Timestamp",
              TimeFormat::unix_seconds,
              ".",
              "X-Chatwoot-Delivery"};
    case SignatureScheme::zendesk:
      return {"X-Zendesk-Webhook-Signature",
              "",
              Digest::sha256,
              Encoding::base64,
              "X-Zendesk-Webhook-Signature-Timestamp",
              TimeFormat::rfc3339,
              "",
              "X-Zendesk-Webhook-Invocation-Id"};
    case SignatureScheme::intercom:
      return {
          "X-Hub-Signature", "sha1=", Digest::sha1, Encoding::hex, "", TimeFormat::none, "", ""};
    case SignatureScheme::front_app:
      return {"X-Front-Signature",
              "",
              Digest::sha256,
              Encoding::base64,
              "X-Front-Request-Timestamp",
              TimeFormat::unix_millis,
              ":",
              ""};
    case SignatureScheme::front_rule:
      return {
          "X-Front-Signature", "", Digest::sha1, Encoding::base64, "", TimeFormat::none, "", ""};
    case SignatureScheme::zammad:
      return {"X-Hub-Signature", "sha1=", Digest::sha1,       Encoding::hex, "",
              TimeFormat::none,  "",      "X-Zammad-Delivery"};
    case SignatureScheme::helpscout:
      return {"X-HelpScout-Signature",
              "",
              Digest::sha1,
              Encoding::base64,
              "",
              TimeFormat::none,
              "",
              ""};
    case SignatureScheme::generic:
      break;
  }
  return {"X-Tactful-Signature",
          "sha256=",
          Digest::sha256,
          Encoding::hex,
          "X-Tactful-Timestamp",
          TimeFormat::unix_seconds,
          ".",
          "X-Tactful-Delivery"};
}

AuthError fail(Kind kind, std::string message) {
  return AuthError{kind, std::move(message)};
}

std::optional<sys_seconds> parse_time(std::string_view text, TimeFormat format) {
  if (format == TimeFormat::rfc3339) return parse_rfc3339(text);
  // Digits only, at most 15 (unix ms until the year 33658): no sign, no overflow.
  if (text.empty() || text.size() > 15) return std::nullopt;
  long long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0) return std::nullopt;
  if (format == TimeFormat::unix_millis) v /= 1000;
  return sys_seconds{std::chrono::seconds{v}};
}

std::string scoped_key(const IntegrationAuth& auth, std::string_view key) {
  std::string scoped = auth.integration;
  scoped += '\n';
  scoped += key;
  return scoped;
}

// Remembers `key` for this integration; a second sighting is a replay.
Result<void, AuthError> remember(const IntegrationAuth& auth, std::string_view what,
                                 std::string_view key) {
  if (!auth.deliveries) return {};
  if (!auth.deliveries->insert_if_new(scoped_key(auth, key)))
    return fail(Kind::replayed, std::string(what) + " was already accepted (replay or retry)");
  return {};
}

Result<void, AuthError> verify_signature(const IntegrationAuth& auth, const Headers& headers,
                                         std::string_view body, sys_seconds now) {
  if (!scheme_fits(auth.vendor, auth.scheme))
    return fail(Kind::not_configured, "signature scheme does not fit the vendor");
  const Spec spec = spec_of(auth.scheme);
  const auto header = headers.get(spec.signature_header);
  if (!header) return fail(Kind::missing, std::string(spec.signature_header) + " header missing");
  std::string_view presented = *header;
  if (presented.substr(0, spec.prefix.size()) != spec.prefix)
    return fail(Kind::bad_signature, std::string(spec.signature_header) + ": expected '" +
                                         std::string(spec.prefix) + "' prefix");
  presented.remove_prefix(spec.prefix.size());
  const auto mac_bytes =
      spec.encoding == Encoding::hex ? from_hex(presented) : from_base64(presented);
  if (!mac_bytes)
    return fail(Kind::bad_signature, std::string(spec.signature_header) + ": not " +
                                         (spec.encoding == Encoding::hex ? "hex" : "base64"));
  std::string_view timestamp;
  if (!spec.timestamp_header.empty()) {
    const auto ts = headers.get(spec.timestamp_header);
    if (!ts) return fail(Kind::missing, std::string(spec.timestamp_header) + " header missing");
    timestamp = *ts;
  }
  const std::string expected =
      hmac(spec.digest, auth.secret, {timestamp, timestamp.empty() ? "" : spec.separator, body});
  if (expected.empty() || !constant_time_equal(expected, *mac_bytes))
    return fail(Kind::bad_signature, std::string(spec.signature_header) + " does not match");
  // The timestamp is trusted only once the signature covering it is.
  if (!spec.timestamp_header.empty()) {
    const auto at = parse_time(timestamp, spec.time_format);
    if (!at) return fail(Kind::bad_signature, std::string(spec.timestamp_header) + ": not a time");
    if (*at < now - auth.max_skew)
      return fail(Kind::stale_timestamp, std::string(spec.timestamp_header) + " is too old");
    if (*at > now + auth.max_skew)
      return fail(Kind::future_timestamp, std::string(spec.timestamp_header) + " is in the future");
  }
  if (!spec.delivery_header.empty())
    if (auto id = headers.get(spec.delivery_header); id && !id->empty())
      return remember(auth, spec.delivery_header, *id);
  // No delivery id: the signature itself identifies an exact replay of these bytes.
  return remember(auth, "this signature", *header);
}

Result<void, AuthError> verify_body_secret(const IntegrationAuth& auth, std::string_view body) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject())
    return fail(Kind::missing, "secret_key: the body is not a JSON object");
  const auto it = doc.FindMember("secret_key");
  if (it == doc.MemberEnd() || !it->value.IsString())
    return fail(Kind::missing, "secret_key field missing from the body");
  if (!constant_time_equal({it->value.GetString(), it->value.GetStringLength()}, auth.secret))
    return fail(Kind::bad_signature, "secret_key does not match");
  return {};
}

Result<void, AuthError> verify_basic(const IntegrationAuth& auth, const Headers& headers) {
  const auto header = headers.get("Authorization");
  if (!header) return fail(Kind::missing, "Authorization header missing");
  std::string_view value = *header;
  if (value.size() < 6 || !iequals(value.substr(0, 6), "basic "))
    return fail(Kind::bad_signature, "Authorization: expected Basic credentials");
  value.remove_prefix(6);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  const auto decoded = from_base64(value);
  const std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos)
    return fail(Kind::bad_signature, "Authorization: malformed Basic credentials");
  // Both halves are compared, always, so the time does not tell which one was wrong.
  const bool user =
      constant_time_equal(std::string_view(*decoded).substr(0, colon), auth.basic_user);
  const bool pass =
      constant_time_equal(std::string_view(*decoded).substr(colon + 1), auth.basic_password);
  if (!(user & pass)) return fail(Kind::bad_signature, "Authorization: wrong credentials");
  return {};
}

}  // namespace

std::string delivery_key(const IntegrationAuth& auth, const Headers& headers) {
  if (auth.method != AuthMethod::signature) return {};
  const Spec spec = spec_of(auth.scheme);
  if (!spec.delivery_header.empty())
    if (auto id = headers.get(spec.delivery_header); id && !id->empty())
      return scoped_key(auth, *id);
  const auto signature = headers.get(spec.signature_header);
  return signature ? scoped_key(auth, *signature) : std::string();
}

std::string_view auth_error_kind_name(AuthError::Kind kind) {
  switch (kind) {
    case Kind::not_configured:
      return "not_configured";
    case Kind::missing:
      return "missing";
    case Kind::bad_signature:
      return "bad_signature";
    case Kind::stale_timestamp:
      return "stale_timestamp";
    case Kind::future_timestamp:
      return "future_timestamp";
    case Kind::replayed:
      return "replayed";
  }
  return "unknown";
}

std::optional<SignatureScheme> default_scheme(Vendor vendor) {
  switch (vendor) {
    case Vendor::chatwoot:
      return SignatureScheme::chatwoot;
    case Vendor::zendesk:
      return SignatureScheme::zendesk;
    case Vendor::intercom:
      return SignatureScheme::intercom;
    case Vendor::front:
      return SignatureScheme::front_app;
    case Vendor::zammad:
      return SignatureScheme::zammad;
    case Vendor::helpscout:
      return SignatureScheme::helpscout;
    case Vendor::generic:
      return SignatureScheme::generic;
    case Vendor::freshdesk:
    case Vendor::livechat:
      break;
  }
  return std::nullopt;
}

bool scheme_fits(Vendor vendor, SignatureScheme scheme) {
  if (vendor == Vendor::front)
    return scheme == SignatureScheme::front_app || scheme == SignatureScheme::front_rule;
  return default_scheme(vendor) == scheme;
}

Result<void, AuthError> verify(const IntegrationAuth& auth, const Headers& headers,
                               std::string_view body, sys_seconds now,
                               std::string_view path_secret) {
  const bool needs_secret = auth.method != AuthMethod::basic_auth;
  if (auth.method == AuthMethod::none)
    return fail(Kind::not_configured, "no authentication scheme configured for this integration");
  if (needs_secret && auth.secret.empty())
    return fail(Kind::not_configured, "the integration's secret is empty");
  switch (auth.method) {
    case AuthMethod::signature:
      return verify_signature(auth, headers, body, now);
    case AuthMethod::body_secret:
      return verify_body_secret(auth, body);
    case AuthMethod::path_secret:
      if (path_secret.empty()) return fail(Kind::missing, "no secret in the webhook path");
      if (!constant_time_equal(path_secret, auth.secret))
        return fail(Kind::bad_signature, "the secret in the webhook path does not match");
      return {};
    case AuthMethod::basic_auth:
      if (auth.basic_user.empty() || auth.basic_password.empty())
        return fail(Kind::not_configured, "basic auth user or password is empty");
      return verify_basic(auth, headers);
    case AuthMethod::none:
      break;
  }
  return fail(Kind::not_configured, "unknown authentication method");
}

}  // namespace tactful::webhooks
