// The native JSON of POST /v1/feedback: what an agent did with a hint.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tactful/result.h"

namespace tactful {

// One piece of feedback, validated: `rule` is a well-formed rule id and `action` one of
// shown, accepted, dismissed, edited. The optional ids are opaque strings of at most 200 bytes;
// `empathy` is the draft's empathy score (0..100) when the client reports it, for trends.
struct Feedback {
  std::string rule;
  std::string action;
  std::string category;         // optional
  std::string suggestion_id;    // optional
  std::string conversation_id;  // optional
  std::string agent_id;         // optional
  std::string team;             // optional
  std::optional<int> empathy;   // optional, 0..100
};

// Parses {"rule": ..., "action": ..., "category"?, "suggestion_id"?, "conversation_id"?,
// "agent_id"?, "team"?, "empathy"?}. Errors name the field. Unknown fields are refused.
Result<Feedback> parse_feedback(std::string_view json);

}  // namespace tactful
