// The native JSON protocol of DESIGN.md, shared by `tactful check --json`, POST /v1/suggest and
// the WebSocket: a request (draft + conversation) in, a Report out.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tactful/conversation.h"
#include "tactful/engine.h"
#include "tactful/report.h"
#include "tactful/result.h"

namespace tactful {

struct RequestLimits {
  std::size_t max_draft_chars = 0;          // UTF-16 units; 0 = unlimited
  std::size_t max_history = 50;             // older messages beyond this are dropped, oldest first
  std::size_t max_message_bytes = 1 << 20;  // a longer history message is cut at this size
};

// A conversation the server keeps from helpdesk webhooks: the integration's id and the
// vendor's conversation id, as in POST /v1/webhooks/{vendor}/{integration}.
struct ConversationRef {
  std::string integration;
  std::string id;
};

// An owned, validated request. context()/draft() give core's views into it.
struct SuggestRequest {
  std::string draft;
  std::vector<Message> history;
  std::string locale = "en";
  std::string team;
  std::string channel;
  std::string customer_name;
  std::optional<std::chrono::sys_seconds> now;  // the caller fills in the clock when absent
  std::vector<Span> skip;                       // bytes of `draft`
  std::vector<std::string> disabled_rules, disabled_categories, enabled_only;
  std::size_t dropped_history = 0;  // how many old messages the limit dropped
  // "conversation": {"integration", "id"}: the server merges the history it stored from that
  // conversation's webhooks into `history` (docs/webhooks.md); the CLI refuses it.
  std::optional<ConversationRef> conversation;

  Context context() const;  // uses now or epoch 0
  Draft draft_view() const { return Draft{draft, skip}; }
  AnalyzeOptions options() const;
};

// Why a request was refused: `too_large` maps to 413, everything else to 400.
struct RequestError {
  enum class Kind { malformed, too_large } kind = Kind::malformed;
  std::string message;
};

// Parses the request JSON. Errors name the field ("history[3].at: expected an RFC 3339
// time"). Unknown fields are refused unless listed in `extra_fields` (callers such as the
// WebSocket add their own, e.g. "seq"). Parsing is iterative: deep nesting cannot overflow
// the stack. Invalid UTF-8 is refused.
std::variant<SuggestRequest, RequestError> parse_suggest_request(
    std::string_view json, const RequestLimits& limits = {},
    std::span<const std::string_view> extra_fields = {});

// The response JSON. Offsets are UTF-16 code units, with byte offsets beside them.
std::string report_to_json(const Report& report, const SuggestRequest& request,
                           bool pretty = false);

}  // namespace tactful
