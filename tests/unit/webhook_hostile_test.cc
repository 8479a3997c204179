// Every vendor parser on malformed, oversized, deeply nested, wrong-typed and hostile bodies:
// an error naming the problem, never a crash, a throw or a hang.
#include <gtest/gtest.h>

#include <chrono>

#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

class WebhookHostile : public ::testing::TestWithParam<Vendor> {};

TEST_P(WebhookHostile, MalformedBodiesAreErrors) {
  const Vendor v = GetParam();
  for (std::string body :
       std::vector<std::string>{"", "{", "}", "nul", "{\"a\":}", "{} {}", "[]", "42", "\"x\"",
                                "null", "{\"a\":1,}", "\xff\xfe{}"}) {
    auto r = parse(v, body);
    ASSERT_FALSE(r.ok()) << vendor_name(v) << ": " << body;
    EXPECT_FALSE(r.error().message.empty());
  }
  auto r = parse(v, "[1]");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "expected a JSON object at the top level, got an array");
  r = parse(v, "{\"a\":");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("malformed JSON at byte 5", 0), 0u) << r.error().message;
}

TEST_P(WebhookHostile, EmptyAndWrongTypedObjectsAreErrors) {
  const Vendor v = GetParam();
  EXPECT_FALSE(parse(v, "{}").ok()) << vendor_name(v);
  for (std::string field :
       {"event", "type", "topic", "action", "ticket", "freshdesk_webhook", "id"}) {
    auto r = parse(v, "{\"" + field + "\": [1, {\"x\": null}]}");
    if (!r.ok()) {
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST_P(WebhookHostile, BodiesOverTheLimitAreRefusedBeforeParsing) {
  const Vendor v = GetParam();
  const std::string text(2 << 20, 'a');  // 2 MB of text
  auto r = parse(v, "{\"event\":\"message_created\",\"text\":\"" + text + "\"}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("over the limit of 1048576"), std::string::npos)
      << r.error().message;
  ParseOptions big;
  big.max_body_bytes = 4 << 20;
  r = parse(v, "{\"event\":\"message_created\",\"text\":\"" + text + "\"}", big);
  if (!r.ok()) {
    EXPECT_EQ(r.error().message.find("over the limit"), std::string::npos);
  }
}

TEST_P(WebhookHostile, DeepNestingDoesNotOverflowTheStack) {
  const Vendor v = GetParam();
  for (int depth : {10000, 100000}) {
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    ParseOptions o;
    o.max_body_bytes = 1 << 21;
    auto r =
        parse(v, "{\"event\":" + nested + ",\"type\":" + nested + ",\"topic\":" + nested + "}", o);
    EXPECT_FALSE(r.ok()) << vendor_name(v);
    std::string objects;
    for (int i = 0; i < depth; ++i) objects += "{\"a\":";
    objects += "1" + std::string(depth, '}');
    r = parse(v, "{\"payload\":" + objects + ",\"ticket\":" + objects + "}", o);
    if (!r.ok()) {
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST_P(WebhookHostile, RandomisedMutationsOfTheGenericShapeNeverCrash) {
  const Vendor v = GetParam();
  const std::string base =
      R"({"event":"message_created","topic":"conversation.user.replied","type":"inbound","action":"incoming_event","id":"1","conversation_id":"c","message_id":"m","author_role":"agent","text":"<p>x</p>"})";
  std::uint32_t seed = 12345;
  for (int i = 0; i < 2000; ++i) {
    std::string s = base;
    for (int k = 0; k < 3; ++k) {
      seed = seed * 1103515245u + 12345u;
      s[(seed >> 8) % s.size()] = static_cast<char>(seed >> 24);
    }
    auto r = parse(v, s);
    if (r.ok() && r->is_message()) {
      EXPECT_FALSE(r->text.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllVendors, WebhookHostile,
                         ::testing::Values(Vendor::chatwoot, Vendor::zendesk, Vendor::intercom,
                                           Vendor::front, Vendor::freshdesk, Vendor::zammad,
                                           Vendor::helpscout, Vendor::livechat, Vendor::generic),
                         [](const auto& info) { return std::string(vendor_name(info.param)); });

TEST(WebhookHostileText, LoneSurrogatesBecomeReplacementCharacters) {
  const auto e = testing::parsed(
      Vendor::generic,
      R"({"event":"message_created","conversation_id":"c","message_id":"m","author_role":"customer","text":"a\udc00b\u0000c"})");
  EXPECT_EQ(e.text, std::string("a\uFFFD\uFFFD\uFFFDb") + std::string(1, '\0') + "c");
}

TEST(WebhookHostileText, KeysWithDotsOrNulsDoNotAliasPaths) {
  // "detail.id" as one key is not detail -> id.
  auto r =
      parse(Vendor::zendesk, R"({"type":"zen:event-type:ticket.comment_added","detail.id":"1"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "detail.id: missing");
}

TEST(WebhookHostileText, LargeValidTextParsesQuickly) {
  const auto start = std::chrono::steady_clock::now();
  std::string html;
  while (html.size() < 900000) html += "<p>Sorry &amp; thanks</p>";
  const auto e = testing::parsed(
      Vendor::generic,
      R"({"event":"message_created","conversation_id":"c","message_id":"m","author_role":"agent","format":"html","text":")" +
          html + "\"}");
  EXPECT_GT(e.text.size(), 400000u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(WebhookVendorNames, RoundTrip) {
  for (Vendor v :
       {Vendor::chatwoot, Vendor::zendesk, Vendor::intercom, Vendor::front, Vendor::freshdesk,
        Vendor::zammad, Vendor::helpscout, Vendor::livechat, Vendor::generic})
    EXPECT_EQ(vendor_from_name(vendor_name(v)), v);
  EXPECT_EQ(vendor_from_name("help-scout"), Vendor::helpscout);
  EXPECT_FALSE(vendor_from_name("Chatwoot"));
  EXPECT_FALSE(vendor_from_name(""));
}

}  // namespace
}  // namespace tactful::webhooks
