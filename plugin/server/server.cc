// Starting, running and stopping the service.
#include "tactful/server/server.h"

#include <array>
#include <csignal>
#include <mutex>
#include <thread>

#include "beast.h"
#include "freed_pages.h"
#include "handlers_admin.h"
#include "http_session.h"
#include "outbox_note_sink.h"
#include "services.h"

namespace tactful::server {

struct Server::Impl {
  Impl(Config config, LogSink sink, WallClock clock)
      : services(std::make_unique<Services>(std::move(config), std::move(sink), std::move(clock))),
        acceptor(net::make_strand(ioc)),
        retry(acceptor.get_executor()) {}

  void accept();
  void reject(tcp::socket socket);
  void arm_signals(Server* server);

  // Declared first, destroyed last: handlers still queued when the io threads have returned (a
  // close posted by stop() as the last request ends) are destroyed with `ioc`, and the sessions
  // they hold use the services in their destructors.
  std::unique_ptr<Services> services;
  net::io_context ioc;
  // Admin API requests (rule compiles, SQLite writes) run here, off the io threads. One thread:
  // admin traffic is light, and publishes are serialised by the admin store anyway.
  net::thread_pool admin_pool{1};
  tcp::acceptor acceptor;
  net::steady_timer retry;  // backs off accept() after an error
  std::optional<net::signal_set> signals;
  std::vector<std::thread> threads;
  std::atomic<bool> stop_requested{false};
  std::mutex wait_mu;
  bool waited = false;
  std::uint16_t port = 0;
};

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open() || ec == net::error::operation_aborted) return;
    if (ec) {  // e.g. out of file descriptors: back off instead of spinning
      services->metrics.error("accept");
      services->log.event("error", "accept", ec.message());
      retry.expires_after(std::chrono::milliseconds(100));
      retry.async_wait([this](beast::error_code e) {
        if (!e) accept();
      });
      return;
    } else if (services->connections.size() >= services->config.limits.max_connections) {
      reject(std::move(socket));
    } else {
      std::make_shared<HttpSession>(std::move(socket), ioc.get_executor(), *services)->start();
    }
    accept();
  });
}

// Over the connection cap: a short 503 and close. What the client already sent is drained
// (for at most a second) so closing does not reset the connection before it reads the 503.
namespace {

struct Rejected : std::enable_shared_from_this<Rejected> {
  explicit Rejected(tcp::socket s) : stream(std::move(s)) {}
  void start() {
    static const std::string kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        "Retry-After: 1\r\nConnection: close\r\nContent-Length: 58\r\n\r\n"
        R"({"error":"too many connections, retry later","status":503})";
    stream.expires_after(std::chrono::seconds(1));
    net::async_write(stream, net::buffer(kBusy),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return;
                       self->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
                       self->drain();
                     });
  }
  void drain() {
    stream.async_read_some(net::buffer(buffer),
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (!ec) self->drain();
                           });
  }
  beast::tcp_stream stream;
  std::array<char, 1024> buffer;
};

}  // namespace

void Server::Impl::reject(tcp::socket socket) {
  services->metrics.error("connection_cap");
  services->metrics.request(services->router.unmatched(), 503, 0);
  std::make_shared<Rejected>(std::move(socket))->start();
}

// SIGHUP reloads the rule packs; SIGTERM and SIGINT stop gracefully.
void Server::Impl::arm_signals(Server* server) {
  signals->async_wait([this, server](beast::error_code ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      services->reloader->request_reload();
      arm_signals(server);
      return;
    }
    services->log.event("info", "signal", signal == SIGTERM ? "SIGTERM" : "SIGINT");
    server->stop();
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
  wait();
}

Result<std::unique_ptr<Server>> Server::start(Config config, ServerOptions options) {
  if (auto e = validate(config)) return *e;
  WallClock clock = options.clock ? std::move(options.clock) : WallClock([] {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  });
  auto impl =
      std::make_unique<Impl>(std::move(config), std::move(options.log_sink), std::move(clock));
  Services& s = *impl->services;
  const Config& c = s.config;
  RuleSource source(c.pack_dirs, c.builtin_packs);
  auto rules = source.load();
  if (!rules.ok()) return Error{"rule packs refused: " + rules.error().message};
  s.engines.set(std::make_shared<const Engine>(std::move(rules).value()));

  auto store = FeedbackStore::open(c.data_dir);
  if (!store.ok()) return Error{"cannot open the store: " + store.error().message};
  s.store = std::move(store).value();
  auto admin = AdminStore::open(c.data_dir);
  if (!admin.ok()) return Error{"cannot open the admin store: " + admin.error().message};
  s.admin = std::move(admin).value();
  auto analytics = Analytics::open(c.data_dir);
  if (!analytics.ok())
    return Error{"cannot open the analytics store: " + analytics.error().message};
  s.analytics = std::move(analytics).value();
  load_admin_state(s);
  std::string recovered;
  auto key_lock = SecretsKeyLock::for_server(c.data_dir, *s.admin, recovered);
  if (!key_lock.ok()) return Error{"cannot open the secrets key: " + key_lock.error().message};
  s.key_lock = std::make_unique<SecretsKeyLock>(std::move(key_lock).value());
  if (!recovered.empty()) s.log.event("warn", "secrets_key_recovered", recovered);
  auto secrets = SecretBox::open(c.data_dir);
  if (!secrets.ok()) return Error{"cannot open the secrets key: " + secrets.error().message};
  s.secrets = std::move(secrets).value();
  s.integrations = std::make_shared<IntegrationRegistry>(c.integrations, c.admin.default_tenant);
  refresh_integrations(s);
  // The outbox posts to the integrations in service (the config's and the admin API's, read
  // afresh for every note) unless the caller resolves targets.
  if (!options.note_targets)
    options.note_targets = IntegrationRegistry::note_targets(s.integrations);
  auto box = outbox::Outbox::open(
      c.data_dir, c.outbox, std::move(options.note_targets),
      [&log = s.log](std::string_view level, std::string_view event, std::string_view detail) {
        log.event(level, event, detail);
      });
  if (!box.ok()) return Error{"cannot open the note outbox: " + box.error().message};
  s.outbox = std::move(box).value();
  s.metrics.add_collector([box = s.outbox.get()] { return box->render_metrics(); });
  // Post-send notes go to the outbox (or to the caller's sink): queued durably, posted later.
  std::shared_ptr<NoteSink> sink = options.note_sink;
  if (!sink) sink = std::make_shared<OutboxNoteSink>(*s.outbox);
  s.webhooks =
      std::make_unique<WebhookIntake>(s.integrations, s.contexts, s.engines, s.tenants, sink);

  beast::error_code ec;
  tcp::resolver resolver(impl->ioc);
  const auto results = resolver.resolve(
      c.host, std::to_string(c.port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) return Error{"cannot resolve '" + c.host + "': " + ec.message()};
  const tcp::endpoint endpoint = results.begin()->endpoint();
  auto& a = impl->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return Error{"cannot listen on " + c.host + ":" + std::to_string(c.port) + ": " + ec.message()};
  impl->port = a.local_endpoint().port();

  s.reloader =
      std::make_unique<Reloader>(std::move(source), s.engines, s.metrics, s.log, c.reload_poll);
  auto server = std::make_unique<Server>(std::move(impl));
  Impl& im = *server->impl_;
  if (options.handle_signals) {
    im.signals.emplace(im.ioc, SIGTERM, SIGINT, SIGHUP);
    im.arm_signals(server.get());
  }
  s.admin_work = im.admin_pool.get_executor();
  im.accept();
  s.outbox->start();  // delivery threads of their own, never the io threads
  const unsigned n = c.threads ? c.threads : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < n; ++i)
    im.threads.emplace_back([&im] {
      for (;;) {  // a handler that throws is logged; the thread keeps serving
        try {
          im.ioc.run();
          return;
        } catch (const std::exception& e) {
          im.services->metrics.error("internal");
          im.services->log.event("error", "handler_exception", e.what());
        }
      }
    });
  s.log.event("info", "listening",
              "http://" + c.host + ":" + std::to_string(im.port) + "/ with " +
                  std::to_string(s.engines.get()->rules().rules().size()) + " rules, " +
                  std::to_string(n) + " threads, " +
                  std::to_string(s.integrations->snapshot()->size()) + " integrations, store " +
                  s.store->path());
  return_freed_pages();  // after the whole start-up: the packs, the stores, the tenants' rules
  return server;
}

std::uint16_t Server::port() const {
  return impl_->port;
}

std::optional<Error> Server::reload() {
  return impl_->services->reloader->reload("requested");
}

void Server::stop() {
  if (impl_->stop_requested.exchange(true)) return;
  Services& s = *impl_->services;
  s.stopping = true;
  s.log.event("info", "stopping", "no new connections; finishing requests in flight");
  net::post(impl_->acceptor.get_executor(), [im = impl_.get()] {
    beast::error_code ec;
    im->acceptor.close(ec);
    im->retry.cancel();
  });
  if (impl_->signals)
    net::post(impl_->ioc, [im = impl_.get()] {
      beast::error_code ec;
      im->signals->cancel(ec);
    });
  s.connections.close_all_when_idle();
}

void Server::wait() {
  const std::lock_guard lock(impl_->wait_mu);
  if (impl_->waited) return;
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
  // The io threads ran until every admin request had answered (each holds them while it runs).
  impl_->admin_pool.join();
  impl_->waited = true;
  Services& s = *impl_->services;
  if (s.reloader) s.reloader->stop();
  std::uint64_t pending = 0;
  if (s.outbox) {
    s.outbox->stop();  // sends in flight finish (up to outbox.drain_ms); the rest stay queued
    pending = s.outbox->stats().pending;  // destroyed with the services
  }
  s.analytics.reset();
  s.admin.reset();
  s.secrets.reset();
  s.key_lock.reset();  // a key rotation may run from here on
  s.store.reset();     // the last connection: checkpoints the WAL and closes SQLite
  s.log.event("info", "stopped",
              "all connections closed, store closed, " + std::to_string(pending) +
                  " note(s) left queued for the next start");
}

std::vector<StoredMessage> Server::conversation(std::string_view integration,
                                                std::string_view id) const {
  return impl_->services->contexts.history(integration, id);
}

std::vector<Server::RouteInfo> Server::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : impl_->services->router.routes()) {
    RouteInfo info{std::string(r.name), {}};
    for (auto m : r.methods) info.methods.emplace_back(m);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace tactful::server
