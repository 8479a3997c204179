// The conversation context store: every bound (messages per conversation, conversations, TTL,
// memory, message size), de-duplication by message id, the note throttle, many threads; and
// how stored and sent history merge.
#include <gtest/gtest.h>

#include <thread>

#include "history_merge.h"
#include "tactful/server/context_store.h"

namespace tactful::server {
namespace {

using std::chrono::minutes;
using std::chrono::steady_clock;
using webhooks::AuthorRole;

// A clock the test moves by hand.
struct FakeClock {
  steady_clock::time_point now{steady_clock::duration(1'000'000)};
  ContextStore::Clock fn() {
    return [this] { return now; };
  }
};

StoredMessage msg(std::string id, std::string text, AuthorRole role = AuthorRole::customer) {
  StoredMessage m;
  m.id = std::move(id);
  m.text = std::move(text);
  m.author_role = role;
  return m;
}

std::vector<std::string> ids(const std::vector<StoredMessage>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.id);
  return out;
}

ContextLimits limits() {
  ContextLimits l;
  l.max_messages = 3;
  l.max_conversations = 3;
  l.ttl = minutes(60);
  l.max_bytes = 1 << 20;
  l.max_message_bytes = 1024;
  return l;
}

TEST(ContextStore, KeepsTheNewestMessagesPerConversation) {
  ContextStore store(limits());
  for (int i = 1; i <= 5; ++i) store.add("cw", "1", msg("m" + std::to_string(i), "text"));
  EXPECT_EQ(ids(store.history("cw", "1")), (std::vector<std::string>{"m3", "m4", "m5"}));
  EXPECT_EQ(store.stats().messages, 3u);
  EXPECT_EQ(store.stats().dropped_messages, 2u);
  // A dropped message's id is forgotten with it; held ones still de-duplicate.
  EXPECT_FALSE(store.add("cw", "1", msg("m5", "again")).stored);
  EXPECT_TRUE(store.add("cw", "1", msg("m1", "old retry")).stored);
}

TEST(ContextStore, DeduplicatesByMessageIdAndReturnsWhatCameBefore) {
  ContextStore store(limits());
  EXPECT_TRUE(store.add("cw", "1", msg("a", "first")).stored);
  const auto again = store.add("cw", "1", msg("a", "first, retried"), true);
  EXPECT_FALSE(again.stored);
  EXPECT_TRUE(again.before.empty());
  const auto second = store.add("cw", "1", msg("b", "second"), true);
  EXPECT_TRUE(second.stored);
  EXPECT_EQ(ids(second.before), (std::vector<std::string>{"a"}));
  EXPECT_EQ(store.history("cw", "1")[0].text, "first");  // the retry changed nothing
  // Without an id there is nothing to de-duplicate on: both are kept.
  store.add("cw", "2", msg("", "x"));
  store.add("cw", "2", msg("", "x"));
  EXPECT_EQ(store.history("cw", "2").size(), 2u);
  // Conversations are per integration.
  EXPECT_TRUE(store.history("zd", "1").empty());
  EXPECT_TRUE(store.add("zd", "1", msg("a", "same id, other integration")).stored);
}

TEST(ContextStore, EvictsTheLeastRecentlyUsedConversation) {
  ContextStore store(limits());
  store.add("cw", "1", msg("a", "one"));
  store.add("cw", "2", msg("a", "two"));
  store.add("cw", "3", msg("a", "three"));
  EXPECT_EQ(store.history("cw", "1").size(), 1u);  // reading is a use: 2 is now the oldest
  store.add("cw", "4", msg("a", "four"));
  EXPECT_TRUE(store.history("cw", "2").empty());
  EXPECT_EQ(store.history("cw", "1").size(), 1u);
  EXPECT_EQ(store.history("cw", "3").size(), 1u);
  EXPECT_EQ(store.history("cw", "4").size(), 1u);
  EXPECT_EQ(store.stats().conversations, 3u);
  EXPECT_EQ(store.stats().evicted_lru, 1u);
}

TEST(ContextStore, ConversationsExpireAfterTheTtlSinceTheirLastUse) {
  FakeClock clock;
  ContextStore store(limits(), clock.fn());
  store.add("cw", "1", msg("a", "one"));
  store.add("cw", "2", msg("a", "two"));
  clock.now += minutes(40);
  EXPECT_EQ(store.history("cw", "2").size(), 1u);  // touched at +40
  clock.now += minutes(30);                        // +70: "1" idle 70 min, "2" idle 30
  EXPECT_TRUE(store.history("cw", "1").empty());
  EXPECT_EQ(store.history("cw", "2").size(), 1u);
  EXPECT_EQ(store.stats().evicted_ttl, 1u);
  clock.now += minutes(60);
  EXPECT_EQ(store.stats().conversations, 1u);  // expiry happens on the next operation
  store.add("cw", "3", msg("a", "three"));
  EXPECT_EQ(store.stats().conversations, 1u);
  EXPECT_EQ(store.stats().evicted_ttl, 2u);
}

TEST(ContextStore, StaysUnderTheMemoryCeiling) {
  ContextLimits l = limits();
  l.max_conversations = 1000;
  l.max_messages = 50;
  l.max_message_bytes = 2000;
  const std::size_t one = ContextStore::message_bytes(msg("m", std::string(1000, 'x'))) +
                          ContextStore::conversation_bytes("cw/1");
  l.max_bytes = 5 * one + one / 2;  // room for five one-message conversations
  ContextStore store(l);
  for (int i = 0; i < 20; ++i) {
    store.add("cw", std::to_string(i % 10), msg("m", std::string(1000, 'x')));
    EXPECT_LE(store.stats().bytes, l.max_bytes) << i;
  }
  EXPECT_EQ(store.stats().conversations, 5u);
  EXPECT_EQ(store.stats().evicted_memory, 15u);
  EXPECT_EQ(store.history("cw", "9").size(), 1u);  // the newest survive
  EXPECT_TRUE(store.history("cw", "0").empty());
  // One conversation alone over the ceiling keeps its newest messages.
  for (int i = 0; i < 12; ++i)
    store.add("cw", "big", msg("b" + std::to_string(i), std::string(1000, 'y')));
  EXPECT_LE(store.stats().bytes, l.max_bytes);
  const auto big = store.history("cw", "big");
  ASSERT_FALSE(big.empty());
  EXPECT_EQ(big.back().id, "b11");
  EXPECT_LT(big.size(), 12u);
}

TEST(ContextStore, LongMessagesAreCutOnACharacterBoundary) {
  ContextLimits l = limits();
  l.max_message_bytes = 7;
  ContextStore store(l);
  store.add("cw", "1", msg("a", "ab\xC3\xA9\xC3\xA9\xC3\xA9"));  // "abééé": 8 bytes
  EXPECT_EQ(store.history("cw", "1")[0].text, "ab\xC3\xA9\xC3\xA9");
}

TEST(ContextStore, RemoveForgetsOneMessage) {
  ContextStore store(limits());
  store.add("cw", "1", msg("a", "one"));
  store.add("cw", "1", msg("b", "two"));
  EXPECT_TRUE(store.remove("cw", "1", "a"));
  EXPECT_FALSE(store.remove("cw", "1", "a"));
  EXPECT_FALSE(store.remove("cw", "9", "b"));
  EXPECT_EQ(ids(store.history("cw", "1")), (std::vector<std::string>{"b"}));
  EXPECT_TRUE(store.add("cw", "1", msg("a", "one again")).stored);  // its id is free again
}

TEST(ContextStore, OneNotePerConversationPerInterval) {
  FakeClock clock;
  ContextStore store(limits(), clock.fn());
  store.add("cw", "1", msg("a", "one"));
  store.add("cw", "2", msg("a", "two"));
  EXPECT_TRUE(store.claim_note("cw", "1", minutes(10)));
  EXPECT_FALSE(store.claim_note("cw", "1", minutes(10)));
  EXPECT_TRUE(store.claim_note("cw", "2", minutes(10)));  // per conversation
  clock.now += minutes(9);
  EXPECT_FALSE(store.claim_note("cw", "1", minutes(10)));
  clock.now += minutes(1);
  EXPECT_TRUE(store.claim_note("cw", "1", minutes(10)));
  store.release_note("cw", "1");  // the note failed: the slot is free again
  EXPECT_TRUE(store.claim_note("cw", "1", minutes(10)));
  EXPECT_TRUE(store.claim_note("cw", "1", minutes(0)));  // no throttle
}

TEST(ContextStore, ManyThreadsKeepEveryBound) {
  ContextLimits l = limits();
  l.max_conversations = 50;
  l.max_messages = 5;
  l.max_bytes = 64 << 10;
  ContextStore store(l);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&store, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string conversation = std::to_string((i * 7 + t) % 120);
        store.add("cw", conversation, msg(std::to_string(i % 9), std::string(i % 300, 'z')));
        if (i % 5 == 0) store.history("cw", conversation);
        if (i % 11 == 0) store.claim_note("cw", conversation, minutes(1));
      }
    });
  for (auto& th : threads) th.join();
  const auto st = store.stats();
  EXPECT_LE(st.conversations, 50u);
  EXPECT_LE(st.messages, 50u * 5u);
  EXPECT_LE(st.bytes, l.max_bytes);
  for (int c = 0; c < 120; ++c) EXPECT_LE(store.history("cw", std::to_string(c)).size(), 5u);
}

Message sent(Role role, std::string text, std::optional<long long> at = std::nullopt) {
  Message m;
  m.role = role;
  m.text = std::move(text);
  if (at) m.at = std::chrono::sys_seconds{std::chrono::seconds{*at}};
  return m;
}

TEST(HistoryMerge, StoredFirstThenNewRequestMessagesWithoutNotes) {
  std::vector<StoredMessage> stored = {msg("1", "I was charged twice"),
                                       msg("2", "internal: refund pending", AuthorRole::agent),
                                       msg("3", "Looking into it", AuthorRole::agent)};
  stored[1].private_note = true;
  std::size_t dropped = 0;
  const auto merged = merge_history(
      stored, {sent(Role::customer, " I was charged twice\n"), sent(Role::customer, "Hello?")}, 50,
      dropped);
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].text, "I was charged twice");
  EXPECT_EQ(merged[1].text, "Looking into it");
  EXPECT_EQ(merged[1].role, Role::agent);
  EXPECT_EQ(merged[2].text, "Hello?");
  EXPECT_EQ(dropped, 0u);
}

TEST(HistoryMerge, OrdersByTimeWhenEveryMessageHasOneAndKeepsTheNewest) {
  std::vector<StoredMessage> stored = {msg("1", "a"), msg("2", "c")};
  stored[0].at = std::chrono::sys_seconds{std::chrono::seconds{100}};
  stored[1].at = std::chrono::sys_seconds{std::chrono::seconds{300}};
  std::size_t dropped = 0;
  auto merged = merge_history(stored, {sent(Role::agent, "b", 200), sent(Role::agent, "d", 400)},
                              50, dropped);
  ASSERT_EQ(merged.size(), 4u);
  EXPECT_EQ(merged[0].text + merged[1].text + merged[2].text + merged[3].text, "abcd");
  merged =
      merge_history(stored, {sent(Role::agent, "b", 200), sent(Role::agent, "d", 400)}, 2, dropped);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].text + merged[1].text, "cd");
  EXPECT_EQ(dropped, 2u);
  // One message without a time: no reordering, stored first.
  merged = merge_history(stored, {sent(Role::agent, "b")}, 50, dropped);
  EXPECT_EQ(merged[0].text + merged[1].text + merged[2].text, "acb");
}

}  // namespace
}  // namespace tactful::server
