// A delivery round: resolve the integration, reconcile if an earlier attempt may have landed,
// post, judge the answer, record it.
#include "delivery.h"

#include <algorithm>

#include "tactful/adapters/notes/reconcile.h"
#include "tactful/adapters/notes/response.h"

namespace tactful::outbox {
namespace {

// Answers to a note POST are small (an id or an error); lists are bounded by the adapter.
constexpr std::size_t kMaxPostAnswer = 1 << 20;
// Freshdesk lists oldest first, 100 a page: 20 pages reach a conversation's 2,000th item.
constexpr int kMaxListPages = 20;

std::chrono::sys_seconds now_seconds() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

std::int64_t Delivery::now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void Delivery::report(std::string_view level, std::string_view event, const Item& item,
                      std::string_view detail) const {
  if (!log_) return;
  log_(level, event,
       "note " + std::to_string(item.id) + " (" + item.integration + ", conversation " +
           item.conversation_id + "): " + std::string(detail));
}

void Delivery::run(const Item& item, const pplx::cancellation_token& cancel, std::mt19937_64& rng) {
  const std::optional<notes::NoteTarget> target = resolve_(item.integration);
  if (!target) {
    // A configuration problem an admin can fix: keep the note until give_up_after.
    retry_later(item, "integration '" + item.integration + "' is not configured for notes",
                item.uncertain, std::nullopt, rng);
    return;
  }
  if (item.uncertain) {
    const Checked c = reconcile(item, *target, cancel);
    switch (c.kind) {
      case Check::found:
        // Counted and logged before the state changes, so whoever sees the state sees both.
        counters_.delivered_reconciled.fetch_add(1, std::memory_order_relaxed);
        report("info", "note_reconciled", item, "an earlier attempt had created it");
        if (auto r = store_.delivered(item.id, now_ms(), "", "reconciled"); !r.ok())
          report("error", "outbox_store", item, r.error().message);
        return;
      case Check::retry:
        retry_later(item, c.reason, true, c.wait, rng);
        return;
      case Check::unverifiable:
        fail(item, c.reason, counters_.failed_unverifiable);
        return;
      case Check::absent:
        if (auto r = store_.clear_uncertain(item.id); !r.ok()) {
          retry_later(item, r.error().message, true, std::nullopt, rng);
          return;
        }
        break;
    }
  }
  post(item, *target, cancel, rng);
}

Delivery::Checked Delivery::reconcile(const Item& item, const notes::NoteTarget& target,
                                      const pplx::cancellation_token& cancel) {
  auto request = notes::build_list_request(target, item.conversation_id);
  if (!request.ok())
    return {Check::retry, "cannot check for an earlier attempt: " + request.error().message, {}};
  for (int page = 0; page < kMaxListPages; ++page) {
    const HttpAnswer a =
        http_.send(request.value(), settings_.timeout, cancel, notes::kMaxListBytes);
    if (a.failure != HttpAnswer::Failure::none)
      return {Check::retry, "checking for an earlier attempt: " + a.error, {}};
    if (notes::judge_status(target.vendor, a.status) != notes::Verdict::delivered) {
      const notes::Judgement j =
          notes::judge_answer(target.vendor, a.status, a.headers, a.body, now_seconds());
      if (j.verdict == notes::Verdict::rejected)
        return {Check::unverifiable,
                "an earlier attempt may have created the note and listing the conversation's "
                "notes failed (" +
                    j.reason + "); not posting again",
                {}};
      return {Check::retry, "checking for an earlier attempt: " + j.reason, j.retry_after};
    }
    if (a.body_truncated)
      return {Check::retry, "checking for an earlier attempt: the list answer was too large", {}};
    auto found = notes::find_marker(target, request.value(), a.headers, a.body, item.marker);
    if (!found.ok()) return {Check::retry, found.error().message, {}};
    if (found->found) return {Check::found, "", {}};
    if (!found->next) return {Check::absent, "", {}};
    request = std::move(*found->next);
  }
  return {Check::unverifiable,
          "an earlier attempt may have created the note and the conversation has more than " +
              std::to_string(kMaxListPages) + " pages of notes to check; not posting again",
          {}};
}

void Delivery::post(const Item& item, const notes::NoteTarget& target,
                    const pplx::cancellation_token& cancel, std::mt19937_64& rng) {
  auto request = notes::build_note_request(target, item.conversation_id, item.text, item.marker);
  if (!request.ok()) {  // e.g. a credential removed since enqueue: fixable, keep the note
    retry_later(item, request.error().message, false, std::nullopt, rng);
    return;
  }
  if (auto r = store_.mark_uncertain(item.id, now_ms()); !r.ok()) {
    retry_later(item, r.error().message, false, std::nullopt, rng);  // nothing was sent
    return;
  }
  const HttpAnswer a = http_.send(request.value(), settings_.timeout, cancel, kMaxPostAnswer);
  if (a.failure == HttpAnswer::Failure::not_sent) {
    retry_later(item, a.error, false, std::nullopt, rng);
    return;
  }
  if (a.failure == HttpAnswer::Failure::unknown) {
    retry_later(item, a.error + " (the note may have been created; will check before retrying)",
                true, std::nullopt, rng);
    return;
  }
  const notes::Judgement j =
      notes::judge_answer(target.vendor, a.status, a.headers, a.body, now_seconds());
  switch (j.verdict) {
    case notes::Verdict::delivered:
      counters_.delivered_posted.fetch_add(1, std::memory_order_relaxed);
      if (auto r = store_.delivered(item.id, now_ms(), j.vendor_ref, "post"); !r.ok())
        report("error", "outbox_store", item, r.error().message);
      return;
    case notes::Verdict::retry:
      retry_later(item, j.reason, false, j.retry_after, rng);
      return;
    case notes::Verdict::uncertain:
      retry_later(item, j.reason + " (the note may have been created; will check before retrying)",
                  true, j.retry_after, rng);
      return;
    case notes::Verdict::rejected:
      fail(item, j.reason, counters_.failed_rejected);
      return;
  }
}

void Delivery::retry_later(const Item& item, std::string reason, bool uncertain,
                           std::optional<std::chrono::seconds> wait, std::mt19937_64& rng) {
  const std::int64_t now = now_ms();
  const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  auto delay = backoff_.delay(item.attempts, wait, unit);
  // Before checking whether an uncertain attempt landed, give a request the vendor may still
  // be processing one timeout to finish, so the check does not miss it.
  if (uncertain) delay = std::max(delay, settings_.timeout);
  const std::int64_t next = now + delay.count();
  if (next - item.created_ms > settings_.give_up_after.count()) {
    std::string why = "gave up after " + std::to_string(item.attempts) + " attempt" +
                      (item.attempts == 1 ? "" : "s") + ": " + reason;
    if (uncertain) why += " [outcome of the last attempt unknown: the note may exist]";
    fail(item, std::move(why), counters_.failed_gave_up);
    return;
  }
  counters_.retries.fetch_add(1, std::memory_order_relaxed);
  report("warning", "note_retry", item, reason);
  if (auto r = store_.reschedule(item.id, next, reason, uncertain); !r.ok())
    report("error", "outbox_store", item, r.error().message);
}

void Delivery::fail(const Item& item, std::string reason, std::atomic<std::uint64_t>& counter) {
  counter.fetch_add(1, std::memory_order_relaxed);
  report("error", "note_failed", item, reason);
  if (auto r = store_.failed(item.id, now_ms(), reason); !r.ok())
    report("error", "outbox_store", item, r.error().message);
}

}  // namespace tactful::outbox
