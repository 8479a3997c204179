// Fuzzes the server's side of webhooks: the config file's "integrations" array (no input may
// crash it; a refusal names the problem and never an accepted secret) and a whole delivery
// through WebhookIntake (verify, de-duplicate, parse, store, post-send check) for a LiveChat
// integration whose body secret the seeds carry, so the fuzzer reaches past verification.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "integrations_config.h"
#include "tactful/rule_set.h"
#include "webhook_intake.h"

namespace ts = tactful::server;

namespace {

struct CountingSink : ts::NoteSink {
  tactful::Result<void> enqueue(const ts::PendingNote& note) override {
    if (note.text.empty() || note.text.size() > 1000) std::abort();
    return {};
  }
};

struct World {
  World() : store(limits()) {
    engines.set(std::make_shared<const tactful::Engine>(tactful::RuleSet::builtin()));
    ts::Integration in;
    in.id = "lc";
    in.vendor = tactful::webhooks::Vendor::livechat;
    in.verification = ts::Verification::body_secret;
    in.webhook_secret = "fuzz-secret";
    in.notes.enabled = true;
    in.notes.min_severity = tactful::Severity::hint;
    in.notes.min_interval = std::chrono::minutes(0);
    intake = std::make_unique<ts::WebhookIntake>(
        std::make_shared<ts::IntegrationRegistry>(std::vector<ts::Integration>{in}, ""), store,
        engines, tenants, std::make_shared<CountingSink>());
  }
  static ts::ContextLimits limits() {
    ts::ContextLimits l;
    l.max_conversations = 64;
    l.max_bytes = 1 << 20;
    return l;
  }
  ts::ContextStore store;
  ts::EngineHolder engines;
  ts::TenantEngines tenants;
  std::unique_ptr<ts::WebhookIntake> intake;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(input.data(), input.size());
  if (!doc.HasParseError()) {
    std::vector<ts::Integration> out;
    if (auto e = ts::parse_integrations(doc, "fuzz", out)) {
      if (e->message.empty()) std::abort();
    } else {
      for (std::size_t i = 0; i < out.size(); ++i)
        if (auto v = ts::validate(out[i], "fuzz")) {
          if (!out[i].webhook_secret.empty() &&
              v->message.find(out[i].webhook_secret) != std::string::npos &&
              out[i].webhook_secret.size() > 8) {
            // The secret's bytes may be words of the message itself ("...holds a character
            // that is not allowed"): a leak also shows with a secret no message contains.
            ts::Integration other = out[i];
            other.webhook_secret = "sentinel-secret-7d1c0b";
            auto w = ts::validate(other, "fuzz");
            if (w && w->message.find(other.webhook_secret) != std::string::npos)
              std::abort();  // a refusal never repeats the secret
          }
        }
    }
  }
  static World world;
  const tactful::webhooks::Headers headers;
  ts::WebhookRequest req;
  req.vendor = "livechat";
  req.integration = "lc";
  req.headers = &headers;
  req.body = input;
  req.author_hint =
      size % 2 ? tactful::webhooks::AuthorRole::agent : tactful::webhooks::AuthorRole::customer;
  const auto r = world.intake->handle(req, std::chrono::sys_seconds{std::chrono::seconds{0}});
  if (r.status != 200 && r.status != 400 && r.status != 401 && r.status != 409) std::abort();
  if (r.body.empty() || r.outcome.empty()) std::abort();
  return 0;
}
