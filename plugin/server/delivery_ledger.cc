// The in-flight / handled ledger of webhook deliveries.
#include "delivery_ledger.h"

namespace tactful::server {

DeliveryLedger::Claim DeliveryLedger::claim(const std::string& key) {
  if (key.empty()) return Claim::fresh;
  const std::lock_guard lock(mu_);
  if (handled_.contains(key)) return Claim::handled;
  if (!in_flight_.insert(key).second) return Claim::in_flight;
  return Claim::fresh;
}

void DeliveryLedger::complete(const std::string& key) {
  if (key.empty()) return;
  const std::lock_guard lock(mu_);
  in_flight_.erase(key);
  handled_.insert_if_new(key);
}

void DeliveryLedger::abandon(const std::string& key) {
  if (key.empty()) return;
  const std::lock_guard lock(mu_);
  in_flight_.erase(key);
}

LedgerClaims::~LedgerClaims() {
  for (const auto& key : held_) ledger_.abandon(key);
}

DeliveryLedger::Claim LedgerClaims::claim(std::string key) {
  const auto c = ledger_.claim(key);
  if (c == DeliveryLedger::Claim::fresh && !key.empty()) held_.push_back(std::move(key));
  return c;
}

void LedgerClaims::complete_all() {
  for (const auto& key : held_) ledger_.complete(key);
  held_.clear();
}

}  // namespace tactful::server
