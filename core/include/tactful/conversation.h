// The conversation a draft answers: who said what, and when. These are the inputs of analyze.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tactful/text.h"

namespace tactful {

enum class Role { customer, agent, system };

// One earlier message of the conversation. `text` is plain text (adapters strip HTML).
struct Message {
  Role role = Role::customer;
  std::string text;
  std::optional<std::chrono::sys_seconds> at;
};

// Everything analyze needs to know besides the draft. Views must outlive the call.
struct Context {
  std::span<const Message> history;  // oldest first
  std::string_view locale = "en";
  std::string_view team;
  std::string_view channel;        // "chat", "email", "social", ... ("" = unknown)
  std::string_view customer_name;  // known name of the customer, "" if unknown
  std::chrono::sys_seconds now{};  // the time of the draft; epoch 0 = unknown
};

// The agent's reply being written. `skip` lists byte spans the caller knows must never get
// hints (macro output, quoted history, a signature block the editor inserted).
struct Draft {
  std::string_view text;
  std::span<const Span> skip;
};

}  // namespace tactful
