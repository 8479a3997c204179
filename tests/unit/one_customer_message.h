// The customer reading of a history of one customer message with no timestamp: what the
// customer-side unit tests read a sentence with.
#pragma once

#include <string>
#include <vector>

#include "tactful/customer.h"

namespace tactful::testing {

inline CustomerSignals read_one_customer_message(const std::string& text) {
  std::vector<Message> history{Message{Role::customer, text, std::nullopt}};
  Context ctx;
  ctx.history = history;
  return analyze_customer(ctx);
}

}  // namespace tactful::testing
