// The /v1/stream message protocol: seq, pings, and the conversation kept per connection.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tactful/adapters/native_stream.h"

namespace tactful {
namespace {

TEST(StreamMessage, PingAndBadTypes) {
  StreamContext ctx;
  EXPECT_TRUE(
      std::holds_alternative<StreamPing>(parse_stream_message(R"({"type":"ping"})", {}, ctx)));
  auto m = parse_stream_message(R"({"type":"draft"})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_NE(std::get<StreamError>(m).error.message.find("ping"), std::string::npos);
  EXPECT_EQ(stream_pong_json(), R"({"type":"pong"})");
}

// fuzz_ws_message's crasher: a type with a NUL after "ping" was taken for a ping.
TEST(StreamMessage, ATypeWithANulAfterPingIsNotAPing) {
  StreamContext ctx;
  auto m = parse_stream_message(R"({"type":"ping\u0000x"})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_NE(std::get<StreamError>(m).error.message.find("ping"), std::string::npos);
}

// fuzz_ws_message's crasher: a draft with an unescaped 0x1F was refused by the seq check's
// parse but taken by the request's, so it became a draft with seq 0 that the session dropped
// as stale without an answer. It is an error now, answered like any other.
TEST(StreamMessage, AnUnescapedControlByteIsAnErrorNotASilentDraft) {
  StreamContext ctx;
  auto m = parse_stream_message(
      "{\"seq\":1,\"draft\":\"Calm down, I unately there is \x1fothing we can do.\"}", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_EQ(std::get<StreamError>(m).seq, 0u);
  EXPECT_NE(std::get<StreamError>(m).error.message.find("invalid JSON"), std::string::npos);
}

// One parse serves the message and its request, but a body that is not UTF-8 is still read for
// its type and seq first: a ping is a ping, a bad seq is named, and a draft's error keeps its seq.
TEST(StreamMessage, ABodyThatIsNotUtf8IsReadForTypeAndSeqFirst) {
  StreamContext ctx;
  EXPECT_TRUE(std::holds_alternative<StreamPing>(
      parse_stream_message("{\"type\":\"ping\",\"x\":\"\xFF\"}", {}, ctx)));
  auto m = parse_stream_message("{\"seq\":0,\"draft\":\"\xFF\"}", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_EQ(std::get<StreamError>(m).error.message, "seq: expected a positive integer");
  m = parse_stream_message("{\"seq\":9,\"draft\":\"caf\xC3\"}", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_EQ(std::get<StreamError>(m).seq, 9u);
  EXPECT_EQ(std::get<StreamError>(m).error.message,
            "invalid JSON at byte 21: Invalid encoding in string.");
  m = parse_stream_message("{\"seq\":9,\"draft\":\"caf\xC3", {}, ctx);  // and not JSON
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_EQ(std::get<StreamError>(m).seq, 0u);
}

// An error quoting a client's bytes 0x1A..0x1F (here an unknown field's name) is still JSON:
// RapidJSON's SSE2 writer wrote them unescaped (fuzz_notes found it in note bodies).
TEST(StreamMessage, AnErrorQuotingControlBytesIsValidJson) {
  StreamContext ctx;
  auto m = parse_stream_message(
      R"({"seq":7,"draft":"x","field_name_of_forty_bytes_xxxxxxxxxxxxx\u001a\u001f":1})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  const std::string json = stream_error_json(std::get<StreamError>(m));
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  ASSERT_FALSE(doc.HasParseError()) << json;
  EXPECT_EQ(doc["seq"].GetUint64(), 7u);
  EXPECT_NE(std::string(doc["error"].GetString()).find("\x1a\x1f"), std::string::npos);
}

TEST(StreamMessage, SeqIsARequiredPositiveInteger) {
  StreamContext ctx;
  for (auto bad : {R"({"draft":"x"})", R"({"seq":0,"draft":"x"})", R"({"seq":-1,"draft":"x"})",
                   R"({"seq":"1","draft":"x"})", R"({"seq":1.5,"draft":"x"})"}) {
    auto m = parse_stream_message(bad, {}, ctx);
    ASSERT_TRUE(std::holds_alternative<StreamError>(m)) << bad;
    EXPECT_NE(std::get<StreamError>(m).error.message.find("seq"), std::string::npos) << bad;
  }
  auto m = parse_stream_message(R"({"seq": 3, "draft": 5})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamError>(m));
  EXPECT_EQ(std::get<StreamError>(m).seq, 3u);  // errors carry the seq when there is one
  EXPECT_EQ(stream_error_json(std::get<StreamError>(m)),
            R"({"seq":3,"error":"draft: expected a string","status":400})");
}

TEST(StreamMessage, TheConversationIsKeptUntilReplaced) {
  StreamContext ctx;
  auto first = parse_stream_message(
      R"({"seq":1,"draft":"a","customer_name":"Dana","channel":"chat","history":[{"role":"customer","text":"help"}]})",
      {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamDraft>(first));
  auto second = parse_stream_message(R"({"seq":2,"draft":"b"})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamDraft>(second));
  const SuggestRequest& r = std::get<StreamDraft>(second).request;
  EXPECT_EQ(r.draft, "b");
  ASSERT_EQ(r.history.size(), 1u);
  EXPECT_EQ(r.history[0].text, "help");
  EXPECT_EQ(r.customer_name, "Dana");
  EXPECT_EQ(r.channel, "chat");
  auto third =
      parse_stream_message(R"({"seq":3,"draft":"c","history":[],"customer_name":""})", {}, ctx);
  const SuggestRequest& t = std::get<StreamDraft>(third).request;
  EXPECT_TRUE(t.history.empty());
  EXPECT_EQ(t.customer_name, "");
  EXPECT_EQ(t.channel, "chat");
  EXPECT_TRUE(ctx.history.empty());
}

TEST(StreamMessage, TheStoredConversationIsKeptUntilReplaced) {
  StreamContext ctx;
  auto first = parse_stream_message(
      R"({"seq":1,"draft":"a","conversation":{"integration":"cw","id":"42"}})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamDraft>(first));
  auto second = parse_stream_message(R"({"seq":2,"draft":"b"})", {}, ctx);
  ASSERT_TRUE(std::holds_alternative<StreamDraft>(second));
  const auto& kept = std::get<StreamDraft>(second).request.conversation;
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->integration, "cw");
  EXPECT_EQ(kept->id, "42");
  auto third = parse_stream_message(R"({"seq":3,"draft":"c","conversation":null})", {}, ctx);
  EXPECT_FALSE(std::get<StreamDraft>(third).request.conversation);
  EXPECT_FALSE(ctx.conversation);
}

TEST(StreamMessage, AFailedMessageDoesNotChangeTheKeptConversation) {
  StreamContext ctx;
  parse_stream_message(R"({"seq":1,"draft":"a","history":[{"role":"customer","text":"x"}]})", {},
                       ctx);
  parse_stream_message(R"({"seq":2,"draft":"a","history":[{"role":"nobody","text":"y"}]})", {},
                       ctx);
  ASSERT_EQ(ctx.history.size(), 1u);
  EXPECT_EQ(ctx.history[0].text, "x");
}

TEST(StreamMessage, TheReportCarriesItsSeq) {
  SuggestRequest req;
  req.draft = "hi";
  const std::string json = stream_report_json(42, Report{}, req);
  EXPECT_EQ(json.rfind(R"({"seq":42,"suggestions":[])", 0), 0u) << json;
}

}  // namespace
}  // namespace tactful
