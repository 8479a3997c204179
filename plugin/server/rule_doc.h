// A tenant's rule document: its custom rules and its overrides of other rules, per team. The
// working copy and every published version are one of these, stored as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "admin_store.h"
#include "tactful/result.h"

namespace tactful::server {

struct DocEntry {
  std::string kind;  // "rule" (a custom rule, pack format) or "override"
  std::string team;  // "" = the whole tenant
  std::string id;    // the rule's id, or the id of the rule overridden
  std::string body;  // compact JSON object
  bool operator==(const DocEntry&) const = default;
};

struct RuleDoc {
  std::vector<DocEntry> entries;  // ordered by kind, team, id
};

// {"rules": [{"team", "id", "rule": {...}}], "overrides": [{"team", "id", "override": {...}}]}
std::string doc_to_json(const RuleDoc& doc);
Result<RuleDoc> doc_from_json(std::string_view json);
RuleDoc doc_from_items(const std::vector<Item>& items);
std::vector<Item> items_from_doc(const RuleDoc& doc);

// What changed from `a` to `b`: {"added": [...], "removed": [...], "changed": [{..., "before",
// "after"}]}, each entry naming kind, team and id.
std::string doc_diff_json(const RuleDoc& a, const RuleDoc& b);

// Re-serializes a JSON value compactly (so stored bodies compare equal when equal).
Result<std::string> compact_json(std::string_view json);

}  // namespace tactful::server
