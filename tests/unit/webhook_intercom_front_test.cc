// Intercom (part_type, author.type) and Front (is_inbound, comments, previews, app envelope).
#include <gtest/gtest.h>

#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::fixture;
using testing::parse_error;
using testing::parsed;
using testing::unix_time;

TEST(WebhookIntercom, UserReplyAdminReplyAndNote) {
  const auto user = parsed(Vendor::intercom, fixture("intercom", "conversation.user.replied.json"));
  EXPECT_EQ(user.author_role, AuthorRole::customer);  // author.type "user"
  EXPECT_FALSE(user.private_note);
  EXPECT_EQ(user.conversation_id, "21322009097");
  EXPECT_EQ(user.message_id, "2824391734");
  EXPECT_EQ(user.delivery_id, "notif_2c71fff0-65ef-46be-bbfe-dbf637bbff15");
  EXPECT_EQ(user.text, "Well, I need some help getting access to a developer account.");
  EXPECT_EQ(user.created_at, unix_time(1553291307));

  const auto admin =
      parsed(Vendor::intercom, fixture("intercom", "conversation.admin.replied.json"));
  EXPECT_EQ(admin.author_role, AuthorRole::agent);  // part_type "assignment" with a body
  EXPECT_FALSE(admin.private_note);
  EXPECT_EQ(admin.author_id, "1957471");
  EXPECT_EQ(admin.text, "Hey Eeshan! How can I help?");

  const auto note = parsed(Vendor::intercom, fixture("intercom", "conversation.admin.noted.json"));
  EXPECT_TRUE(note.private_note);  // part_type "note"
  EXPECT_EQ(note.author_role, AuthorRole::agent);
  EXPECT_EQ(note.text, "Talk to Tim about this user's query.");
}

TEST(WebhookIntercom, OtherTopicsAreIgnored) {
  const auto e = parsed(Vendor::intercom,
                        fixture("intercom", "user.created.signed-notification-docs-example.json"));
  EXPECT_FALSE(e.is_message());
  EXPECT_EQ(e.event_type, "user.created");
}

TEST(WebhookIntercom, NewConversationUsesTheFirstMessageAndBotsAreBots) {
  const auto e = parsed(
      Vendor::intercom,
      R"({"topic":"conversation.user.created","id":"n1","data":{"item":{"id":"c1","created_at":5,"conversation_parts":{"conversation_parts":[]},"source":{"id":"m1","body":"<p>Help</p>","author":{"type":"lead","id":"u1"}}}}})");
  EXPECT_EQ(e.message_id, "m1");
  EXPECT_EQ(e.author_role, AuthorRole::customer);
  EXPECT_EQ(e.created_at, unix_time(5));
  const auto bot = parsed(
      Vendor::intercom,
      R"({"topic":"conversation.admin.replied","id":"n2","data":{"item":{"id":"c1","conversation_parts":{"conversation_parts":[{"id":"p","part_type":"comment","body":"hi","author":{"type":"bot","id":"b"}}]}}}})");
  EXPECT_EQ(bot.author_role, AuthorRole::bot);
}

TEST(WebhookIntercom, ErrorsNameTheField) {
  EXPECT_EQ(
      parse_error(
          Vendor::intercom,
          R"({"topic":"conversation.admin.replied","id":"n","data":{"item":{"id":"c","conversation_parts":{"conversation_parts":[{"id":"p","part_type":"comment","body":"x","author":{"type":7}}]}}}})"),
      "data.item.conversation_parts.conversation_parts[0].author.type: expected a string, got a "
      "number");
  EXPECT_EQ(
      parse_error(
          Vendor::intercom,
          R"({"topic":"conversation.admin.replied","id":"n","data":{"item":{"id":"c","conversation_parts":{"conversation_parts":[{"id":"p","part_type":"comment","body":"x","author":{"type":"alien"}}]}}}})"),
      "data.item.conversation_parts.conversation_parts[0].author.type: unknown author type "
      "'alien'");
  EXPECT_EQ(
      parse_error(Vendor::intercom, R"({"topic":"conversation.user.replied","id":"n","data":{}})"),
      "data.item: missing");
}

TEST(WebhookFront, InboundIsTheCustomerOutReplyIsTheAgent) {
  const auto in = parsed(Vendor::front, fixture("front", "inbound.json"));
  EXPECT_EQ(in.author_role, AuthorRole::customer);
  EXPECT_FALSE(in.private_note);
  EXPECT_EQ(in.conversation_id, "2x9c5v");
  EXPECT_EQ(in.message_id, "msg_1176r8y");
  EXPECT_EQ(in.delivery_id, "evt_28duo2q");
  EXPECT_EQ(in.text, "We don't have emotions, and sometimes that makes me very sad.");
  EXPECT_EQ(in.created_at, unix_time(1518309200));

  const auto out = parsed(Vendor::front, fixture("front", "out_reply.json"));
  EXPECT_EQ(out.author_role, AuthorRole::agent);
  EXPECT_FALSE(out.private_note);
  EXPECT_EQ(out.event_type, "out_reply");
  EXPECT_FALSE(out.text.empty());
}

TEST(WebhookFront, CommentsAreInternalNotes) {
  const auto c = parsed(Vendor::front, fixture("front", "comment.json"));
  EXPECT_TRUE(c.private_note);
  EXPECT_EQ(c.author_role, AuthorRole::agent);
  EXPECT_EQ(c.author_id, "tea_40z6");
  EXPECT_EQ(c.message_id, "com_shgc2");
  EXPECT_EQ(c.text, "Sure.");
  EXPECT_EQ(c.created_at, unix_time(1518309749));  // fractional seconds truncated
}

TEST(WebhookFront, PreviewsValidationAndOtherEventsAreIgnored) {
  EXPECT_FALSE(parsed(Vendor::front, fixture("front", "event-preview.assign.docs-example.json"))
                   .is_message());
  const auto sync =
      parsed(Vendor::front, fixture("front", "application-webhook.sync.docs-example.json"));
  EXPECT_FALSE(sync.is_message());
  EXPECT_NE(sync.ignored_reason.find("validation"), std::string::npos);
  const auto preview = parsed(
      Vendor::front,
      R"({"type":"inbound","id":"e","conversation":{"id":"cnv_1"},"target":{"_meta":{"type":"message"}}})");
  EXPECT_NE(preview.ignored_reason.find("preview"), std::string::npos);
}

TEST(WebhookFront, ApplicationEnvelopeIsUnwrapped) {
  const auto e = parsed(
      Vendor::front,
      R"({"type":"inbound","authorization":{"id":"cmp_1"},"payload":{"type":"inbound","id":"evt_1","conversation":{"id":"cnv_1"},"target":{"data":{"id":"msg_1","is_inbound":true,"body":"<p>Hello&nbsp;there</p>","created_at":10.5}}}})");
  EXPECT_EQ(e.conversation_id, "cnv_1");
  EXPECT_EQ(e.text, "Hello there");  // no `text`: the HTML body is converted
  EXPECT_EQ(e.created_at, unix_time(10));
}

TEST(WebhookFront, ErrorsNameTheField) {
  EXPECT_EQ(
      parse_error(
          Vendor::front,
          R"({"type":"inbound","conversation":{"id":"c"},"target":{"data":{"id":"m","is_inbound":"yes"}}})"),
      "target.data.is_inbound: expected true or false, got a string");
  EXPECT_EQ(
      parse_error(
          Vendor::front,
          R"({"type":"inbound","conversation":{"id":"c"},"target":{"data":{"id":"m","is_inbound":true,"text":"x","created_at":-1}}})"),
      "target.data.created_at: expected an RFC 3339 time or unix seconds");
}

}  // namespace
}  // namespace tactful::webhooks
