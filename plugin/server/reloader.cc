// Loading rule packs and reloading them when asked or when their files change.
#include "reloader.h"

#include <filesystem>

#include "freed_pages.h"
#include "pack_files.h"

namespace tactful::server {

namespace fs = std::filesystem;

RuleSource::RuleSource(std::vector<std::string> dirs, bool builtin)
    : dirs_(std::move(dirs)), builtin_(builtin) {}

Result<std::shared_ptr<const RuleSet>> RuleSource::load() const {
  if (dirs_.empty() && builtin_) return RuleSet::builtin();
  return cli::load_rule_set(dirs_, builtin_);
}

std::string RuleSource::fingerprint() const {
  std::string out;
  for (const auto& dir : dirs_) {
    auto files = cli::list_files(dir, ".json");
    if (!files.ok()) {
      out += "!" + dir + "\n";
      continue;
    }
    for (const auto& f : *files) {
      std::error_code ec;
      const auto size = fs::file_size(f, ec);
      const auto time = fs::last_write_time(f, ec);
      out += f + "\t" + std::to_string(size) + "\t" +
             std::to_string(time.time_since_epoch().count()) + "\n";
    }
  }
  return out;
}

Reloader::Reloader(RuleSource source, EngineHolder& engines, Metrics& metrics, const AccessLog& log,
                   std::chrono::milliseconds poll)
    : source_(std::move(source)), engines_(engines), metrics_(metrics), log_(log), poll_(poll) {
  fingerprint_ = source_.fingerprint();
  thread_ = std::thread([this] { run(); });
}

Reloader::~Reloader() {
  stop();
}

void Reloader::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Reloader::request_reload() {
  {
    const std::lock_guard lock(mu_);
    requested_ = true;
  }
  cv_.notify_all();
}

std::optional<Error> Reloader::reload(std::string_view why) {
  const std::lock_guard lock(reload_mu_);
  const std::string fingerprint = source_.fingerprint();
  Result<std::shared_ptr<const RuleSet>> rules = Error{"not loaded"};
  try {
    rules = source_.load();
  } catch (const std::exception& e) {  // e.g. out of memory compiling a huge pack
    rules = Error{std::string("loading failed: ") + e.what()};
  }
  {
    // A refused pack is not retried until its files change again.
    const std::lock_guard l(mu_);
    fingerprint_ = fingerprint;
  }
  if (!rules.ok()) {
    metrics_.reload(false);
    log_.event("error", "rules_refused",
               std::string(why) + ": keeping the rules in service: " + rules.error().message);
    return rules.error();
  }
  engines_.set(std::make_shared<const Engine>(std::move(rules).value()));
  return_freed_pages();
  metrics_.reload(true);
  log_.event("info", "rules_reloaded", std::string(why));
  return std::nullopt;
}

void Reloader::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (poll_.count() > 0)
      cv_.wait_for(lock, poll_, [&] { return stopping_ || requested_; });
    else
      cv_.wait(lock, [&] { return stopping_ || requested_; });
    if (stopping_) break;
    const bool asked = requested_;
    requested_ = false;
    const std::string known = fingerprint_;
    lock.unlock();
    if (asked) {
      reload("SIGHUP");
    } else if (source_.fingerprint() != known) {
      reload("pack files changed");
    }
    lock.lock();
  }
}

}  // namespace tactful::server
