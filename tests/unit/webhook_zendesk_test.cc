// Zendesk ticket.comment_added events: is_public and author.is_staff.
#include <gtest/gtest.h>

#include "tactful/timestamp.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::fixture;
using testing::parse_error;
using testing::parsed;

TEST(WebhookZendesk, StaffPublicCommentIsAnAgentReply) {
  const auto e = parsed(Vendor::zendesk, fixture("zendesk", "ticket.comment_added.json"));
  EXPECT_TRUE(e.is_message());
  EXPECT_EQ(e.conversation_id, "5158");
  EXPECT_EQ(e.message_id, "9876543210");
  EXPECT_EQ(e.delivery_id, "d4f5c389-8f4a-4c2e-a1b9-8e4f39c71d52");
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_EQ(e.author_id, "8447388090495");
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.text, "We are investigating this issue and will update you shortly.");
  EXPECT_EQ(e.created_at, parse_rfc3339("2025-01-08T14:25:30Z"));  // nanoseconds truncated
}

std::string comment(const std::string& is_public, const std::string& staff,
                    const std::string& body = "\"<p>Hi &amp; bye</p>\"",
                    const std::string& author_id = "\"77\"") {
  return R"({"type":"zen:event-type:ticket.comment_added","id":"e1","time":"2025-01-08T14:25:30Z","detail":{"id":"5158"},"event":{"comment":{"id":12,"body":)" +
         body + R"(,"is_public":)" + is_public + R"(,"author":{"id":)" + author_id +
         R"(,"is_staff":)" + staff + "}}}}";
}

TEST(WebhookZendesk, InternalNoteCustomerAndSystemComments) {
  const auto note = parsed(Vendor::zendesk, comment("false", "true"));
  EXPECT_TRUE(note.private_note);
  EXPECT_EQ(note.author_role, AuthorRole::agent);
  EXPECT_EQ(note.text, "Hi & bye");
  EXPECT_EQ(note.message_id, "12");  // integer ids are accepted as text
  EXPECT_EQ(parsed(Vendor::zendesk, comment("true", "false")).author_role, AuthorRole::customer);
  EXPECT_EQ(parsed(Vendor::zendesk, comment("true", "false", "\"x\"", "-1")).author_role,
            AuthorRole::system);
}

TEST(WebhookZendesk, OtherEventsAreIgnored) {
  const auto e = parsed(Vendor::zendesk,
                        R"({"type":"zen:event-type:ticket.status_changed","detail":{"id":"1"}})");
  EXPECT_FALSE(e.is_message());
  EXPECT_EQ(e.event_type, "zen:event-type:ticket.status_changed");
}

TEST(WebhookZendesk, ErrorsNameTheField) {
  EXPECT_EQ(parse_error(Vendor::zendesk, comment("\"false\"", "true")),
            "event.comment.is_public: expected true or false, got a string");
  EXPECT_EQ(parse_error(Vendor::zendesk, comment("true", "null")),
            "event.comment.author.is_staff: missing");
  EXPECT_EQ(parse_error(Vendor::zendesk, comment("true", "true", "[]")),
            "event.comment.body: expected a string, got an array");
  EXPECT_EQ(parse_error(Vendor::zendesk,
                        R"({"type":"zen:event-type:ticket.comment_added","detail":{"id":""}})"),
            "detail.id: empty id");
}

}  // namespace
}  // namespace tactful::webhooks
