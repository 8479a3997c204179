// The server fixture.
#include "fixture.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <random>

namespace tactful::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("tactful-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  const auto tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
  }
  std::filesystem::rename(tmp, p);  // atomic: a reload never sees half a file
}

void ServerTest::start(const std::function<void(server::Config&)>& tweak) {
  server::Config c;
  c.port = 0;
  c.threads = 2;
  c.data_dir = (dir.path() / "data").string();
  c.reload_poll = std::chrono::milliseconds(0);
  if (tweak) tweak(c);
  server::ServerOptions opts = options;
  opts.log_sink = [this](std::string_view line) {
    const std::lock_guard lock(log_mu_);
    logs_.emplace_back(line);
  };
  auto s = server::Server::start(std::move(c), std::move(opts));
  ASSERT_TRUE(s.ok()) << s.error().message;
  server = std::move(s).value();
  port = server->port();
}

void ServerTest::TearDown() {
  server.reset();
}

std::vector<std::string> ServerTest::log_lines() const {
  const std::lock_guard lock(log_mu_);
  return logs_;
}

}  // namespace tactful::testing
