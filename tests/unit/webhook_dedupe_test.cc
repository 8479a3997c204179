// The bounded, thread-safe delivery-id set.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tactful/adapters/webhooks/dedupe.h"

namespace tactful::webhooks {
namespace {

TEST(WebhookDedupe, ReportsEachKeyNewOnce) {
  DeliveryDeduper d(10);
  EXPECT_TRUE(d.insert_if_new("a"));
  EXPECT_FALSE(d.insert_if_new("a"));
  EXPECT_TRUE(d.insert_if_new("b"));
  EXPECT_EQ(d.size(), 2u);
}

TEST(WebhookDedupe, EvictsTheLeastRecentlySeenAtCapacity) {
  DeliveryDeduper d(3);
  d.insert_if_new("a");
  d.insert_if_new("b");
  d.insert_if_new("c");
  EXPECT_FALSE(d.insert_if_new("a"));  // seen again: now the most recent
  EXPECT_TRUE(d.insert_if_new("d"));   // evicts b, the least recent
  EXPECT_EQ(d.size(), 3u);
  EXPECT_TRUE(d.contains("a"));
  EXPECT_FALSE(d.contains("b"));
  EXPECT_TRUE(d.contains("c"));
  for (int i = 0; i < 1000; ++i) d.insert_if_new("k" + std::to_string(i));
  EXPECT_EQ(d.size(), 3u);  // bounded whatever arrives
}

TEST(WebhookDedupe, ExactlyOneThreadWinsEachKey) {
  DeliveryDeduper d(100000);
  std::atomic<int> wins{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i)
        if (d.insert_if_new("delivery-" + std::to_string(i))) ++wins;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 2000);
  EXPECT_EQ(d.size(), 2000u);
}

TEST(WebhookDedupe, ZeroCapacityStillHoldsOne) {
  DeliveryDeduper d(0);
  EXPECT_TRUE(d.insert_if_new("a"));
  EXPECT_FALSE(d.insert_if_new("a"));
  EXPECT_EQ(d.capacity(), 1u);
}

}  // namespace
}  // namespace tactful::webhooks
