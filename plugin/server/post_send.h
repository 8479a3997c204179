// The post-send check: an agent's public reply arrived through a webhook; does it earn a
// coaching note?
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/engine.h"
#include "tactful/server/context_store.h"
#include "tactful/server/integration.h"
#include "tactful/server/note_sink.h"

namespace tactful::server {

enum class NoteOutcome {
  queued,     // a note was handed to the sink
  no_hints,   // nothing at or above the integration's minimum severity
  throttled,  // a note was queued for this conversation within min_interval
  failed,     // the sink refused it (the caller answers 503 so the vendor retries)
};
std::string_view note_outcome_name(NoteOutcome outcome);

struct PostSendResult {
  NoteOutcome outcome = NoteOutcome::no_hints;
  std::string error;   // the sink's message when failed
  double seconds = 0;  // time spent analysing and composing (for /metrics)
};

// Analyses `reply` against `before` (the conversation's earlier messages; private notes are
// left out of the analysis), composes one note if hints at or above the integration's
// min_severity remain, claims the conversation's note slot in `store` and enqueues the note.
// A failed enqueue releases the slot. One engine call: fast enough to run on an IO thread.
PostSendResult post_send_check(const Integration& integration, std::string_view conversation_id,
                               const std::vector<StoredMessage>& before, const StoredMessage& reply,
                               std::chrono::sys_seconds now, const Engine& engine,
                               ContextStore& store, NoteSink& sink);

}  // namespace tactful::server
