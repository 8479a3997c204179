// `tactful healthcheck [URL]`: GET a URL (by default this host's /healthz) and exit 0 on 200.
// It lets a container's HEALTHCHECK probe the service without curl in a slim image.
#include <cstdlib>
#include <iostream>
#include <optional>

#include "beast.h"
#include "commands.h"
#include "http_url.h"
#include "options.h"
#include "tactful/server/config.h"

namespace tactful::cli {
namespace {

using namespace tactful::server;

constexpr std::string_view kUsage =
    R"(usage: tactful healthcheck [URL] [--config FILE] [--timeout-ms N]

GETs URL and exits 0 when it answers 200, 1 when it answers anything else, cannot be reached or
does not answer within the timeout (default 5000 ms), 2 on bad usage. Only http:// URLs.

Without URL: http://HOST:PORT/healthz of the listen address the service would use (the config
file, TACTFUL_LISTEN, as for `tactful serve`); a wildcard address (0.0.0.0, ::) is probed on
loopback. A container's HEALTHCHECK runs it as `tactful healthcheck`.
)";

using Target = HttpUrl;

// The service's own /healthz, from the listen address its configuration gives.
Result<Target> configured_target(const std::string& config_file) {
  auto config = load_config(config_file, [](const char* name) { return std::getenv(name); });
  if (!config.ok()) return config.error();
  std::string host = config->host;
  if (host == "0.0.0.0" || host.empty()) host = "127.0.0.1";
  if (host == "::") host = "::1";
  return Target{host, std::to_string(config->port), "/healthz"};
}

// One GET with an overall deadline; returns the status code or an error.
Result<int> get(const Target& t, std::chrono::milliseconds timeout) {
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  http::request<http::empty_body> req{http::verb::get, t.path, 11};
  req.set(http::field::host, t.host.find(':') != std::string::npos ? "[" + t.host + "]" : t.host);
  req.set(http::field::user_agent, "tactful-healthcheck");
  req.set(http::field::connection, "close");
  http::response_parser<http::string_body> res;
  res.body_limit(1 << 20);
  beast::error_code failed;
  std::string stage = "resolve";
  auto fail = [&](beast::error_code ec, const char* what) {
    failed = ec;
    stage = what;
  };
  resolver.async_resolve(t.host, t.port, [&](beast::error_code ec, tcp::resolver::results_type r) {
    if (ec) return fail(ec, "resolve");
    stream.expires_after(timeout);
    stream.async_connect(r, [&](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return fail(ec, "connect");
      http::async_write(stream, req, [&](beast::error_code ec, std::size_t) {
        if (ec) return fail(ec, "send");
        http::async_read(stream, buffer, res, [&](beast::error_code ec, std::size_t) {
          if (ec) return fail(ec, "read");
          stage.clear();
        });
      });
    });
  });
  // The resolver has no deadline of its own: bound the whole exchange here as well.
  ioc.run_for(timeout + std::chrono::milliseconds(100));
  if (failed) return Error{stage + ": " + failed.message()};
  if (!stage.empty())
    return Error{stage + ": no answer within " + std::to_string(timeout.count()) + " ms"};
  return static_cast<int>(res.get().result_int());
}

}  // namespace

int run_healthcheck(Args args, std::istream&, std::ostream& out, std::ostream& err) {
  const Options opt(args, {"--config", "--timeout-ms"}, {"--help", "-h"});
  if (!opt.ok()) {
    err << "tactful healthcheck: " << opt.error() << " (see tactful healthcheck --help)\n";
    return 2;
  }
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  if (opt.positional().size() > 1) {
    err << "tactful healthcheck: expected at most one URL\n";
    return 2;
  }
  auto timeout = std::chrono::milliseconds(5000);
  if (auto t = opt.value("--timeout-ms")) {
    const auto n = parse_number(*t, 1, 600000);
    if (!n) {
      err << "tactful healthcheck: --timeout-ms: expected 1..600000\n";
      return 2;
    }
    timeout = std::chrono::milliseconds(static_cast<long long>(*n));
  }
  Target target;
  if (!opt.positional().empty()) {
    const auto parsed = parse_http_url(opt.positional()[0]);
    if (!parsed) {
      err << "tactful healthcheck: '" << opt.positional()[0]
          << "' is not an http://HOST[:PORT][/PATH] URL\n";
      return 2;
    }
    target = *parsed;
  } else {
    auto configured = configured_target(opt.value("--config").value_or(""));
    if (!configured.ok()) {
      err << "tactful healthcheck: " << configured.error().message << "\n";
      return 2;
    }
    target = *configured;
  }
  const std::string shown =
      "http://" +
      (target.host.find(':') != std::string::npos ? "[" + target.host + "]" : target.host) + ":" +
      target.port + target.path;
  const auto status = get(target, timeout);
  if (!status.ok()) {
    err << "tactful healthcheck: " << shown << ": " << status.error().message << "\n";
    return 1;
  }
  if (*status != 200) {
    err << "tactful healthcheck: " << shown << " answered " << *status << "\n";
    return 1;
  }
  out << "ok " << shown << "\n";
  return 0;
}

}  // namespace tactful::cli
