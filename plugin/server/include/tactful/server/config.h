// The service's configuration: one JSON file plus TACTFUL_* environment overrides (see
// docs/server.md for every key). Defaults run on loopback with the built-in packs.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/outbox/settings.h"
#include "tactful/result.h"
#include "tactful/server/integration.h"

namespace tactful::server {

struct Limits {
  std::size_t max_body_bytes = 1 << 20;              // larger bodies get 413
  std::size_t max_header_bytes = 64 << 10;           // larger request headers get 431
  std::size_t max_draft_chars = 20000;               // UTF-16 units; /v1 and /v2 texts, 413 beyond
  std::size_t max_history = 50;                      // older messages are dropped, oldest first
  std::size_t max_connections = 1024;                // more get 503 and are closed
  std::chrono::milliseconds header_timeout{10000};   // first request line + headers
  std::chrono::milliseconds read_timeout{30000};     // a request body; also each write
  std::chrono::milliseconds idle_timeout{60000};     // keep-alive wait for the next request
  std::chrono::milliseconds ws_idle_timeout{60000};  // WebSocket: ping after, close if no pong
};

// An agent API key. A plain string in the config is a key with no scope; an object
// {"key", "tenant", "team", "agent"} also names whose it is: requests made with it are checked
// with that tenant's published rules (and that team's, which wins over the request's `team`),
// and its feedback and mutes are recorded for that tenant, team and agent.
struct ApiKey {
  ApiKey() = default;
  ApiKey(std::string k) : key(std::move(k)) {}  // NOLINT: plain string keys stay valid
  ApiKey(const char* k) : key(k) {}             // NOLINT
  std::string key;
  std::string tenant, team, agent;  // optional scope
};

// The admin API (/v1/admin/*): see docs/admin.md.
struct AdminConfig {
  std::size_t rate_per_minute = 600;  // requests per admin token, refilled continuously
  std::size_t rate_burst = 60;        // requests a token may make at once
  std::string default_tenant;         // the tenant of requests whose key names none ("" = none)
};

// Request rates of the agent routes (/v1/suggest, /v1/stream upgrades, /v1/feedback, /v1/mutes,
// /v2/check, /widget/): a token bucket per client address (the TCP peer, or behind a proxy listed
// in Config::trusted_proxies the address it forwarded) and one per agent API key. 0 disables a
// limit; over it, 429 with Retry-After.
struct RateLimits {
  std::size_t per_ip_per_minute = 60000;   // requests per client address, refilled continuously
  std::size_t per_key_per_minute = 60000;  // requests per agent API key
  std::size_t burst = 2000;                // requests a client or key may make at once
};

// Bounds of the conversation context store that webhooks fill (ContextStore guarantees them).
struct ContextLimits {
  std::size_t max_messages = 50;             // per conversation; the oldest go first
  std::size_t max_conversations = 10000;     // least recently used go first
  std::chrono::minutes ttl{24 * 60};         // a conversation untouched this long is dropped
  std::size_t max_bytes = 16 << 20;          // approximate memory ceiling of the whole store
  std::size_t max_message_bytes = 16 << 10;  // a longer message is cut (on a UTF-8 boundary)
};

// The helpdesk app pages under /widget/ (the Chatwoot dashboard app, the Front plugin): the
// helpdesk origins allowed to show them in a frame and to send them context (docs/widget.md).
struct WidgetConfig {
  std::vector<std::string> frame_origins;  // exact origins, "https://chat.example.com"
};

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;           // 0 = any free port
  unsigned threads = 0;                // 0 = one per core
  std::string data_dir;                // SQLite lives here; "" = default_data_dir()
  std::vector<std::string> pack_dirs;  // admin rule packs (files or directories of *.json)
  bool builtin_packs = true;
  std::chrono::milliseconds reload_poll{2000};  // how often pack files are checked; 0 = never
  std::vector<std::string> cors_origins{"*"};   // "*" or exact origins; [] = no CORS headers
  std::vector<ApiKey> api_keys;                 // required on agent routes when non-empty
  // Reverse proxies (addresses or networks, "10.0.0.0/8") whose X-Forwarded-For names the
  // client for rate limits and logs; [] = the TCP peer is the client (docs/security.md).
  std::vector<std::string> trusted_proxies;
  std::string static_dir;      // serve /static/ from here instead of the demo
  bool log_requests = true;    // one JSON line per request on stderr
  bool bench_ceiling = false;  // enable GET /bench/ceiling
  Limits limits;
  AdminConfig admin;
  RateLimits rate_limits;
  ContextLimits context;
  WidgetConfig widget;
  std::vector<Integration> integrations;  // helpdesks whose webhooks are accepted
  outbox::Settings outbox;  // coaching notes: delivery threads, timeout, backoff, give-up age
};

using Getenv = std::function<const char*(const char*)>;

// Reads `file` (if not empty) over the defaults, then TACTFUL_* variables from `getenv` over
// that. Errors name the file or variable and the key.
Result<Config> load_config(const std::string& file, const Getenv& getenv);

// Applies "HOST:PORT" (IPv6 as "[::1]:8080").
std::optional<Error> set_listen(Config& config, std::string_view listen);

// Checks the configuration can run safely: a non-loopback listen address needs API keys;
// every integration is valid (see validate(Integration)) and ids are unique; every
// widget.frame_origins entry is an origin (scheme, host and optional port, nothing else).
std::optional<Error> validate(const Config& config);

bool is_loopback(const std::string& host);

// $XDG_DATA_HOME/tactful, else $HOME/.local/share/tactful, else ./tactful-data.
std::string default_data_dir(const Getenv& getenv);

}  // namespace tactful::server
