// An integration's stored, shown and requested JSON forms.
#include "integration_json.h"

#include <map>

#include "integrations_config.h"

namespace tactful::server {
namespace {

using rapidjson::Value;

constexpr std::size_t kMaxString = 4096, kMaxCredentials = 32, kMaxAuthorIds = 100;

const char* scheme_name(webhooks::SignatureScheme s) {
  return s == webhooks::SignatureScheme::front_rule ? "rule" : "application";
}

// Every field but the secrets, in the config file's format.
void write_public_fields(JsonOut& j, const Integration& in) {
  j.field("id", in.id).field("vendor", webhooks::vendor_name(in.vendor));
  j.field("verification", verification_name(in.verification));
  if (in.vendor == webhooks::Vendor::front) j.field("signature", scheme_name(in.signature_scheme));
  j.field("max_skew_seconds", static_cast<std::int64_t>(in.max_skew.count()));
  j.field("api_base_url", in.api_base_url);
  j.key("notes").begin_object().field("enabled", in.notes.enabled);
  j.field("min_severity", to_string(in.notes.min_severity));
  j.field("min_interval_minutes", static_cast<std::int64_t>(in.notes.min_interval.count()));
  j.end_object();
  j.key("self_author_ids").begin_array();
  for (const auto& id : in.self_author_ids) j.str(id);
  j.end_array();
  j.field("team", in.team);
}

// Secrets as placeholders: that each is set, nothing about its value.
void write_secret_placeholders(JsonOut& j, const Integration& in) {
  auto placeholder = [&j](bool set) { j.begin_object().field("set", set).end_object(); };
  j.key("webhook_secret");
  placeholder(!in.webhook_secret.empty());
  j.key("basic_user");
  placeholder(!in.basic_user.empty());
  j.key("api_credentials").begin_object();
  for (const auto& [k, v] : in.api_credentials) {
    j.key(k);
    placeholder(!v.empty());
  }
  j.end_object();
}

std::string bytes_of(const Value& string) {
  return {string.GetString(), string.GetStringLength()};
}

bool is_placeholder(const Value& v) {
  return v.IsObject() && v.MemberCount() == 1 && v.HasMember("set") && v["set"].IsBool();
}

IntegrationProblem problem_of(const Error& e) {
  std::string m = e.message;
  // The config file's hints about TACTFUL_INTEGRATION_* variables do not apply to the API.
  if (const auto at = m.find(" (or set TACTFUL_"); at != std::string::npos) {
    const auto end = m.find(')', at);
    m.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
  }
  const auto colon = m.find(": ");
  if (colon == std::string::npos || !m.starts_with("$")) return {"$", m};
  return {m.substr(0, colon), m.substr(colon + 2)};
}

// Bounds a hostile body before anything else reads it: every string value at most 4 KiB,
// at most 32 credentials and 100 author ids.
std::optional<IntegrationProblem> check_sizes(const Value& body) {
  for (auto it = body.MemberBegin(); it != body.MemberEnd(); ++it) {
    const std::string key(it->name.GetString(), it->name.GetStringLength());
    const Value& v = it->value;
    if (key.size() > 64) return IntegrationProblem{"$", "a key longer than 64 bytes"};
    if (v.IsString() && v.GetStringLength() > kMaxString)
      return IntegrationProblem{"$." + key, "longer than 4096 bytes"};
    if (key == "api_credentials" && v.IsObject()) {
      if (v.MemberCount() > kMaxCredentials)
        return IntegrationProblem{"$.api_credentials", "at most 32 credentials"};
      for (auto c = v.MemberBegin(); c != v.MemberEnd(); ++c)
        if (c->name.GetStringLength() > 64 ||
            (c->value.IsString() && c->value.GetStringLength() > kMaxString))
          return IntegrationProblem{"$.api_credentials",
                                    "a credential's name is at most 64 bytes, its value 4096"};
    }
    if (key == "self_author_ids" && v.IsArray()) {
      if (v.Size() > kMaxAuthorIds)
        return IntegrationProblem{"$.self_author_ids", "at most 100 ids"};
      for (const auto& id : v.GetArray())
        if (id.IsString() && id.GetStringLength() > 256)
          return IntegrationProblem{"$.self_author_ids", "an id is at most 256 bytes"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string public_json(const Integration& in) {
  JsonOut j;
  j.begin_object();
  write_public_fields(j, in);
  j.end_object();
  return j.take();
}

std::string integration_seal_context(const std::string& tenant, const std::string& id) {
  return "integration\n" + tenant + "\n" + id;
}

std::string secrets_json(const Integration& in) {
  JsonOut j;
  j.begin_object().field("webhook_secret", in.webhook_secret).field("basic_user", in.basic_user);
  j.key("api_credentials").begin_object();
  for (const auto& [k, v] : in.api_credentials) j.field(k, v);
  j.end_object().end_object();
  return j.take();
}

Result<Integration> integration_from_stored(std::string_view public_part,
                                            std::string_view secret_part,
                                            const std::string& tenant) {
  rapidjson::Document pub, sec;
  pub.Parse(public_part.data(), public_part.size());
  sec.Parse(secret_part.data(), secret_part.size());
  if (pub.HasParseError() || sec.HasParseError() || !sec.IsObject())
    return Error{"stored integration is not valid JSON"};
  Integration in;
  if (auto e = parse_integration(pub, "stored", in)) return *e;
  // By length: a secret may hold "\u0000", and a C string would cut it short (fuzz finding).
  if (sec.HasMember("webhook_secret") && sec["webhook_secret"].IsString())
    in.webhook_secret = bytes_of(sec["webhook_secret"]);
  if (sec.HasMember("basic_user") && sec["basic_user"].IsString())
    in.basic_user = bytes_of(sec["basic_user"]);
  if (sec.HasMember("api_credentials") && sec["api_credentials"].IsObject())
    for (const auto& m : sec["api_credentials"].GetObject())
      if (m.value.IsString()) in.api_credentials[bytes_of(m.name)] = bytes_of(m.value);
  in.tenant = tenant;
  return in;
}

void write_integration(JsonOut& j, const Integration& in, const IntegrationMeta& meta) {
  j.begin_object();
  write_public_fields(j, in);
  j.field("tenant", in.tenant);
  write_secret_placeholders(j, in);
  j.field("webhook_path",
          "/v1/webhooks/" + std::string(webhooks::vendor_name(in.vendor)) + "/" + in.id);
  j.field("source", meta.source).field("read_only", meta.source == "config");
  if (meta.source == "api") {
    j.field("version", meta.version).field("created_at", meta.created_at);
    j.field("updated_at", meta.updated_at).field("updated_by", meta.updated_by);
    j.field("shadowed", meta.shadowed);
  }
  j.end_object();
}

std::string audit_json(const Integration& in, const std::vector<std::string>& secrets_changed) {
  JsonOut j;
  j.begin_object();
  write_public_fields(j, in);
  write_secret_placeholders(j, in);
  j.key("secrets_changed").begin_array();
  for (const auto& s : secrets_changed) j.str(s);
  j.end_array().end_object();
  return j.take();
}

std::variant<IntegrationEdit, IntegrationProblem> integration_from_request(
    const rapidjson::Value& body, const std::string& tenant, const std::string& id,
    const Integration* stored) {
  if (!body.IsObject()) return IntegrationProblem{"$", "expected an object"};
  if (auto p = check_sizes(body)) return *p;
  rapidjson::Document doc;
  doc.CopyFrom(body, doc.GetAllocator());
  IntegrationEdit edit;
  std::map<std::string, std::string> given;  // secret name -> new value
  std::vector<std::string> removed;          // api_credentials keys sent as null
  for (const char* key : {"webhook_secret", "basic_user"}) {
    if (!doc.HasMember(key)) continue;
    Value& v = doc[key];
    if (is_placeholder(v)) {
      doc.RemoveMember(key);
    } else if (v.IsString()) {
      given[key] = std::string(v.GetString(), v.GetStringLength());
      doc.RemoveMember(key);
    }  // anything else: the parser names the problem
  }
  if (doc.HasMember("api_credentials") && doc["api_credentials"].IsObject()) {
    Value& creds = doc["api_credentials"];
    for (auto it = creds.MemberBegin(); it != creds.MemberEnd();) {
      const std::string name(it->name.GetString(), it->name.GetStringLength());
      if (it->value.IsNull()) {
        removed.push_back(name);
        it = creds.EraseMember(it);
      } else if (is_placeholder(it->value)) {
        it = creds.EraseMember(it);
      } else {
        ++it;
      }
    }
  }
  // What a GET shows besides the fields: a body read back from a GET and sent again is fine.
  for (const char* shown_only : {"webhook_path", "source", "read_only", "version", "created_at",
                                 "updated_at", "updated_by", "shadowed"})
    doc.RemoveMember(shown_only);
  if (doc.HasMember("tenant")) {
    const Value& t = doc["tenant"];
    if (!t.IsString() || t.GetString() != tenant)
      return IntegrationProblem{"$.tenant",
                                "an integration belongs to the admin token's tenant ('" + tenant +
                                    "'); leave the key out"};
    doc.RemoveMember("tenant");
  }
  if (!id.empty()) {
    if (doc.HasMember("id") && !(doc["id"].IsString() && doc["id"].GetString() == id))
      return IntegrationProblem{"$.id", "does not match the URL's id '" + id + "'"};
    if (!doc.HasMember("id"))
      doc.AddMember("id", Value(id.c_str(), doc.GetAllocator()), doc.GetAllocator());
  }
  Integration& in = edit.integration;
  if (auto e = parse_integration(doc, "$", in)) return problem_of(*e);
  in.tenant = tenant;
  // Secrets: the stored ones, with what the body gives over them.
  if (stored) {
    in.webhook_secret = stored->webhook_secret;
    in.basic_user = stored->basic_user;
    std::map<std::string, std::string> creds = stored->api_credentials;
    for (auto& [k, v] : in.api_credentials) creds[k] = v;
    in.api_credentials = std::move(creds);
  }
  for (const auto& k : removed) in.api_credentials.erase(k);
  for (const auto& [k, v] : given) {
    std::string& slot = k == "webhook_secret" ? in.webhook_secret : in.basic_user;
    if (!stored || slot != v) edit.secrets_changed.push_back(k);
    slot = v;
  }
  if (body.HasMember("api_credentials") && body["api_credentials"].IsObject())
    for (const auto& m : body["api_credentials"].GetObject()) {
      const std::string name = bytes_of(m.name);
      const bool was = stored && stored->api_credentials.count(name);
      const bool now_set = in.api_credentials.count(name) > 0;
      if (m.value.IsString() && (!was || stored->api_credentials.at(name) != bytes_of(m.value)))
        edit.secrets_changed.push_back("api_credentials." + name);
      else if (m.value.IsNull() && was && !now_set)
        edit.secrets_changed.push_back("api_credentials." + name);
    }
  if (auto e = validate(in, "$")) return problem_of(*e);
  return edit;
}

}  // namespace tactful::server
