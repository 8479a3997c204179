// Reading the customer's side of the conversation.
#include "tactful/customer.h"

#include <algorithm>

namespace tactful {

bool CustomerSignals::has_intent(std::string_view id) const {
  return std::any_of(intents.begin(), intents.end(), [&](const Intent& i) { return i.id == id; });
}

CustomerSignals analyze_customer(const Context& ctx) {
  CustomerSignals out;
  const Message* last_customer = nullptr;
  // The customer's oldest message since the agent last wrote: the wait starts there.
  const Message* wait_start = nullptr;
  for (const Message& m : ctx.history) {
    if (m.role == Role::customer) {
      out.has_customer = true;
      last_customer = &m;
      if (!wait_start) wait_start = &m;
    } else if (m.role == Role::agent) {
      wait_start = nullptr;
    }
  }
  if (last_customer)
    out.last_customer_words = static_cast<int>(TextModel(last_customer->text).word_count());
  if (wait_start && wait_start->at && ctx.now.time_since_epoch().count() != 0 &&
      *wait_start->at <= ctx.now) {
    out.waited_minutes = std::chrono::duration<double>(ctx.now - *wait_start->at).count() / 60.0;
  }
  return out;
}

}  // namespace tactful
