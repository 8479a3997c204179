// Parsing a helpdesk's webhook body into a NormalizedEvent.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/adapters/webhooks/headers.h"
#include "tactful/result.h"

namespace tactful::webhooks {

struct ParseOptions {
  std::string_view integration;           // copied into the event
  const Headers* headers = nullptr;       // Help Scout's event name and Zammad's trigger live here
  std::optional<AuthorRole> author_hint;  // LiveChat: the webhook's `filters.author_type`
  std::size_t max_body_bytes = 1 << 20;   // larger bodies are refused before parsing
};

// Parses one webhook body of `vendor`. Never throws and never crashes on any bytes: malformed
// JSON, a missing field or a field of the wrong type gives an Error naming the field
// ("data.item.conversation_parts.conversation_parts[0].author.type: expected a string").
// Events that carry no new message (typing, status changes, previews) parse successfully as
// EventKind::ignored with a reason. Deep nesting is parsed iteratively (no stack overflow).
Result<NormalizedEvent> parse(Vendor vendor, std::string_view body,
                              const ParseOptions& options = {});

}  // namespace tactful::webhooks
