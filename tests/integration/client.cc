// The test client, on Boost.Beast's synchronous API.
#include "client.h"

#include <utility>  // before Asio: Boost 1.74 needs std::exchange declared

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace tactful::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

Reply to_reply(http::response<http::string_body>& res) {
  Reply r;
  r.status = static_cast<int>(res.result_int());
  r.body = res.body();
  for (const auto& f : res) r.headers[lower(std::string(f.name_string()))] = std::string(f.value());
  return r;
}

http::request<http::string_body> make_request(const std::string& method, const std::string& target,
                                              const std::string& body, const Headers& headers,
                                              bool keep_alive) {
  http::request<http::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.keep_alive(keep_alive);
  if (!body.empty() || method == "POST") req.prepare_payload();
  return req;
}

}  // namespace

std::string Reply::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

Reply request(std::uint16_t port, const std::string& method, const std::string& target,
              const std::string& body, const Headers& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  auto req = make_request(method, target, body, headers, false);
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return to_reply(res);
}

std::string raw_exchange(std::uint16_t port, const std::string& bytes) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  beast::error_code ec;
  net::write(socket, net::buffer(bytes), ec);
  std::string out;
  char buf[4096];
  for (;;) {
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  return out;
}

struct Connection::Impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
};

Connection::Connection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
}

Connection::~Connection() {
  beast::error_code ec;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

Reply Connection::send(const std::string& method, const std::string& target,
                       const std::string& body, const Headers& headers) {
  auto req = make_request(method, target, body, headers, true);
  http::write(impl_->stream, req);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  http::read(impl_->stream, impl_->buffer, parser);
  auto res = parser.release();
  return to_reply(res);
}

void Connection::write_raw(const std::string& bytes) {
  net::write(impl_->stream.socket(), net::buffer(bytes));
}

std::string Connection::read_until(const std::string& needle) {
  std::string out;
  char buf[1];  // byte by byte: nothing after the needle is consumed
  beast::error_code ec;
  while (out.find(needle) == std::string::npos) {
    const std::size_t n = impl_->stream.socket().read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  return out;
}

std::string Connection::read_until_close() {
  std::string out(static_cast<const char*>(impl_->buffer.data().data()), impl_->buffer.size());
  char buf[4096];
  beast::error_code ec;
  for (;;) {
    const std::size_t n = impl_->stream.socket().read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) return out;
  }
}

bool Connection::closed_by_server() {
  char buf[512];
  beast::error_code ec;
  for (;;) {
    impl_->stream.socket().read_some(net::buffer(buf), ec);
    if (ec) return ec == net::error::eof || ec == net::error::connection_reset;
  }
}

struct WsClient::Impl {
  net::io_context ioc;
  websocket::stream<tcp::socket> ws{ioc};
  beast::flat_buffer buffer;
  bool pong = false;
};

WsClient::WsClient(std::uint16_t port, const std::string& target, const Headers& headers)
    : impl_(std::make_unique<Impl>()) {
  impl_->ws.next_layer().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  impl_->ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [k, v] : headers) req.set(k, v);
  }));
  impl_->ws.control_callback([impl = impl_.get()](websocket::frame_type kind, beast::string_view) {
    if (kind == websocket::frame_type::pong) impl->pong = true;
  });
  impl_->ws.handshake("127.0.0.1", target);
}

WsClient::~WsClient() {
  beast::error_code ec;
  if (impl_->ws.is_open()) impl_->ws.close(websocket::close_code::normal, ec);
}

void WsClient::send(const std::string& text) {
  impl_->ws.text(true);
  impl_->ws.write(net::buffer(text));
}

std::string WsClient::read() {
  impl_->buffer.consume(impl_->buffer.size());
  impl_->ws.read(impl_->buffer);
  return beast::buffers_to_string(impl_->buffer.data());
}

void WsClient::ping() {
  impl_->ws.ping({});
}
bool WsClient::pong_seen() const {
  return impl_->pong;
}

void WsClient::close() {
  impl_->ws.close(websocket::close_code::normal);
}

int ws_handshake_status(std::uint16_t port, const std::string& target, const Headers& headers) {
  std::string raw = "GET " + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
  for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
  raw += "\r\n";
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(socket, net::buffer(raw));
  std::string out;
  char buf[256];
  beast::error_code ec;
  while (out.find("\r\n") == std::string::npos && !ec) {
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    out.append(buf, n);
  }
  return out.size() > 12 ? std::stoi(out.substr(9, 3)) : 0;
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace tactful::testing
