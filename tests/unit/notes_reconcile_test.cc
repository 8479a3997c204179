// Finding a posted note's marker in each vendor's list answer (shapes from the vendors' API
// references, see docs/notes.md), and refusing malformed or hostile answers.
#include <gtest/gtest.h>

#include "tactful/adapters/notes/reconcile.h"

namespace tactful::notes {
namespace {

using webhooks::Headers;
using webhooks::Vendor;

constexpr std::string_view kMarker = "tf-00112233aabbccdd";

struct Case {
  NoteTarget target;
  std::string with_note;    // the marker in a private note
  std::string public_only;  // the marker only where a customer could see it (not a note)
  std::string without;      // notes, none with the marker
};

std::vector<Case> cases() {
  return {
      {{Vendor::chatwoot,
        "https://c.example.com",
        {{"api_access_token", "t"}, {"account_id", "1"}}},
       R"({"meta":{},"payload":[{"id":1,"content":"hi","private":false},{"id":2,"content":"Say sorry.\n\ntactful ref tf-00112233aabbccdd","private":true}]})",
       R"({"meta":{},"payload":[{"id":1,"content":"tactful ref tf-00112233aabbccdd","private":false}]})",
       R"({"meta":{},"payload":[{"id":2,"content":"other note","private":true}]})"},
      {{Vendor::zendesk, "https://a.zendesk.com", {{"oauth_token", "t"}}},
       R"({"comments":[{"id":9,"body":"tactful ref tf-00112233aabbccdd","public":false}],"next_page":null})",
       R"({"comments":[{"id":9,"body":"tactful ref tf-00112233aabbccdd","public":true}]})",
       R"({"comments":[{"id":9,"body":"x","html_body":"<p>x</p>","public":false}]})"},
      {{Vendor::intercom, "", {{"access_token", "t"}, {"admin_id", "1"}}},
       R"({"type":"conversation","id":"5","conversation_parts":{"type":"conversation_part.list","conversation_parts":[{"part_type":"note","body":"<p>tactful ref tf-00112233aabbccdd</p>"}],"total_count":1}})",
       R"({"conversation_parts":{"conversation_parts":[{"part_type":"comment","body":"<p>tactful ref tf-00112233aabbccdd</p>"}]}})",
       R"({"conversation_parts":{"conversation_parts":[{"part_type":"note","body":"<p>x</p>"}]}})"},
      {{Vendor::front, "", {{"api_token", "t"}}},
       R"({"_pagination":{},"_results":[{"id":"com_1","body":"tactful ref tf-00112233aabbccdd"}]})",
       R"({"_results":[{"id":"com_1","body":"about tf-00112233aabbccddee"}]})",
       R"({"_results":[{"id":"com_1","body":"x"}]})"},
      {{Vendor::freshdesk, "https://a.freshdesk.com", {{"api_key", "k"}}},
       R"([{"id":1,"body":"<div>x</div>","body_text":"x","private":false},{"id":2,"body":"<div>tactful ref tf-00112233aabbccdd</div>","private":true}])",
       R"([{"id":1,"body_text":"tactful ref tf-00112233aabbccdd","private":false}])",
       R"([{"id":2,"body_text":"x","private":true}])"},
      {{Vendor::zammad, "https://z.example.com", {{"api_token", "t"}}},
       R"([{"id":1,"body":"tactful ref tf-00112233aabbccdd","internal":true,"type":"note"}])",
       R"([{"id":1,"body":"tactful ref tf-00112233aabbccdd","internal":false,"type":"email"}])",
       R"([{"id":1,"body":"x","internal":true}])"},
      {{Vendor::helpscout, "", {{"access_token", "t"}}},
       R"({"_embedded":{"threads":[{"id":1,"type":"note","body":"tactful ref tf-00112233aabbccdd"}]}})",
       R"({"_embedded":{"threads":[{"id":1,"type":"reply","body":"tactful ref tf-00112233aabbccdd"}]}})",
       R"({"_embedded":{"threads":[{"id":1,"type":"note","body":"x"}]}})"},
      {{Vendor::livechat, "", {{"access_token", "t"}}},
       R"({"id":"PJ0","thread":{"id":"K6","events":[{"id":"e1","type":"message","text":"tactful ref tf-00112233aabbccdd","visibility":"agents"}]}})",
       R"({"id":"PJ0","thread":{"events":[{"type":"message","text":"tactful ref tf-00112233aabbccdd","visibility":"all"}]}})",
       R"({"id":"PJ0","thread":{"events":[{"type":"message","text":"x","visibility":"agents"}]}})"},
  };
}

Result<ListPage> find(const NoteTarget& t, std::string_view body, const Headers& h = {}) {
  auto request = build_list_request(t, t.vendor == Vendor::front ? "cnv_1" : "1");
  EXPECT_TRUE(request.ok());
  return find_marker(t, request.value(), h, body, kMarker);
}

TEST(NoteReconcile, EveryVendorFindsOnlyItsPrivateNote) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(std::string(webhooks::vendor_name(c.target.vendor)));
    auto found = find(c.target, c.with_note);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_TRUE(found->found);
    auto public_only = find(c.target, c.public_only);
    ASSERT_TRUE(public_only.ok()) << public_only.error().message;
    EXPECT_FALSE(public_only->found);
    auto without = find(c.target, c.without);
    ASSERT_TRUE(without.ok()) << without.error().message;
    EXPECT_FALSE(without->found);
    EXPECT_EQ(without->notes_seen, 1u);
    EXPECT_FALSE(without->next.has_value());
  }
}

TEST(NoteReconcile, EmptyHalListsAreEmpty) {
  const NoteTarget hs{Vendor::helpscout, "", {{"access_token", "t"}}};
  auto r = find(hs, R"({"page":{"size":25,"totalElements":0}})");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->found);
  const NoteTarget lc{Vendor::livechat, "", {{"access_token", "t"}}};
  ASSERT_TRUE(find(lc, R"({"id":"PJ0","users":[]})").ok());
}

TEST(NoteReconcile, FreshdeskFollowsItsLinkHeaderOnlyUnderTheBaseUrl) {
  const NoteTarget fd{Vendor::freshdesk, "https://a.freshdesk.com/", {{"api_key", "k"}}};
  const std::string next =
      "https://a.freshdesk.com/api/v2/tickets/1/conversations?per_page=100&page=2";
  auto r = find(fd, "[]", Headers{{"Link", "<" + next + ">; rel=\"next\""}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->next.has_value());
  EXPECT_EQ(r->next->url, next);
  EXPECT_EQ(r->next->header("Authorization"), "Basic azpY");  // base64("k:X"), kept
  r = find(fd, "[]", Headers{{"Link", "<https://evil.example.com/steal>; rel=\"next\""}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "freshdesk notes list: the next page is not under base_url; not followed");
  r = find(fd, "[]", Headers{{"Link", "<https://a.freshdesk.com.evil.com/x>; rel=\"next\""}});
  EXPECT_FALSE(r.ok());
  r = find(fd, "[]", Headers{{"Link", "<" + next + ">; rel=\"prev\""}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->next.has_value());
}

TEST(NoteReconcile, MalformedAndHostileAnswersAreErrors) {
  const NoteTarget zd{Vendor::zendesk, "https://a.zendesk.com", {{"oauth_token", "t"}}};
  EXPECT_EQ(
      find(zd, "{\"comments\": [").error().message.rfind("zendesk notes list: invalid JSON", 0),
      0u);
  EXPECT_EQ(find(zd, R"({"comments":"nope"})").error().message,
            "zendesk notes list: the list of notes is missing");
  EXPECT_EQ(find(zd, "[]").error().message, "zendesk notes list: the list of notes is missing");
  EXPECT_FALSE(find(zd, std::string(200000, '[')).ok());  // deep nesting: an error, no crash
  EXPECT_FALSE(find(zd, "{\"comments\":[{\"body\":\"\xFF\"}]}").ok());  // invalid UTF-8
  const std::string big = R"({"comments":[{"body":")" + std::string(kMaxListBytes, 'a') + "\"}]}";
  EXPECT_NE(find(zd, big).error().message.find("is more than"), std::string::npos);
  // Items of the wrong type are skipped, not trusted.
  auto r = find(
      zd,
      R"({"comments":[1,"tactful ref tf-00112233aabbccdd",{"public":"false","body":"tactful ref tf-00112233aabbccdd"}]})");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->found);
}

}  // namespace
}  // namespace tactful::notes
