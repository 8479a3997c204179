// How the note outbox retries: worker count, HTTP timeout, backoff and when it gives up
// (docs/notes.md, "Configuration", lists the config keys).
#pragma once

#include <chrono>

#include "tactful/result.h"

namespace tactful::outbox {

struct Settings {
  unsigned workers = 2;                                       // delivery threads
  std::chrono::milliseconds timeout{10000};                   // per HTTP request, idle time
  std::chrono::milliseconds backoff_base{1000};               // first retry after ~this
  std::chrono::milliseconds backoff_max{5 * 60 * 1000};       // retries never wait longer
  std::chrono::milliseconds give_up_after{24 * 3600 * 1000};  // then the note is failed
  std::chrono::milliseconds drain{5000};  // on stop: how long requests in flight may finish
};

// Refuses settings that cannot work (no workers, zero timeout or backoff, max < base, ...),
// naming the key ("outbox.backoff_max_ms must be at least outbox.backoff_base_ms").
Result<void> validate(const Settings& settings);

}  // namespace tactful::outbox
