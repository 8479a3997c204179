// The outbox's retry policy against a misbehaving fake vendor: backoff on 5xx (checking for
// the note before each retry), Retry-After on 429, timeouts, permanent 4xx, giving up, an
// unconfigured integration, a vendor whose list cannot be read, and Freshdesk's pages.
#include <thread>

#include "outbox_harness.h"
#include "tactful/timestamp.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;
using webhooks::Vendor;

milliseconds gap(const Recorded& a, const Recorded& b) {
  return std::chrono::duration_cast<milliseconds>(b.at - a.at);
}

TEST_F(OutboxTest, ServerErrorsAreRetriedWithBackoffAndCheckedFirst) {
  open(Vendor::zendesk);
  vendor->script({Step::fail(500), Step::fail(502)});
  enqueue("msg-1", "81");
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  const auto all = vendor->requests();
  ASSERT_EQ(all.size(), 5u);  // PUT 500, GET, PUT 502, GET, PUT ok
  EXPECT_TRUE(all[0].create && !all[1].create && all[2].create && !all[3].create && all[4].create);
  // Equal jitter never waits less than half the backoff: 25 ms, then 50 ms (base 50 ms).
  EXPECT_GE(gap(all[0], all[1]), milliseconds(25));
  EXPECT_GE(gap(all[2], all[3]), milliseconds(50));
  EXPECT_EQ(vendor->notes("81").size(), 1u);
  EXPECT_EQ(status_of("msg-1").attempts, 3);
  EXPECT_EQ(box->stats().retries, 2u);
}

TEST_F(OutboxTest, RateLimitsHonourRetryAfterSecondsWithoutReconciling) {
  open(Vendor::front);
  vendor->script({Step::rate_limited("1")});
  enqueue("msg-1", "cnv_1");
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  const auto creates = vendor->creates();
  ASSERT_EQ(creates.size(), 2u);
  EXPECT_GE(gap(creates[0], creates[1]), milliseconds(1000));
  EXPECT_TRUE(vendor->lists().empty());  // a 429 created nothing: no check needed
}

TEST_F(OutboxTest, RateLimitsHonourRetryAfterAsAnHttpDate) {
  open(Vendor::helpscout);
  const auto when = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
                    std::chrono::seconds(2);
  // IMF-fixdate, e.g. "Sun, 22 Nov 2026 10:00:02 GMT".
  const std::string rfc3339 = format_rfc3339(when);  // 2026-11-22T10:00:02Z
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(when)};
  const std::chrono::weekday wd{std::chrono::floor<std::chrono::days>(when)};
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const std::string date = std::string(kDays[wd.c_encoding()]) + ", " + rfc3339.substr(8, 2) + " " +
                           kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
                           rfc3339.substr(0, 4) + " " + rfc3339.substr(11, 8) + " GMT";
  vendor->script({Step::rate_limited(date)});
  const auto started = std::chrono::system_clock::now();
  enqueue("msg-1", "123");
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  ASSERT_EQ(vendor->creates().size(), 2u);
  // The retry came no earlier than the date (to the second the header can express).
  EXPECT_GE(std::chrono::system_clock::now(), when);
  EXPECT_GE(std::chrono::system_clock::now() - started, milliseconds(900));
}

TEST_F(OutboxTest, ClientErrorsFailAtOnceWithTheVendorsReason) {
  open(Vendor::intercom);
  vendor->always(Step::fail(
      404,
      R"({"type":"error.list","errors":[{"code":"not_found","message":"Resource Not Found"}]})"));
  enqueue("msg-1", "5");
  ASSERT_TRUE(wait_state("msg-1", "failed"));
  EXPECT_EQ(status_of("msg-1").last_error, "HTTP 404 from intercom: not_found: Resource Not Found");
  EXPECT_EQ(vendor->creates().size(), 1u);
  EXPECT_EQ(box->stats().failed_rejected, 1u);
  bool logged = false;
  for (const auto& line : log_lines())
    logged = logged || (line.starts_with("error note_failed") &&
                        line.find("Resource Not Found") != std::string::npos &&
                        line.find("ic-token") == std::string::npos);
  EXPECT_TRUE(logged);
}

TEST_F(OutboxTest, TimeoutsAreRetried) {
  open(Vendor::chatwoot);
  vendor->script({Step::hang_before_storing(), Step::hang_before_storing()});
  enqueue("msg-1");
  ASSERT_TRUE(wait_state("msg-1", "delivered")) << status_of("msg-1").last_error;
  EXPECT_EQ(vendor->creates().size(), 3u);
  EXPECT_EQ(vendor->notes("42").size(), 1u);
  EXPECT_EQ(status_of("msg-1").attempts, 3);
}

TEST_F(OutboxTest, GivesUpAfterTheConfiguredAgeAndRecordsIt) {
  auto s = fast_settings();
  s.give_up_after = milliseconds(1200);
  open(Vendor::zammad, s);
  vendor->always(Step::fail(503));
  enqueue("msg-1", "81");
  ASSERT_TRUE(wait_state("msg-1", "failed"));
  const auto st = status_of("msg-1");
  EXPECT_TRUE(st.last_error.starts_with("gave up after ")) << st.last_error;
  EXPECT_NE(st.last_error.find("HTTP 503 from zammad"), std::string::npos) << st.last_error;
  EXPECT_GE(vendor->creates().size(), 3u);
  EXPECT_EQ(box->stats().failed_gave_up, 1u);
  EXPECT_EQ(box->stats().pending, 0u);
}

TEST_F(OutboxTest, AnUnconfiguredIntegrationIsRefusedAndQueuedNotesWait) {
  open(Vendor::front);
  resolvable = false;
  auto refused = box->enqueue(note("msg-1", "cnv_1"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "integration 'acme' is not configured for notes");
  // Configured at enqueue, removed before delivery: the note waits, then goes out once the
  // integration is back.
  resolvable = true;
  restart(false);
  enqueue("msg-2", "cnv_1");
  resolvable = false;
  box->start();
  ASSERT_TRUE(vendor->wait_for(
      [&] { return status_of("msg-2").attempts >= 2 && status_of("msg-2").state == "pending"; },
      milliseconds(5000)));
  EXPECT_EQ(status_of("msg-2").last_error, "integration 'acme' is not configured for notes");
  EXPECT_TRUE(vendor->creates().empty());
  resolvable = true;
  ASSERT_TRUE(wait_state("msg-2", "delivered"));
  EXPECT_EQ(vendor->creates().size(), 1u);
}

TEST_F(OutboxTest, AnUncertainNoteWhoseListCannotBeReadIsFailedNotReposted) {
  open(Vendor::freshdesk);
  vendor->script({Step::fail(500)});
  vendor->fail_lists(403);
  enqueue("msg-1", "20");
  ASSERT_TRUE(wait_state("msg-1", "failed"));
  const auto st = status_of("msg-1");
  EXPECT_NE(st.last_error.find("may have created the note"), std::string::npos) << st.last_error;
  EXPECT_NE(st.last_error.find("HTTP 403 from freshdesk"), std::string::npos) << st.last_error;
  EXPECT_EQ(vendor->creates().size(), 1u);
  EXPECT_EQ(box->stats().failed_unverifiable, 1u);
}

TEST_F(OutboxTest, ListFailuresThatMayPassAreRetried) {
  open(Vendor::front);
  vendor->script({Step::fail(504)});
  vendor->fail_lists(503);
  enqueue("msg-1", "cnv_1");
  ASSERT_TRUE(vendor->wait_for(
      [&] { return vendor->lists().size() >= 2 && status_of("msg-1").state == "pending"; },
      milliseconds(5000)));
  EXPECT_TRUE(status_of("msg-1").uncertain);
  vendor->fail_lists(0);
  ASSERT_TRUE(wait_state("msg-1", "delivered"));
  EXPECT_EQ(vendor->creates().size(), 2u);
}

TEST_F(OutboxTest, FreshdeskReconcilesAcrossPages) {
  open(Vendor::freshdesk);
  vendor->page_size(1);
  enqueue("msg-1", "20");
  enqueue("msg-2", "20");
  ASSERT_TRUE(wait_state("msg-1", "delivered"));
  ASSERT_TRUE(wait_state("msg-2", "delivered"));
  vendor->script({Step::store_then_hang()});
  enqueue("msg-3", "20");  // stored third: on page 3 of 1-item pages
  ASSERT_TRUE(wait_state("msg-3", "delivered")) << status_of("msg-3").last_error;
  EXPECT_EQ(status_of("msg-3").delivered_via, "reconciled");
  EXPECT_EQ(vendor->lists().size(), 3u);
  EXPECT_EQ(vendor->lists()[2].target, "/api/v2/tickets/20/conversations?per_page=100&page=3");
  EXPECT_EQ(vendor->notes("20").size(), 3u);
}

}  // namespace
}  // namespace tactful::testing
