// Zammad, Help Scout, LiveChat, Freshdesk and the generic format.
#include <gtest/gtest.h>

#include "tactful/timestamp.h"
#include "webhook_fixtures.h"

namespace tactful::webhooks {
namespace {

using testing::fixture;
using testing::parse_error;
using testing::parsed;

TEST(WebhookZammad, DefaultPayloadArticle) {
  Headers h{{"X-Zammad-Trigger", "coach"}, {"X-Zammad-Delivery", "job-9"}};
  ParseOptions o;
  o.headers = &h;
  const auto e =
      parsed(Vendor::zammad, fixture("zammad", "trigger_webhook.default_payload.json"), o);
  EXPECT_TRUE(e.is_message());
  EXPECT_EQ(e.event_type, "coach");
  EXPECT_EQ(e.delivery_id, "job-9");
  EXPECT_EQ(e.conversation_id, "81");
  EXPECT_EQ(e.message_id, "104");
  EXPECT_EQ(e.author_role, AuthorRole::customer);  // sender "Customer"
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.text, "This is a simple Webhook Test.");  // text/html: tags and the image go
  EXPECT_EQ(e.created_at, parse_rfc3339("2020-11-13T14:34:35Z"));
}

TEST(WebhookZammad, InternalAgentNoteAndTicketOnlyTriggers) {
  const auto e = parsed(
      Vendor::zammad,
      R"({"ticket":{"id":1},"article":{"id":2,"body":"a <b>","content_type":"text/plain","internal":true,"sender":"Agent"}})");
  EXPECT_TRUE(e.private_note);
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_EQ(e.text, "a <b>");  // plain text is not treated as HTML
  EXPECT_FALSE(parsed(Vendor::zammad, R"({"ticket":{"id":1}})").is_message());
  EXPECT_EQ(parse_error(Vendor::zammad,
                        R"({"ticket":{"id":1},"article":{"id":2,"body":"x","sender":"Robot"}})"),
            "article.sender: expected Agent, Customer or System, got 'Robot'");
}

TEST(WebhookHelpScout, NewestThreadOfTheEventsType) {
  Headers h{{"X-HelpScout-Event", "convo.agent.reply.created"}};
  ParseOptions o;
  o.headers = &h;
  const std::string body = fixture("helpscout", "convo.agent.reply.created.constructed.json");
  const auto e = parsed(Vendor::helpscout, body, o);
  EXPECT_EQ(e.conversation_id, "2391938111");
  EXPECT_EQ(e.message_id, "2198262392");
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.text,
            "Hi Dana,\n\nSorry about the wait \u2014 the refund went out today.\nIt takes 3\u20135 "
            "days to show.");
  h = Headers{{"X-HelpScout-Event", "convo.customer.reply.created"}};
  const auto c = parsed(Vendor::helpscout, body, o);
  EXPECT_EQ(c.author_role, AuthorRole::customer);
  EXPECT_EQ(c.text, "Where is my refund? It has been two weeks!");
  h = Headers{{"X-HelpScout-Event", "convo.note.created"}};
  EXPECT_FALSE(parsed(Vendor::helpscout, body, o).is_message());  // no note thread
  h = Headers{{"X-HelpScout-Event", "helpscout.test"}};
  EXPECT_FALSE(parsed(Vendor::helpscout, body, o).is_message());
  h = Headers{{"X-HelpScout-Event", "convo.tags"}};
  EXPECT_FALSE(parsed(Vendor::helpscout, body, o).is_message());
}

TEST(WebhookHelpScout, NotesArePrivate) {
  Headers h{{"X-HelpScout-Event", "convo.note.created"}};
  ParseOptions o;
  o.headers = &h;
  const auto e = parsed(
      Vendor::helpscout,
      R"({"id":1,"_embedded":{"threads":[{"id":5,"type":"note","body":"internal","createdBy":{"id":9,"type":"user"},"createdAt":"2026-01-01T00:00:00Z"}]}})",
      o);
  EXPECT_TRUE(e.private_note);
  EXPECT_EQ(parse_error(Vendor::helpscout, R"({"id":1,"_embedded":{"threads":[7]}})", o),
            "_embedded.threads[0]: expected an object");
}

TEST(WebhookLiveChat, IncomingMessageEvent) {
  ParseOptions o;
  o.author_hint = AuthorRole::customer;  // webhook registered with filters.author_type=customer
  const std::string body = fixture("livechat", "incoming_event.assembled-from-docs.json");
  const auto e = parsed(Vendor::livechat, body, o);
  EXPECT_EQ(e.conversation_id, "PJ0MRSHTDG");
  EXPECT_EQ(e.message_id, "0affb00a-82d6-4e07-ae61-56ba5c36f743");
  EXPECT_EQ(e.author_id, "b7eff798-f8df-4364-8059-649c35c9ed0c");
  EXPECT_EQ(e.author_role, AuthorRole::customer);
  EXPECT_FALSE(e.private_note);
  EXPECT_EQ(e.text, "hello there");
  EXPECT_EQ(e.created_at, parse_rfc3339("2017-10-12T15:19:21Z"));
  EXPECT_EQ(parsed(Vendor::livechat, body).author_role, AuthorRole::unknown);  // no hint
}

TEST(WebhookLiveChat, AgentsOnlyIsAPrivateAgentNote) {
  const auto e = parsed(
      Vendor::livechat,
      R"({"action":"incoming_event","payload":{"chat_id":"C","event":{"id":"E","type":"message","author_id":"a","text":"psst","visibility":"agents"}}})");
  EXPECT_TRUE(e.private_note);
  EXPECT_EQ(e.author_role, AuthorRole::agent);
  EXPECT_FALSE(parsed(Vendor::livechat, R"({"action":"incoming_chat"})").is_message());
  EXPECT_FALSE(
      parsed(
          Vendor::livechat,
          R"({"action":"incoming_event","payload":{"chat_id":"C","event":{"id":"E","type":"file"}}})")
          .is_message());
}

TEST(WebhookFreshdesk, ZulipTemplatePrivateNoteWithoutTextIsIgnored) {
  const auto e =
      parsed(Vendor::freshdesk,
             fixture("freshdesk", "automation_webhook.private_note.zulip-template.json"));
  EXPECT_FALSE(e.is_message());
  EXPECT_EQ(e.event_type, "{note_type:private}");
  EXPECT_NE(e.ignored_reason.find("text"), std::string::npos);
}

TEST(WebhookFreshdesk, DocumentedTemplate) {
  const auto note = parsed(
      Vendor::freshdesk,
      R"({"freshdesk_webhook":{"ticket_id":11,"triggered_event":"{note_type:private}","ticket_latest_private_comment":"<p>check &amp; call</p>"}})");
  EXPECT_TRUE(note.is_message());
  EXPECT_TRUE(note.private_note);
  EXPECT_EQ(note.author_role, AuthorRole::agent);
  EXPECT_EQ(note.conversation_id, "11");
  EXPECT_EQ(note.text, "check & call");
  const auto created = parsed(
      Vendor::freshdesk,
      R"({"freshdesk_webhook":{"ticket_id":"12","triggered_event":"{ticket_action:created}","ticket_description":"<div>Broken!</div>"}})");
  EXPECT_EQ(created.author_role, AuthorRole::customer);
  EXPECT_EQ(created.text, "Broken!");
  EXPECT_FALSE(
      parsed(
          Vendor::freshdesk,
          R"({"freshdesk_webhook":{"ticket_id":"12","triggered_event":"{status:{from:Open,to:Pending}}"}})")
          .is_message());
  EXPECT_EQ(
      parse_error(Vendor::freshdesk,
                  R"({"freshdesk_webhook":{"ticket_id":"1","text":"x","author_type":"robot"}})"),
      "freshdesk_webhook.author_type: expected customer or agent, got 'robot'");
}

TEST(WebhookGeneric, DocumentedFormat) {
  const auto e = parsed(
      Vendor::generic,
      R"({"event":"message_created","delivery_id":"d1","conversation_id":"c-9","message_id":42,"author_role":"bot","author_id":"b1","private":true,"text":"<p>Hi</p>","format":"html","created_at":1768471500})");
  EXPECT_EQ(e.delivery_id, "d1");
  EXPECT_EQ(e.conversation_id, "c-9");
  EXPECT_EQ(e.message_id, "42");
  EXPECT_EQ(e.author_role, AuthorRole::bot);
  EXPECT_EQ(e.to_message().role, Role::agent);
  EXPECT_TRUE(e.private_note);
  EXPECT_EQ(e.text, "Hi");
  EXPECT_EQ(e.created_at, testing::unix_time(1768471500));
  EXPECT_EQ(
      parse_error(
          Vendor::generic,
          R"({"event":"message_created","conversation_id":"c","message_id":"m","author_role":"x","text":"t"})"),
      "author_role: expected customer, agent, bot or system, got 'x'");
  EXPECT_EQ(
      parse_error(
          Vendor::generic,
          R"({"event":"message_created","conversation_id":"c","message_id":"m","author_role":"agent","text":"t","format":"rtf"})"),
      "format: expected text, html or markdown, got 'rtf'");
  EXPECT_FALSE(parsed(Vendor::generic, R"({"event":"conversation_closed"})").is_message());
}

}  // namespace
}  // namespace tactful::webhooks
