// `tactful serve`: run the service until SIGTERM/SIGINT.
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "options.h"
#include "tactful/server/server.h"

namespace tactful::cli {
namespace {

constexpr std::string_view kUsage = R"(usage: tactful serve [--listen HOST:PORT] [--config FILE]

Runs the coaching service: the native API (/v1/suggest, the /v1/stream WebSocket, /v1/feedback),
the LanguageTool-compatible API (/v2/check, /v2/languages), operations routes (/healthz,
/readyz, /metrics, /openapi.json) and the demo page at /.

options:
  --listen HOST:PORT  where to listen (default 127.0.0.1:8080; port 0 = any free port).
                      Beyond loopback, API keys are required (api_keys / TACTFUL_API_KEYS).
  --config FILE       a JSON config file (see docs/server.md); TACTFUL_* variables override it,
                      and --listen overrides both
  --bench-ceiling     also serve GET /bench/ceiling (a fixed body, to measure the HTTP ceiling)

SIGHUP reloads the rule packs (they also reload when their files change); SIGTERM stops
accepting, finishes the requests in flight and closes the store.
)";

}  // namespace

int run_serve(Args args, std::istream&, std::ostream& out, std::ostream& err) {
  const Options opt(args, {"--listen", "--config"}, {"--bench-ceiling", "--help", "-h"});
  if (!opt.ok()) {
    err << "tactful serve: " << opt.error() << " (see tactful serve --help)\n";
    return 2;
  }
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  if (!opt.positional().empty()) {
    err << "tactful serve: unexpected argument '" << opt.positional()[0] << "'\n";
    return 2;
  }
  auto config = server::load_config(opt.value("--config").value_or(""),
                                    [](const char* name) { return std::getenv(name); });
  if (!config.ok()) {
    err << "tactful serve: " << config.error().message << "\n";
    return 2;
  }
  if (auto listen = opt.value("--listen"))
    if (auto e = server::set_listen(*config, *listen)) {
      err << "tactful serve: --listen: " << e->message << "\n";
      return 2;
    }
  if (opt.has("--bench-ceiling")) config->bench_ceiling = true;
  const std::string host = config->host;
  server::ServerOptions options;
  options.handle_signals = true;
  auto started = server::Server::start(std::move(config).value(), std::move(options));
  if (!started.ok()) {
    err << "tactful serve: " << started.error().message << "\n";
    return 1;
  }
  auto& srv = *started.value();
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  out << "tactful: serving on http://" << shown << ":" << srv.port()
      << "/  (open it for the demo; Ctrl-C stops)" << std::endl;
  srv.wait();
  return 0;
}

}  // namespace tactful::cli
