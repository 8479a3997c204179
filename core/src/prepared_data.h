// The contents of a PreparedHistory. Internal to core.
#pragma once

#include <optional>
#include <vector>

#include "customer/signals_internal.h"
#include "match/grams.h"
#include "tactful/prepared_history.h"

namespace tactful {

struct PreparedHistoryData {
  customer::HistoryReading reading;  // the customer's side, before the time of the draft
  std::optional<Grams> agent;        // the agent's words; nullopt when they wrote nothing
  struct Shape {
    Role role;
    std::size_t bytes;
  };
  std::vector<Shape> shape;  // by message, for PreparedHistory::fits
};

}  // namespace tactful
