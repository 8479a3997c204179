// A conversation's history, read once for many drafts. While an agent types, every keystroke
// sends a new draft with the same history; reading the customer's messages (sentiment, intents,
// stated waiting) and the agent's earlier words (for repeat detection) is most of an analysis
// of a short draft, so callers that see the same history again keep one of these and pass it
// to Engine::analyze.
#pragma once

#include <cstddef>
#include <memory>
#include <span>

#include "tactful/conversation.h"

namespace tactful {

struct PreparedHistoryData;  // internal to core

// What analyze reads from a history, whatever the draft, the time and the rule set. Immutable
// once built: one instance may serve concurrent analyses on any thread, and it stays valid
// across rule reloads. It holds no views into the messages it was built from. Building it is
// pure and linear in the history length.
class PreparedHistory {
 public:
  explicit PreparedHistory(std::span<const Message> history);
  ~PreparedHistory();
  PreparedHistory(PreparedHistory&&) noexcept;
  PreparedHistory& operator=(PreparedHistory&&) noexcept;

  // Whether `history` has the shape this was built from: the same number of messages with the
  // same roles and text sizes. A cheap guard, not a proof: callers pass a PreparedHistory only
  // with the history it was built from (timestamps may differ: they are read per draft).
  bool fits(std::span<const Message> history) const;

  // About how many bytes of memory it holds (for callers that bound a cache of them).
  std::size_t memory_bytes() const;

  const PreparedHistoryData& data() const { return *data_; }

 private:
  std::unique_ptr<const PreparedHistoryData> data_;
};

}  // namespace tactful
