// One /v1/stream WebSocket: drafts in as the agent types, reports out for the latest one.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "agent_scope.h"
#include "beast.h"
#include "connections.h"
#include "tactful/adapters/native_stream.h"

namespace tactful::server {

struct Services;

// Guarantees: at most one analysis per connection runs at a time, off the connection's strand;
// a draft that arrives while one runs replaces any waiting draft (the replaced one is dropped);
// a report is sent only if no newer draft has arrived since (else it is dropped too), so the
// client always ends up with the report of its latest draft. Drafts with a seq not above the
// last one are stale and ignored. The conversation (history, name, channel, team, locale) is
// kept per connection. Protocol pings are answered by Beast, idle peers are pinged and closed
// when they stop answering; {"type":"ping"} messages get {"type":"pong"}.
class WsSession : public std::enable_shared_from_this<WsSession>, public Closable {
 public:
  // `scope`: the tenant, team and agent of the key that opened the connection (their rules and
  // mutes apply to every draft, as on /v1/suggest).
  WsSession(tcp::socket&& socket, net::any_io_executor work, Services& services,
            AgentScope scope = {});
  ~WsSession() override;
  void start(http::request<http::string_body> upgrade);
  void close_when_idle() override;

 private:
  void read();
  void on_message(std::string text);
  void start_analysis();
  void finish_analysis(std::uint64_t seq, std::string json,
                       std::chrono::steady_clock::time_point received);
  void write(std::string text);
  void write_next();

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  net::any_io_executor work_;  // where analyses run (the io_context, not this strand)
  Services& services_;
  AgentScope scope_;
  ConnectionTicket ticket_;
  StreamContext context_;
  struct Pending {
    std::uint64_t seq;
    SuggestRequest request;
    std::chrono::steady_clock::time_point received;
  };
  std::optional<Pending> pending_;
  bool busy_ = false;
  std::uint64_t latest_seq_ = 0;
  std::deque<std::string> outbox_;
  bool writing_ = false;
  bool closing_ = false;
};

}  // namespace tactful::server
