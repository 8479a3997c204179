// The /v1/stream WebSocket: drafts with seq in, reports for the latest draft out.
#include <atomic>
#include <set>
#include <string>
#include <thread>

#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

using StreamTest = ServerTest;

TEST_F(StreamTest, AnswersADraftWithItsSeqAndTheReport) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"seq": 1, "draft": "Per our policy, refunds take 5-10 days."})");
  auto d = parse_json(ws.read());
  EXPECT_EQ(d["seq"].GetInt(), 1);
  ASSERT_TRUE(d["suggestions"].IsArray());
  EXPECT_EQ(std::string(d["suggestions"][0]["category"].GetString()), "policy-language");
  EXPECT_TRUE(d["scores"].IsObject());
}

TEST_F(StreamTest, KeepsTheConversationSoLaterMessagesSendOnlyTheDraft) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send(
      R"({"seq": 1, "draft": "Hello.", "customer_name": "Dana", "history": [{"role": "customer", "text": "I was charged twice for my order and I am really upset about it!"}]})");
  auto first = parse_json(ws.read());
  ASSERT_TRUE(first["customer"]["intents"].IsArray());
  ASSERT_GT(first["customer"]["intents"].Size(), 0u);
  const std::string intent = first["customer"]["intents"][0].GetString();
  ws.send(R"({"seq": 2, "draft": "Hello, refunds take 5 days."})");
  auto second = parse_json(ws.read());
  EXPECT_EQ(second["seq"].GetInt(), 2);
  ASSERT_GT(second["customer"]["intents"].Size(), 0u);  // the kept history was used
  EXPECT_EQ(std::string(second["customer"]["intents"][0].GetString()), intent);
  EXPECT_LT(second["customer"]["sentiment"].GetDouble(), 0);
  // A message with an empty history replaces the kept one.
  ws.send(R"({"seq": 3, "draft": "Hello.", "history": []})");
  auto third = parse_json(ws.read());
  EXPECT_EQ(third["customer"]["intents"].Size(), 0u);
}

TEST_F(StreamTest, ABurstOfDraftsEndsWithTheReportOfTheLatest) {
  start();
  WsClient ws(port, "/v1/stream");
  const int n = 200;
  for (int i = 1; i <= n; ++i)
    ws.send(R"({"seq": )" + std::to_string(i) + R"(, "draft": "Per our policy )" +
            std::string(static_cast<std::size_t>(i), 'x') + R"("})");
  std::set<int> seen;
  int last = 0;
  while (last != n) {
    auto d = parse_json(ws.read());
    ASSERT_TRUE(d.HasMember("seq"));
    last = d["seq"].GetInt();
    EXPECT_TRUE(seen.insert(last).second) << "answered twice: " << last;
    EXPECT_FALSE(d.HasMember("error"));
  }
  // Answers come in increasing seq order and the latest is always answered; stale ones are
  // dropped rather than queued, so fewer than n reports arrive when drafts outpace analysis.
  EXPECT_EQ(*seen.rbegin(), n);
  const Reply m = request(port, "GET", "/metrics");
  EXPECT_TRUE(contains(m.body, "tactful_ws_messages_total 200")) << m.body;
}

TEST_F(StreamTest, StaleSeqIsIgnored) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"seq": 5, "draft": "Per our policy, no."})");
  EXPECT_EQ(parse_json(ws.read())["seq"].GetInt(), 5);
  ws.send(R"({"seq": 4, "draft": "older"})");  // ignored
  ws.send(R"({"seq": 6, "draft": "newer"})");
  EXPECT_EQ(parse_json(ws.read())["seq"].GetInt(), 6);
}

TEST_F(StreamTest, BadMessagesGetErrorsAndTheConnectionStaysUsable) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send("{not json");
  auto e = parse_json(ws.read());
  EXPECT_EQ(e["status"].GetInt(), 400);
  EXPECT_TRUE(contains(e["error"].GetString(), "invalid JSON"));
  ws.send(R"({"draft": "no seq"})");
  EXPECT_TRUE(contains(parse_json(ws.read())["error"].GetString(), "seq"));
  ws.send(R"({"seq": 1, "draft": ")" + std::string(20001, 'a') + R"("})");
  auto big = parse_json(ws.read());
  EXPECT_EQ(big["status"].GetInt(), 413);
  EXPECT_EQ(big["seq"].GetInt(), 1);
  ws.send(R"({"seq": 2, "draft": "fine"})");
  EXPECT_EQ(parse_json(ws.read())["seq"].GetInt(), 2);
}

TEST_F(StreamTest, ApplicationAndProtocolPingsAreAnswered) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"type": "ping"})");
  EXPECT_EQ(ws.read(), R"({"type":"pong"})");
  ws.ping();
  ws.send(R"({"seq": 1, "draft": "hi"})");
  EXPECT_EQ(parse_json(ws.read())["seq"].GetInt(), 1);
  EXPECT_TRUE(ws.pong_seen());
}

TEST_F(StreamTest, NeedsAKeyWhenKeysAreConfigured) {
  const std::string key = "stream-key-0123456789";
  start([&](server::Config& c) { c.api_keys = {key}; });
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream"), 401);
  EXPECT_EQ(ws_handshake_status(port, "/v1/stream?key=wrong"), 401);
  WsClient ws(port, "/v1/stream?key=" + key);
  ws.send(R"({"seq": 1, "draft": "hi"})");
  EXPECT_EQ(parse_json(ws.read())["seq"].GetInt(), 1);
  WsClient bearer(port, "/v1/stream", {{"Authorization", "Bearer " + key}});
  bearer.send(R"({"seq": 1, "draft": "hi"})");
  EXPECT_EQ(parse_json(bearer.read())["seq"].GetInt(), 1);
}

TEST_F(StreamTest, PlainGetWithoutUpgradeIs426) {
  start();
  const Reply r = request(port, "GET", "/v1/stream");
  EXPECT_EQ(r.status, 426);
  EXPECT_EQ(r.header("upgrade"), "websocket");
}

TEST_F(StreamTest, ManyConcurrentStreams) {
  start();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&, t] {
      WsClient ws(port, "/v1/stream");
      for (int i = 1; i <= 20; ++i) {
        ws.send(R"({"seq": )" + std::to_string(i) + R"(, "draft": "Calm down, client )" +
                std::to_string(t) + R"(."})");
        rapidjson::Document d;
        const std::string text = ws.read();
        d.Parse(text.data(), text.size());
        if (!d.HasParseError() && d["seq"].GetInt() == i) ++ok;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 16 * 20);
}

}  // namespace
}  // namespace tactful::testing

namespace tactful::testing {
namespace {

using StreamLimitsTest = ServerTest;

TEST_F(StreamLimitsTest, AMessageOverTheBodyLimitClosesTheStream) {
  start([](server::Config& c) { c.limits.max_body_bytes = 4096; });
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"seq": 1, "draft": ")" + std::string(8192, 'a') + R"("})");
  EXPECT_ANY_THROW(ws.read());
  // The server counts the error when its read completes, which may be just after the client
  // sees the close frame: wait for it (bounded), without asserting on time.
  const std::string counted = R"(tactful_errors_total{kind="too_large"} 1)";
  std::string metrics;
  for (int i = 0; i < 500 && !contains(metrics, counted); ++i) {
    if (i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = request(port, "GET", "/metrics").body;
  }
  EXPECT_TRUE(contains(metrics, counted)) << metrics;
}

TEST_F(StreamLimitsTest, StoppingTheServerClosesStreamsAsGoingAway) {
  start();
  WsClient ws(port, "/v1/stream");
  ws.send(R"({"seq": 1, "draft": "hi"})");
  ASSERT_EQ(parse_json(ws.read())["seq"].GetInt(), 1);
  server->stop();
  try {
    ws.read();
    ADD_FAILURE() << "expected the stream to close";
  } catch (const std::exception& e) {
    EXPECT_TRUE(contains(e.what(), "closed")) << e.what();
  }
  server->wait();
}

}  // namespace
}  // namespace tactful::testing
