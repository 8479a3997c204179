// Where post-send coaching notes go: the server composes them, a sink delivers them (the
// durable SQLite outbox posts each through the vendor's REST API).
#pragma once

#include <string>

#include "tactful/result.h"

namespace tactful::server {

// One private note to post on a conversation. `source_message_id` is the agent reply it
// coaches: together with `integration` it identifies the note, so a sink can refuse to post
// the same note twice.
struct PendingNote {
  std::string integration;      // Integration::id: the vendor, base URL and credentials
  std::string conversation_id;  // the vendor's conversation (ticket, chat) id
  std::string source_message_id;
  std::string text;  // plain text, at most ~1,000 characters
};

// Receives notes from the webhook handler on an IO thread. Implementations guarantee: enqueue
// returns quickly (no network call inside: queue, then deliver elsewhere); once it returned
// success the note is not lost (durable) and is posted at most once; on error nothing was
// queued and the webhook is answered 503 so the vendor retries it. Called from many threads.
class NoteSink {
 public:
  virtual ~NoteSink() = default;
  virtual Result<void> enqueue(const PendingNote& note) = 0;
};

}  // namespace tactful::server
