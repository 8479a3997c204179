// The outbox inside `tactful serve`: its settings from the config file and environment, its
// series on /metrics, and notes left by an earlier run delivered by the next server.
#include "fake_vendor.h"
#include "fake_vendor_formats.h"
#include "fixture.h"
#include "tactful/server/config.h"

namespace tactful::testing {
namespace {

using std::chrono::milliseconds;

TEST(OutboxConfig, FileAndEnvironmentKeys) {
  TempDir dir;
  const auto file = dir.path() / "tactful.json";
  write_file(file, R"({"outbox": {"workers": 3, "timeout_ms": 2500, "backoff_base_ms": 200,
                       "backoff_max_ms": 60000, "give_up_after_ms": 3600000, "drain_ms": 100}})");
  auto c = server::load_config(file.string(), [](const char* name) -> const char* {
    return std::string_view(name) == "TACTFUL_OUTBOX_WORKERS" ? "4" : nullptr;
  });
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->outbox.workers, 4u);  // the environment wins
  EXPECT_EQ(c->outbox.timeout, milliseconds(2500));
  EXPECT_EQ(c->outbox.backoff_base, milliseconds(200));
  EXPECT_EQ(c->outbox.backoff_max, milliseconds(60000));
  EXPECT_EQ(c->outbox.give_up_after, milliseconds(3600000));
  EXPECT_EQ(c->outbox.drain, milliseconds(100));

  write_file(file, R"({"outbox": {"retries": 3}})");
  auto bad = server::load_config(file.string(), [](const char*) -> const char* { return nullptr; });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, file.string() + ": unknown key 'outbox.retries'");
  write_file(file, R"({"outbox.workers": 3})");
  bad = server::load_config(file.string(), [](const char*) -> const char* { return nullptr; });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, file.string() + ": unknown key 'outbox.workers'");
  bad = server::load_config("", [](const char* name) -> const char* {
    return std::string_view(name) == "TACTFUL_OUTBOX_GIVE_UP_AFTER_MS" ? "soon" : nullptr;
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "TACTFUL_OUTBOX_GIVE_UP_AFTER_MS: expected a non-negative integer");
}

TEST(OutboxConfig, TheServerRefusesSettingsThatCannotWork) {
  TempDir dir;
  server::Config c;
  c.port = 0;
  c.data_dir = (dir.path() / "data").string();
  c.outbox.backoff_max = milliseconds(1);
  auto s = server::Server::start(c);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "outbox.backoff_max_ms must be at least outbox.backoff_base_ms");
}

class OutboxServerTest : public ServerTest {};

TEST_F(OutboxServerTest, MetricsShowTheOutbox) {
  start();
  const Reply r = request(port, "GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  for (const char* line :
       {"# TYPE tactful_outbox_pending gauge\ntactful_outbox_pending 0\n",
        "tactful_outbox_queued_total 0\n", "tactful_outbox_delivered_total{via=\"post\"} 0\n",
        "tactful_outbox_delivered_total{via=\"reconciled\"} 0\n",
        "tactful_outbox_retries_total 0\n", "tactful_outbox_failed_total{reason=\"gave_up\"} 0\n"})
    EXPECT_NE(r.body.find(line), std::string::npos) << line;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "data" / "outbox.db"));
}

TEST_F(OutboxServerTest, NotesLeftByAnEarlierRunAreDeliveredByTheNextServer) {
  FakeVendor vendor(webhooks::Vendor::chatwoot);
  const notes::NoteTarget target = fake::target_for(webhooks::Vendor::chatwoot, vendor.base_url());
  const auto resolve = [target](std::string_view integration) -> std::optional<notes::NoteTarget> {
    if (integration == "acme") return target;
    return std::nullopt;
  };
  {  // an earlier run queued a note and stopped before delivering it
    auto earlier = outbox::Outbox::open((dir.path() / "data").string(), {}, resolve);
    ASSERT_TRUE(earlier.ok()) << earlier.error().message;
    ASSERT_TRUE(earlier.value()->enqueue({"acme", "42", "msg-7", "Acknowledge the wait."}).ok());
  }
  server::ServerOptions options;
  options.note_targets = resolve;
  server::Config c;
  c.port = 0;
  c.threads = 2;
  c.data_dir = (dir.path() / "data").string();
  c.reload_poll = milliseconds(0);
  c.log_requests = false;
  auto s = server::Server::start(std::move(c), std::move(options));
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(vendor.wait_for([&] { return vendor.notes("42").size() == 1; }, milliseconds(10000)));
  EXPECT_TRUE(vendor.notes("42")[0].starts_with("Acknowledge the wait.\n\ntactful ref tf-"));
  ASSERT_TRUE(vendor.wait_for(
      [&] {
        return request(s.value()->port(), "GET", "/metrics")
                   .body.find("tactful_outbox_delivered_total{via=\"post\"} 1\n") !=
               std::string::npos;
      },
      milliseconds(5000)));
  s.value().reset();
  EXPECT_EQ(vendor.creates().size(), 1u);
}

}  // namespace
}  // namespace tactful::testing
