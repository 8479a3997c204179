// `tactful serve` SIGKILLed at random moments while an admin publishes (or rolls back) a rule
// set, then started again on the same data directory: the rules that serve are wholly one
// published version, the version history is contiguous and each version is one whole set, and
// the working copy is wholly the old or wholly the new one.
#include <map>
#include <random>
#include <set>
#include <thread>

#include "admin_fixture.h"
#include "serve_process.h"

namespace tactful::testing {
namespace {

const std::string kKey = "acme-agent-key-0123456789";
constexpr int kRulesPerSet = 12;
constexpr int kRounds = 15;

// A word only rule `i` of set `set` flags: letters only, so it is one token.
std::string word(int set, int i) {
  auto letters = [](int n) {
    std::string s;
    for (char c : std::to_string(n)) s += static_cast<char>('a' + (c - '0'));
    return s;
  };
  return "zq" + letters(set) + "x" + letters(i);
}
std::string rule_id(int set, int i) {
  return "acme.set" + std::to_string(set) + "-r" + std::to_string(i);
}

// The set an id like "acme.set7-r3" belongs to; -1 for any other id.
int set_of(const std::string& id) {
  if (!id.starts_with("acme.set")) return -1;
  return std::stoi(id.substr(8, id.find("-r") - 8));
}

// The one set `ids` (custom rule ids) wholly are; -1 if they mix sets or are incomplete.
int whole_set(const std::vector<std::string>& ids) {
  std::set<int> sets;
  for (const auto& id : ids)
    if (id.starts_with("acme.")) sets.insert(set_of(id));
  if (sets.size() != 1 || ids.size() != static_cast<std::size_t>(kRulesPerSet)) return -1;
  for (int i = 0; i < kRulesPerSet; ++i)
    if (std::find(ids.begin(), ids.end(), rule_id(*sets.begin(), i)) == ids.end()) return -1;
  return *sets.begin();
}

std::vector<std::string> ids_in(const rapidjson::Value& rules) {
  std::vector<std::string> ids;
  for (const auto& r : rules.GetArray()) ids.emplace_back(r["id"].GetString());
  return ids;
}

class CrashPublishTest : public ::testing::Test {
 protected:
  Reply call(const std::string& method, const std::string& target, const std::string& body = "") {
    return request(serve->port(), method, target, body, {{"Authorization", "Bearer " + tok}});
  }
  // Replaces the working copy's rules (set `from`, or none) with set `to`.
  void write_set(int from, int to) {
    for (int i = 0; from >= 0 && i < kRulesPerSet; ++i)
      ASSERT_EQ(call("DELETE", "/v1/admin/rules/" + rule_id(from, i)).status, 200);
    for (int i = 0; i < kRulesPerSet; ++i) {
      const Reply r = call("POST", "/v1/admin/rules", phrase_rule(rule_id(to, i), word(to, i)));
      ASSERT_EQ(r.status, 201) << r.body;
    }
  }
  // The acme rules that fire on a draft holding every word of sets 0..last.
  std::vector<std::string> served(int last) {
    std::string draft = "Hello";
    for (int s = 0; s <= last; ++s)
      for (int i = 0; i < kRulesPerSet; ++i) draft += " " + word(s, i);
    const Reply r =
        request(serve->port(), "POST", "/v1/suggest", R"({"draft": ")" + draft + R"("})",
                {{"Authorization", "Bearer " + kKey}});
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const auto d = parse_json(r.body);  // kept: the loop reads into it
    for (const auto& s : d["suggestions"].GetArray())
      if (std::string_view(s["rule"].GetString()).starts_with("acme."))
        ids.emplace_back(s["rule"].GetString());
    return ids;
  }

  TempDir dir;
  std::unique_ptr<ServeProcess> serve;
  std::string tok;
};

TEST_F(CrashPublishTest, KilledDuringPublishesAndRollbacksServesOneWholeVersion) {
  serve = std::make_unique<ServeProcess>(
      dir.path(),
      R"("api_keys": [{"key": ")" + kKey +
          R"(", "tenant": "acme"}], "admin": {"rate_per_minute": 100000, "rate_burst": 10000})");
  {
    auto store = server::AdminStore::open(serve->data_dir().string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    server::TokenInfo info;
    auto t = (*store)->create_token("acme", "admin", "crash-test", info);
    ASSERT_TRUE(t.ok());
    tok = *t;
  }
  ASSERT_NE(serve->start(), 0);
  std::mt19937 rng(std::random_device{}());
  int working = -1;                           // the set the working copy holds
  std::map<std::int64_t, int> set_at;         // published version -> its set
  std::int64_t acked = 0;                     // the newest version known committed
  double publish_ms = 100;                    // how long an answered publish took, to aim the kill
  int answered = 0, committed_in_flight = 0;  // how the kills landed, for the log
  for (int round = 0; round < kRounds; ++round) {
    const bool rollback = round % 3 == 2 && !set_at.empty();
    std::int64_t rollback_to = 0;
    if (rollback) {
      rollback_to = std::uniform_int_distribution<std::int64_t>(1, acked)(rng);
    } else {
      write_set(working, round);
      working = round;
    }
    // The request in flight, and SIGKILL at a random moment from 30% to 110% of its expected
    // duration: mostly while it compiles, sometimes around its commit.
    std::atomic<int> status{0};
    double took_ms = 0;  // written by the client, read after it is joined
    const std::uint16_t port = serve->port();
    std::thread client([&] {
      try {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string body = rollback ? R"({"version": )" + std::to_string(rollback_to) + "}"
                                          : R"({"note": "r)" + std::to_string(round) + R"("})";
        const Reply r =
            request(port, "POST", rollback ? "/v1/admin/rules/rollback" : "/v1/admin/rules/publish",
                    body, {{"Authorization", "Bearer " + tok}});
        took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                      .count();
        status = r.status;
      } catch (const std::exception&) {
        status = -1;  // the connection died with the server
      }
    });
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(
        static_cast<int>(publish_ms * 300), static_cast<int>(publish_ms * 1100))(rng)));
    serve->kill9();
    client.join();
    ASSERT_TRUE(status == 201 || status == -1) << status;
    if (status == 201) publish_ms = took_ms;
    const int before = working;

    ASSERT_NE(serve->start(), 0) << "the server did not start again after round " << round;
    ASSERT_EQ(request(serve->port(), "GET", "/readyz").status, 200);
    // The version history: contiguous, newest first, the newest serving; at most the one in
    // flight beyond what was answered.
    auto versions = parse_json(call("GET", "/v1/admin/rules/versions").body);
    const auto& list = versions["versions"];
    const auto n = static_cast<std::int64_t>(list.Size());
    ASSERT_TRUE(n == acked + (status == 201) || (status == -1 && n == acked + 1))
        << "round " << round << ": " << n << " versions, " << acked << " answered";
    if (status == -1 && n == acked + 1) ++committed_in_flight;
    if (status == 201) ++answered;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i)
      ASSERT_EQ(list[i]["version"].GetInt64(), n - static_cast<std::int64_t>(i));
    ASSERT_EQ(versions["serving"].GetInt64(), n);
    if (n > acked) {
      // The request committed: its version is one whole set.
      auto doc = parse_json(call("GET", "/v1/admin/rules/versions/" + std::to_string(n)).body);
      const int s = whole_set(ids_in(doc["doc"]["rules"]));
      ASSERT_NE(s, -1) << "version " << n << " mixes sets";
      ASSERT_EQ(s, rollback ? set_at[rollback_to] : round);
      set_at[n] = s;
      acked = n;
      if (rollback) working = s;  // a rollback restores the working copy in the same commit
    }
    // Every version keeps its whole set; the rules serving are exactly the newest version's.
    for (const auto& [v, s] : set_at) {
      auto doc = parse_json(call("GET", "/v1/admin/rules/versions/" + std::to_string(v)).body);
      ASSERT_EQ(whole_set(ids_in(doc["doc"]["rules"])), s) << "version " << v;
    }
    const auto now_serving = served(round);
    if (n == 0)
      ASSERT_TRUE(now_serving.empty()) << ::testing::PrintToString(now_serving);
    else
      ASSERT_EQ(whole_set(now_serving), set_at.at(n))
          << "round " << round << ": " << ::testing::PrintToString(now_serving);
    // The working copy is wholly the old set or, after a committed rollback, the restored one.
    auto rules = parse_json(call("GET", "/v1/admin/rules").body);
    const int w = whole_set(ids_in(rules["rules"]));
    ASSERT_TRUE(w == working && (w == before || rollback)) << "working copy: set " << w;
  }
  // Still a working server: a clean publish serves at once.
  write_set(working, kRounds);
  ASSERT_EQ(call("POST", "/v1/admin/rules/publish").status, 201);
  EXPECT_EQ(whole_set(served(kRounds)), kRounds);
  std::printf("[ info ] %d kills: %d after the answer, %d committed unanswered, %d before commit\n",
              kRounds, answered, committed_in_flight, kRounds - answered - committed_in_flight);
}

}  // namespace
}  // namespace tactful::testing
