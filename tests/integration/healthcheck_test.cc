// `tactful healthcheck` as a process (what a container's HEALTHCHECK runs): healthy, unhealthy,
// unreachable, silent and malformed targets, and the default target from the configuration.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "fixture.h"

namespace tactful::testing {
namespace {

struct Outcome {
  int code = -1;
  std::string output;  // stdout and stderr
};

// Runs the binary with exactly `env` (plus nothing else) and `args`, through the shell.
Outcome run(const std::string& env, const std::string& args) {
  const std::string command =
      "env -i " + env + " '" + std::string(TACTFUL_BINARY) + "' healthcheck " + args + " 2>&1";
  Outcome r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, pipe)) r.output.append(buf, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A loopback TCP socket that listens but never answers (or, closed, a port nobody serves).
class Socket {
 public:
  Socket() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~Socket() { close(fd_); }
  void listen_silently() { EXPECT_EQ(::listen(fd_, 8), 0); }
  std::uint16_t port() const { return port_; }

 private:
  int fd_;
  std::uint16_t port_ = 0;
};

using HealthcheckTest = ServerTest;

TEST_F(HealthcheckTest, HealthyServiceExitsZero) {
  start();
  const Outcome r = run("", "http://127.0.0.1:" + std::to_string(port) + "/healthz");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("ok http://127.0.0.1:" + std::to_string(port) + "/healthz"),
            std::string::npos)
      << r.output;
}

TEST_F(HealthcheckTest, DefaultTargetIsTheConfiguredListenAddressOnLoopback) {
  start();
  // A wildcard listen address (as in the container) is probed on loopback.
  Outcome r = run("TACTFUL_LISTEN=0.0.0.0:" + std::to_string(port), "");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("http://127.0.0.1:" + std::to_string(port) + "/healthz"),
            std::string::npos)
      << r.output;
  write_file(dir.path() / "c.json",
             "// the service's config\n{\"listen\": \"127.0.0.1:" + std::to_string(port) + "\"}");
  r = run("", "--config " + (dir.path() / "c.json").string());
  EXPECT_EQ(r.code, 0) << r.output;
  r = run("", "--config " + (dir.path() / "missing.json").string());
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find("cannot open"), std::string::npos) << r.output;
}

TEST_F(HealthcheckTest, AnyOtherStatusIsUnhealthy) {
  start();
  const Outcome r = run("", "http://127.0.0.1:" + std::to_string(port) + "/nope");
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("answered 404"), std::string::npos) << r.output;
}

TEST(Healthcheck, NothingListeningIsUnhealthy) {
  std::uint16_t port = 0;
  { port = Socket().port(); }  // bound, never listened on, closed: nobody serves it
  const Outcome r = run("", "http://127.0.0.1:" + std::to_string(port) + "/healthz");
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("connect"), std::string::npos) << r.output;
}

TEST(Healthcheck, ASilentPeerTimesOut) {
  Socket silent;
  silent.listen_silently();
  const Outcome r =
      run("", "http://127.0.0.1:" + std::to_string(silent.port()) + "/healthz --timeout-ms 300");
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("read"), std::string::npos) << r.output;
}

TEST(Healthcheck, BadUsageExitsTwo) {
  for (const std::string args :
       {"https://127.0.0.1/healthz", "http://", "http://127.0.0.1:99999999/",
        "http://127.0.0.1:65536/", "http://127.0.0.1:0/", "http://127.0.0.1:/", "http://:80/",
        "ftp://x/", "http://[::1/", "http://a/ http://b/", "--timeout-ms 0 http://127.0.0.1:1/",
        "--timeout-ms abc", "--nope"}) {
    const Outcome r = run("", args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find("tactful healthcheck:"), std::string::npos) << r.output;
  }
  const Outcome help = run("", "--help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.output.find("usage: tactful healthcheck"), std::string::npos) << help.output;
}

}  // namespace
}  // namespace tactful::testing
