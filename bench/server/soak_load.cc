// The soak's load: a fixed total rate of requests across a mix of routes of a running
// `tactful serve` (/v1/suggest, /v1/stream messages, signed Chatwoot webhooks, /v2/check, admin
// reads) plus an admin rule publish every 10 s; every interval it prints each route's p50/p99
// and errors and the server's RSS, and at the end a summary (bench/soak.sh runs it).
//
//   tactful_soak_load --port P --pid PID --rate REQ_PER_S --seconds S --agent-key K
//                     --admin-token T --webhook-secret S --suggest-body FILE [--interval 30]
//                     [--warmup 120]
//
// Each route's requests are due at fixed times (its share of the rate); a request's latency
// counts from when it was due, so a server that stalls shows as latency. Exit status 1 when
// anything failed or RSS after the warm-up grew by more than 10%.
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>  // before Asio: Boost 1.74 uses std::exchange undeclared

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "soak_stats.h"
#include "tactful/adapters/webhooks/crypto.h"

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;

namespace tactful::soak {
namespace {

struct Options {
  unsigned short port = 0;
  int pid = 0;
  double rate = 100;
  int seconds = 600, interval = 30, warmup = 120;
  std::string agent_key, admin_token, webhook_secret, suggest_body;
};

using Request = http::request<http::string_body>;

// One kept-alive HTTP/1.1 connection, opened again after the server closes it.
class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}
  int send(Request& req, std::string* body = nullptr) {
    if (!stream_) {
      stream_ = std::make_unique<beast::tcp_stream>(ioc_);
      stream_->connect({net::ip::make_address("127.0.0.1"), port_});
      stream_->socket().set_option(net::ip::tcp::no_delay(true));
    }
    try {
      http::write(*stream_, req);
      http::response<http::string_body> res;
      http::read(*stream_, buffer_, res);
      if (!res.keep_alive()) stream_.reset();
      if (body) *body = std::move(res.body());
      return static_cast<int>(res.result_int());
    } catch (...) {
      stream_.reset();
      buffer_.clear();
      throw;
    }
  }

 private:
  unsigned short port_;
  net::io_context ioc_;
  std::unique_ptr<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

Request make(http::verb verb, const std::string& target, std::string body,
             const std::string& bearer, const std::string& type = "application/json") {
  Request req{verb, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
  if (!body.empty() || verb != http::verb::get) {
    req.set(http::field::content_type, type);
    req.body() = std::move(body);
    req.prepare_payload();
  }
  return req;
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Calls `once(due)` at `rate` per second until `end`; an exception is the route's error.
void paced(double rate, Clock::time_point start, Clock::time_point end, RouteStats& stats,
           const std::function<void(Clock::time_point)>& once) {
  const auto gap =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1 / rate));
  for (std::int64_t k = 0;; ++k) {
    const auto due = start + k * gap;
    if (due >= end) return;
    std::this_thread::sleep_until(due);
    try {
      once(due);
    } catch (const std::exception& e) {
      stats.error(e.what());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

// An HTTP route: `next(i)` builds the i-th request; `expect` is the success status.
void http_route(const Options& o, double rate, Clock::time_point start, Clock::time_point end,
                RouteStats& stats, int expect, const std::function<Request(std::int64_t)>& next) {
  HttpClient client(o.port);
  std::int64_t i = 0;
  paced(rate, start, end, stats, [&](Clock::time_point due) {
    Request req = next(i++);
    std::string body;
    const int status = client.send(req, &body);
    if (status == expect)
      stats.ok(ms_since(due));
    else
      stats.error(std::to_string(status) + " " + body.substr(0, 200));
  });
}

// One /v1/stream connection sending drafts as an agent types them, each answered in turn.
void stream_route(const Options& o, double rate, Clock::time_point start, Clock::time_point end,
                  RouteStats& stats) {
  net::io_context ioc;  // outlives the stream
  std::optional<websocket::stream<net::ip::tcp::socket>> ws;
  beast::flat_buffer buffer;
  std::int64_t seq = 0;
  const std::string draft =
      "Hi Dana, thanks for reaching out. Per our policy, refunds take 5-10 business days. "
      "Unfortunately there is nothing I can do to speed it up. We will look into it ASAP";
  paced(rate, start, end, stats, [&](Clock::time_point due) {
    if (!ws) {
      ws.emplace(ioc);
      ws->next_layer().connect({net::ip::make_address("127.0.0.1"), o.port});
      ws->set_option(websocket::stream_base::decorator([&](websocket::request_type& req) {
        req.set(http::field::authorization, "Bearer " + o.agent_key);
      }));
      ws->handshake("127.0.0.1", "/v1/stream");
      ws->text(true);
    }
    ++seq;
    const std::string msg = "{\"seq\": " + std::to_string(seq) + ", \"draft\": \"" +
                            draft.substr(0, draft.size() - static_cast<std::size_t>(seq % 40)) +
                            "\"}";
    try {
      ws->write(net::buffer(msg));
      buffer.clear();
      ws->read(buffer);
    } catch (...) {
      ws.reset();
      throw;
    }
    const std::string reply = beast::buffers_to_string(buffer.data());
    if (reply.find("\"suggestions\"") != std::string::npos)
      stats.ok(ms_since(due));
    else
      stats.error(reply.substr(0, 200));
  });
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The webhooks' conversations: few enough that the server's context store is full (50
// messages each) within the first interval, so RSS after it is the steady state.
constexpr std::int64_t kConversations = 200;

// A Chatwoot message_created delivery, signed as Chatwoot signs it (docs/webhooks.md): even
// numbers are a customer's complaint, odd ones the agent's reply in the same conversation.
Request webhook(const Options& o, std::int64_t n) {
  const bool agent = n % 2 == 1;
  const std::string body =
      R"({"event":"message_created","id":)" + std::to_string(1000000 + n) + R"(,"content":")" +
      (agent ? "Per our policy, refunds take 5-10 business days. You should have contacted us "
               "sooner, there is nothing I can do."
             : "I was charged twice for my order! Nobody answers my emails.") +
      R"(","message_type":")" + (agent ? "outgoing" : "incoming") +
      R"(","private":false,"created_at":"2026-12-05T10:00:00Z","sender":{"id":)" +
      (agent ? R"(7,"name":"Sam","type":"user"})" : R"(42,"name":"Jane","type":"contact"})") +
      R"(,"conversation":{"id":)" + std::to_string(n / 2 % kConversations) + "}}";
  const std::string ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  Request req = make(http::verb::post, "/v1/webhooks/chatwoot/cw", body, "");
  req.set("X-Chatwoot-Timestamp", ts);
  req.set("X-Chatwoot-Signature",
          "sha256=" + webhooks::to_hex(webhooks::hmac(webhooks::Digest::sha256, o.webhook_secret,
                                                      {ts, ".", body})));
  return req;
}

// The admin publishes a changed rule every 10 s: PUT the working copy, then publish it.
void publisher(const Options& o, Clock::time_point start, Clock::time_point end,
               RouteStats& stats) {
  static const char* words[] = {"synergy", "leverage", "paradigm", "bandwidth", "circle back"};
  HttpClient client(o.port);
  std::int64_t n = 0;
  paced(0.1, start + std::chrono::seconds(5), end, stats, [&](Clock::time_point due) {
    const std::string word = words[n++ % 5];
    Request put = make(http::verb::put, "/v1/admin/rules/soak.jargon",
                       R"({"id": "soak.jargon", "kind": "phrase", "category": "jargon",
        "severity": "suggestion", "message": "Say it plainly.", "why": "Customers do not know it.",
        "phrases": [")" + word +
                           R"("], "examples": {"flag": ["We [[)" + word +
                           R"(]] here."], "pass": ["Nothing to see here."]}})",
                       o.admin_token);
    std::string body;
    if (const int s = client.send(put, &body); s != 200 && s != 201)
      return stats.error("PUT " + std::to_string(s) + " " + body.substr(0, 200));
    Request pub = make(http::verb::post, "/v1/admin/rules/publish", "", o.admin_token);
    if (const int s = client.send(pub, &body); s != 201)
      return stats.error("publish " + std::to_string(s) + " " + body.substr(0, 200));
    stats.ok(ms_since(due));
  });
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port")
      o.port = static_cast<unsigned short>(std::stoi(v));
    else if (k == "--pid")
      o.pid = std::stoi(v);
    else if (k == "--rate")
      o.rate = std::stod(v);
    else if (k == "--seconds")
      o.seconds = std::stoi(v);
    else if (k == "--interval")
      o.interval = std::stoi(v);
    else if (k == "--warmup")
      o.warmup = std::stoi(v);
    else if (k == "--agent-key")
      o.agent_key = v;
    else if (k == "--admin-token")
      o.admin_token = v;
    else if (k == "--webhook-secret")
      o.webhook_secret = v;
    else if (k == "--suggest-body") {
      std::ifstream f(v);
      std::stringstream ss;
      ss << f.rdbuf();
      o.suggest_body = ss.str();
    } else {
      std::fprintf(stderr, "tactful_soak_load: unknown option %s\n", k.c_str());
      std::exit(2);
    }
  }
  if (!o.port || !o.pid || o.suggest_body.empty()) {
    std::fprintf(stderr, "tactful_soak_load: --port, --pid and --suggest-body are required\n");
    std::exit(2);
  }
  return o;
}

}  // namespace
}  // namespace tactful::soak

int main(int argc, char** argv) {
  using namespace tactful::soak;
  const Options o = parse(argc, argv);
  // The mix: each route's share of the rate.
  const std::vector<std::pair<std::string, double>> mix = {
      {"suggest", 0.50}, {"stream", 0.15}, {"webhook", 0.10}, {"check", 0.20}, {"admin", 0.05}};
  std::map<std::string, RouteStats> stats;
  for (const auto& [route, share] : mix) stats[route];
  stats["publish"];
  const auto start = Clock::now() + std::chrono::milliseconds(200);
  const auto end = start + std::chrono::seconds(o.seconds);
  const std::string check_body =
      "text=" +
      url_encode(
          "Per our policy, refunds take 5-10 business days. Unfortunately there is "
          "nothing I can do, you should of contacted us sooner.") +
      "&language=en-US";
  static const char* admin_reads[] = {"/v1/admin/rules", "/v1/admin/rules/versions",
                                      "/v1/admin/rules/versions/diff"};
  std::atomic<std::int64_t> webhook_n{0};
  std::vector<std::thread> workers;
  for (const auto& [route, share] : mix) {
    const double rate = o.rate * share;
    const int threads = std::max(1, static_cast<int>(std::ceil(rate / 100)));
    RouteStats& s = stats[route];
    for (int t = 0; t < threads; ++t) {
      // Threads of a route start staggered so their requests interleave.
      const auto begin = start + std::chrono::microseconds(static_cast<long>(1e6 / rate * t));
      const double each = rate / threads;
      const std::string name = route;
      workers.emplace_back([&, name, each, begin, sp = &s] {
        RouteStats& s = *sp;
        if (name == "stream") return stream_route(o, each, begin, end, s);
        std::function<Request(std::int64_t)> next;
        if (name == "suggest")
          next = [&](std::int64_t) {
            return make(http::verb::post, "/v1/suggest", o.suggest_body, o.agent_key);
          };
        else if (name == "check")
          next = [&](std::int64_t) {
            return make(http::verb::post, "/v2/check", check_body, o.agent_key,
                        "application/x-www-form-urlencoded");
          };
        else if (name == "webhook")
          next = [&](std::int64_t) { return webhook(o, webhook_n++); };
        else
          next = [&](std::int64_t i) {
            return make(http::verb::get, admin_reads[i % 3], "", o.admin_token);
          };
        http_route(o, each, begin, end, s, 200, next);
      });
    }
  }
  workers.emplace_back([&] { publisher(o, start, end, stats["publish"]); });

  std::printf("soak: %.0f req/s for %d s (", o.rate, o.seconds);
  for (const auto& [route, share] : mix) std::printf(" %s %.0f", route.c_str(), o.rate * share);
  std::printf(" req/s, a publish every 10 s ); RSS at start %.1f MiB\n",
              static_cast<double>(rss_kib(o.pid)) / 1024);
  std::fflush(stdout);
  Summary summary;
  summary.interval_seconds = o.interval;
  summary.warmup_samples = static_cast<std::size_t>(o.warmup / o.interval);
  const int intervals = (o.seconds + o.interval - 1) / o.interval;
  double cpu_before = cpu_seconds(o.pid), own_before = cpu_seconds(getpid());
  double waited_before = runqueue_wait_seconds(o.pid);
  auto interval_start = Clock::now();
  for (int k = 1; k <= intervals; ++k) {
    const auto at = std::min(end, start + std::chrono::seconds(k * o.interval));
    std::this_thread::sleep_until(at);
    if (k == intervals)
      for (auto& w : workers) w.join();
    const long rss = rss_kib(o.pid);
    summary.rss_kib.push_back(rss);
    const double cpu = cpu_seconds(o.pid), own = cpu_seconds(getpid());
    const double waited = runqueue_wait_seconds(o.pid);
    const double wall_s = ms_since(interval_start) / 1000;
    std::printf(
        "[%4d s] load %s, CPU server %3.0f%% client %3.0f%%, server waited for a core %.1f s, "
        "RSS %6.1f MiB |",
        static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(at - start).count()),
        load_average().c_str(), 100 * (cpu - cpu_before) / wall_s,
        100 * (own - own_before) / wall_s, waited - waited_before, static_cast<double>(rss) / 1024);
    std::string problems;
    for (auto& [route, s] : stats) {
      auto iv = s.take();
      const double p50 = percentile(iv.latency_ms, 0.5), p99 = percentile(iv.latency_ms, 0.99);
      summary.p99_ms[route].push_back(p99);
      summary.requests[route] += iv.latency_ms.size() + iv.errors;
      summary.errors[route] += iv.errors;
      std::printf(" %s %zu p50 %.2f p99 %.2f err %llu |", route.c_str(), iv.latency_ms.size(), p50,
                  p99, static_cast<unsigned long long>(iv.errors));
      if (iv.errors) problems += "  " + route + ": " + iv.last_error + "\n";
    }
    std::printf("\n%s", problems.c_str());
    cpu_before = cpu;
    own_before = own;
    waited_before = waited;
    interval_start = Clock::now();
    std::fflush(stdout);
  }
  return summary.print() ? 0 : 1;
}
