// Rule packs reload atomically: on request, when files change, and under load; broken packs
// are refused and the rules in service stay.
#include <atomic>
#include <set>
#include <string>
#include <thread>

#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

using ReloadTest = ServerTest;

// A pack with one rule, `id`, that flags "zebra".
std::string pack(const std::string& id) {
  return R"({"schema": 1, "pack": "test", "rules": [{"id": ")" + id +
         R"(", "kind": "phrase", "category": "jargon", "message": "m", "why": "w",
         "phrases": ["zebra"], "examples": {"flag": ["a [[zebra]] here"], "pass": ["a horse here"]}}]})";
}

std::set<std::string> test_rules(const std::string& body) {
  std::set<std::string> out;
  auto d = parse_json(body);
  if (!d.IsObject() || !d.HasMember("suggestions")) return {"<bad response>"};
  for (const auto& s : d["suggestions"].GetArray()) {
    const std::string rule = s["rule"].GetString();
    if (rule.starts_with("test.")) out.insert(rule);
  }
  return out;
}

const std::string kZebra = R"({"draft": "The zebra is here."})";

TEST_F(ReloadTest, ReloadPublishesTheNewPacks) {
  const auto packs = dir.path() / "packs";
  write_file(packs / "test.json", pack("test.alpha"));
  start([&](server::Config& c) { c.pack_dirs = {packs.string()}; });
  EXPECT_EQ(test_rules(request(port, "POST", "/v1/suggest", kZebra).body),
            std::set<std::string>{"test.alpha"});
  write_file(packs / "test.json", pack("test.beta"));
  ASSERT_FALSE(server->reload().has_value());
  EXPECT_EQ(test_rules(request(port, "POST", "/v1/suggest", kZebra).body),
            std::set<std::string>{"test.beta"});
}

TEST_F(ReloadTest, ABrokenPackIsRefusedAndTheOldRulesKeepServing) {
  const auto packs = dir.path() / "packs";
  write_file(packs / "test.json", pack("test.alpha"));
  start([&](server::Config& c) { c.pack_dirs = {packs.string()}; });
  write_file(packs / "test.json", R"({"schema": 1, "pack": "x", "rules": [{"id": "test.bad"}]})");
  const auto error = server->reload();
  ASSERT_TRUE(error.has_value());
  EXPECT_TRUE(contains(error->message, "test.json")) << error->message;
  EXPECT_EQ(test_rules(request(port, "POST", "/v1/suggest", kZebra).body),
            std::set<std::string>{"test.alpha"});
  const std::string metrics = request(port, "GET", "/metrics").body;
  EXPECT_TRUE(contains(metrics, R"(tactful_rule_reloads_total{result="error"} 1)"));
  bool logged = false;
  for (const auto& line : log_lines()) logged |= contains(line, "rules_refused");
  EXPECT_TRUE(logged);
}

TEST_F(ReloadTest, ChangedPackFilesAreReloadedByThePoller) {
  const auto packs = dir.path() / "packs";
  write_file(packs / "test.json", pack("test.alpha"));
  start([&](server::Config& c) {
    c.pack_dirs = {packs.string()};
    c.reload_poll = std::chrono::milliseconds(20);
  });
  write_file(packs / "test.json", pack("test.beta-with-a-longer-id"));  // size changes too
  std::set<std::string> got;
  for (int i = 0; i < 1000 && got != std::set<std::string>{"test.beta-with-a-longer-id"}; ++i) {
    got = test_rules(request(port, "POST", "/v1/suggest", kZebra).body);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(got, std::set<std::string>{"test.beta-with-a-longer-id"});
}

TEST_F(ReloadTest, AStartWithABrokenPackIsRefused) {
  write_file(dir.path() / "packs" / "bad.json", "{");
  server::Config c;
  c.port = 0;
  c.data_dir = (dir.path() / "data").string();
  c.pack_dirs = {(dir.path() / "packs").string()};
  auto s = server::Server::start(c);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(contains(s.error().message, "bad.json")) << s.error().message;
}

// Swap packs while 8 threads hammer /v1/suggest: no errors, and every response comes wholly
// from the old or the new snapshot.
TEST_F(ReloadTest, ReloadUnderLoad) {
  const auto packs = dir.path() / "packs";
  write_file(packs / "test.json", pack("test.alpha"));
  start([&](server::Config& c) {
    c.pack_dirs = {packs.string()};
    c.rate_limits = {0, 0, 0};  // a flood from one address: the limiter is not under test
  });
  std::atomic<bool> done{false};
  std::atomic<int> responses{0}, bad{0}, alpha{0}, beta{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      Connection c(port);
      while (!done.load()) {
        const Reply r = c.send("POST", "/v1/suggest", kZebra);
        const auto rules = test_rules(r.body);
        ++responses;
        if (r.status != 200)
          ++bad;
        else if (rules == std::set<std::string>{"test.alpha"})
          ++alpha;
        else if (rules == std::set<std::string>{"test.beta"})
          ++beta;
        else
          ++bad;
      }
    });
  while (alpha.load() < 8 && bad.load() == 0) std::this_thread::yield();  // load is on
  for (int i = 0; i < 10; ++i) {
    write_file(packs / "test.json", pack(i % 2 == 0 ? "test.beta" : "test.alpha"));
    ASSERT_FALSE(server->reload().has_value());
  }
  write_file(packs / "test.json", pack("test.beta"));
  ASSERT_FALSE(server->reload().has_value());
  // Keep hammering until requests after the last swap have been answered from it.
  while (beta.load() < 50) std::this_thread::yield();
  done = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(alpha.load(), 0);
  EXPECT_EQ(alpha.load() + beta.load(), responses.load());
  EXPECT_EQ(test_rules(request(port, "POST", "/v1/suggest", kZebra).body),
            std::set<std::string>{"test.beta"});
}

}  // namespace
}  // namespace tactful::testing
