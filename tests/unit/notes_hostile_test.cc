// Note requests refuse or neutralise hostile ids, text, credentials and base URLs, with an
// error that names the problem.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tactful/adapters/notes/marker.h"
#include "tactful/adapters/notes/request.h"

namespace tactful::notes {
namespace {

using webhooks::Vendor;

const NoteTarget kFront{Vendor::front, "", {{"api_token", "t"}}};
const NoteTarget kZendesk{Vendor::zendesk, "https://acme.zendesk.com", {{"oauth_token", "t"}}};
const NoteTarget kIntercom{Vendor::intercom, "", {{"access_token", "t"}, {"admin_id", "1"}}};

std::string error_of(const NoteTarget& t, std::string_view id, std::string_view text = "hi",
                     std::string_view marker = "tf-0123456789abcdef") {
  auto r = build_note_request(t, id, text, marker);
  return r.ok() ? "(no error)" : r.error().message;
}

TEST(NoteHostile, IdsArePercentEncodedOrRefused) {
  auto r = build_note_request(kFront, "cnv_1/../../admin?x=1#y", "hi", "tf-1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url,
            "https://api2.frontapp.com/conversations/cnv_1%2F..%2F..%2Fadmin%3Fx%3D1%23y/comments");
  EXPECT_EQ(error_of(kFront, ".."), "front conversation id '..' is not an id");
  EXPECT_EQ(error_of(kFront, "."), "front conversation id '.' is not an id");
  EXPECT_EQ(error_of(kFront, ""), "front conversation id is empty");
  EXPECT_EQ(error_of(kFront, "a\r\nX-Evil: 1"), "front conversation id holds a control character");
  EXPECT_EQ(error_of(kFront, std::string(129, 'a')),
            "front conversation id is 129 bytes; at most 128");
  EXPECT_EQ(error_of(kZendesk, "../81"), "zendesk conversation id must be a number (digits only)");
  EXPECT_EQ(error_of(kZendesk, "1234567890123456789"),
            "zendesk conversation id must be a number of at most 18 digits");
}

TEST(NoteHostile, TextLimitsAndEmptiness) {
  EXPECT_EQ(error_of(kFront, "cnv_1", ""), "the note text is empty");
  EXPECT_EQ(error_of(kFront, "cnv_1", " \n\t "), "the note text is empty");
  EXPECT_EQ(error_of(kFront, "cnv_1", std::string(kMaxNoteBytes + 1, 'x')),
            "the note text is 16385 bytes; at most 16384");
  EXPECT_TRUE(build_note_request(kFront, "cnv_1", std::string(kMaxNoteBytes, 'x'), "tf-1").ok());
}

TEST(NoteHostile, InvalidUtf8BecomesReplacementCharacters) {
  auto r = build_note_request(kFront, "cnv_1", "bad \xC3\x28 bytes \xFF", "tf-1");
  ASSERT_TRUE(r.ok());
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(r->body.c_str());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_EQ(std::string(doc["body"].GetString()),
            "bad \xEF\xBF\xBD( bytes \xEF\xBF\xBD\n\ntactful ref tf-1");
}

// fuzz_notes's crasher: RapidJSON's SSE2 writer wrote a string's bytes 0x1A..0x1F unescaped
// (in 16-byte blocks), so the note body was not JSON. Every control byte is escaped now.
TEST(NoteHostile, ControlBytesInTheTextAreEscaped) {
  const std::string crasher(
      "a(\x1dtyp[\0\0\0"
      "699",
      13);
  for (const std::string& text :
       {crasher, std::string(40, 'a') + "\x1a\x1b\x1c\x1d\x1e\x1f" + std::string(40, 'b')}) {
    for (const NoteTarget& t : {kFront, kZendesk, kIntercom}) {
      auto r = build_note_request(t, "38341", text, "tf-1");
      ASSERT_TRUE(r.ok()) << r.error().message;
      rapidjson::Document doc;
      doc.Parse<rapidjson::kParseValidateEncodingFlag>(r->body.data(), r->body.size());
      EXPECT_FALSE(doc.HasParseError()) << r->body;
      for (const char c : r->body) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << r->body;
    }
  }
}

TEST(NoteHostile, HtmlVendorsGetEscapedText) {
  auto r = build_note_request(kIntercom, "5", "<script>alert('x')</script> & \"q\"", "tf-1");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"),
            std::string::npos)
      << r->body;
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);
}

TEST(NoteHostile, CredentialsAreCheckedAndNamed) {
  NoteTarget chatwoot{Vendor::chatwoot, "https://c.example.com", {{"account_id", "3"}}};
  EXPECT_EQ(error_of(chatwoot, "1"), "chatwoot credential 'api_access_token' is missing");
  chatwoot.credentials["api_access_token"] = "tok\r\nX-Injected: yes";
  EXPECT_EQ(error_of(chatwoot, "1"),
            "chatwoot credential 'api_access_token' holds a line break or control character");
  chatwoot.credentials = {{"api_access_token", "t"}, {"account_id", "3/../4"}};
  EXPECT_EQ(error_of(chatwoot, "1"),
            "chatwoot credential 'account_id' must be a number (digits only)");
  EXPECT_EQ(
      error_of({Vendor::zendesk, "https://a.zendesk.com", {}}, "1"),
      "zendesk credential 'email' is missing (give 'email' and 'api_token', or 'oauth_token')");
  EXPECT_EQ(error_of({Vendor::zendesk, "https://a.zendesk.com", {{"email", "a@b"}}}, "1"),
            "zendesk credential 'api_token' is missing (give 'email' and 'api_token', or "
            "'oauth_token')");
  EXPECT_EQ(error_of({Vendor::intercom, "", {{"access_token", "t"}}}, "1"),
            "intercom credential 'admin_id' is missing");
  EXPECT_EQ(error_of({Vendor::livechat, "", {{"account_id", "a"}}}, "1"),
            "livechat credential 'personal_access_token' is missing (give 'access_token', or "
            "'account_id' and 'personal_access_token')");
  EXPECT_EQ(error_of({Vendor::helpscout, "", {{"access_token", "t"}, {"user_id", "x"}}}, "1"),
            "helpscout credential 'user_id' must be a number (digits only)");
  EXPECT_TRUE(check_target(kZendesk).ok());
  EXPECT_EQ(check_target({Vendor::freshdesk, "https://a.freshdesk.com", {}}).error().message,
            "freshdesk credential 'api_key' is missing");
}

TEST(NoteHostile, BaseUrls) {
  auto with_base = [](std::string base) {
    return NoteTarget{Vendor::zammad, std::move(base), {{"api_token", "t"}}};
  };
  EXPECT_EQ(error_of(with_base(""), "1"),
            "base_url is required for zammad (the helpdesk's own address, e.g. "
            "https://support.example.com)");
  EXPECT_EQ(error_of(with_base("ftp://z.example.com"), "1"),
            "base_url must start with https:// or http://");
  EXPECT_EQ(error_of(with_base("https://user:pw@z.example.com"), "1"),
            "base_url must not carry credentials (user@host)");
  EXPECT_EQ(error_of(with_base("https://z.example.com/?x=1"), "1"),
            "base_url must not have a query or fragment");
  EXPECT_EQ(error_of(with_base("https://z.exam ple.com"), "1"),
            "base_url holds a character that is not allowed in a URL");
  EXPECT_EQ(error_of(with_base("https://"), "1"), "base_url has no host");
  auto ok = build_note_request(with_base("http://127.0.0.1:8080/zammad///"), "1", "hi", "tf-1");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->url, "http://127.0.0.1:8080/zammad/api/v1/ticket_articles");
}

TEST(NoteHostile, GenericVendorAndBadMarkersAreRefused) {
  EXPECT_EQ(error_of({Vendor::generic, "https://x.example.com", {}}, "1"),
            "the generic vendor has no note API: tactful cannot post notes to it");
  EXPECT_EQ(error_of(kFront, "cnv_1", "hi", ""), "the note marker must be 1-64 of [a-z0-9-]");
  EXPECT_EQ(error_of(kFront, "cnv_1", "hi", "tf\n1"), "the note marker must be 1-64 of [a-z0-9-]");
}

TEST(NoteMarker, StableDistinctAndFindable) {
  const std::string a = marker_for("acme-zendesk", "msg-1");
  EXPECT_EQ(a, marker_for("acme-zendesk", "msg-1"));
  EXPECT_NE(a, marker_for("acme-zendesk", "msg-2"));
  EXPECT_NE(marker_for("ab", "c"), marker_for("a", "bc"));
  ASSERT_EQ(a.size(), 19u);
  EXPECT_TRUE(a.starts_with("tf-"));
  const std::string posted = text_with_marker("Say sorry first.\n\n", a);
  EXPECT_EQ(posted, "Say sorry first.\n\ntactful ref " + a);
  EXPECT_TRUE(contains_marker(posted, a));
  EXPECT_TRUE(contains_marker("<p>tactful ref " + a + "</p>", a));
  EXPECT_FALSE(contains_marker("tactful ref " + a + "0", a));  // a longer token is not it
  EXPECT_FALSE(contains_marker("x" + a, a));
  EXPECT_FALSE(contains_marker("anything", ""));
  EXPECT_TRUE(has_any_marker(posted));
  EXPECT_FALSE(has_any_marker("tactful ref tf-0123"));
  EXPECT_FALSE(has_any_marker("tactful ref tf-0123456789ABCDEF"));
}

}  // namespace
}  // namespace tactful::notes
