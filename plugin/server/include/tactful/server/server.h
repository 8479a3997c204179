// `tactful serve`: the HTTP and WebSocket service (Boost.Asio + Beast) hosting the engine.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/outbox/outbox.h"
#include "tactful/result.h"
#include "tactful/server/config.h"

namespace tactful::server {

using LogSink = std::function<void(std::string_view line)>;

struct ServerOptions {
  LogSink log_sink;             // default: stderr
  bool handle_signals = false;  // SIGTERM/SIGINT stop gracefully, SIGHUP reloads rule packs
  // How the note outbox finds an integration's vendor, API base URL and credentials (the
  // integrations configuration supplies it). Unset: notes cannot be enqueued, and notes left
  // from an earlier run wait (until give-up) for their integration to be configured again.
  outbox::TargetResolver note_targets;
};

// A running server. start() loads the rules, opens the stores (feedback, note outbox) and binds
// the port before it returns, so a server that starts is ready; it refuses to start (with a
// message saying why) on a bad config, a broken rule pack, an unusable data dir or a busy port.
// stop() stops accepting and lets requests in flight finish; wait() returns when they have,
// then stops the outbox (notes not yet sent stay queued) and closes SQLite. Destroying the
// server does both.
class Server {
 public:
  static Result<std::unique_ptr<Server>> start(Config config, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;
  // Reloads the rule packs now; on error the rules in service stay and the error is returned.
  std::optional<Error> reload();
  void stop();  // from any thread, idempotent
  void wait();  // until stopped and drained

  // Every route served: its path as OpenAPI names it and its methods (without OPTIONS).
  struct RouteInfo {
    std::string path;
    std::vector<std::string> methods;
  };
  std::vector<RouteInfo> routes() const;

  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tactful::server
