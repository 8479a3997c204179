// The outbox test fixture.
#include "outbox_harness.h"

#include <thread>

#include "fake_vendor_formats.h"

namespace tactful::testing {

outbox::Settings OutboxTest::fast_settings() {
  outbox::Settings s;
  s.workers = 2;
  s.timeout = std::chrono::milliseconds(400);
  s.backoff_base = std::chrono::milliseconds(50);
  s.backoff_max = std::chrono::milliseconds(200);
  s.give_up_after = std::chrono::milliseconds(30000);
  s.drain = std::chrono::milliseconds(300);
  return s;
}

void OutboxTest::open(webhooks::Vendor v, outbox::Settings s, bool start) {
  vendor = std::make_unique<FakeVendor>(v);
  set_target(fake::target_for(v, vendor->base_url()));
  settings = s;
  restart(start);
}

void OutboxTest::restart(bool start) {
  box.reset();
  auto opened = outbox::Outbox::open(
      (dir.path() / "data").string(), settings,
      [this](std::string_view integration) -> std::optional<notes::NoteTarget> {
        if (integration == "acme" && resolvable) return target();
        return std::nullopt;
      },
      [this](std::string_view level, std::string_view event, std::string_view detail) {
        const std::lock_guard lock(log_mu_);
        logs_.push_back(std::string(level) + " " + std::string(event) + " " + std::string(detail));
      });
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  box = std::move(opened).value();
  if (start) box->start();
}

notes::NoteTarget OutboxTest::target() const {
  const std::lock_guard lock(target_mu_);
  return target_;
}

void OutboxTest::set_target(notes::NoteTarget t) {
  const std::lock_guard lock(target_mu_);
  target_ = std::move(t);
}

void OutboxTest::TearDown() {
  box.reset();
  vendor.reset();
}

outbox::PendingNote OutboxTest::note(const std::string& source_id, const std::string& conversation,
                                     const std::string& text) const {
  return {"acme", conversation, source_id, text};
}

void OutboxTest::enqueue(const std::string& source_id, const std::string& conversation) {
  auto r = box->enqueue(note(source_id, conversation));
  ASSERT_TRUE(r.ok()) << r.error().message;
}

bool OutboxTest::wait_state(const std::string& source_id, const std::string& state,
                            std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto s = box->status("acme", source_id); s && s->state == state) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

outbox::NoteStatus OutboxTest::status_of(const std::string& source_id) const {
  if (auto s = box->status("acme", source_id)) return *s;
  outbox::NoteStatus missing;
  missing.state = "(missing)";
  return missing;
}

std::vector<std::string> OutboxTest::log_lines() const {
  const std::lock_guard lock(log_mu_);
  return logs_;
}

}  // namespace tactful::testing
