// A real outbox (SQLite in a temporary directory, cpprestsdk over loopback) pointed at a fake
// vendor, with fast retry settings, for the outbox integration tests.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fake_vendor.h"
#include "fixture.h"
#include "tactful/outbox/outbox.h"

namespace tactful::testing {

class OutboxTest : public ::testing::Test {
 protected:
  // Fast settings: 2 workers, 400 ms timeout, backoff 50-200 ms, give up after 30 s.
  static outbox::Settings fast_settings();

  // A fake `vendor` and an outbox on it (started unless `start` is false); the integration
  // "acme" resolves to the fake with the vendor's test credentials.
  void open(webhooks::Vendor vendor, outbox::Settings settings = fast_settings(),
            bool start = true);
  // Stops and destroys the outbox, then opens it again on the same data directory.
  void restart(bool start = true);
  void TearDown() override;

  outbox::PendingNote note(const std::string& source_id, const std::string& conversation = "42",
                           const std::string& text = "Say sorry first.") const;
  // Enqueues `note(source_id, ...)` and asserts it was accepted.
  void enqueue(const std::string& source_id, const std::string& conversation = "42");
  // Waits until the note is in `state` (delivered / failed / pending), at most 15 s.
  bool wait_state(const std::string& source_id, const std::string& state,
                  std::chrono::milliseconds timeout = std::chrono::milliseconds(15000));
  outbox::NoteStatus status_of(const std::string& source_id) const;
  std::vector<std::string> log_lines() const;

  // What "acme" resolves to; the delivery threads read it, so change it through these.
  notes::NoteTarget target() const;
  void set_target(notes::NoteTarget t);

  TempDir dir;
  std::unique_ptr<FakeVendor> vendor;
  std::atomic<bool> resolvable{true};  // false: "acme" is not configured
  outbox::Settings settings;
  std::unique_ptr<outbox::Outbox> box;

 private:
  mutable std::mutex target_mu_;
  notes::NoteTarget target_;
  mutable std::mutex log_mu_;
  std::vector<std::string> logs_;
};

}  // namespace tactful::testing
