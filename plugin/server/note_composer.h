// The private note a post-send check leaves on a conversation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tactful/report.h"

namespace tactful::server {

// Composes one concise plain-text note from the hints of `report` (on `reply`, the agent's
// message) at or above `min_severity`; "" when there are none. Guarantees: deterministic (the
// same report gives the same note); the strongest hints first (severity, then position in the
// reply), at most `max_hints` of them, each with its message, why, and the suggested fix (a
// replacement or an insertion) where there is one; at most `max_chars` bytes, valid UTF-8.
std::string compose_note(const Report& report, std::string_view reply, Severity min_severity,
                         std::size_t max_hints = 3, std::size_t max_chars = 1000);

}  // namespace tactful::server
