// Reading, routing and answering HTTP requests on one connection.
#include "http_session.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <exception>

#include "response_head.h"
#include "security_headers.h"
#include "services.h"
#include "tactful/adapters/lt_form.h"
#include "ws_session.h"

namespace tactful::server {
namespace {

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

// Beast reads max(512, free capacity) bytes at a time, and its parser empties the buffer as it
// goes, so a buffer left to grow by itself stays at 512 bytes: a 1.5 KB /v1/suggest request took
// three recvmsg calls. With this much room up front a typical request arrives in one.
constexpr std::size_t kReadBufferBytes = 16 * 1024;

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

HttpSession::HttpSession(tcp::socket&& socket, net::any_io_executor work, Services& services)
    : stream_(std::move(socket)), work_(std::move(work)), services_(services) {
  services_.metrics.connection_opened();
}

HttpSession::~HttpSession() {
  services_.metrics.connection_closed();
}

void HttpSession::start() {
  ticket_ = services_.connections.add(weak_from_this());
  buffer_.reserve(kReadBufferBytes);
  beast::error_code ec;
  stream_.socket().set_option(tcp::no_delay(true), ec);  // small replies go out at once
  const auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string();
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
}

void HttpSession::close_when_idle() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->closed_ = true;
    if (self->state_ == State::header && self->buffer_.size() == 0 &&
        !(self->parser_ && self->parser_->got_some()))
      self->stream_.cancel();  // waiting for a request that has not started: stop waiting
  });
}

void HttpSession::read_header() {
  if (closed_ || services_.stopping.load()) return shutdown();
  const Limits& limits = services_.config.limits;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  parser_->body_limit(limits.max_body_bytes);
  state_ = State::header;
  method_.clear();
  path_.clear();
  client_ = remote_;
  stream_.expires_after(first_ ? limits.header_timeout : limits.idle_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void HttpSession::on_header(beast::error_code ec) {
  {  // the request line is known even when the header failed a limit
    const auto& req = parser_->get();
    method_ = std::string(to_sv(req.method_string()));
    const std::string_view target = to_sv(req.target());
    path_ = std::string(target.substr(0, target.find('?')));
  }
  if (ec) {
    if (ec == http::error::header_limit) return reply(431, "request header too large", true);
    if (ec == http::error::body_limit) return reply(413, "request body over the limit", true);
    if (ec == beast::error::timeout) services_.metrics.error("timeout");
    if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
      return reply(400, "malformed HTTP request: " + ec.message(), true);
    return shutdown();
  }
  state_ = State::body;
  const auto& req = parser_->get();
  if (beast::iequals(req[http::field::expect], "100-continue")) {
    auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
    return http::async_write(stream_, *cont,
                             [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
                               if (e) return self->shutdown();
                               self->read_body();
                             });
  }
  read_body();
}

void HttpSession::read_body() {
  // A request's body nearly always arrives with its header: parsed here from the buffer, it
  // needs no asynchronous read (a timer armed and cancelled, and a trip through the scheduler
  // to complete). Whatever is missing is read as before.
  beast::error_code ec;
  parser_->eager(true);
  while (!parser_->is_done() && buffer_.size() > 0) {
    const std::size_t used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec || used == 0) break;
  }
  if (ec == http::error::need_more) ec = {};
  if (ec || parser_->is_done()) return on_body(ec);
  stream_.expires_after(services_.config.limits.read_timeout);
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void HttpSession::on_body(beast::error_code ec) {
  if (ec) {
    if (ec == http::error::body_limit) return reply(413, "request body over the limit", true);
    if (ec == beast::error::timeout) services_.metrics.error("timeout");
    if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
      return reply(400, "malformed HTTP request: " + ec.message(), true);
    return shutdown();
  }
  handle();
}

void HttpSession::handle() {
  state_ = State::busy;
  started_ = std::chrono::steady_clock::now();
  auto& req = parser_->get();
  bytes_in_ = req.body().size();
  // Two credentials in one request are ambiguous (a proxy and the client may each have added
  // one): refused rather than letting one of them win.
  if (req.count(http::field::authorization) > 1 || req.count("X-API-Key") > 1)
    return reply(400, "more than one Authorization or X-API-Key header", !req.keep_alive());
  const std::string_view target = to_sv(req.target());
  const std::size_t q = target.find('?');
  HttpRequest r;
  r.method = to_sv(req.method_string());
  r.path = target.substr(0, q);
  r.query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  r.body = req.body();
  r.authorization = to_sv(req[http::field::authorization]);
  r.api_key = to_sv(req["X-API-Key"]);
  r.origin = to_sv(req[http::field::origin]);
  r.content_type = to_sv(req[http::field::content_type]);
  r.access_control_request_headers = to_sv(req[http::field::access_control_request_headers]);
  if (!services_.proxies.empty()) {
    std::vector<std::string_view> forwarded;
    const auto [first, last] = req.equal_range("X-Forwarded-For");
    for (auto f = first; f != last; ++f) forwarded.push_back(to_sv(f->value()));
    client_ = services_.proxies.client_address(remote_, forwarded);
  }
  r.remote = client_;
  webhooks::Headers all_headers;
  if (r.path.starts_with("/v1/webhooks/")) {
    for (const auto& field : req) all_headers.add(to_sv(field.name_string()), to_sv(field.value()));
    r.headers = &all_headers;
  }

  if (websocket::is_upgrade(req) && r.path == "/v1/stream") {
    const std::size_t route = services_.router.match(r.path);
    lt::FormParams query;
    lt::parse_form(r.query, query);
    const std::string* key = query.get("key");
    const std::string_view query_key = key ? std::string_view(*key) : std::string_view();
    auto refused = services_.client_limits.take_ip(r.remote, r.path, services_.metrics);
    if (!refused && !services_.config.api_keys.empty() &&
        authorized(r, services_.config, query_key))
      refused =
          services_.client_limits.take_key(presented_key(r, query_key), r.path, services_.metrics);
    if (refused) return send_response(std::move(*refused), r.origin, route, true);
    const bool origin_ok =
        origin_allowed(r.origin, to_sv(req[http::field::host]), services_.config);
    if (!origin_ok || !authorized(r, services_.config, query_key))
      return send_response(
          origin_ok ? json_error(401, "missing or unknown API key (?key=KEY)")
                    : json_error(403, "the origin " + std::string(r.origin.substr(0, 200)) +
                                          " is not in cors_origins"),
          r.origin, route, true);
    services_.metrics.request(route, 101, since(started_));
    services_.log.request({method_, "/v1/stream", path_, client_, 101, since(started_), 0, 0});
    std::make_shared<WsSession>(stream_.release_socket(), work_, services_,
                                agent_scope(r, services_.config, services_.key_hashes, query_key))
        ->start(parser_->release());
    return;
  }

  if (r.path.starts_with("/v1/admin/") && services_.admin_work) {
    // The admin API compiles rule sets and writes SQLite (a publish takes tens of ms): it runs on
    // its own thread, so agents' requests queued on this io thread never wait behind it. The
    // guard keeps the io threads running until the answer is back on this connection's strand;
    // `r` points into parser_, which stays untouched until the answer is written.
    net::post(services_.admin_work,
              [self = shared_from_this(), r, guard = net::make_work_guard(stream_.get_executor())] {
                std::size_t route = self->services_.router.unmatched();
                HttpResponse out = self->route_request(r, route);
                net::dispatch(guard.get_executor(), [self, out = std::move(out), route]() mutable {
                  self->answer(std::move(out), route);
                });
              });
    return;
  }
  std::size_t route = services_.router.unmatched();
  HttpResponse out = route_request(r, route);  // sets `route`: read it only after
  answer(std::move(out), route);
}

HttpResponse HttpSession::route_request(const HttpRequest& r, std::size_t& route) {
  try {
    return services_.router.handle(r, services_, route);
  } catch (const std::exception& e) {
    services_.metrics.error("internal");
    services_.log.event("error", "handler_exception", e.what());
    HttpResponse out = error_for_path(r.path, 500, "internal error");
    add_cors(out, r.origin, services_.config, r.path);
    return out;
  }
}

void HttpSession::answer(HttpResponse out, std::size_t route) {
  add_security_headers(out);
  const bool typed = !out.content_type.empty();
  send(std::move(out), parser_->get().version(), typed, route, !parser_->get().keep_alive());
}

void HttpSession::send_response(HttpResponse out, std::string_view origin, std::size_t route,
                                bool close) {
  add_cors(out, origin, services_.config);
  add_security_headers(out);
  send(std::move(out), 11, true, route, close);
}

void HttpSession::reply(int status, std::string_view message, bool close) {
  started_ = std::chrono::steady_clock::now();
  HttpResponse out = error_for_path(path_, status, message);
  if (parser_) add_cors(out, to_sv(parser_->get()[http::field::origin]), services_.config, path_);
  add_security_headers(out);
  if (status >= 400 && status != 404)
    services_.metrics.error(status == 413   ? "too_large"
                            : status == 431 ? "header_too_large"
                                            : "bad_request");
  const std::size_t route = services_.router.match(path_);
  send(std::move(out), 11, true, route == Router::npos ? services_.router.unmatched() : route,
       close);
}

void HttpSession::send(HttpResponse out, unsigned version, bool typed, std::size_t route,
                       bool close) {
  close = close || closed_ || services_.stopping.load();
  body_ = std::move(out.body);
  // The head and the body in one gather write (see response_head.h for why not Beast's).
  write_response_head({version, out.status, typed ? &out.content_type : nullptr, &out.headers,
                       !close, body_.size()},
                      head_);
  const double seconds = since(started_);
  services_.metrics.request(route, out.status, seconds);
  const auto& names = services_.router.routes();
  services_.log.request({method_, route < names.size() ? names[route].name : "unmatched",
                         loggable_path(path_), client_, out.status, seconds, bytes_in_,
                         body_.size()});
  state_ = State::busy;
  // Most responses fit in the socket's send buffer: sent at once here, they need no
  // asynchronous write (a timer armed and cancelled, and a completion through the scheduler).
  // The socket takes what it has room for without waiting; the rest is written as before.
  const std::size_t sent = send_now();
  if (sent == head_.size() + body_.size()) return on_write({}, close);
  std::array<net::const_buffer, 2> message{net::buffer(head_), net::buffer(body_)};
  if (sent < head_.size()) {
    message[0] += sent;
  } else {
    message[0] = {};
    message[1] += sent - head_.size();
  }
  stream_.expires_after(services_.config.limits.read_timeout);
  net::async_write(stream_, message,
                   [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                     self->on_write(ec, close);
                   });
}

std::size_t HttpSession::send_now() {
  std::array<iovec, 2> parts{iovec{head_.data(), head_.size()}, iovec{body_.data(), body_.size()}};
  msghdr message{};
  message.msg_iov = parts.data();
  message.msg_iovlen = parts.size();
  // MSG_DONTWAIT: never blocks, whatever the socket's mode. A failure (a full buffer, a reset
  // connection) sends nothing here; the asynchronous write meets it again and handles it.
  const ssize_t n =
      ::sendmsg(stream_.socket().native_handle(), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

void HttpSession::on_write(beast::error_code ec, bool close) {
  if (ec || close) return shutdown();
  first_ = false;
  bytes_in_ = 0;
  read_header();
}

void HttpSession::shutdown() {
  if (shut_) return;
  shut_ = true;
  state_ = State::busy;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return;
  linger();
}

// Reads and drops what the client still sends (the rest of a refused body) until it closes,
// so closing our end does not reset the connection before the client has read the response.
void HttpSession::linger() {
  stream_.expires_after(std::chrono::seconds(2));
  stream_.async_read_some(net::buffer(discard_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->discarded_ += n;
                            if (ec || self->discarded_ > (4u << 20)) {
                              beast::error_code ignored;
                              self->stream_.socket().close(ignored);
                              return;
                            }
                            self->linger();
                          });
}

}  // namespace tactful::server
