// Which webhook deliveries are being handled and which were handled, so a vendor's retry of a
// handled delivery is acknowledged without being processed again.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "tactful/adapters/webhooks/dedupe.h"

namespace tactful::server {

// Guarantees: a key is `handled` only after complete() (so a delivery that failed half-way is
// handled afresh when the vendor retries it); while one request holds a key, another with the
// same key gets `in_flight` (never both processed); at most `capacity` handled keys are
// remembered (least recently seen forgotten first). An empty key (a delivery without an id)
// is always `fresh` and never remembered. Safe to use from many threads.
class DeliveryLedger {
 public:
  explicit DeliveryLedger(std::size_t capacity = 65536) : handled_(capacity) {}

  enum class Claim { fresh, handled, in_flight };
  Claim claim(const std::string& key);
  void complete(const std::string& key);  // handled: a later claim gets `handled`
  void abandon(const std::string& key);   // failed: a later claim gets `fresh`

 private:
  webhooks::DeliveryDeduper handled_;
  std::mutex mu_;
  std::unordered_set<std::string> in_flight_;
};

// Holds claims for one request and abandons whatever was not completed when it ends (an early
// return or an exception), so a failure never leaves a key stuck in flight.
class LedgerClaims {
 public:
  explicit LedgerClaims(DeliveryLedger& ledger) : ledger_(ledger) {}
  ~LedgerClaims();
  LedgerClaims(const LedgerClaims&) = delete;
  LedgerClaims& operator=(const LedgerClaims&) = delete;

  DeliveryLedger::Claim claim(std::string key);  // a fresh key is held until complete_all()
  void complete_all();

 private:
  DeliveryLedger& ledger_;
  std::vector<std::string> held_;
};

}  // namespace tactful::server
