// Per vendor, through the real outbox and cpprestsdk to a fake vendor on loopback: the note
// arrives with the method, path, authentication and body the vendor documents; and a note
// the vendor stored while tactful never saw the answer is found by its marker, not re-posted.
#include "outbox_harness.h"
#include "tactful/adapters/notes/marker.h"

namespace tactful::testing {
namespace {

using webhooks::Vendor;

struct Expected {
  Vendor vendor;
  std::string conversation, method, target, auth_header, auth_value;
  std::string body_before, body_after;  // around the note text
  bool html = false;
  std::vector<std::pair<std::string, std::string>> extra_headers = {};
};

// gtest names the parameter in failure messages.
void PrintTo(const Expected& e, std::ostream* os) {
  *os << webhooks::vendor_name(e.vendor);
}

std::vector<Expected> expectations() {
  return {
      {Vendor::chatwoot, "42", "POST", "/api/v1/accounts/3/conversations/42/messages",
       "api_access_token", "cw-token", R"({"content":")",
       R"(","message_type":"outgoing","private":true})"},
      {Vendor::zendesk, "81", "PUT", "/api/v2/tickets/81.json", "authorization",
       "Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW46emQtdG9rZW4=",  // agent@example.com/token:zd-token
       R"({"ticket":{"comment":{"body":")", R"(","public":false}}})"},
      {Vendor::intercom,
       "5",
       "POST",
       "/conversations/5/reply",
       "authorization",
       "Bearer ic-token",
       R"({"message_type":"note","type":"admin","admin_id":"814860","body":")",
       R"("})",
       true,
       {{"intercom-version", "2.11"}}},
      {Vendor::front, "cnv_55c8c149", "POST", "/conversations/cnv_55c8c149/comments",
       "authorization", "Bearer fr-token", R"({"body":")", R"("})"},
      {Vendor::freshdesk, "20", "POST", "/api/v2/tickets/20/notes", "authorization",
       "Basic ZmQta2V5Olg=", R"({"body":")", R"(","private":true})", true},  // fd-key:X
      {Vendor::zammad, "81", "POST", "/api/v1/ticket_articles", "authorization",
       "Token token=zm-token", R"({"ticket_id":81,"body":")",
       R"(","content_type":"text/plain","type":"note","internal":true})"},
      {Vendor::helpscout, "123", "POST", "/v2/conversations/123/notes", "authorization",
       "Bearer hs-token", R"({"text":")", R"("})", true},
      {Vendor::livechat, "PJ0MRSHTDG", "POST", "/v3.6/agent/action/send_event", "authorization",
       "Bearer dal:lc-token", R"({"chat_id":"PJ0MRSHTDG","event":{"type":"message","text":")",
       R"(","visibility":"agents"}})"},
  };
}

class OutboxVendorTest : public OutboxTest, public ::testing::WithParamInterface<Expected> {};

TEST_P(OutboxVendorTest, PostsTheNoteExactlyAsDocumented) {
  const Expected& e = GetParam();
  open(e.vendor);
  enqueue("msg-1", e.conversation);
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  const auto creates = vendor->creates();
  ASSERT_EQ(creates.size(), 1u);
  const Recorded& r = creates[0];
  EXPECT_EQ(r.method, e.method);
  EXPECT_EQ(r.target, e.target);
  EXPECT_EQ(r.header(e.auth_header), e.auth_value);
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("accept"), "application/json");
  for (const auto& [name, value] : e.extra_headers) EXPECT_EQ(r.header(name), value);
  const std::string marker = notes::marker_for("acme", "msg-1");
  const std::string text = e.html ? "Say sorry first.<br><br>tactful ref " + marker
                                  : "Say sorry first.\\n\\ntactful ref " + marker;
  EXPECT_EQ(r.body, e.body_before + text + e.body_after);
  EXPECT_TRUE(vendor->lists().empty());  // nothing uncertain: no reconciliation
  const auto st = status_of("msg-1");
  EXPECT_EQ(st.delivered_via, "post");
  EXPECT_EQ(st.attempts, 1);
  EXPECT_FALSE(st.vendor_ref.empty());  // every fake answer names the created note
}

TEST_P(OutboxVendorTest, AStoredNoteWhoseAnswerNeverCameIsFoundNotPostedAgain) {
  const Expected& e = GetParam();
  open(e.vendor);
  vendor->script({Step::store_then_hang()});
  enqueue("msg-1", e.conversation);
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  EXPECT_EQ(vendor->creates().size(), 1u);
  EXPECT_EQ(vendor->notes(e.conversation).size(), 1u);
  ASSERT_GE(vendor->lists().size(), 1u);
  EXPECT_EQ(vendor->lists()[0].header(e.auth_header), e.auth_value);
  EXPECT_EQ(status_of("msg-1").delivered_via, "reconciled");
}

TEST_P(OutboxVendorTest, AHangBeforeStoringIsCheckedThenPostedOnce) {
  const Expected& e = GetParam();
  open(e.vendor);
  vendor->script({Step::hang_before_storing()});
  enqueue("msg-1", e.conversation);
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  EXPECT_EQ(vendor->creates().size(), 2u);  // the hung one, then the real one
  EXPECT_EQ(vendor->lists().size(), 1u);    // checked once in between
  EXPECT_EQ(vendor->notes(e.conversation).size(), 1u);
  EXPECT_EQ(status_of("msg-1").delivered_via, "post");
}

INSTANTIATE_TEST_SUITE_P(Vendors, OutboxVendorTest, ::testing::ValuesIn(expectations()),
                         [](const auto& info) {
                           return std::string(webhooks::vendor_name(info.param.vendor));
                         });

}  // namespace
}  // namespace tactful::testing
