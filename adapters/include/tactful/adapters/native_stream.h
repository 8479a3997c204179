// The messages of the /v1/stream WebSocket: drafts with a sequence number, the conversation kept
// per connection, and pings. Pure: no sockets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tactful/adapters/native_json.h"

namespace tactful {

// The conversation a connection has told us about. A draft message that carries history,
// conversation, customer_name, team, channel or locale replaces the kept value; one that leaves
// them out is checked against what was kept, so a widget sends the conversation once and then only
// drafts.
struct StreamContext {
  std::vector<Message> history;
  std::optional<ConversationRef> conversation;  // a stored conversation, merged in per draft
  std::string customer_name, team, channel, locale = "en";
};

struct StreamDraft {
  std::uint64_t seq = 0;
  SuggestRequest request;
};
struct StreamPing {};
struct StreamError {
  std::uint64_t seq = 0;  // 0 when the message had none
  RequestError error;
};
using StreamMessage = std::variant<StreamDraft, StreamPing, StreamError>;

// Parses one client message: {"type": "ping"} or {"seq": N, "draft": ..., ...the fields of the
// suggest request}. `seq` is required on drafts (a positive integer). Updates `context` with the
// conversation fields the message carries and fills in the ones it leaves out.
StreamMessage parse_stream_message(std::string_view json, const RequestLimits& limits,
                                   StreamContext& context);

// {"seq": N, ...report_to_json...}, {"type": "pong"}, {"seq": N, "error": "...", "status": S}.
std::string stream_report_json(std::uint64_t seq, const Report& report,
                               const SuggestRequest& request);
std::string stream_pong_json();
std::string stream_error_json(const StreamError& error);

}  // namespace tactful
