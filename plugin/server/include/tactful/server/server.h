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
#include "tactful/server/context_store.h"
#include "tactful/server/note_sink.h"

namespace tactful::server {

using LogSink = std::function<void(std::string_view line)>;

struct ServerOptions {
  LogSink log_sink;             // default: stderr
  bool handle_signals = false;  // SIGTERM/SIGINT stop gracefully, SIGHUP reloads rule packs
  // Where post-send coaching notes go; nullptr (the default) = the server's durable outbox.
  // Tests pass a recording sink to look at the notes without a helpdesk.
  std::shared_ptr<NoteSink> note_sink;
  // The wall clock webhook timestamps are checked against; default: the system clock.
  std::function<std::chrono::sys_seconds()> clock;
  // How the note outbox finds an integration's vendor, API base URL and credentials; unset =
  // from the config's integrations with notes enabled. A note whose integration is no longer
  // known waits (until give-up) for it to be configured again.
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

  // The messages webhooks stored for a conversation, oldest first (for operators and tests).
  std::vector<StoredMessage> conversation(std::string_view integration, std::string_view id) const;

  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tactful::server
