// The history cache: the drafts of one conversation read its history once, a different history
// (even of the same shape) is never served another's reading, and the cache stays bounded.
// Over HTTP: repeated /v1/suggest calls hit it and answer exactly what a fresh reading gives.
#include <string>
#include <thread>
#include <vector>

#include "fixture.h"
#include "history_cache.h"
#include "json.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful::testing {
namespace {

using server::HistoryCache;

std::vector<Message> conversation(const std::string& customer_text) {
  return {{Role::customer, customer_text, std::nullopt},
          {Role::agent, "Let me check that for you.", std::nullopt}};
}

TEST(HistoryCache, SameHistoryIsReadOnce) {
  HistoryCache cache(8, 1 << 20);
  const auto a = cache.get(conversation("I was charged twice!"));
  const auto b = cache.get(conversation("I was charged twice!"));
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(HistoryCache, SameShapeOtherTextIsAnotherEntry) {
  HistoryCache cache(8, 1 << 20);
  const auto a = cache.get(conversation("I was charged twice!"));
  const auto b = cache.get(conversation("I was charged thrice"));  // same sizes, roles
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(cache.hits(), 0u);
  // Other roles, same texts: another entry too.
  auto swapped = conversation("I was charged twice!");
  swapped[0].role = Role::agent;
  EXPECT_NE(cache.get(swapped).get(), a.get());
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.size(), 3u);
}

TEST(HistoryCache, TimestampsAreNotPartOfTheKey) {
  // Waiting is read per draft from the context, so one reading serves every time.
  HistoryCache cache(8, 1 << 20);
  auto h = conversation("Still waiting for my refund.");
  const auto a = cache.get(h);
  h[0].at = std::chrono::sys_seconds{std::chrono::hours(5)};
  EXPECT_EQ(cache.get(h).get(), a.get());
}

TEST(HistoryCache, BoundedByEntriesLeastRecentlyUsedFirst) {
  HistoryCache cache(3, 1 << 20);
  for (int i = 0; i < 3; ++i) cache.get(conversation("message " + std::to_string(i)));
  cache.get(conversation("message 0"));  // now the most recently used
  cache.get(conversation("message 3"));  // evicts message 1
  EXPECT_EQ(cache.size(), 3u);
  const auto hits = cache.hits();
  cache.get(conversation("message 0"));
  EXPECT_EQ(cache.hits(), hits + 1);
  cache.get(conversation("message 1"));
  EXPECT_EQ(cache.hits(), hits + 1);  // it was evicted: a miss
}

TEST(HistoryCache, BoundedByBytesAndLargeHistoriesAreNotKept) {
  HistoryCache cache(100, 4000);
  const std::string kb(900, 'a');
  for (int i = 0; i < 10; ++i) cache.get(conversation(kb + std::to_string(i)));
  EXPECT_LE(cache.size(), 4u);  // over 900 bytes each (texts and reading), 4,000 at most
  HistoryCache small(100, 4000);
  const auto big = small.get(conversation(std::string(1001, 'b')));  // over 4000 / 4
  ASSERT_TRUE(big);
  EXPECT_EQ(small.size(), 0u);
}

TEST(HistoryCache, ConcurrentLookupsAgree) {
  HistoryCache cache(4, 1 << 20);
  const Engine engine(RuleSet::builtin());
  std::vector<std::thread> threads;
  std::vector<std::size_t> hints(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto h = conversation("You charged me TWICE. Message " + std::to_string(i % 6));
        Context ctx;
        ctx.history = h;
        const auto prepared = cache.get(h);
        hints[t] +=
            engine.analyze(ctx, Draft{"Per our policy, no.", {}}, {}, *prepared).suggestions.size();
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(hints[t], hints[0]);
  EXPECT_EQ(cache.hits() + cache.misses(), 200u);
  EXPECT_LE(cache.size(), 4u);
}

using HistoryCacheHttpTest = ServerTest;

TEST_F(HistoryCacheHttpTest, RepeatedDraftsOfOneConversationHitTheCache) {
  start();
  // The customer's message is unanswered: waiting runs from it to `now`.
  const std::string history =
      R"("history": [{"role": "agent", "text": "Hi, how can I help?"}, {"role": "customer",)"
      R"( "text": "I was charged TWICE and nobody answers!!", "at": "2026-11-22T09:00:00Z"}],)"
      R"( "now": "2026-11-22T10:00:00Z")";
  std::vector<std::string> bodies;
  for (const std::string draft : {"Per our", "Per our policy, refunds", "Per our policy, refunds"})
    bodies.push_back(
        request(port, "POST", "/v1/suggest", R"({"draft": ")" + draft + R"(", )" + history + "}")
            .body);
  EXPECT_EQ(bodies[1], bodies[2]);
  const auto report = parse_json(bodies[2]);
  EXPECT_GT(report["customer"]["frustration"].GetDouble(), 0.3);
  EXPECT_DOUBLE_EQ(report["customer"]["waited_minutes"].GetDouble(), 60);
  const Reply m = request(port, "GET", "/metrics");
  EXPECT_TRUE(contains(m.body, R"(tactful_history_cache_lookups_total{result="hit"} 2)")) << m.body;
  EXPECT_TRUE(contains(m.body, R"(tactful_history_cache_lookups_total{result="miss"} 1)"));
  EXPECT_TRUE(contains(m.body, "tactful_history_cache_entries 1"));
}

}  // namespace
}  // namespace tactful::testing
