// POST /v1/webhooks/{vendor}/{integration} without HTTP: find the integration, verify the raw
// bytes, de-duplicate, parse, store the message, run the post-send check.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "delivery_ledger.h"
#include "engine_holder.h"
#include "integration_registry.h"
#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/headers.h"
#include "tactful/server/context_store.h"
#include "tactful/server/integration.h"
#include "tactful/server/note_sink.h"
#include "tenant_engines.h"

namespace tactful::server {

struct WebhookRequest {
  std::string_view vendor;       // the path's {vendor}
  std::string_view integration;  // the path's {integration}
  const webhooks::Headers* headers = nullptr;
  std::string_view body;                            // the raw bytes, as signed
  std::string_view path_secret;                     // ?secret= (verification path_secret)
  std::optional<webhooks::AuthorRole> author_hint;  // ?author_type= (LiveChat)
};

// What to answer and what to count. `body` is JSON: {"status": ...} on 200, {"error", "status"}
// otherwise; never a secret.
struct WebhookResult {
  int status = 200;
  std::string body;
  std::string vendor;   // metrics label: a known vendor's name, else "unknown"
  std::string outcome;  // stored, duplicate, ignored, replayed, in_flight, unauthorized,
                        // not_found, bad_request, failed, misconfigured
  std::string note;     // the post-send outcome ("" when the event was not coached)
  std::optional<double> post_send_seconds;
  std::string log;  // a line worth logging (failures), "" otherwise
};

// Guarantees: nothing is stored or coached for a request that fails verification (401) or
// parsing (400); a delivery id (or, without one, the signature; or the body's own event id) is
// recorded only once its event has been handled, so a retry after a failure is handled afresh,
// and a retry after success is answered 200 "replayed" with nothing processed; private notes and
// events by the integration's own author ids are stored but never coached; a sink failure
// leaves no trace (the message is forgotten, the note slot released) and answers 503 so the
// vendor retries. Each request reads the integrations in service at its start (`registry`:
// one created, changed or deleted through the admin API counts from the next request) and
// checks replies with the integration's tenant's published rules for its team (the server's
// own rules when the tenant has none). `sink` must not be null. Safe to call from many threads.
class WebhookIntake {
 public:
  WebhookIntake(std::shared_ptr<const IntegrationRegistry> registry, ContextStore& store,
                const EngineHolder& engines, const TenantEngines& tenants,
                std::shared_ptr<NoteSink> sink);

  WebhookResult handle(const WebhookRequest& request, std::chrono::sys_seconds now);
  std::shared_ptr<const LiveIntegration> find(std::string_view id) const;

 private:
  WebhookResult handle_message(const LiveIntegration& entry, const webhooks::NormalizedEvent& event,
                               std::chrono::sys_seconds now, WebhookResult result);

  std::shared_ptr<const IntegrationRegistry> registry_;
  ContextStore& store_;
  const EngineHolder& engines_;
  const TenantEngines& tenants_;
  std::shared_ptr<NoteSink> sink_;
  DeliveryLedger ledger_;
};

}  // namespace tactful::server
