// The note request of every vendor, byte for byte: method, URL, header fields, body.
#include <gtest/gtest.h>

#include "tactful/adapters/notes/request.h"

namespace tactful::notes {
namespace {

using webhooks::Vendor;
using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kText = "Coaching: the reply had no apology.";
constexpr std::string_view kMarker = "tf-0123456789abcdef";
// kText as posted: a blank line, then the marker line; JSON-escaped, and as HTML.
const std::string kJsonText =
    "Coaching: the reply had no apology.\\n\\ntactful ref tf-0123456789abcdef";
const std::string kHtmlText =
    "Coaching: the reply had no apology.<br><br>tactful ref tf-0123456789abcdef";

const Fields kJsonHeaders = {{"Accept", "application/json"}, {"Content-Type", "application/json"}};

Fields with_json(Fields auth) {
  auth.insert(auth.end(), kJsonHeaders.begin(), kJsonHeaders.end());
  return auth;
}

HttpRequestSpec post(const NoteTarget& t, std::string_view id, std::string_view text = kText) {
  auto r = build_note_request(t, id, text, kMarker);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : HttpRequestSpec{};
}

TEST(NoteRequest, Chatwoot) {
  const NoteTarget t{Vendor::chatwoot,
                     "https://chat.example.com/",
                     {{"api_access_token", "cw-token"}, {"account_id", "3"}}};
  const auto r = post(t, "42");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://chat.example.com/api/v1/accounts/3/conversations/42/messages");
  EXPECT_EQ(r.headers, with_json({{"api_access_token", "cw-token"}}));
  EXPECT_EQ(r.body,
            R"({"content":")" + kJsonText + R"(","message_type":"outgoing","private":true})");
}

TEST(NoteRequest, ZendeskWithApiToken) {
  const NoteTarget t{Vendor::zendesk,
                     "https://acme.zendesk.com",
                     {{"email", "agent@example.com"}, {"api_token", "zd-token"}}};
  const auto r = post(t, "81");
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.url, "https://acme.zendesk.com/api/v2/tickets/81.json");
  // base64("agent@example.com/token:zd-token")
  EXPECT_EQ(r.headers,
            with_json({{"Authorization", "Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW46emQtdG9rZW4="}}));
  EXPECT_EQ(r.body, R"({"ticket":{"comment":{"body":")" + kJsonText + R"(","public":false}}})");
}

TEST(NoteRequest, ZendeskWithOauthToken) {
  const NoteTarget t{Vendor::zendesk, "https://acme.zendesk.com", {{"oauth_token", "zd-oauth"}}};
  EXPECT_EQ(post(t, "81").headers, with_json({{"Authorization", "Bearer zd-oauth"}}));
}

TEST(NoteRequest, Intercom) {
  const NoteTarget t{Vendor::intercom, "", {{"access_token", "ic-token"}, {"admin_id", "814860"}}};
  const auto r = post(t, "5");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://api.intercom.io/conversations/5/reply");
  EXPECT_EQ(r.headers,
            with_json({{"Authorization", "Bearer ic-token"}, {"Intercom-Version", "2.11"}}));
  EXPECT_EQ(r.body, R"({"message_type":"note","type":"admin","admin_id":"814860","body":")" +
                        kHtmlText + R"("})");
  NoteTarget pinned = t;
  pinned.credentials["intercom_version"] = "2.14";
  EXPECT_EQ(post(pinned, "5").header("intercom-version"), "2.14");
}

TEST(NoteRequest, Front) {
  NoteTarget t{Vendor::front, "", {{"api_token", "fr-token"}}};
  auto r = post(t, "cnv_55c8c149");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://api2.frontapp.com/conversations/cnv_55c8c149/comments");
  EXPECT_EQ(r.headers, with_json({{"Authorization", "Bearer fr-token"}}));
  EXPECT_EQ(r.body, R"({"body":")" + kJsonText + R"("})");
  t.credentials["author_id"] = "tea_6ui";
  EXPECT_EQ(post(t, "cnv_55c8c149").body,
            R"({"author_id":"tea_6ui","body":")" + kJsonText + R"("})");
}

TEST(NoteRequest, Freshdesk) {
  const NoteTarget t{Vendor::freshdesk, "https://acme.freshdesk.com", {{"api_key", "fd-key"}}};
  const auto r = post(t, "20");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://acme.freshdesk.com/api/v2/tickets/20/notes");
  EXPECT_EQ(r.headers, with_json({{"Authorization", "Basic ZmQta2V5Olg="}}));  // fd-key:X
  EXPECT_EQ(r.body, R"({"body":")" + kHtmlText + R"(","private":true})");
}

TEST(NoteRequest, Zammad) {
  const NoteTarget t{Vendor::zammad, "https://zammad.example.com", {{"api_token", "zm-token"}}};
  const auto r = post(t, "81");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://zammad.example.com/api/v1/ticket_articles");
  EXPECT_EQ(r.headers, with_json({{"Authorization", "Token token=zm-token"}}));
  EXPECT_EQ(r.body, R"({"ticket_id":81,"body":")" + kJsonText +
                        R"(","content_type":"text/plain","type":"note","internal":true})");
}

TEST(NoteRequest, HelpScout) {
  NoteTarget t{Vendor::helpscout, "", {{"access_token", "hs-token"}}};
  auto r = post(t, "123");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://api.helpscout.net/v2/conversations/123/notes");
  EXPECT_EQ(r.headers, with_json({{"Authorization", "Bearer hs-token"}}));
  EXPECT_EQ(r.body, R"({"text":")" + kHtmlText + R"("})");
  t.credentials["user_id"] = "7";
  EXPECT_EQ(post(t, "123").body, R"({"text":")" + kHtmlText + R"(","user":7})");
}

TEST(NoteRequest, LiveChatBearerAndBasic) {
  NoteTarget t{Vendor::livechat, "", {{"access_token", "dal:lc-token"}}};
  auto r = post(t, "PJ0MRSHTDG");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://api.livechatinc.com/v3.6/agent/action/send_event");
  EXPECT_EQ(r.headers, with_json({{"Authorization", "Bearer dal:lc-token"}}));
  EXPECT_EQ(r.body, R"({"chat_id":"PJ0MRSHTDG","event":{"type":"message","text":")" + kJsonText +
                        R"(","visibility":"agents"}})");
  t.credentials = {{"account_id", "b7eff798-f8df-4364-8059-649c35c9ed0c"},
                   {"personal_access_token", "dal:pat"},
                   {"region", "fra"}};
  r = post(t, "PJ0MRSHTDG");
  EXPECT_EQ(r.headers,
            with_json({{"Authorization",
                        "Basic YjdlZmY3OTgtZjhkZi00MzY0LTgwNTktNjQ5YzM1YzllZDBjOmRhbDpwYXQ="},
                       {"X-Region", "fra"}}));
}

TEST(NoteListRequest, EveryVendor) {
  struct Case {
    NoteTarget target;
    std::string id, method, url, body;
  };
  const std::vector<Case> cases = {
      {{Vendor::chatwoot,
        "https://chat.example.com",
        {{"api_access_token", "t"}, {"account_id", "3"}}},
       "42",
       "GET",
       "https://chat.example.com/api/v1/accounts/3/conversations/42/messages",
       ""},
      {{Vendor::zendesk, "https://acme.zendesk.com", {{"oauth_token", "t"}}},
       "81",
       "GET",
       "https://acme.zendesk.com/api/v2/tickets/81/comments.json?sort_order=desc",
       ""},
      {{Vendor::intercom, "", {{"access_token", "t"}, {"admin_id", "1"}}},
       "5",
       "GET",
       "https://api.intercom.io/conversations/5",
       ""},
      {{Vendor::front, "", {{"api_token", "t"}}},
       "cnv_1",
       "GET",
       "https://api2.frontapp.com/conversations/cnv_1/comments",
       ""},
      {{Vendor::freshdesk, "https://acme.freshdesk.com", {{"api_key", "k"}}},
       "20",
       "GET",
       "https://acme.freshdesk.com/api/v2/tickets/20/conversations?per_page=100",
       ""},
      {{Vendor::zammad, "https://z.example.com", {{"api_token", "t"}}},
       "81",
       "GET",
       "https://z.example.com/api/v1/ticket_articles/by_ticket/81",
       ""},
      {{Vendor::helpscout, "", {{"access_token", "t"}}},
       "123",
       "GET",
       "https://api.helpscout.net/v2/conversations/123/threads",
       ""},
      {{Vendor::livechat, "", {{"access_token", "t"}}},
       "PJ0",
       "POST",
       "https://api.livechatinc.com/v3.6/agent/action/get_chat",
       R"({"chat_id":"PJ0"})"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(webhooks::vendor_name(c.target.vendor)));
    auto r = build_list_request(c.target, c.id);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->method, c.method);
    EXPECT_EQ(r->url, c.url);
    EXPECT_EQ(r->body, c.body);
    EXPECT_EQ(r->header("Accept"), "application/json");
    EXPECT_EQ(r->header("Content-Type"), c.body.empty() ? "" : "application/json");
  }
}

}  // namespace
}  // namespace tactful::notes
