// Everything the connections and route handlers share: config, engine snapshot, store, metrics.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

#include "access_log.h"
#include "admin_store.h"
#include "agent_scope.h"
#include "analytics.h"
#include "beast.h"
#include "client_limits.h"
#include "connections.h"
#include "engine_holder.h"
#include "feedback_store.h"
#include "forwarded_for.h"
#include "history_cache.h"
#include "integration_registry.h"
#include "metrics.h"
#include "rate_limiter.h"
#include "reloader.h"
#include "router.h"
#include "secret_box.h"
#include "secrets_key_rotation.h"
#include "static_files.h"
#include "tactful/outbox/outbox.h"
#include "tactful/server/config.h"
#include "tactful/server/context_store.h"
#include "tenant_engines.h"
#include "webhook_intake.h"

namespace tactful::server {

using WallClock = std::function<std::chrono::sys_seconds()>;

// Lives as long as the server; every member is safe to use from any io thread.
struct Services {
  Services(Config c, LogSink sink, WallClock wall_clock)
      : config(std::move(c)),
        log(std::move(sink), config.log_requests),
        router(config.bench_ceiling),
        metrics(router.metric_names()),
        static_files(config.static_dir),
        key_hashes(api_key_hashes(config)),
        admin_limiter(config.admin.rate_per_minute, config.admin.rate_burst),
        client_limits(config.rate_limits),
        proxies(TrustedProxies::parse_or_none(config.trusted_proxies)),
        clock(std::move(wall_clock)),
        contexts(config.context) {}

  Config config;
  AccessLog log;
  Router router;
  Metrics metrics;
  EngineHolder engines;
  // Drafts of one conversation share its history: read once, up to 1,024 conversations or
  // 16 MiB (their texts and what was read from them).
  HistoryCache histories{1024, 16u << 20};
  StaticFiles static_files;
  std::unique_ptr<FeedbackStore> store;
  std::unique_ptr<outbox::Outbox> outbox;  // coaching notes to post back to helpdesks
  std::unique_ptr<Reloader> reloader;
  ConnectionRegistry connections;
  std::atomic<bool> stopping{false};
  // Where admin API requests run (the server's one admin thread); empty: on the io threads.
  net::any_io_executor admin_work;

  // Tenancy and the admin API (docs/admin.md).
  std::vector<std::string> key_hashes;  // of config.api_keys, in order
  RateLimiter admin_limiter;
  ClientLimits client_limits;  // the agent routes' limits per address and per key
  TrustedProxies proxies;      // whose X-Forwarded-For names the client (validated config)
  std::unique_ptr<AdminStore> admin;
  std::unique_ptr<Analytics> analytics;
  TenantEngines tenants;  // each tenant's published rules
  MuteCache mutes;
  std::mutex publish_mu;  // one publish or rollback at a time
  WallClock clock;        // webhook timestamp windows and default "now" of checks
  ContextStore contexts;
  // The integrations in service (config file and admin API) and the key sealing the API ones'
  // secrets in the store.
  std::shared_ptr<IntegrationRegistry> integrations;
  std::unique_ptr<SecretBox> secrets;
  std::unique_ptr<SecretsKeyLock> key_lock;  // held while serving: no key rotation meanwhile
  std::unique_ptr<WebhookIntake> webhooks;
};

}  // namespace tactful::server
