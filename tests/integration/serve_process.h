// `tactful serve` as a child process on a data directory that outlives it, for tests that
// SIGKILL the server and start it again on the same files.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "child_process.h"
#include "client.h"

namespace tactful::testing {

// Guarantees: start() returns only once the server listens (port() != 0) or has failed;
// kill9() leaves the data directory exactly as a crash would (no shutdown code runs).
class ServeProcess {
 public:
  // `extra_json` is spliced into the config object after listen and data_dir.
  ServeProcess(const std::filesystem::path& dir, const std::string& extra_json)
      : config_(dir / "tactful.json"), data_dir_(dir / "data") {
    std::ofstream f(config_);
    f << R"({"listen": "127.0.0.1:0", "data_dir": ")" << data_dir_.string()
      << R"(", "log_requests": false)" << (extra_json.empty() ? "" : ", " + extra_json) << "}";
  }
  std::uint16_t start() {
    child_ = std::make_unique<Child>(std::vector<std::string>{"serve", "--config", config_},
                                     std::vector<std::string>{});
    port_ = child_->port();
    return port_;
  }
  void kill9() {
    child_->signal(SIGKILL);
    EXPECT_EQ(child_->wait_exit(), 128 + SIGKILL);
    child_.reset();
    port_ = 0;
  }
  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }

 private:
  std::filesystem::path config_, data_dir_;
  std::unique_ptr<Child> child_;
  std::uint16_t port_ = 0;
};

}  // namespace tactful::testing
