// `tactful serve` SIGKILLed while clients post /v1/feedback concurrently, then started again
// on the same data directory, several times: every feedback the server answered 201 is in the
// database afterwards, under the id it answered with, exactly once.
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "fixture.h"
#include "json.h"
#include "serve_process.h"

namespace tactful::testing {
namespace {

constexpr int kClients = 4;
constexpr int kRounds = 6;

// suggestion_id -> id of every row in the feedback table, read with a connection of our own.
std::multimap<std::string, std::int64_t> stored_rows(const std::filesystem::path& data_dir) {
  std::multimap<std::string, std::int64_t> rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2((data_dir / "tactful.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT suggestion_id, id FROM feedback", -1, &s, nullptr),
            SQLITE_OK);
  while (sqlite3_step(s) == SQLITE_ROW)
    rows.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                 sqlite3_column_int64(s, 1));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

TEST(CrashFeedbackTest, EveryAcknowledgedFeedbackSurvivesAKill) {
  TempDir dir;
  ServeProcess serve(dir.path(), "");
  std::mt19937 rng(std::random_device{}());
  std::mutex mu;
  std::map<std::string, std::int64_t> acked;  // suggestion_id -> the id answered
  for (int round = 0; round < kRounds; ++round) {
    const std::uint16_t port = serve.start();
    ASSERT_NE(port, 0) << "the server did not start again in round " << round;
    std::atomic<int> answered{0}, alive{kClients};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c)
      clients.emplace_back([&, c] {
        try {
          Connection conn(port);
          for (int i = 0;; ++i) {
            const std::string sid =
                "r" + std::to_string(round) + "-c" + std::to_string(c) + "-" + std::to_string(i);
            const Reply r = conn.send(
                "POST", "/v1/feedback",
                R"({"rule": "apology.sorry-for-inconvenience", "action": "accepted", "suggestion_id": ")" +
                    sid + R"("})",
                {{"Content-Type", "application/json"}});
            if (r.status != 201) {
              ADD_FAILURE() << r.status << " " << r.body;
              break;
            }
            const std::lock_guard lock(mu);
            acked[sid] = parse_json(r.body)["id"].GetInt64();
            ++answered;
          }
        } catch (const std::exception&) {
          // The server died under the connection; what it answered before is what counts.
        }
        --alive;
      });
    // SIGKILL once a random number of feedbacks were answered, with requests in flight.
    const int kill_after = std::uniform_int_distribution<int>(50, 400)(rng);
    while (answered < kill_after && alive > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    serve.kill9();
    for (auto& t : clients) t.join();
  }
  ASSERT_NE(serve.start(), 0);
  const auto rows = stored_rows(serve.data_dir());
  std::size_t lost = 0;
  for (const auto& [sid, id] : acked) {
    const auto [first, last] = rows.equal_range(sid);
    if (first == last) {
      ++lost;
      continue;
    }
    EXPECT_EQ(std::distance(first, last), 1) << sid << " stored twice";
    EXPECT_EQ(first->second, id) << sid;
  }
  EXPECT_EQ(lost, 0u) << "of " << acked.size() << " acknowledged";
  EXPECT_GE(rows.size(), acked.size());
  std::printf("[ info ] %d kills: %zu feedbacks answered 201, %zu rows stored\n", kRounds,
              acked.size(), rows.size());
  // The restarted server takes feedback again, after every row it kept.
  const Reply r = request(serve.port(), "POST", "/v1/feedback",
                          R"({"rule": "a.b", "action": "shown", "suggestion_id": "after"})");
  ASSERT_EQ(r.status, 201) << r.body;
  std::int64_t max_id = 0;
  for (const auto& [sid, id] : rows) max_id = std::max(max_id, id);
  EXPECT_GT(parse_json(r.body)["id"].GetInt64(), max_id);
}

}  // namespace
}  // namespace tactful::testing
