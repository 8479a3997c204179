// Starts a real tactful server on an ephemeral loopback port for a test, with its own data
// directory, and captures its log lines.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "client.h"
#include "tactful/server/server.h"

namespace tactful::testing {

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& p, const std::string& text);

class ServerTest : public ::testing::Test {
 protected:
  // Starts the server; `tweak` adjusts the config first (port 0, 2 threads, temp data dir).
  void start(const std::function<void(server::Config&)>& tweak = {});
  void TearDown() override;
  std::vector<std::string> log_lines() const;

  TempDir dir;
  server::ServerOptions options;  // set before start(); its log sink is the test's
  std::unique_ptr<server::Server> server;
  std::uint16_t port = 0;

 private:
  mutable std::mutex log_mu_;
  std::vector<std::string> logs_;
};

}  // namespace tactful::testing
