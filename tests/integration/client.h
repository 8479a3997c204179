// A small HTTP and WebSocket client (Boost.Beast, synchronous) for talking to a real server on
// loopback in tests.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tactful::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string header(const std::string& lower_name) const;
  bool has(const std::string& lower_name) const { return headers.count(lower_name) != 0; }
};

// One request on a fresh connection (Connection: close).
Reply request(std::uint16_t port, const std::string& method, const std::string& target,
              const std::string& body = "", const Headers& headers = {});

// Sends raw bytes, then reads everything until the server closes the connection.
std::string raw_exchange(std::uint16_t port, const std::string& bytes);

// A kept-alive HTTP/1.1 connection for several requests.
class Connection {
 public:
  explicit Connection(std::uint16_t port);
  ~Connection();
  Reply send(const std::string& method, const std::string& target, const std::string& body = "",
             const Headers& headers = {});
  // True once the server has closed the connection (reads until EOF or error).
  bool closed_by_server();
  // Reads until `needle` has arrived (or the connection ends); returns what was read.
  std::string read_until(const std::string& needle);
  // Reads everything until the server closes the connection.
  std::string read_until_close();
  // Sends bytes without reading.
  void write_raw(const std::string& bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A WebSocket client.
class WsClient {
 public:
  WsClient(std::uint16_t port, const std::string& target, const Headers& headers = {});
  ~WsClient();
  void send(const std::string& text);
  std::string read();  // the next text message
  void ping();         // a protocol ping; the pong is consumed by the next read()
  bool pong_seen() const;
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Attempts a WebSocket handshake; returns the HTTP status the server answered with.
int ws_handshake_status(std::uint16_t port, const std::string& target, const Headers& headers = {});

std::string url_encode(const std::string& s);

}  // namespace tactful::testing
