// Loading the configuration file and the environment overrides.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <sstream>

#include "forwarded_for.h"
#include "integrations_config.h"
#include "tactful/server/config.h"

namespace tactful::server {
namespace {

using rapidjson::Value;

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    if (next > pos) out.emplace_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

std::optional<std::uint64_t> parse_uint(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") return true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

// One settable key: how to read it from JSON and from an environment string.
struct Key {
  const char* json;  // "limits.max_body_bytes"
  const char* env;   // "TACTFUL_MAX_BODY_BYTES"
  enum class Type { string, uint, boolean, list, millis, minutes, listen, keys } type;
  void* target;
};

std::vector<Key> keys(Config& c) {
  using T = Key::Type;
  return {
      {"listen", "TACTFUL_LISTEN", T::listen, &c},
      {"threads", "TACTFUL_THREADS", T::uint, &c.threads},
      {"data_dir", "TACTFUL_DATA_DIR", T::string, &c.data_dir},
      {"packs", "TACTFUL_PACKS", T::list, &c.pack_dirs},
      {"builtin_packs", "TACTFUL_BUILTIN_PACKS", T::boolean, &c.builtin_packs},
      {"reload_poll_ms", "TACTFUL_RELOAD_POLL_MS", T::millis, &c.reload_poll},
      {"cors_origins", "TACTFUL_CORS_ORIGINS", T::list, &c.cors_origins},
      {"api_keys", "TACTFUL_API_KEYS", T::keys, &c.api_keys},
      {"trusted_proxies", "TACTFUL_TRUSTED_PROXIES", T::list, &c.trusted_proxies},
      {"static_dir", "TACTFUL_STATIC_DIR", T::string, &c.static_dir},
      {"log_requests", "TACTFUL_LOG_REQUESTS", T::boolean, &c.log_requests},
      {"bench_ceiling", "TACTFUL_BENCH_CEILING", T::boolean, &c.bench_ceiling},
      {"limits.max_body_bytes", "TACTFUL_MAX_BODY_BYTES", T::uint, &c.limits.max_body_bytes},
      {"limits.max_header_bytes", "TACTFUL_MAX_HEADER_BYTES", T::uint, &c.limits.max_header_bytes},
      {"limits.max_draft_chars", "TACTFUL_MAX_DRAFT_CHARS", T::uint, &c.limits.max_draft_chars},
      {"limits.max_history", "TACTFUL_MAX_HISTORY", T::uint, &c.limits.max_history},
      {"limits.max_connections", "TACTFUL_MAX_CONNECTIONS", T::uint, &c.limits.max_connections},
      {"limits.header_timeout_ms", "TACTFUL_HEADER_TIMEOUT_MS", T::millis,
       &c.limits.header_timeout},
      {"limits.read_timeout_ms", "TACTFUL_READ_TIMEOUT_MS", T::millis, &c.limits.read_timeout},
      {"limits.idle_timeout_ms", "TACTFUL_IDLE_TIMEOUT_MS", T::millis, &c.limits.idle_timeout},
      {"limits.ws_idle_timeout_ms", "TACTFUL_WS_IDLE_TIMEOUT_MS", T::millis,
       &c.limits.ws_idle_timeout},
      {"admin.rate_per_minute", "TACTFUL_ADMIN_RATE_PER_MINUTE", T::uint, &c.admin.rate_per_minute},
      {"admin.rate_burst", "TACTFUL_ADMIN_RATE_BURST", T::uint, &c.admin.rate_burst},
      {"rate_limits.per_ip_per_minute", "TACTFUL_RATE_LIMIT_PER_IP_PER_MINUTE", T::uint,
       &c.rate_limits.per_ip_per_minute},
      {"rate_limits.per_key_per_minute", "TACTFUL_RATE_LIMIT_PER_KEY_PER_MINUTE", T::uint,
       &c.rate_limits.per_key_per_minute},
      {"rate_limits.burst", "TACTFUL_RATE_LIMIT_BURST", T::uint, &c.rate_limits.burst},
      {"admin.default_tenant", "TACTFUL_ADMIN_DEFAULT_TENANT", T::string, &c.admin.default_tenant},
      {"context.max_messages", "TACTFUL_CONTEXT_MAX_MESSAGES", T::uint, &c.context.max_messages},
      {"context.max_conversations", "TACTFUL_CONTEXT_MAX_CONVERSATIONS", T::uint,
       &c.context.max_conversations},
      {"context.ttl_minutes", "TACTFUL_CONTEXT_TTL_MINUTES", T::minutes, &c.context.ttl},
      {"context.max_bytes", "TACTFUL_CONTEXT_MAX_BYTES", T::uint, &c.context.max_bytes},
      {"context.max_message_bytes", "TACTFUL_CONTEXT_MAX_MESSAGE_BYTES", T::uint,
       &c.context.max_message_bytes},
      {"outbox.workers", "TACTFUL_OUTBOX_WORKERS", T::uint, &c.outbox.workers},
      {"outbox.timeout_ms", "TACTFUL_OUTBOX_TIMEOUT_MS", T::millis, &c.outbox.timeout},
      {"outbox.backoff_base_ms", "TACTFUL_OUTBOX_BACKOFF_BASE_MS", T::millis,
       &c.outbox.backoff_base},
      {"outbox.backoff_max_ms", "TACTFUL_OUTBOX_BACKOFF_MAX_MS", T::millis, &c.outbox.backoff_max},
      {"outbox.give_up_after_ms", "TACTFUL_OUTBOX_GIVE_UP_AFTER_MS", T::millis,
       &c.outbox.give_up_after},
      {"outbox.drain_ms", "TACTFUL_OUTBOX_DRAIN_MS", T::millis, &c.outbox.drain},
      {"widget.frame_origins", "TACTFUL_WIDGET_FRAME_ORIGINS", T::list, &c.widget.frame_origins},
  };
}

// Stores a uint into the key's target, whose type depends on the key.
std::optional<Error> store_uint(const Key& k, std::uint64_t v, const std::string& where) {
  if (k.type == Key::Type::millis) {
    *static_cast<std::chrono::milliseconds*>(k.target) =
        std::chrono::milliseconds(static_cast<long long>(v));
  } else if (k.type == Key::Type::minutes) {
    *static_cast<std::chrono::minutes*>(k.target) = std::chrono::minutes(static_cast<long long>(v));
  } else if (std::string_view(k.json) == "threads") {
    if (v > 256) return Error{where + ": at most 256 threads"};
    *static_cast<unsigned*>(k.target) = static_cast<unsigned>(v);
  } else if (std::string_view(k.json) == "outbox.workers") {
    if (v > 64) return Error{where + ": at most 64 workers"};
    *static_cast<unsigned*>(k.target) = static_cast<unsigned>(v);
  } else {
    *static_cast<std::size_t*>(k.target) = static_cast<std::size_t>(v);
  }
  return std::nullopt;
}

std::optional<Error> from_env(const Key& k, const char* raw) {
  const std::string where = std::string(k.env);
  const std::string_view v(raw);
  switch (k.type) {
    case Key::Type::listen:
      if (auto e = set_listen(*static_cast<Config*>(k.target), v))
        return Error{where + ": " + e->message};
      return std::nullopt;
    case Key::Type::string:
      *static_cast<std::string*>(k.target) = std::string(v);
      return std::nullopt;
    case Key::Type::list:
      *static_cast<std::vector<std::string>*>(k.target) =
          split(v, std::string_view(k.json) == "packs" ? ':' : ',');
      return std::nullopt;
    case Key::Type::keys: {
      auto& out = *static_cast<std::vector<ApiKey>*>(k.target);
      out.clear();
      for (auto& key : split(v, ',')) out.emplace_back(std::move(key));
      return std::nullopt;
    }
    case Key::Type::boolean:
      if (auto b = parse_bool(v)) {
        *static_cast<bool*>(k.target) = *b;
        return std::nullopt;
      }
      return Error{where + ": expected true or false"};
    case Key::Type::uint:
    case Key::Type::millis:
    case Key::Type::minutes:
      if (auto n = parse_uint(v)) return store_uint(k, *n, where);
      return Error{where + ": expected a non-negative integer"};
  }
  return std::nullopt;
}

// "api_keys": strings, or objects {"key", "tenant"?, "team"?, "agent"?}.
std::optional<Error> api_keys_from_json(std::vector<ApiKey>& out, const Value& v,
                                        const std::string& where) {
  const char* expected =
      ": expected an array of keys (strings or {\"key\", \"tenant\", \"team\", \"agent\"})";
  if (!v.IsArray()) return Error{where + expected};
  out.clear();
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    const Value& item = v[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    if (item.IsString()) {
      out.emplace_back(std::string(item.GetString(), item.GetStringLength()));
      continue;
    }
    if (!item.IsObject()) return Error{at + expected};
    ApiKey key;
    for (auto m = item.MemberBegin(); m != item.MemberEnd(); ++m) {
      const std::string name(m->name.GetString(), m->name.GetStringLength());
      std::string* field = name == "key"      ? &key.key
                           : name == "tenant" ? &key.tenant
                           : name == "team"   ? &key.team
                           : name == "agent"  ? &key.agent
                                              : nullptr;
      if (!field)
        return Error{at + ": unknown key '" + name + "' (known: key, tenant, team, agent)"};
      if (!m->value.IsString()) return Error{at + "." + name + ": expected a string"};
      field->assign(m->value.GetString(), m->value.GetStringLength());
    }
    if (key.key.empty()) return Error{at + ": missing \"key\""};
    out.push_back(std::move(key));
  }
  return std::nullopt;
}

std::optional<Error> from_json(const Key& k, const Value& v, const std::string& where) {
  switch (k.type) {
    case Key::Type::listen:
      if (!v.IsString()) return Error{where + ": expected \"HOST:PORT\""};
      if (auto e = set_listen(*static_cast<Config*>(k.target), v.GetString()))
        return Error{where + ": " + e->message};
      return std::nullopt;
    case Key::Type::string:
      if (!v.IsString()) return Error{where + ": expected a string"};
      *static_cast<std::string*>(k.target) = v.GetString();
      return std::nullopt;
    case Key::Type::list: {
      if (!v.IsArray()) return Error{where + ": expected an array of strings"};
      auto& out = *static_cast<std::vector<std::string>*>(k.target);
      out.clear();
      for (const auto& item : v.GetArray()) {
        if (!item.IsString()) return Error{where + ": expected an array of strings"};
        out.emplace_back(item.GetString());
      }
      return std::nullopt;
    }
    case Key::Type::keys:
      return api_keys_from_json(*static_cast<std::vector<ApiKey>*>(k.target), v, where);
    case Key::Type::boolean:
      if (!v.IsBool()) return Error{where + ": expected true or false"};
      *static_cast<bool*>(k.target) = v.GetBool();
      return std::nullopt;
    case Key::Type::uint:
    case Key::Type::millis:
    case Key::Type::minutes:
      if (!v.IsUint64()) return Error{where + ": expected a non-negative integer"};
      return store_uint(k, v.GetUint64(), where);
  }
  return std::nullopt;
}

std::optional<Error> apply_file(Config& c, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{file + ": cannot open"};
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  rapidjson::Document doc;
  // Comments (`//` and `/* */`) are allowed so the packaged /etc/tactful/tactful.json can explain
  // each key where an operator edits it.
  doc.Parse<rapidjson::kParseCommentsFlag>(text.data(), text.size());
  if (doc.HasParseError())
    return Error{file + ": invalid JSON at byte " + std::to_string(doc.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(doc.GetParseError())};
  if (!doc.IsObject()) return Error{file + ": expected a JSON object"};
  const auto all = keys(c);
  auto find = [&](const std::string& name) -> const Key* {
    for (const Key& k : all)
      if (name == k.json) return &k;
    return nullptr;
  };
  for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
    const std::string name = it->name.GetString();
    if ((name == "limits" || name == "admin" || name == "context" || name == "outbox" ||
         name == "widget" || name == "rate_limits") &&
        it->value.IsObject()) {
      for (auto l = it->value.MemberBegin(); l != it->value.MemberEnd(); ++l) {
        const std::string sub = name + "." + std::string(l->name.GetString());
        const Key* k = find(sub);
        if (!k) return Error{file + ": unknown key '" + sub + "'"};
        if (auto e = from_json(*k, l->value, file + ": " + sub)) return e;
      }
      continue;
    }
    if (name == "integrations") {
      if (auto e = parse_integrations(it->value, file + ": integrations", c.integrations)) return e;
      continue;
    }
    const Key* k = find(name);
    if (!k || name.find('.') != std::string::npos)
      return Error{file + ": unknown key '" + name + "'"};
    if (auto e = from_json(*k, it->value, file + ": " + name)) return e;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> set_listen(Config& config, std::string_view listen) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    return Error{"'" + std::string(listen) + "' is not HOST:PORT"};
  std::string host(listen.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const auto port = parse_uint(listen.substr(colon + 1));
  if (!port || *port > 65535) return Error{"'" + std::string(listen) + "': bad port"};
  config.host = host;
  config.port = static_cast<std::uint16_t>(*port);
  return std::nullopt;
}

namespace {

// "https://chat.example.com" or "http://127.0.0.1:3000": what a browser sends as an Origin, so
// it can be compared exactly and written into a Content-Security-Policy header as it is.
bool is_origin(std::string_view o) {
  std::size_t rest;
  if (o.starts_with("https://"))
    rest = 8;
  else if (o.starts_with("http://"))
    rest = 7;
  else
    return false;
  const std::string_view host = o.substr(rest);
  if (host.empty() || host.size() > 255 || host.front() == '.' || host.front() == ':') return false;
  std::size_t colon = host.rfind(':');
  const bool bracketed = host.front() == '[';
  if (bracketed) {
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    colon = close + 1 < host.size() ? close + 1 : std::string_view::npos;
    if (colon != std::string_view::npos && host[colon] != ':') return false;
  }
  const std::string_view name = host.substr(0, colon);
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    (bracketed && (c == '[' || c == ']' || c == ':' || (c >= 'A' && c <= 'F')));
    if (!ok) return false;  // upper case too: browsers send origins lower-cased
  }
  if (colon == std::string_view::npos) return true;
  const auto port = parse_uint(host.substr(colon + 1));
  return port && *port > 0 && *port <= 65535;
}

}  // namespace

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::optional<Error> validate(const Config& c) {
  if (!is_loopback(c.host) && c.api_keys.empty())
    return Error{"listening on " + c.host +
                 " (beyond loopback) needs API keys for the agent routes: set \"api_keys\" in "
                 "the config file or TACTFUL_API_KEYS=key1,key2"};
  for (const auto& k : c.api_keys)
    if (k.key.size() < 16) return Error{"api_keys: each key needs at least 16 characters"};
  if (auto proxies = TrustedProxies::parse(c.trusted_proxies); !proxies.ok())
    return proxies.error();
  if (c.limits.max_body_bytes == 0 || c.limits.max_connections == 0)
    return Error{"limits: max_body_bytes and max_connections must be positive"};
  if (c.rate_limits.burst == 0 &&
      (c.rate_limits.per_ip_per_minute > 0 || c.rate_limits.per_key_per_minute > 0))
    return Error{"rate_limits.burst must be positive while a rate limit is on (0 turns one off)"};
  const ContextLimits& x = c.context;
  if (x.max_messages == 0 || x.max_conversations == 0 || x.ttl.count() <= 0)
    return Error{"context: max_messages, max_conversations and ttl_minutes must be positive"};
  if (x.ttl > std::chrono::days(366))  // and the clock arithmetic stays far from overflow
    return Error{"context: ttl_minutes at most 527040 (366 days)"};
  if (x.max_message_bytes < 256 || x.max_bytes < 4 * x.max_message_bytes)
    return Error{
        "context: max_message_bytes must be at least 256 and max_bytes at least four "
        "times max_message_bytes"};
  for (std::size_t i = 0; i < c.widget.frame_origins.size(); ++i)
    if (!is_origin(c.widget.frame_origins[i]))
      return Error{"widget.frame_origins[" + std::to_string(i) + "]: '" +
                   c.widget.frame_origins[i].substr(0, 100) +
                   "' is not an origin like https://chat.example.com (scheme and host in lower "
                   "case, an optional port, no path)"};
  for (std::size_t i = 0; i < c.integrations.size(); ++i) {
    const std::string where = "integrations[" + std::to_string(i) + "]";
    if (auto e = validate(c.integrations[i], where)) return e;
    for (std::size_t j = 0; j < i; ++j)
      if (c.integrations[j].id == c.integrations[i].id)
        return Error{where + ".id: '" + c.integrations[i].id +
                     "' is already used by integrations[" + std::to_string(j) + "]"};
  }
  if (auto o = outbox::validate(c.outbox); !o.ok()) return o.error();
  return std::nullopt;
}

std::string default_data_dir(const Getenv& getenv) {
  if (const char* x = getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/tactful";
  if (const char* h = getenv("HOME"); h && *h) return std::string(h) + "/.local/share/tactful";
  return "tactful-data";
}

Result<Config> load_config(const std::string& file, const Getenv& getenv) {
  Config c;
  if (!file.empty())
    if (auto e = apply_file(c, file)) return *e;
  for (const Key& k : keys(c))
    if (const char* v = getenv(k.env))
      if (auto e = from_env(k, v)) return *e;
  if (auto e = apply_integration_env(c.integrations, getenv)) return *e;
  for (std::size_t i = 0; i < c.integrations.size(); ++i)
    if (auto e = validate(c.integrations[i], (file.empty() ? "" : file + ": ") + "integrations[" +
                                                 std::to_string(i) + "]"))
      return *e;
  if (c.data_dir.empty()) c.data_dir = default_data_dir(getenv);
  return c;
}

}  // namespace tactful::server
