// One HTTP/1.1 connection: reads requests under timeouts and size limits, answers them through
// the router, and hands /v1/stream upgrades to a WebSocket session.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "beast.h"
#include "connections.h"
#include "http_types.h"

namespace tactful::server {

struct Services;

// Guarantees: a request's header must arrive within header_timeout (idle_timeout while a
// kept-alive connection waits for the next one), its body within read_timeout, and it may not
// exceed max_header_bytes (431) or max_body_bytes (413). Every request gets exactly one
// response, is logged and counted; no exception escapes (a throwing handler gives 500).
// close_when_idle() closes a connection waiting for a request and lets one in flight finish.
// Admin API requests run on Services::admin_work (when set), never on an io thread.
class HttpSession : public std::enable_shared_from_this<HttpSession>, public Closable {
 public:
  HttpSession(tcp::socket&& socket, net::any_io_executor work, Services& services);
  ~HttpSession() override;
  void start();
  void close_when_idle() override;

 private:
  void read_header();
  void on_header(beast::error_code ec);
  void read_body();
  void on_body(beast::error_code ec);
  void handle();
  // The router's answer to `r` (500 if a handler throws); `route` is set to the route matched.
  HttpResponse route_request(const HttpRequest& r, std::size_t& route);
  // Writes a routed answer to the request in parser_ (security headers, keep-alive, log).
  void answer(HttpResponse out, std::size_t route);
  void reply(int status, std::string_view message, bool close);  // an error before routing
  // Logs and counts `out`, then writes it: HTTP/`version` (10 or 11), with a Content-Type
  // field when `typed`, keeping the connection unless `close`.
  void send(HttpResponse out, unsigned version, bool typed, std::size_t route, bool close);
  // Answers `out` (with CORS and the security headers) without a handler.
  void send_response(HttpResponse out, std::string_view origin, std::size_t route, bool close);
  // Sends as much of head_ and body_ as the socket takes without waiting; how much that was.
  std::size_t send_now();
  void on_write(beast::error_code ec, bool close);
  void shutdown();
  void linger();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_, body_;  // the response's status line and fields, and body, while written
  net::any_io_executor work_;
  Services& services_;
  ConnectionTicket ticket_;
  enum class State { header, body, busy } state_ = State::header;
  bool first_ = true;
  bool closed_ = false;
  bool shut_ = false;
  std::array<char, 4096> discard_;
  std::size_t discarded_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::string remote_;         // the TCP peer
  std::string client_;         // the request's client: remote_, or who a trusted proxy forwarded
  std::string method_, path_;  // of the request in progress, for the log
  std::size_t bytes_in_ = 0;
};

}  // namespace tactful::server
