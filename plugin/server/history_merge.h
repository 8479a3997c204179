// Joining the history a widget sends with the history webhooks stored for the same conversation.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tactful/adapters/native_json.h"
#include "tactful/server/context_store.h"

namespace tactful::server {

// The history a check of a draft on this conversation uses. Guarantees: private notes of the
// stored conversation are left out (the customer never saw them); a request message with the
// same role and text (ignoring surrounding whitespace) as a stored one appears once; when every
// message has a time, the result is ordered by time (stored before request on a tie), otherwise
// the stored messages come first, then the request's, each in their own order; at most `max`
// messages, the newest. `dropped` counts what the limit left out.
std::vector<Message> merge_history(const std::vector<StoredMessage>& stored,
                                   std::vector<Message> request, std::size_t max,
                                   std::size_t& dropped);

}  // namespace tactful::server
