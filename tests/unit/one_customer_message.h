// A sentence read as one customer message: the customer reading of a history of that one message
// (no timestamp), and the spans the problem reading sets aside as the customer's own slip.
#pragma once

#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "tactful/customer.h"

namespace tactful::testing {

inline CustomerSignals read_one_customer_message(const std::string& text) {
  std::vector<Message> history{Message{Role::customer, text, std::nullopt}};
  Context ctx;
  ctx.history = history;
  return analyze_customer(ctx);
}

// The spans of `text` the problem reading sets aside as the customer's own slip (their own
// damage, loss or lapse): what the own-trouble and own-lapse tests check.
inline std::vector<Span> slips_of(const std::string& text) {
  const TextModel model(text);
  std::vector<Span> slips;
  customer::problem_text(model, customer::find_cues(model), &slips);
  return slips;
}

}  // namespace tactful::testing
