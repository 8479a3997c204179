// What a webhook costs the IO thread that receives it: the post-send check alone (one engine
// call and the note), and the whole intake of a signed Chatwoot reply (verify, parse, store,
// check). Run: build/release/bench/server/tactful_webhook_bench (docs/performance.md).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "post_send.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "tactful/rule_set.h"
#include "webhook_intake.h"

namespace tactful::server {
namespace {

// Counts notes; never refuses.
struct CountingSink : NoteSink {
  Result<void> enqueue(const PendingNote&) override {
    ++count;
    return {};
  }
  std::size_t count = 0;
};

StoredMessage message(std::string id, webhooks::AuthorRole role, std::string text) {
  StoredMessage m;
  m.id = std::move(id);
  m.author_role = role;
  m.text = std::move(text);
  return m;
}

std::vector<StoredMessage> history() {
  using R = webhooks::AuthorRole;
  return {message("1", R::customer, "Hi, I was charged twice for my order #1234!"),
          message("2", R::agent, "Thanks for reaching out, let me check that for you."),
          message("3", R::customer, "It's been three days and nobody answers my emails."),
          message("4", R::agent, "I can see both charges on your account."),
          message("5", R::customer, "This is ridiculous. I want my money back today.")};
}

const std::string kReply =
    "Per our policy, refunds take 5-10 business days. You should have contacted us sooner, "
    "there is nothing I can do to speed it up.";

Integration chatwoot() {
  Integration in;
  in.id = "cw";
  in.vendor = webhooks::Vendor::chatwoot;
  in.webhook_secret = "bench-secret-0123456789";
  in.signature_scheme = webhooks::SignatureScheme::chatwoot;
  in.notes.enabled = true;
  in.notes.min_interval = std::chrono::minutes(0);
  return in;
}

void BM_PostSendCheck(benchmark::State& state) {
  const Engine engine(RuleSet::builtin());
  ContextStore store(ContextLimits{});
  CountingSink sink;
  const Integration in = chatwoot();
  const auto before = history();
  const StoredMessage reply = message("6", webhooks::AuthorRole::agent, kReply);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1768471500}};
  for (auto _ : state) {
    const auto r = post_send_check(in, "12", before, reply, now, engine, store, sink);
    benchmark::DoNotOptimize(r);
  }
  if (sink.count != static_cast<std::size_t>(state.iterations()))
    state.SkipWithError("a check did not queue its note");
}
BENCHMARK(BM_PostSendCheck);

std::string chatwoot_reply(long long id) {
  return R"({"event":"message_created","id":)" + std::to_string(id) + R"(,"content":")" + kReply +
         R"(","message_type":"outgoing","private":false,"created_at":"2026-01-15T10:07:00Z",)"
         R"("sender":{"id":7,"name":"Sam","type":"user"},"conversation":{"id":)" +
         std::to_string(id % 1000) + R"(}})";
}

void BM_WebhookIntake(benchmark::State& state) {
  ContextStore store(ContextLimits{});
  EngineHolder engines;
  engines.set(std::make_shared<const Engine>(RuleSet::builtin()));
  auto sink = std::make_shared<CountingSink>();
  TenantEngines tenants;
  WebhookIntake intake(
      std::make_shared<IntegrationRegistry>(std::vector<Integration>{chatwoot()}, ""), store,
      engines, tenants, sink);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1768471500}};
  const std::string ts = "1768471500";
  // Five messages in each of the 1,000 conversations first, so every reply has a history.
  for (int c = 0; c < 1000; ++c)
    for (const auto& m : history()) store.add("cw", std::to_string(c), m);
  long long id = 1;
  webhooks::Headers headers;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string body = chatwoot_reply(id++);
    headers = webhooks::Headers{
        {"X-Chatwoot-Timestamp", ts},
        {"X-Chatwoot-Signature",
         "sha256=" + webhooks::to_hex(webhooks::hmac(webhooks::Digest::sha256,
                                                     "bench-secret-0123456789", {ts, ".", body}))}};
    state.ResumeTiming();
    WebhookRequest req;
    req.vendor = "chatwoot";
    req.integration = "cw";
    req.headers = &headers;
    req.body = body;
    const auto r = intake.handle(req, now);
    if (r.status != 200) state.SkipWithError(r.body.c_str());
  }
}
BENCHMARK(BM_WebhookIntake);

}  // namespace
}  // namespace tactful::server

BENCHMARK_MAIN();
