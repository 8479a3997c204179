// Connects the webhook intake to the durable note outbox: the NoteSink that `tactful serve`
// uses, and the resolver that tells the outbox where each configured integration posts.
#pragma once

#include <vector>

#include "tactful/outbox/outbox.h"
#include "tactful/server/integration.h"
#include "tactful/server/note_sink.h"

namespace tactful::server {

// A NoteSink that commits each note to the outbox (SQLite, synchronous) and returns; delivery
// happens on the outbox's own threads. A note enqueued twice (a vendor's retry of the same
// reply) is accepted and posted once: the outbox keys notes by (integration, source message).
// The outbox must outlive the sink's last enqueue (the server stops the IO threads first).
class OutboxNoteSink final : public NoteSink {
 public:
  explicit OutboxNoteSink(outbox::Outbox& box) : box_(box) {}
  Result<void> enqueue(const PendingNote& note) override;

 private:
  outbox::Outbox& box_;
};

// Resolves integration ids to their vendor, API base URL and credentials from a copy of the
// configured integrations (immutable afterwards, so safe from any thread). Unknown ids and
// integrations with notes disabled resolve to nothing: their queued notes wait, then fail.
outbox::TargetResolver note_targets_from(const std::vector<Integration>& integrations);

}  // namespace tactful::server
