// The outbox's pure parts and its table: backoff bounds, settings checks, idempotent and
// validated enqueue, durability across a reopen, and the metrics it renders.
#include <thread>

#include "backoff.h"
#include "outbox_harness.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using webhooks::Vendor;

TEST(OutboxBackoff, EqualJitterDoublingToTheCap) {
  outbox::Settings s;
  s.backoff_base = milliseconds(1000);
  s.backoff_max = milliseconds(8000);
  const outbox::Backoff b(s);
  EXPECT_EQ(b.delay(1, std::nullopt, 0.0), milliseconds(500));
  EXPECT_EQ(b.delay(1, std::nullopt, 0.999999), milliseconds(999));
  EXPECT_EQ(b.delay(2, std::nullopt, 0.0), milliseconds(1000));
  EXPECT_EQ(b.delay(3, std::nullopt, 0.5), milliseconds(3000));
  EXPECT_EQ(b.delay(4, std::nullopt, 1.0), milliseconds(8000));
  EXPECT_EQ(b.delay(60, std::nullopt, 1.0), milliseconds(8000));  // capped, no overflow
  EXPECT_EQ(b.delay(1000000, std::nullopt, 0.0), milliseconds(4000));
  // The vendor's wait wins when longer, the backoff when the vendor asks for less.
  EXPECT_EQ(b.delay(1, seconds(30), 0.0), milliseconds(30000));
  EXPECT_EQ(b.delay(4, seconds(1), 0.0), milliseconds(4000));
  EXPECT_EQ(b.delay(1, seconds(0), 0.0), milliseconds(500));
}

TEST(OutboxSettings, RefusedWithTheKeyNamed) {
  auto error = [](auto tweak) {
    outbox::Settings s;
    tweak(s);
    auto r = outbox::validate(s);
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_EQ(error([](auto&) {}), "(ok)");
  EXPECT_EQ(error([](auto& s) { s.workers = 0; }), "outbox.workers must be 1 to 64");
  EXPECT_EQ(error([](auto& s) { s.timeout = milliseconds(0); }),
            "outbox.timeout_ms must be positive");
  EXPECT_EQ(error([](auto& s) { s.backoff_base = milliseconds(0); }),
            "outbox.backoff_base_ms must be positive");
  EXPECT_EQ(error([](auto& s) { s.backoff_max = milliseconds(10); }),
            "outbox.backoff_max_ms must be at least outbox.backoff_base_ms");
  EXPECT_EQ(error([](auto& s) { s.give_up_after = milliseconds(0); }),
            "outbox.give_up_after_ms must be positive");
}

TEST_F(OutboxTest, EnqueueIsIdempotentPerSourceMessage) {
  open(Vendor::chatwoot);
  auto first = box->enqueue(note("msg-1"));
  auto again = box->enqueue(note("msg-1", "42", "a different text"));
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_FALSE(first->duplicate);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(first->id, again->id);
  ASSERT_TRUE(wait_state("msg-1", "delivered"));
  // A replayed webhook after delivery adds nothing either.
  auto replay = box->enqueue(note("msg-1"));
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->duplicate);
  std::this_thread::sleep_for(milliseconds(200));
  EXPECT_EQ(vendor->creates().size(), 1u);
  EXPECT_EQ(box->stats().queued, 1u);
  EXPECT_EQ(box->stats().duplicates, 2u);
}

TEST_F(OutboxTest, EnqueueRefusesBadNotesWithClearErrors) {
  open(Vendor::zendesk, fast_settings(), false);
  auto error = [&](outbox::PendingNote n) {
    auto r = box->enqueue(n);
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_EQ(error(note("msg-1", "../81")),
            "zendesk conversation id must be a number (digits only)");
  EXPECT_EQ(error(note("msg-1", "81", "")), "the note text is empty");
  EXPECT_EQ(error(note("msg-1", "81", std::string(20000, 'x'))),
            "the note text is 20000 bytes; at most 16384");
  EXPECT_EQ(error(note("", "81")), "source message id is empty");
  EXPECT_EQ(error(note(std::string(300, 'm'), "81")),
            "source message id is 300 bytes; at most 256");
  EXPECT_EQ(error({"", "81", "m", "t"}), "integration is empty");
  EXPECT_EQ(error({"acme\n", "81", "m", "t"}), "integration holds a control character");
  auto t = target();
  t.credentials.erase("api_token");
  set_target(t);
  EXPECT_EQ(error(note("msg-1", "81")),
            "zendesk credential 'api_token' is missing (give 'email' and 'api_token', or "
            "'oauth_token')");
  EXPECT_EQ(box->stats().pending, 0u);  // nothing refused was stored
}

TEST_F(OutboxTest, AStoppedOutboxDoesNotStartAgain) {
  open(Vendor::front, fast_settings(), false);
  box->stop();
  box->start();  // ignored: stop() is final for this object
  enqueue("msg-1", "cnv_1");
  std::this_thread::sleep_for(milliseconds(300));
  EXPECT_EQ(status_of("msg-1").state, "pending");
  EXPECT_TRUE(vendor->creates().empty());
}

TEST_F(OutboxTest, QueuedNotesSurviveARestartAndAreThenDelivered) {
  open(Vendor::front, fast_settings(), false);  // not started: nothing is sent yet
  enqueue("msg-1", "cnv_1");
  enqueue("msg-2", "cnv_2");
  EXPECT_EQ(box->stats().pending, 2u);
  restart();
  ASSERT_TRUE(wait_state("msg-1", "delivered"));
  ASSERT_TRUE(wait_state("msg-2", "delivered"));
  EXPECT_EQ(vendor->notes("cnv_1").size(), 1u);
  EXPECT_EQ(vendor->notes("cnv_2").size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "data" / "outbox.db"));
}

TEST_F(OutboxTest, AnUnreachableVendorIsRetriedWithoutReconcilingThenDelivered) {
  open(Vendor::helpscout);
  const auto live = target();
  {  // a port nothing listens on: connection refused, the request never left
    FakeVendor gone(Vendor::helpscout);
    auto t = live;
    t.base_url = gone.base_url();
    set_target(t);
  }
  enqueue("msg-1", "123");
  ASSERT_TRUE(vendor->wait_for(
      [&] { return status_of("msg-1").attempts >= 2 && status_of("msg-1").state == "pending"; },
      milliseconds(5000)));
  const auto st = status_of("msg-1");
  EXPECT_FALSE(st.uncertain) << st.last_error;
  EXPECT_NE(st.last_error.find("Failed to connect"), std::string::npos) << st.last_error;
  set_target(live);
  ASSERT_TRUE(wait_state("msg-1", "delivered"));
  EXPECT_TRUE(vendor->lists().empty());
}

TEST_F(OutboxTest, MetricsCountEveryOutcome) {
  open(Vendor::front);
  vendor->script({Step::fail(500), Step::fail(403)});
  enqueue("msg-1", "cnv_1");  // 500: retried (after a check), then 403: failed
  ASSERT_TRUE(wait_state("msg-1", "failed"));
  enqueue("msg-2", "cnv_2");  // delivered
  ASSERT_TRUE(wait_state("msg-2", "delivered"));
  ASSERT_TRUE(box->enqueue(note("msg-2")).ok());  // a duplicate
  const std::string m = box->render_metrics();
  EXPECT_NE(m.find("# TYPE tactful_outbox_pending gauge\ntactful_outbox_pending 0\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("tactful_outbox_queued_total 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("tactful_outbox_duplicates_total 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("tactful_outbox_retries_total 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("tactful_outbox_delivered_total{via=\"post\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("tactful_outbox_failed_total{reason=\"rejected\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("tactful_outbox_failed_total{reason=\"gave_up\"} 0\n"), std::string::npos) << m;
}

}  // namespace
}  // namespace tactful::testing
