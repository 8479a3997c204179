// The durable outbox for coaching notes: enqueue a note, and delivery threads post it to the
// helpdesk with retries, surviving restarts and crashes without posting anything twice where
// the vendor lets us check (docs/notes.md states the guarantee per vendor).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/adapters/notes/request.h"
#include "tactful/outbox/settings.h"
#include "tactful/result.h"

namespace tactful::outbox {

// One note to post: the same fields as the server's NoteSink PendingNote.
struct PendingNote {
  std::string integration;        // which configured integration (resolved to a NoteTarget)
  std::string conversation_id;    // the vendor's conversation/ticket id
  std::string source_message_id;  // the agent message the note coaches; the idempotency key
  std::string text;
};

// Finds the vendor, API base URL and credentials of an integration; nullopt if unknown. Called
// on enqueue and again before each delivery (so rotated credentials take effect), from the
// caller's and the delivery threads: it must be safe to call from any thread.
using TargetResolver = std::function<std::optional<notes::NoteTarget>(std::string_view)>;

// Where the outbox reports retries and failures: level ("info", "warning", "error"), event
// ("note_retry", "note_failed", ...) and detail. Details never contain credentials.
using LogFn =
    std::function<void(std::string_view level, std::string_view event, std::string_view detail)>;

struct Enqueued {
  std::int64_t id = 0;
  bool duplicate = false;  // (integration, source_message_id) was already queued: nothing added
};

// What the outbox knows about one note.
struct NoteStatus {
  std::string state;          // pending, sending, delivered or failed
  int attempts = 0;           // delivery rounds so far
  bool uncertain = false;     // an attempt may have reached the vendor; reconcile before posting
  std::string last_error;     // why the last round did not deliver, or why it failed
  std::string vendor_ref;     // the created note's id, when the vendor said
  std::string delivered_via;  // "post", or "reconciled" when found by its marker
};

struct Stats {
  std::uint64_t pending = 0;  // in the table, pending or being sent (a gauge)
  std::uint64_t queued = 0, duplicates = 0, delivered_posted = 0, delivered_reconciled = 0,
                retries = 0, failed_rejected = 0, failed_gave_up = 0, failed_unverifiable = 0;
};

// Guarantees:
// - enqueue() returns only after the note is committed to SQLite (WAL, synchronous=FULL);
//   enqueueing the same (integration, source_message_id) again adds nothing.
// - A note is attempted by one delivery thread at a time; delivery threads never run on the
//   caller's threads. Before each POST the attempt is committed as "uncertain"; a note whose
//   last attempt is uncertain (a crash, a timeout, a 5xx) is only posted again after the
//   vendor's list of the conversation's notes shows its marker is absent.
// - 2xx = delivered; 429/503/408 (and Zendesk 409) = retry after the vendor's Retry-After or an
//   exponential backoff with jitter; other 4xx = failed with the vendor's reason; older than
//   give_up_after = failed ("gave up ..."). Nothing is ever deleted.
// - stop() lets requests in flight finish for up to `drain`, then cancels them (recorded as
//   uncertain); notes not yet attempted stay pending for the next start.
class Outbox {
 public:
  // Opens (creating if needed) <data_dir>/outbox.db; notes left "sending" by a crash become
  // pending again, still marked uncertain. Delivery starts with start().
  static Result<std::unique_ptr<Outbox>> open(const std::string& data_dir, Settings settings,
                                              TargetResolver resolver, LogFn log = {});
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Validates the note (known integration, credentials, ids, text size: errors name the
  // problem) and commits it. Safe from any thread.
  Result<Enqueued> enqueue(const PendingNote& note);

  void start();  // starts the delivery threads (idempotent; nothing after stop())
  void stop();   // idempotent; returns when the delivery threads have ended

  Stats stats() const;
  std::optional<NoteStatus> status(std::string_view integration,
                                   std::string_view source_message_id) const;
  // The tactful_outbox_* series in the Prometheus text format.
  std::string render_metrics() const;
  const std::string& path() const;

  struct Impl;
  explicit Outbox(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tactful::outbox
