// Everything the connections and route handlers share: config, engine snapshot, store, metrics.
#pragma once

#include <atomic>
#include <memory>

#include "access_log.h"
#include "connections.h"
#include "engine_holder.h"
#include "feedback_store.h"
#include "metrics.h"
#include "reloader.h"
#include "router.h"
#include "static_files.h"
#include "tactful/outbox/outbox.h"
#include "tactful/server/config.h"

namespace tactful::server {

// Lives as long as the server; every member is safe to use from any io thread.
struct Services {
  Services(Config c, LogSink sink)
      : config(std::move(c)),
        log(std::move(sink), config.log_requests),
        router(config.bench_ceiling),
        metrics(router.metric_names()),
        static_files(config.static_dir) {}

  Config config;
  AccessLog log;
  Router router;
  Metrics metrics;
  EngineHolder engines;
  StaticFiles static_files;
  std::unique_ptr<FeedbackStore> store;
  std::unique_ptr<outbox::Outbox> outbox;  // coaching notes to post back to helpdesks
  std::unique_ptr<Reloader> reloader;
  ConnectionRegistry connections;
  std::atomic<bool> stopping{false};
};

}  // namespace tactful::server
