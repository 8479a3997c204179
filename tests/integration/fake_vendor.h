// A fake helpdesk API on loopback for the outbox tests: it records every request, stores the
// notes it is sent (per conversation), answers list requests in the vendor's own format, and
// can be scripted to fail (5xx), rate-limit (429 + Retry-After), hang, or accept a note and
// then never answer (the crash window the outbox must survive without posting twice).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tactful/adapters/webhooks/event.h"

namespace tactful::testing {

struct Recorded {
  std::string method, target;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool create = false;  // a note-creating request (else a list/read)
  std::chrono::steady_clock::time_point at;
  std::string header(const std::string& lower_name) const;
};

// What the fake does with one note-creating request.
struct Step {
  int status = 0;  // 0 = the vendor's normal success answer
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool store = false;                  // keep the note even though the answer is not a success
  bool hang = false;                   // never answer (until release_hangs() or destruction)
  std::chrono::milliseconds delay{0};  // wait before answering

  static Step ok() { return {}; }
  static Step fail(int status, std::string body = "") { return {status, {}, std::move(body)}; }
  static Step rate_limited(std::string retry_after) {
    return {429, {{"Retry-After", std::move(retry_after)}}, "{\"error\":\"rate limited\"}"};
  }
  static Step hang_before_storing() { return {0, {}, "", false, true}; }
  static Step store_then_hang() { return {0, {}, "", true, true}; }
};

class FakeVendor {
 public:
  explicit FakeVendor(webhooks::Vendor vendor);
  ~FakeVendor();
  FakeVendor(const FakeVendor&) = delete;
  FakeVendor& operator=(const FakeVendor&) = delete;

  std::uint16_t port() const;
  std::string base_url() const;  // http://127.0.0.1:<port>

  // Steps for the next note-creating requests, in order; once used up, every request is
  // answered normally, or with `always` when set.
  void script(std::vector<Step> steps);
  void always(Step step);
  // List answers fail with this status while non-zero.
  void fail_lists(int status);
  // Freshdesk: items per list page (Link header to the next page).
  void page_size(std::size_t n);
  // Answers every note-creating request after `delay` (to widen a crash window).
  void answer_delay(std::chrono::milliseconds delay);

  std::vector<Recorded> requests() const;
  std::vector<Recorded> creates() const;
  std::vector<Recorded> lists() const;
  // The note texts stored for a conversation, oldest first, and in all conversations.
  std::vector<std::string> notes(const std::string& conversation) const;
  std::vector<std::string> all_notes() const;
  std::size_t hanging() const;  // connections held without an answer right now

  // Waits until `done()` holds (re-checked on every request), at most `timeout`.
  bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout) const;
  void release_hangs();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tactful::testing
