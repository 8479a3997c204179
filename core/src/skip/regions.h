// Regions of a draft that never get hints: quoted lines, signatures and sign-off blocks, URLs,
// emails, placeholders/macros, text the agent quotes from the customer, and caller-given spans.
#pragma once

#include <span>
#include <vector>

#include "tactful/conversation.h"
#include "tactful/text.h"

namespace tactful {

// Sorted, non-overlapping byte spans. Lookups are O(log n).
class SkipRegions {
 public:
  void add(Span s);
  void finish();  // sort and merge; call once after the last add
  bool overlaps(Span s) const;
  bool covers(Span s) const;  // s lies entirely inside one region
  const std::vector<Span>& spans() const { return spans_; }

 private:
  std::vector<Span> spans_;
};

// Finds the regions in one pass over the lines and tokens (plus, for customer quotes, a
// search of each quoted passage in the customer's messages, bounded by their total size).
SkipRegions find_skip_regions(const TextModel& text, const Draft& draft,
                              std::span<const Message> history);

}  // namespace tactful
