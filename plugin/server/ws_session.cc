// The /v1/stream WebSocket session.
#include "ws_session.h"

#include "handlers.h"
#include "services.h"

namespace tactful::server {

WsSession::WsSession(tcp::socket&& socket, net::any_io_executor work, Services& services,
                     AgentScope scope)
    : ws_(std::move(socket)),
      work_(std::move(work)),
      services_(services),
      scope_(std::move(scope)) {
  services_.metrics.connection_opened();
}

WsSession::~WsSession() {
  services_.metrics.connection_closed();
}

void WsSession::start(http::request<http::string_body> upgrade) {
  ticket_ = services_.connections.add(weak_from_this());
  beast::get_lowest_layer(ws_).expires_never();  // the websocket timeouts take over
  websocket::stream_base::timeout t =
      websocket::stream_base::timeout::suggested(beast::role_type::server);
  t.idle_timeout = services_.config.limits.ws_idle_timeout;
  t.keep_alive_pings = true;
  ws_.set_option(t);
  ws_.read_message_max(services_.config.limits.max_body_bytes);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(http::field::server, "tactful"); }));
  auto req = std::make_shared<http::request<http::string_body>>(std::move(upgrade));
  ws_.async_accept(*req, [self = shared_from_this(), req](beast::error_code ec) {
    if (ec) return;
    self->read();
  });
}

void WsSession::close_when_idle() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->closing_) return;
    self->closing_ = true;
    self->ws_.async_close(websocket::close_code::going_away, [self](beast::error_code) {});
  });
}

void WsSession::read() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) {
      if (ec == websocket::error::message_too_big) self->services_.metrics.error("too_large");
      return;  // closed, timed out or failed: the session ends with its last handler
    }
    std::string text = beast::buffers_to_string(self->buffer_.data());
    self->buffer_.consume(self->buffer_.size());
    self->on_message(std::move(text));
    self->read();
  });
}

void WsSession::on_message(std::string text) {
  services_.metrics.ws_message();
  const auto received = std::chrono::steady_clock::now();
  StreamMessage m = parse_stream_message(text, request_limits(services_.config.limits), context_);
  if (std::holds_alternative<StreamPing>(m)) return write(stream_pong_json());
  if (auto* e = std::get_if<StreamError>(&m)) {
    services_.metrics.error(e->error.kind == RequestError::Kind::too_large ? "too_large"
                                                                           : "bad_request");
    return write(stream_error_json(*e));
  }
  auto& draft = std::get<StreamDraft>(m);
  if (draft.seq <= latest_seq_) {  // older than what we have: out of date already
    services_.metrics.ws_dropped();
    return;
  }
  latest_seq_ = draft.seq;
  if (!draft.request.now)
    draft.request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (pending_) services_.metrics.ws_dropped();
  pending_ = Pending{draft.seq, std::move(draft.request), received};
  if (!busy_) start_analysis();
}

void WsSession::start_analysis() {
  busy_ = true;
  auto job = std::make_shared<Pending>(std::move(*pending_));
  pending_.reset();
  // Analyse off the strand, so reads (and newer drafts) keep arriving meanwhile.
  net::post(work_, [self = shared_from_this(), job] {
    std::string json;
    try {
      Services& s = self->services_;
      // Stored history is merged per draft: webhooks may have added messages meanwhile.
      AgentScope scope = self->scope_;  // a conversation's integration may refine it per draft
      if (auto e = attach_stored_history(job->request, s, s.config.limits.max_history, scope)) {
        s.metrics.error("bad_request");
        json = stream_error_json({job->seq, {RequestError::Kind::malformed, *e}});
      } else {
        // The key's tenant, team and mutes pick the rules, as on /v1/suggest.
        const Report report = analyze_for_agent(s, scope, job->request);
        s.metrics.hints(report);
        json = stream_report_json(job->seq, report, job->request);
      }
    } catch (const std::exception&) {
      self->services_.metrics.error("internal");
      json = stream_error_json({job->seq, {RequestError::Kind::malformed, "internal error"}});
    }
    net::post(self->ws_.get_executor(), [self, job, json = std::move(json)]() mutable {
      self->finish_analysis(job->seq, std::move(json), job->received);
    });
  });
}

void WsSession::finish_analysis(std::uint64_t seq, std::string json,
                                std::chrono::steady_clock::time_point received) {
  busy_ = false;
  if (seq == latest_seq_) {
    services_.metrics.ws_round_trip(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - received).count());
    write(std::move(json));
  } else {
    services_.metrics.ws_dropped();
  }
  if (pending_) start_analysis();
}

void WsSession::write(std::string text) {
  if (closing_) return;
  outbox_.push_back(std::move(text));
  if (!writing_) write_next();
}

void WsSession::write_next() {
  if (outbox_.empty() || closing_) {
    writing_ = false;
    return;
  }
  writing_ = true;
  ws_.text(true);
  ws_.async_write(net::buffer(outbox_.front()),
                  [self = shared_from_this()](beast::error_code ec, std::size_t) {
                    self->outbox_.pop_front();
                    if (ec) {
                      self->writing_ = false;
                      return;
                    }
                    self->write_next();
                  });
}

}  // namespace tactful::server
