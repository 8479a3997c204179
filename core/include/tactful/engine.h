// The suggestion engine: analyze a draft in its conversation against a compiled rule set.
#pragma once

#include <memory>

#include "tactful/conversation.h"
#include "tactful/prepared_history.h"
#include "tactful/report.h"
#include "tactful/rule_set.h"

namespace tactful {

// Analysis options a caller may set per request.
struct AnalyzeOptions {
  std::span<const std::string> disabled_rules;       // rule ids to skip
  std::span<const std::string> disabled_categories;  // categories to skip
  std::span<const std::string> enabled_only;         // if non-empty: only these rule ids
};

// Analyzes drafts against one immutable rule set. Holding the shared_ptr keeps the snapshot
// alive for as long as any analysis using it runs, so a swap never breaks a check in flight.
class Engine {
 public:
  explicit Engine(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}

  // Pure and thread-safe: no I/O, no clocks (Context::now is the time), no shared mutation.
  // Cost is linear in the draft length plus the history length.
  Report analyze(const Context& ctx, const Draft& draft, const AnalyzeOptions& options = {}) const;

  // The same report, with the history's share of the work taken from `history`, which was
  // built from ctx.history (same roles and texts; timestamps and `now` are read here). A
  // `history` that does not fit ctx.history (PreparedHistory::fits) is ignored and the
  // history is read afresh, so a mix-up costs time, never a wrong report.
  Report analyze(const Context& ctx, const Draft& draft, const AnalyzeOptions& options,
                 const PreparedHistory& history) const;

  const RuleSet& rules() const { return *rules_; }
  const std::shared_ptr<const RuleSet>& snapshot() const { return rules_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
};

}  // namespace tactful
