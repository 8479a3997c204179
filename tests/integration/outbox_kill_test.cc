// The outbox in a process that is SIGKILLed mid-delivery and started again on the same data
// directory: the fake vendor ends with exactly one note per enqueued item. Also SIGTERM: a
// graceful stop leaves unsent notes queued and loses none.
#include <random>
#include <thread>

#include "child_process.h"
#include "fake_vendor.h"
#include "fixture.h"
#include "tactful/adapters/notes/marker.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;
using webhooks::Vendor;

// Runs the driver: DATA_DIR VENDOR BASE_URL COUNT TIMEOUT_MS.
std::unique_ptr<Child> driver(const TempDir& dir, const FakeVendor& vendor, Vendor v, int count,
                              int timeout_ms) {
  return std::make_unique<Child>(
      std::vector<std::string>{(dir.path() / "data").string(),
                               std::string(webhooks::vendor_name(v)), vendor.base_url(),
                               std::to_string(count), std::to_string(timeout_ms)},
      std::vector<std::string>{}, TACTFUL_OUTBOX_DRIVER);
}

// How many stored notes carry each item's marker; every entry should be exactly 1.
std::vector<int> copies_per_item(const FakeVendor& vendor, int count) {
  std::vector<int> copies(static_cast<std::size_t>(count), 0);
  for (const std::string& text : vendor.all_notes())
    for (int i = 0; i < count; ++i)
      if (notes::contains_marker(text, notes::marker_for("kill-test", "msg-" + std::to_string(i))))
        ++copies[static_cast<std::size_t>(i)];
  return copies;
}

// Runs the driver until it has delivered everything; returns its last stdout line.
std::string run_to_completion(const TempDir& dir, const FakeVendor& vendor, Vendor v, int count) {
  auto child = driver(dir, vendor, v, count, 1000);
  const std::string out = child->read_out_until("idle");
  EXPECT_EQ(child->wait_exit(), 0) << child->read_err_until("<EOF>");
  return out;
}

class OutboxKillTest : public ::testing::TestWithParam<Vendor> {};

TEST_P(OutboxKillTest, KilledWhileTheVendorHoldsAStoredNoteThenRestarted) {
  const Vendor v = GetParam();
  TempDir dir;
  FakeVendor vendor(v);
  constexpr int kCount = 8;
  // The third note is stored by the vendor, whose answer never comes: the crash window between
  // the vendor creating the note and tactful recording it.
  vendor.script({Step::ok(), Step::ok(), Step::store_then_hang()});
  {
    auto child = driver(dir, vendor, v, kCount, 10000);
    ASSERT_TRUE(vendor.wait_for([&] { return vendor.hanging() == 1; }, milliseconds(15000)));
    child->signal(SIGKILL);
    EXPECT_EQ(child->wait_exit(), 128 + SIGKILL);
  }
  vendor.release_hangs();
  const std::size_t posted_before = vendor.creates().size();
  EXPECT_GE(posted_before, 3u);
  const std::string out = run_to_completion(dir, vendor, v, kCount);
  EXPECT_NE(out.find("failed=0"), std::string::npos) << out;
  EXPECT_EQ(copies_per_item(vendor, kCount), std::vector<int>(kCount, 1));
  EXPECT_EQ(vendor.all_notes().size(), static_cast<std::size_t>(kCount));
  // Nothing the vendor had already stored was posted again.
  EXPECT_EQ(vendor.creates().size(), static_cast<std::size_t>(kCount));
  EXPECT_GE(vendor.lists().size(), 1u);  // the held note was looked up, not re-posted
}

TEST_P(OutboxKillTest, KilledAtRandomMomentsManyTimes) {
  const Vendor v = GetParam();
  TempDir dir;
  FakeVendor vendor(v);
  vendor.answer_delay(milliseconds(30));  // every POST is in flight for a while
  constexpr int kCount = 12;
  std::mt19937 rng(std::random_device{}());
  for (int round = 0; round < 4; ++round) {
    auto child = driver(dir, vendor, v, kCount, 1000);
    child->read_out_until("enqueued");
    std::this_thread::sleep_for(milliseconds(std::uniform_int_distribution<int>(20, 200)(rng)));
    child->signal(SIGKILL);
    child->wait_exit();
  }
  const std::string out = run_to_completion(dir, vendor, v, kCount);
  EXPECT_NE(out.find("failed=0"), std::string::npos) << out;
  EXPECT_EQ(copies_per_item(vendor, kCount), std::vector<int>(kCount, 1));
  EXPECT_EQ(vendor.all_notes().size(), static_cast<std::size_t>(kCount));
}

TEST_P(OutboxKillTest, SigtermStopsGracefullyAndLosesNothing) {
  const Vendor v = GetParam();
  TempDir dir;
  FakeVendor vendor(v);
  constexpr int kCount = 6;
  vendor.script({Step::hang_before_storing()});  // one request is in flight at SIGTERM
  {
    auto child = driver(dir, vendor, v, kCount, 3000);
    ASSERT_TRUE(vendor.wait_for([&] { return vendor.hanging() == 1; }, milliseconds(15000)));
    child->signal(SIGTERM);
    const std::string out = child->read_out_until("stopped");
    EXPECT_EQ(child->wait_exit(), 0);
    EXPECT_NE(out.find("stopped pending="), std::string::npos) << out;
    EXPECT_EQ(out.find("stopped pending=0"), std::string::npos) << out;  // the hung one waits
  }
  vendor.release_hangs();
  const std::string out = run_to_completion(dir, vendor, v, kCount);
  EXPECT_NE(out.find("failed=0"), std::string::npos) << out;
  EXPECT_EQ(copies_per_item(vendor, kCount), std::vector<int>(kCount, 1));
}

INSTANTIATE_TEST_SUITE_P(Vendors, OutboxKillTest,
                         ::testing::Values(Vendor::zendesk, Vendor::front, Vendor::livechat),
                         [](const auto& info) {
                           return std::string(webhooks::vendor_name(info.param));
                         });

}  // namespace
}  // namespace tactful::testing
