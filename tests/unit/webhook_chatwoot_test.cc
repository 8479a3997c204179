// Chatwoot message_created payloads (reconstructed from v4.15.1's code) and its quirks.
#include <gtest/gtest.h>

#include "tactful/timestamp.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::fixture;
using testing::parse_error;
using testing::parsed;

TEST(WebhookChatwoot, IncomingMessageIsFromTheCustomer) {
  Headers headers{{"X-Chatwoot-Delivery", "7f0c"}};
  ParseOptions options;
  options.integration = "acme";
  options.headers = &headers;
  const auto e =
      parsed(Vendor::chatwoot, fixture("chatwoot", "message_created.incoming.reconstructed.json"),
             options);
  EXPECT_TRUE(e.is_message());
  EXPECT_EQ(e.vendor, Vendor::chatwoot);
  EXPECT_EQ(e.integration, "acme");
  EXPECT_EQ(e.event_type, "message_created");
  EXPECT_EQ(e.conversation_id, "12");  // the display id the REST API uses
  EXPECT_EQ(e.message_id, "501");
  EXPECT_EQ(e.delivery_id, "7f0c");
  EXPECT_EQ(e.author_role, AuthorRole::customer);
  EXPECT_EQ(e.author_id, "42");
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.text, "Hi, my order #1234 still hasn't arrived and nobody answers my emails.");
  EXPECT_EQ(e.created_at, parse_rfc3339("2026-01-15T10:05:00Z"));
  EXPECT_EQ(e.to_message().role, Role::customer);
}

TEST(WebhookChatwoot, OutgoingUserMessageIsAnAgentReply) {
  const auto e = parsed(Vendor::chatwoot,
                        fixture("chatwoot", "message_created.outgoing_agent.reconstructed.json"));
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_EQ(e.author_id, "7");
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.message_id, "503");
  EXPECT_EQ(e.text, "Sorry for the delay! I've checked order #1234 - it ships today.");
}

TEST(WebhookChatwoot, PrivateNoteIsFlagged) {
  const auto e = parsed(Vendor::chatwoot,
                        fixture("chatwoot", "message_created.private_note.reconstructed.json"));
  EXPECT_TRUE(e.private_note);
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_EQ(e.message_id, "502");
}

TEST(WebhookChatwoot, TypingIsIgnoredWithAReason) {
  const auto e =
      parsed(Vendor::chatwoot, fixture("chatwoot", "conversation_typing_on.reconstructed.json"));
  EXPECT_FALSE(e.is_message());
  EXPECT_NE(e.ignored_reason.find("typing"), std::string::npos);
}

std::string message(const std::string& fields) {
  return R"({"event":"message_created","id":9,"conversation":{"id":3},)" + fields + "}";
}

TEST(WebhookChatwoot, MessageTypeMayBeTheIntegerEnum) {
  EXPECT_EQ(parsed(Vendor::chatwoot, message(R"("message_type":0,"content":"hi")")).author_role,
            AuthorRole::customer);
  EXPECT_EQ(parsed(Vendor::chatwoot,
                   message(R"("message_type":1,"content":"hi","sender":{"id":1,"type":"user"})"))
                .author_role,
            AuthorRole::agent);
  EXPECT_FALSE(
      parsed(Vendor::chatwoot, message(R"("message_type":2,"content":"assigned")")).is_message());
  EXPECT_NE(parse_error(Vendor::chatwoot, message(R"("message_type":7,"content":"x")"))
                .find("message_type"),
            std::string::npos);
  EXPECT_NE(parse_error(Vendor::chatwoot, message(R"("message_type":"weird","content":"x")"))
                .find("weird"),
            std::string::npos);
}

TEST(WebhookChatwoot, SenderKindsBotsAndAutomation) {
  EXPECT_EQ(
      parsed(Vendor::chatwoot,
             message(
                 R"("message_type":"outgoing","content":"x","sender":{"id":2,"type":"agent_bot"})"))
          .author_role,
      AuthorRole::bot);
  EXPECT_EQ(
      parsed(
          Vendor::chatwoot,
          message(
              R"("message_type":"outgoing","content":"x","sender":{"id":2,"type":"captain_assistant"})"))
          .author_role,
      AuthorRole::bot);
  EXPECT_EQ(
      parsed(Vendor::chatwoot, message(R"("message_type":"outgoing","content":"x")")).author_role,
      AuthorRole::system);
  EXPECT_EQ(parsed(Vendor::chatwoot,
                   message(R"("message_type":"template","content":"x","sender":{"id":2})"))
                .author_role,
            AuthorRole::bot);
}

TEST(WebhookChatwoot, OlderPayloadsPreferTheDisplayId) {
  const auto e = parsed(
      Vendor::chatwoot,
      R"({"event":"message_created","id":9,"conversation":{"id":5501,"display_id":12},"message_type":"incoming","content":"x"})");
  EXPECT_EQ(e.conversation_id, "12");
}

TEST(WebhookChatwoot, MarkdownContentBecomesText) {
  EXPECT_EQ(
      parsed(
          Vendor::chatwoot,
          message(R"("message_type":"incoming","content":"**Where** is [my order](https://x)?")"))
          .text,
      "Where is my order?");
}

TEST(WebhookChatwoot, NoContentIsIgnoredAndOtherEventsToo) {
  EXPECT_FALSE(parsed(Vendor::chatwoot, message(R"("message_type":"incoming","content":null)"))
                   .is_message());
  EXPECT_FALSE(parsed(Vendor::chatwoot, R"({"event":"conversation_status_changed"})").is_message());
  EXPECT_FALSE(parsed(Vendor::chatwoot, R"({"event":"message_updated","id":1})").is_message());
}

TEST(WebhookChatwoot, ErrorsNameTheField) {
  EXPECT_EQ(parse_error(Vendor::chatwoot, R"({"id":1})"), "event: missing");
  EXPECT_EQ(
      parse_error(Vendor::chatwoot,
                  R"({"event":"message_created","id":1,"message_type":"incoming","content":"x"})"),
      "conversation: missing");
  EXPECT_EQ(parse_error(Vendor::chatwoot, message(R"("message_type":"incoming","content":5)")),
            "content: expected a string, got a number");
  EXPECT_EQ(parse_error(Vendor::chatwoot,
                        message(R"("message_type":"incoming","content":"x","private":"yes")")),
            "private: expected true or false, got a string");
  EXPECT_EQ(
      parse_error(Vendor::chatwoot,
                  message(R"("message_type":"incoming","content":"x","created_at":"yesterday")")),
      "created_at: expected an RFC 3339 time or unix seconds");
  EXPECT_EQ(
      parse_error(
          Vendor::chatwoot,
          R"({"event":"message_created","id":1.5,"conversation":{"id":3},"message_type":"incoming"})"),
      "id: expected a string or an integer id, got a number");
  EXPECT_EQ(
      parse_error(
          Vendor::chatwoot,
          R"({"event":"message_created","id":1,"conversation":[],"message_type":"incoming"})"),
      "conversation: expected an object, got an array");
}

}  // namespace
}  // namespace tactful::webhooks
