// A small process around the outbox for the kill tests: it enqueues N notes for a fake vendor
// (again on every start: enqueueing is idempotent), delivers them, and exits once nothing is
// pending. Tests SIGKILL it mid-delivery and start it again on the same data directory.
//
//   tactful_outbox_driver DATA_DIR VENDOR BASE_URL COUNT [TIMEOUT_MS]
//
// Prints "enqueued N" after enqueueing and "idle delivered=D failed=F" before exiting 0.
// SIGTERM stops it gracefully ("stopped pending=P", exit 0).
#include <csignal>
#include <iostream>
#include <thread>

#include "../fake_vendor_formats.h"
#include "tactful/outbox/outbox.h"

namespace {

volatile std::sig_atomic_t g_terminate = 0;

void on_term(int) {
  g_terminate = 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tactful;
  if (argc < 5) {
    std::cerr << "usage: tactful_outbox_driver DATA_DIR VENDOR BASE_URL COUNT [TIMEOUT_MS]\n";
    return 2;
  }
  const auto vendor = webhooks::vendor_from_name(argv[2]);
  if (!vendor) {
    std::cerr << "unknown vendor " << argv[2] << "\n";
    return 2;
  }
  const int count = std::stoi(argv[4]);
  outbox::Settings settings;
  settings.workers = 2;
  settings.backoff_base = std::chrono::milliseconds(50);
  settings.backoff_max = std::chrono::milliseconds(200);
  settings.timeout = std::chrono::milliseconds(argc > 5 ? std::stoi(argv[5]) : 2000);
  settings.drain = std::chrono::milliseconds(500);
  const notes::NoteTarget target = testing::fake::target_for(*vendor, argv[3]);
  auto opened = outbox::Outbox::open(
      argv[1], settings,
      [&](std::string_view integration) -> std::optional<notes::NoteTarget> {
        if (integration == "kill-test") return target;
        return std::nullopt;
      },
      [](std::string_view level, std::string_view event, std::string_view detail) {
        std::cerr << level << " " << event << " " << detail << std::endl;
      });
  if (!opened.ok()) {
    std::cerr << opened.error().message << "\n";
    return 1;
  }
  auto& box = *opened.value();
  std::signal(SIGTERM, on_term);
  for (int i = 0; i < count; ++i) {
    // Conversations 100..104 in turn; ids are numbers so every vendor accepts them.
    outbox::PendingNote note{"kill-test", std::to_string(100 + i % 5), "msg-" + std::to_string(i),
                             "Coaching note " + std::to_string(i) + ": open with an apology."};
    if (auto r = box.enqueue(note); !r.ok()) {
      std::cerr << "enqueue: " << r.error().message << "\n";
      return 1;
    }
  }
  std::cout << "enqueued " << count << std::endl;
  box.start();
  for (;;) {
    if (g_terminate) {
      box.stop();
      std::cout << "stopped pending=" << box.stats().pending << std::endl;
      return 0;
    }
    const auto s = box.stats();
    if (s.pending == 0) {
      box.stop();
      std::cout << "idle delivered=" << s.delivered_posted + s.delivered_reconciled
                << " failed=" << s.failed_rejected + s.failed_gave_up + s.failed_unverifiable
                << std::endl;
      return 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}
