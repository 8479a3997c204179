// Judging vendors' answers: verdicts per status, Retry-After in every form, the vendors' own
// rate-limit headers, their error bodies (quoted briefly and safely) and created note ids.
#include <gtest/gtest.h>

#include "tactful/adapters/notes/response.h"
#include "tactful/timestamp.h"

namespace tactful::notes {
namespace {

using std::chrono::seconds;
using webhooks::Headers;
using webhooks::Vendor;

const std::chrono::sys_seconds kNow = *parse_rfc3339("2026-11-22T10:00:00Z");

TEST(NoteVerdict, PerStatus) {
  EXPECT_EQ(judge_status(Vendor::front, 200), Verdict::delivered);
  EXPECT_EQ(judge_status(Vendor::helpscout, 201), Verdict::delivered);
  EXPECT_EQ(judge_status(Vendor::front, 429), Verdict::retry);
  EXPECT_EQ(judge_status(Vendor::front, 503), Verdict::retry);
  EXPECT_EQ(judge_status(Vendor::front, 408), Verdict::retry);
  EXPECT_EQ(judge_status(Vendor::front, 500), Verdict::uncertain);
  EXPECT_EQ(judge_status(Vendor::front, 502), Verdict::uncertain);
  EXPECT_EQ(judge_status(Vendor::front, 504), Verdict::uncertain);
  EXPECT_EQ(judge_status(Vendor::zendesk, 409), Verdict::retry);
  EXPECT_EQ(judge_status(Vendor::front, 409), Verdict::rejected);
  for (int s : {301, 302, 400, 401, 403, 404, 410, 413, 422, 100, 0, 600})
    EXPECT_EQ(judge_status(Vendor::chatwoot, s), Verdict::rejected) << s;
}

TEST(RetryAfter, SecondsAndTheThreeDateForms) {
  EXPECT_EQ(parse_retry_after("120", kNow), seconds(120));
  EXPECT_EQ(parse_retry_after(" 0 ", kNow), seconds(0));
  EXPECT_EQ(parse_retry_after("Sun, 22 Nov 2026 10:01:30 GMT", kNow), seconds(90));
  EXPECT_EQ(parse_retry_after("Sunday, 22-Nov-26 10:00:05 GMT", kNow), seconds(5));
  EXPECT_EQ(parse_retry_after("Sun Nov 22 10:00:07 2026", kNow), seconds(7));
  EXPECT_EQ(parse_retry_after("Sun Nov  2 10:00:00 2026", kNow), seconds(0));  // in the past
  EXPECT_EQ(parse_retry_after("Mon, 01 Jan 2024 00:00:00 GMT", kNow), seconds(0));
}

TEST(RetryAfter, MalformedValuesAreIgnored) {
  for (std::string_view bad :
       {"", "-1", "1.5", "abc", "12abc", "99999999999999", "Sun, 31 Feb 2026 10:00:00 GMT",
        "Sun, 22 Nov 2026 25:00:00 GMT", "Sun, 22 Foo 2026 10:00:00 GMT",
        "Sun, 22 Nov 2026 10:00:00", "Sun, 22 Nov 9999 10:00:00 GMT", "\xFF\xFE"})
    EXPECT_FALSE(parse_retry_after(bad, kNow).has_value()) << bad;
}

TEST(RetryAfter, VendorHeaders) {
  EXPECT_EQ(requested_wait(Vendor::zendesk, 429, Headers{{"Retry-After", "93"}}, kNow),
            seconds(93));
  EXPECT_EQ(
      requested_wait(Vendor::helpscout, 429, Headers{{"X-RateLimit-Retry-After", "12"}}, kNow),
      seconds(12));
  const Headers reset{{"X-RateLimit-Reset", std::to_string(kNow.time_since_epoch().count() + 8)}};
  EXPECT_EQ(requested_wait(Vendor::intercom, 429, reset, kNow), seconds(8));
  EXPECT_EQ(requested_wait(Vendor::front, 429, reset, kNow), seconds(8));
  EXPECT_FALSE(requested_wait(Vendor::zendesk, 429, reset, kNow).has_value());
  EXPECT_FALSE(requested_wait(Vendor::intercom, 200, reset, kNow).has_value());
  // Retry-After wins over the vendor's header.
  EXPECT_EQ(requested_wait(Vendor::front, 429,
                           Headers{{"retry-after", "3"}, {"X-RateLimit-Reset", "1"}}, kNow),
            seconds(3));
}

TEST(VendorError, EachVendorsShape) {
  EXPECT_EQ(
      vendor_error(
          Vendor::intercom,
          R"({"type":"error.list","request_id":"r1","errors":[{"code":"not_found","message":"Resource Not Found"}]})"),
      "not_found: Resource Not Found");
  EXPECT_EQ(
      vendor_error(
          Vendor::front,
          R"({"_error":{"status":404,"title":"Not found","message":"Unknown conversation"}})"),
      "Unknown conversation");
  EXPECT_EQ(vendor_error(Vendor::zendesk,
                         R"({"error":"RecordInvalid","description":"Record validation errors"})"),
            "RecordInvalid: Record validation errors");
  EXPECT_EQ(vendor_error(Vendor::zendesk,
                         R"({"error":{"title":"Forbidden","message":"You do not have access"}})"),
            "You do not have access");
  EXPECT_EQ(
      vendor_error(
          Vendor::freshdesk,
          R"({"description":"Validation failed","errors":[{"field":"body","message":"It should be a String","code":"datatype_mismatch"}]})"),
      "body: It should be a String");
  EXPECT_EQ(vendor_error(Vendor::zammad,
                         R"({"error":"Not authorized","error_human":"Not authorized (token)!"})"),
            "Not authorized (token)!");
  EXPECT_EQ(
      vendor_error(
          Vendor::helpscout,
          R"({"logRef":"x","message":"Bad request","_embedded":{"errors":[{"path":"text","message":"may not be empty"}]}})"),
      "Bad request (text: may not be empty)");
  EXPECT_EQ(vendor_error(Vendor::livechat,
                         R"({"error":{"type":"too_many_requests","message":"Too many requests"}})"),
            "too_many_requests: Too many requests");
  EXPECT_EQ(vendor_error(Vendor::chatwoot, R"({"error":"Invalid Access Token"})"),
            "Invalid Access Token");
  EXPECT_EQ(
      vendor_error(Vendor::chatwoot, R"({"message":"x","errors":["Content can't be blank"]})"),
      "Content can't be blank");
}

TEST(VendorError, BoundedOneLineAndNeverHtml) {
  EXPECT_EQ(vendor_error(Vendor::zendesk, "You have exceeded the rate limit\nfor updating a user."),
            "You have exceeded the rate limit for updating a user.");
  EXPECT_EQ(vendor_error(Vendor::front, "<html><body>502 Bad Gateway</body></html>"), "");
  EXPECT_EQ(vendor_error(Vendor::front, ""), "");
  EXPECT_EQ(vendor_error(Vendor::front, "{\"_error\": 5"), "");  // broken JSON: not quoted
  const std::string huge = R"({"message":")" + std::string(10000, 'a') + "\"}";
  const std::string e = vendor_error(Vendor::chatwoot, huge);
  EXPECT_LE(e.size(), 203u);
  EXPECT_TRUE(e.ends_with("..."));
  EXPECT_EQ(vendor_error(Vendor::chatwoot, "bad \xFF\x01 bytes"), "bad \xEF\xBF\xBD bytes");
  EXPECT_EQ(vendor_error(Vendor::chatwoot, std::string(100000, '[')), "");
}

TEST(JudgeAnswer, ReasonsRetryAfterAndCreatedIds) {
  auto j = judge_answer(Vendor::zendesk, 429, Headers{{"Retry-After", "7"}}, "Rate limited", kNow);
  EXPECT_EQ(j.verdict, Verdict::retry);
  EXPECT_EQ(j.retry_after, seconds(7));
  EXPECT_EQ(j.reason, "HTTP 429 from zendesk: Rate limited");
  j = judge_answer(Vendor::front, 404, Headers{{"Retry-After", "7"}},
                   R"({"_error":{"message":"Unknown conversation"}})", kNow);
  EXPECT_EQ(j.verdict, Verdict::rejected);
  EXPECT_FALSE(j.retry_after.has_value());
  EXPECT_EQ(j.reason, "HTTP 404 from front: Unknown conversation");
  j = judge_answer(Vendor::zammad, 301, Headers{{"Location", "https://new.example.com/api"}}, "",
                   kNow);
  EXPECT_EQ(j.reason,
            "HTTP 301 from zammad: redirected to https://new.example.com/api (check base_url)");

  auto id = [](Vendor v, std::string body, Headers h = {}) {
    return judge_answer(v, 201, h, body, kNow).vendor_ref;
  };
  EXPECT_EQ(id(Vendor::chatwoot, R"({"id":4711,"content":"x"})"), "4711");
  EXPECT_EQ(id(Vendor::front, R"({"id":"com_1a2b"})"), "com_1a2b");
  EXPECT_EQ(id(Vendor::livechat, R"({"event_id":"K600PKZON8"})"), "K600PKZON8");
  EXPECT_EQ(id(Vendor::helpscout, "", Headers{{"Resource-ID", "991"}}), "991");
  EXPECT_EQ(
      id(Vendor::zendesk,
         R"({"ticket":{"id":81},"audit":{"id":5,"events":[{"type":"Change","id":6},{"type":"Comment","id":7}]}})"),
      "7");
  EXPECT_EQ(
      id(Vendor::intercom,
         R"({"id":"5","conversation_parts":{"conversation_parts":[{"id":"1"},{"id":"99"}]}})"),
      "99");
  EXPECT_EQ(id(Vendor::freshdesk, "not json"), "");
  EXPECT_EQ(id(Vendor::zammad, R"({"id":{"nested":true}})"), "");
}

}  // namespace
}  // namespace tactful::notes
