// One delivery round for one claimed note: reconcile an uncertain earlier attempt, post, and
// record what happened.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "backoff.h"
#include "http_sender.h"
#include "store.h"
#include "tactful/outbox/outbox.h"

namespace tactful::outbox {

// Counters for the metrics; relaxed atomics, shared by every delivery thread.
struct Counters {
  std::atomic<std::uint64_t> queued{0}, duplicates{0}, delivered_posted{0}, delivered_reconciled{0},
      retries{0}, failed_rejected{0}, failed_gave_up{0}, failed_unverifiable{0};
};

// Guarantees for run(): the note ends the round delivered, failed or pending again (never left
// "sending" unless the store itself fails, which crash recovery then handles); a POST is sent
// only after the store has committed the note as uncertain, and only when no earlier attempt
// may have created it (or the vendor's list shows it did not).
class Delivery {
 public:
  Delivery(OutboxStore& store, const Settings& settings, const TargetResolver& resolve,
           Counters& counters, const LogFn& log)
      : store_(store),
        settings_(settings),
        backoff_(settings),
        resolve_(resolve),
        counters_(counters),
        log_(log) {}

  void run(const Item& item, const pplx::cancellation_token& cancel, std::mt19937_64& rng);

  static std::int64_t now_ms();

 private:
  enum class Check { found, absent, retry, unverifiable };
  struct Checked {
    Check kind;
    std::string reason;
    std::optional<std::chrono::seconds> wait;
  };
  Checked reconcile(const Item& item, const notes::NoteTarget& target,
                    const pplx::cancellation_token& cancel);
  void post(const Item& item, const notes::NoteTarget& target,
            const pplx::cancellation_token& cancel, std::mt19937_64& rng);
  // Pending again after a backoff, or failed when that would pass give_up_after.
  void retry_later(const Item& item, std::string reason, bool uncertain,
                   std::optional<std::chrono::seconds> wait, std::mt19937_64& rng);
  void fail(const Item& item, std::string reason, std::atomic<std::uint64_t>& counter);
  void report(std::string_view level, std::string_view event, const Item& item,
              std::string_view detail) const;

  OutboxStore& store_;
  const Settings& settings_;
  Backoff backoff_;
  const TargetResolver& resolve_;
  Counters& counters_;
  const LogFn& log_;
  HttpSender http_;
};

}  // namespace tactful::outbox
