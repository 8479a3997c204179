// The outbox: enqueue, the delivery threads, stopping, and what it reports.
#include "tactful/outbox/outbox.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "delivery.h"
#include "store.h"
#include "tactful/adapters/notes/marker.h"

namespace tactful::outbox {
namespace {

constexpr std::size_t kMaxIntegrationBytes = 128;
constexpr std::size_t kMaxSourceIdBytes = 256;
// An idle thread re-reads the table at least this often (enqueue() also wakes it).
constexpr std::chrono::milliseconds kMaxIdle{30000};

Result<void> check_key(std::string_view value, std::string_view what, std::size_t max) {
  const std::string w(what);
  if (value.empty()) return Error{w + " is empty"};
  if (value.size() > max)
    return Error{w + " is " + std::to_string(value.size()) + " bytes; at most " +
                 std::to_string(max)};
  for (unsigned char c : value)
    if (c < 0x20 || c == 0x7F) return Error{w + " holds a control character"};
  return {};
}

}  // namespace

struct Outbox::Impl {
  std::unique_ptr<OutboxStore> store;
  Settings settings;
  TargetResolver resolve;
  LogFn log;
  Counters counters;

  std::mutex mu;
  std::condition_variable cv;
  bool started = false, stopping = false, stopped = false;
  unsigned active = 0;      // delivery threads still running
  std::uint64_t pokes = 0;  // bumped by enqueue() to wake idle threads
  std::vector<std::thread> threads;
  pplx::cancellation_token_source cancel;  // cancels requests in flight when drain runs out

  void worker(unsigned index);
  void log_error(std::string_view event, std::string_view detail) const {
    if (log) log("error", event, detail);
  }
};

void Outbox::Impl::worker(unsigned index) {
  std::mt19937_64 rng(std::random_device{}() + index);
  Delivery delivery(*store, settings, resolve, counters, log);
  std::unique_lock lock(mu);
  while (!stopping) {
    const std::uint64_t seen = pokes;
    lock.unlock();
    std::chrono::milliseconds idle = kMaxIdle;
    auto claimed = store->claim(Delivery::now_ms());
    if (!claimed.ok()) {
      log_error("outbox_store", claimed.error().message);
      idle = std::chrono::milliseconds(1000);
    } else if (claimed.value()) {
      delivery.run(*claimed.value(), cancel.get_token(), rng);
      lock.lock();
      continue;
    } else if (auto next = store->next_due_ms(); next.ok() && next.value()) {
      idle = std::clamp(std::chrono::milliseconds(*next.value() - Delivery::now_ms()),
                        std::chrono::milliseconds(0), kMaxIdle);
    }
    lock.lock();
    cv.wait_for(lock, idle, [&] { return stopping || pokes != seen; });
  }
  --active;
  cv.notify_all();
}

Outbox::Outbox(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Outbox::~Outbox() {
  stop();
}

Result<std::unique_ptr<Outbox>> Outbox::open(const std::string& data_dir, Settings settings,
                                             TargetResolver resolver, LogFn log) {
  if (auto v = validate(settings); !v.ok()) return v.error();
  auto store = OutboxStore::open(data_dir);
  if (!store.ok()) return store.error();
  // A request the crashed process had in flight may still be processed by the vendor: check
  // for it only after one timeout (the same settling time as any uncertain retry).
  auto recovered = store.value()->recover(Delivery::now_ms() + settings.timeout.count());
  if (!recovered.ok()) return recovered.error();
  auto impl = std::make_unique<Impl>();
  impl->store = std::move(store).value();
  impl->settings = settings;
  impl->resolve = std::move(resolver);
  impl->log = std::move(log);
  if (recovered.value() > 0 && impl->log)
    impl->log("warning", "outbox_recovered",
              std::to_string(recovered.value()) +
                  " note(s) were being sent when tactful stopped; each is checked against the "
                  "vendor before it is posted again");
  return std::make_unique<Outbox>(std::move(impl));
}

Result<Enqueued> Outbox::enqueue(const PendingNote& note) {
  Impl& im = *impl_;
  if (auto r = check_key(note.integration, "integration", kMaxIntegrationBytes); !r.ok())
    return r.error();
  if (auto r = check_key(note.source_message_id, "source message id", kMaxSourceIdBytes); !r.ok())
    return r.error();
  const std::optional<notes::NoteTarget> target =
      im.resolve ? im.resolve(note.integration) : std::nullopt;
  if (!target) return Error{"integration '" + note.integration + "' is not configured for notes"};
  const std::string marker = notes::marker_for(note.integration, note.source_message_id);
  if (auto r = notes::build_note_request(*target, note.conversation_id, note.text, marker); !r.ok())
    return r.error();
  auto inserted = im.store->insert(note, marker, Delivery::now_ms());
  if (!inserted.ok()) return inserted.error();
  if (inserted->created) {
    im.counters.queued.fetch_add(1, std::memory_order_relaxed);
    {
      const std::lock_guard lock(im.mu);
      ++im.pokes;
    }
    im.cv.notify_one();
  } else {
    im.counters.duplicates.fetch_add(1, std::memory_order_relaxed);
  }
  return Enqueued{inserted->id, !inserted->created};
}

void Outbox::start() {
  Impl& im = *impl_;
  const std::lock_guard lock(im.mu);
  if (im.started || im.stopped) return;  // a stopped outbox stays stopped
  im.started = true;
  im.active = im.settings.workers;
  for (unsigned i = 0; i < im.settings.workers; ++i)
    im.threads.emplace_back([&im, i] { im.worker(i); });
}

void Outbox::stop() {
  Impl& im = *impl_;
  {
    std::unique_lock lock(im.mu);
    if (!im.started || im.stopped) {
      im.stopped = true;
      return;
    }
    im.stopping = true;
    im.cv.notify_all();
    // Requests in flight may finish for `drain`; then they are cancelled and recorded as
    // uncertain, to be checked against the vendor on the next start.
    if (!im.cv.wait_for(lock, im.settings.drain, [&] { return im.active == 0; })) {
      im.cancel.cancel();
      im.cv.wait(lock, [&] { return im.active == 0; });
    }
    im.stopped = true;
  }
  for (auto& t : im.threads) t.join();
  im.threads.clear();
}

Stats Outbox::stats() const {
  const Impl& im = *impl_;
  Stats s;
  if (auto c = im.store->counts(); c.ok()) s.pending = c->pending + c->sending;
  s.queued = im.counters.queued.load();
  s.duplicates = im.counters.duplicates.load();
  s.delivered_posted = im.counters.delivered_posted.load();
  s.delivered_reconciled = im.counters.delivered_reconciled.load();
  s.retries = im.counters.retries.load();
  s.failed_rejected = im.counters.failed_rejected.load();
  s.failed_gave_up = im.counters.failed_gave_up.load();
  s.failed_unverifiable = im.counters.failed_unverifiable.load();
  return s;
}

std::optional<NoteStatus> Outbox::status(std::string_view integration,
                                         std::string_view source_message_id) const {
  auto r = impl_->store->status(integration, source_message_id);
  if (!r.ok()) return std::nullopt;
  return r.value();
}

const std::string& Outbox::path() const {
  return impl_->store->path();
}

}  // namespace tactful::outbox
