// Admin API requests run on the server's admin thread, not on the io threads: an admin write
// that waits (here on a SQLite lock another process holds, as a backup or the CLI might) never
// holds up agents' requests, even with a single io thread.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <future>
#include <thread>

#include "admin_fixture.h"

namespace tactful::testing {
namespace {

class AdminThreadTest : public AdminTest {
 protected:
  // Waits (up to 10 s) until the server counts `n` open connections, this one included.
  void wait_for_connections(int n) {
    for (int i = 0; i < 1000; ++i) {
      const Reply m = request(port, "GET", "/metrics");
      if (m.body.find("tactful_connections " + std::to_string(n) + "\n") != std::string::npos)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // The connection is open; give its request bytes time to arrive and reach the handler.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }

  // Starts the server on one io thread, locks its store from another connection (as a backup or
  // the CLI might), and sends an admin write that waits for the lock (the store's busy timeout is
  // 5 s) until release_store().
  std::future<Reply> admin_write_waiting_on_the_store() {
    start([](server::Config& c) { c.threads = 1; });
    tok_ = token("acme");
    EXPECT_EQ(sqlite3_open((dir.path() / "data" / "tactful.db").c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    auto admin = std::async(std::launch::async, [this] {
      return call(tok_, "POST", "/v1/admin/rules", phrase_rule("acme.synergy", "synergy"));
    });
    wait_for_connections(2);
    return admin;
  }

  void release_store() {
    EXPECT_EQ(sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db_);
    db_ = nullptr;
  }

  std::string tok_;
  sqlite3* db_ = nullptr;
};

TEST_F(AdminThreadTest, AWaitingAdminWriteDoesNotHoldUpSuggestions) {
  // Should the admin request not have reached its handler yet, the check below still holds with
  // the admin thread, so the wait cannot make this test fail wrongly.
  auto admin = admin_write_waiting_on_the_store();

  const Reply suggest = request(port, "POST", "/v1/suggest", R"({"draft": "Per our policy, no."})");
  EXPECT_EQ(suggest.status, 200) << suggest.body;
  // On the single io thread, the suggestion could only have been answered after the admin write
  // gave up; it was answered while the write still waits.
  EXPECT_EQ(admin.wait_for(std::chrono::seconds(0)), std::future_status::timeout);

  release_store();
  const Reply created = admin.get();
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(call(tok_, "GET", "/v1/admin/rules/acme.synergy").status, 200);
}

// A server stopping while an admin request runs answers it before it stops.
TEST_F(AdminThreadTest, StopFinishesAnAdminRequestInFlight) {
  auto admin = admin_write_waiting_on_the_store();
  server->stop();
  release_store();
  const Reply created = admin.get();
  EXPECT_EQ(created.status, 201) << created.body;
  server->wait();
}

}  // namespace
}  // namespace tactful::testing
