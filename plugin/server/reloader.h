// Rule packs from disk, and their reload on SIGHUP or when their files change.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "access_log.h"
#include "engine_holder.h"
#include "metrics.h"
#include "tactful/result.h"
#include "tactful/rule_set.h"

namespace tactful::server {

// The built-in packs plus the admin packs in `dirs` (files or directories of *.json).
class RuleSource {
 public:
  RuleSource(std::vector<std::string> dirs, bool builtin);
  Result<std::shared_ptr<const RuleSet>> load() const;
  // Names, sizes and modification times of every pack file: changes when a file does.
  std::string fingerprint() const;

 private:
  std::vector<std::string> dirs_;
  bool builtin_;
};

// Publishes a freshly compiled snapshot into `engines` on request (SIGHUP, an admin call) and
// when the pack files' fingerprint changes (checked every `poll`, on its own thread so a slow
// compile never blocks a request). A pack that fails to load is logged and counted, and the
// snapshot in service stays. Reloads never run concurrently.
class Reloader {
 public:
  Reloader(RuleSource source, EngineHolder& engines, Metrics& metrics, const AccessLog& log,
           std::chrono::milliseconds poll);
  ~Reloader();  // stops the thread
  Reloader(const Reloader&) = delete;
  Reloader& operator=(const Reloader&) = delete;

  // Loads the packs now and publishes them; returns the error if they were refused.
  std::optional<Error> reload(std::string_view why);
  // Asks the thread to reload soon (safe from a signal handler's completion).
  void request_reload();
  void stop();

 private:
  void run();
  RuleSource source_;
  EngineHolder& engines_;
  Metrics& metrics_;
  const AccessLog& log_;
  std::chrono::milliseconds poll_;
  std::mutex reload_mu_;  // one reload at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool requested_ = false, stopping_ = false;
  std::string fingerprint_;
  std::thread thread_;
};

}  // namespace tactful::server
