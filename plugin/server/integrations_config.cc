// The "integrations" array of the config file and its environment overrides.
#include "integrations_config.h"

#include <algorithm>
#include <cctype>

#include "admin_tokens.h"

namespace tactful::server {
namespace {

using rapidjson::Value;
using webhooks::Vendor;

std::optional<Severity> severity_from_name(std::string_view s) {
  if (s == "hint") return Severity::hint;
  if (s == "suggestion") return Severity::suggestion;
  if (s == "warning") return Severity::warning;
  return std::nullopt;
}

// The vendor's public API host, where it has one (the self-hosted and per-account ones need
// api_base_url).
std::string default_base_url(Vendor v) {
  switch (v) {
    case Vendor::intercom:
      return "https://api.intercom.io";
    case Vendor::front:
      return "https://api2.frontapp.com";
    case Vendor::helpscout:
      return "https://api.helpscout.net";
    case Vendor::livechat:
      return "https://api.livechatinc.com";
    default:
      return {};
  }
}

// A string, or a non-negative integer as its decimal digits (vendors' ids are either).
std::optional<std::string> id_string(const Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  return std::nullopt;
}

struct Reader {
  const std::string& where;  // "config.json: integrations[2]"

  Error bad(std::string_view key, std::string_view what) const {
    return Error{where + "." + std::string(key) + ": " + std::string(what)};
  }
  std::optional<Error> string(const Value& v, std::string_view key, std::string& out) const {
    if (!v.IsString()) return bad(key, "expected a string");
    out.assign(v.GetString(), v.GetStringLength());
    return std::nullopt;
  }
  std::optional<Error> notes(const Value& v, Integration::Notes& out) const {
    if (!v.IsObject()) return bad("notes", "expected an object {enabled, min_severity, ...}");
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string key =
          "notes." + std::string(it->name.GetString(), it->name.GetStringLength());
      const Value& x = it->value;
      if (key == "notes.enabled") {
        if (!x.IsBool()) return bad(key, "expected true or false");
        out.enabled = x.GetBool();
      } else if (key == "notes.min_severity") {
        const auto s = x.IsString() ? severity_from_name(x.GetString()) : std::nullopt;
        if (!s) return bad(key, "expected \"hint\", \"suggestion\" or \"warning\"");
        out.min_severity = *s;
      } else if (key == "notes.min_interval_minutes") {
        if (!x.IsUint64() || x.GetUint64() > 7 * 24 * 60)
          return bad(key, "expected whole minutes from 0 to 10080");
        out.min_interval = std::chrono::minutes(static_cast<long long>(x.GetUint64()));
      } else {
        return bad(key, "unknown key (known: enabled, min_severity, min_interval_minutes)");
      }
    }
    return std::nullopt;
  }
  std::optional<Error> credentials(const Value& v, std::map<std::string, std::string>& out) const {
    if (!v.IsObject()) return bad("api_credentials", "expected an object of strings");
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string name(it->name.GetString(), it->name.GetStringLength());
      auto value = id_string(it->value);
      if (!value) return bad("api_credentials." + name, "expected a string");
      out[name] = std::move(*value);
    }
    return std::nullopt;
  }
  std::optional<Error> ids(const Value& v, std::vector<std::string>& out) const {
    if (!v.IsArray()) return bad("self_author_ids", "expected an array of ids");
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      auto id = id_string(v[i]);
      if (!id || id->empty())
        return bad("self_author_ids[" + std::to_string(i) + "]", "expected a string or integer");
      out.push_back(std::move(*id));
    }
    return std::nullopt;
  }

  std::optional<Error> integration(const Value& v, Integration& in) const {
    if (!v.IsObject()) return Error{where + ": expected an object {id, vendor, webhook_secret}"};
    bool has_id = false, has_vendor = false;
    std::optional<std::string> scheme;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string key(it->name.GetString(), it->name.GetStringLength());
      const Value& x = it->value;
      std::optional<Error> e;
      if (key == "id") {
        e = string(x, key, in.id);
        has_id = true;
      } else if (key == "vendor") {
        const auto vendor = x.IsString() ? webhooks::vendor_from_name(x.GetString()) : std::nullopt;
        if (!vendor)
          return bad(key,
                     "unknown vendor (chatwoot, zendesk, intercom, front, freshdesk, zammad, "
                     "helpscout, livechat or generic)");
        in.vendor = *vendor;
        has_vendor = true;
      } else if (key == "webhook_secret") {
        e = string(x, key, in.webhook_secret);
      } else if (key == "verification") {
        const auto method = x.IsString() ? verification_from_name(x.GetString()) : std::nullopt;
        if (!method) return bad(key, "expected signature, body_secret, path_secret or basic");
        in.verification = *method;
      } else if (key == "signature") {
        scheme.emplace();
        e = string(x, key, *scheme);
      } else if (key == "basic_user") {
        e = string(x, key, in.basic_user);
      } else if (key == "max_skew_seconds") {
        if (!x.IsUint64() || x.GetUint64() > 3600) return bad(key, "expected 1 to 3600");
        in.max_skew = std::chrono::seconds(static_cast<long long>(x.GetUint64()));
      } else if (key == "api_base_url") {
        e = string(x, key, in.api_base_url);
      } else if (key == "api_credentials") {
        e = credentials(x, in.api_credentials);
      } else if (key == "notes") {
        e = notes(x, in.notes);
      } else if (key == "self_author_ids") {
        e = ids(x, in.self_author_ids);
      } else if (key == "team") {
        e = string(x, key, in.team);
      } else if (key == "tenant") {
        e = string(x, key, in.tenant);
        if (!e && !valid_slug(in.tenant))
          return bad(key, "expected 1-64 letters, digits, '.', '-' or '_'");
      } else {
        return bad(key,
                   "unknown key (known: id, vendor, webhook_secret, verification, signature, "
                   "basic_user, max_skew_seconds, api_base_url, api_credentials, notes, "
                   "self_author_ids, team, tenant)");
      }
      if (e) return e;
    }
    if (!has_id) return bad("id", "missing");
    if (!has_vendor) return bad("vendor", "missing");
    if (auto d = webhooks::default_scheme(in.vendor)) in.signature_scheme = *d;
    if (scheme) {
      if (in.vendor != Vendor::front || (*scheme != "application" && *scheme != "rule"))
        return bad("signature", "only Front has a choice: \"application\" or \"rule\"");
      in.signature_scheme = *scheme == "rule" ? webhooks::SignatureScheme::front_rule
                                              : webhooks::SignatureScheme::front_app;
    }
    if (in.api_base_url.empty()) in.api_base_url = default_base_url(in.vendor);
    while (in.api_base_url.ends_with('/')) in.api_base_url.pop_back();
    return std::nullopt;
  }
};

std::string env_prefix(std::string_view id) {
  std::string out = "TACTFUL_INTEGRATION_";
  for (char c : id)
    out.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out + "_";
}

}  // namespace

std::optional<Error> parse_integration(const Value& object, const std::string& where,
                                       Integration& out) {
  out = Integration{};
  return Reader{where}.integration(object, out);
}

void add_note_authors(Integration& in) {
  // The author tactful posts notes as is tactful itself: its notes are never coached.
  for (const char* key : {"admin_id", "author_id"}) {
    const auto it = in.api_credentials.find(key);
    if (it == in.api_credentials.end() || it->second.empty()) continue;
    auto& self = in.self_author_ids;
    if (std::find(self.begin(), self.end(), it->second) == self.end()) self.push_back(it->second);
  }
}

std::optional<Error> parse_integrations(const Value& array, const std::string& where,
                                        std::vector<Integration>& out) {
  if (!array.IsArray()) return Error{where + ": expected an array of integrations"};
  out.clear();
  for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
    const std::string at = where + "[" + std::to_string(i) + "]";
    Integration in;
    if (auto e = Reader{at}.integration(array[i], in)) return e;
    out.push_back(std::move(in));
  }
  return std::nullopt;
}

std::optional<Error> apply_integration_env(std::vector<Integration>& integrations,
                                           const Getenv& getenv) {
  for (Integration& in : integrations) {
    const std::string prefix = env_prefix(in.id);
    if (const char* v = getenv((prefix + "SECRET").c_str())) in.webhook_secret = v;
    if (const char* v = getenv((prefix + "BASIC_USER").c_str())) in.basic_user = v;
    std::vector<std::string> keys;
    for (auto k : required_credentials(in.vendor)) keys.emplace_back(k);
    for (const auto& [k, _] : in.api_credentials) keys.push_back(k);
    for (const auto& k : keys) {
      std::string name = prefix + "CREDENTIAL_";
      for (char c : k)
        name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      if (const char* v = getenv(name.c_str())) in.api_credentials[k] = v;
    }
    add_note_authors(in);
  }
  return std::nullopt;
}

}  // namespace tactful::server
