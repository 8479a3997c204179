// `tactful serve` as a process: signals (SIGTERM drains, SIGHUP reloads), refusing unsafe
// configs, --help.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

std::vector<std::string> env_for(const TempDir& dir, std::vector<std::string> extra = {}) {
  extra.push_back("TACTFUL_DATA_DIR=" + (dir.path() / "data").string());
  extra.push_back("HOME=" + dir.path().string());
  return extra;
}

TEST(ServeProcess, SigtermFinishesTheRequestInFlightThenExitsCleanly) {
  TempDir dir;
  Child child({"serve", "--listen", "127.0.0.1:0"}, env_for(dir));
  const std::uint16_t port = child.port();
  ASSERT_NE(port, 0);
  ASSERT_EQ(
      request(port, "POST", "/v1/feedback", R"({"rule": "a.b", "action": "accepted"})").status,
      201);
  // A request whose body is still arriving when SIGTERM comes.
  Connection c(port);
  const std::string body = R"({"draft": "Per our policy, no."})";
  // Expect: 100-continue makes the server say when it has read the header, so the request is
  // certainly in flight (its body awaited) when SIGTERM arrives.
  c.write_raw("POST /v1/suggest HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_TRUE(c.read_until("\r\n\r\n").starts_with("HTTP/1.1 100 Continue"));
  c.write_raw(body.substr(0, 5));
  child.signal(SIGTERM);
  EXPECT_TRUE(contains(child.read_err_until("\"stopping\""), "\"stopping\""));
  c.write_raw(body.substr(5));
  const std::string reply = c.read_until_close();
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200")) << reply.substr(0, 200);
  EXPECT_TRUE(contains(reply, "Connection: close")) << reply.substr(0, 300);
  EXPECT_TRUE(contains(reply, "policy-language"));
  EXPECT_EQ(child.wait_exit(), 0);
  EXPECT_TRUE(contains(child.read_err_until("\"stopped\""), "store closed"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data" / "tactful.db-wal"));
  // Every stderr line is one JSON object; the requests were logged, without the draft.
  const std::string err = child.read_err_until("<EOF>");
  int requests = 0;
  std::size_t pos = 0;
  while (pos < err.size()) {
    const std::size_t end = err.find('\n', pos);
    const std::string line = err.substr(pos, end - pos);
    pos = end == std::string::npos ? err.size() : end + 1;
    auto d = parse_json(line);
    if (d.IsObject() && std::string(d["event"].GetString()) == "request") ++requests;
    EXPECT_FALSE(contains(line, "Per our policy")) << line;
  }
  EXPECT_EQ(requests, 2);
}

// The shipped binary says on /metrics which allocator serves it: jemalloc unless the build chose
// the system one (TACTFUL_ALLOCATOR=system, sanitizer and fuzz builds).
TEST(ServeProcess, MetricsNameTheVersionAndTheAllocatorInUse) {
  TempDir dir;
  Child child({"serve", "--listen", "127.0.0.1:0"}, env_for(dir));
  const std::uint16_t port = child.port();
  ASSERT_NE(port, 0);
  const Reply r = request(port, "GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  const std::string prefix =
      std::string("tactful_build_info{version=\"") + TACTFUL_VERSION + "\",allocator=\"";
  const std::size_t at = r.body.find(prefix);
  ASSERT_NE(at, std::string::npos) << r.body.substr(0, 400);
  const std::string allocator =
      r.body.substr(at + prefix.size(), r.body.find('"', at + prefix.size()) - at - prefix.size());
  if (std::string(TACTFUL_ALLOCATOR_USED) == "jemalloc")
    EXPECT_TRUE(allocator.starts_with("jemalloc 5.")) << allocator;
  else
    EXPECT_EQ(allocator, "system");
  EXPECT_TRUE(contains(r.body, "\"} 1\n# HELP")) << r.body.substr(0, 400);
}

TEST(ServeProcess, SighupReloadsThePacks) {
  TempDir dir;
  const auto packs = dir.path() / "packs";
  auto pack = [](const std::string& id) {
    return R"({"schema": 1, "pack": "t", "rules": [{"id": ")" + id +
           R"(", "kind": "phrase", "category": "jargon", "message": "m", "why": "w", "phrases": ["zebra"], "examples": {"flag": ["a zebra"], "pass": ["a horse"]}}]})";
  };
  write_file(packs / "t.json", pack("test.alpha"));
  Child child({"serve", "--listen", "127.0.0.1:0"},
              env_for(dir, {"TACTFUL_PACKS=" + packs.string(), "TACTFUL_RELOAD_POLL_MS=0"}));
  const std::uint16_t port = child.port();
  ASSERT_NE(port, 0);
  const std::string zebra = R"({"draft": "A zebra."})";
  EXPECT_TRUE(contains(request(port, "POST", "/v1/suggest", zebra).body, "test.alpha"));
  write_file(packs / "t.json", pack("test.beta"));
  child.signal(SIGHUP);
  child.read_err_until("rules_reloaded");
  EXPECT_TRUE(contains(request(port, "POST", "/v1/suggest", zebra).body, "test.beta"));
  child.signal(SIGTERM);
  EXPECT_EQ(child.wait_exit(), 0);
}

TEST(ServeProcess, RefusesToListenBeyondLoopbackWithoutKeys) {
  TempDir dir;
  Child child({"serve", "--listen", "0.0.0.0:0"}, env_for(dir));
  EXPECT_EQ(child.wait_exit(), 1);
  EXPECT_TRUE(contains(child.read_err_until("\n"), "needs API keys")) << child.read_err_until("\n");
}

TEST(ServeProcess, ListensBeyondLoopbackWithKeys) {
  TempDir dir;
  Child child({"serve", "--listen", "0.0.0.0:0"},
              env_for(dir, {"TACTFUL_API_KEYS=0123456789abcdef0123"}));
  const std::string out = child.read_out_until("/  (");
  EXPECT_TRUE(contains(out, "serving on http://0.0.0.0:")) << out;
  child.signal(SIGTERM);
  EXPECT_EQ(child.wait_exit(), 0);
}

TEST(ServeProcess, BadConfigIsRefusedWithTheKey) {
  TempDir dir;
  write_file(dir.path() / "c.json", R"({"listen": "127.0.0.1:0", "limits": {"max_body": 5}})");
  Child child({"serve", "--config", (dir.path() / "c.json").string()}, env_for(dir));
  EXPECT_EQ(child.wait_exit(), 2);
  EXPECT_TRUE(contains(child.read_err_until("\n"), "unknown key 'limits.max_body'"));
}

TEST(ServeProcess, Help) {
  TempDir dir;
  Child child({"serve", "--help"}, env_for(dir));
  EXPECT_EQ(child.wait_exit(), 0);
  EXPECT_TRUE(contains(child.read_out_until("SIGTERM"), "--listen HOST:PORT"));
}

}  // namespace
}  // namespace tactful::testing
