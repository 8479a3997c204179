// Overrides: how a tenant or team changes a rule it did not write (a built-in one, or the
// tenant's own for a team): switch it off or on, change its severity, add exceptions
// (words that are fine here) and vocabulary (more phrases it flags or accepts).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rule_problem.h"
#include "tactful/rule.h"

namespace tactful::server {

// {"enabled"?, "severity"?, "exceptions"?, "phrases"?, "examples"? {flag, pass}, "note"?}
struct Override {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::vector<std::string> exceptions;  // appended to the rule's exceptions
  std::vector<std::string> phrases;     // appended to the rule's phrases (phrase, require kinds)
  std::vector<Example> flag_examples, pass_examples;  // appended to the rule's examples
  std::string note;
};

// Parses an override object; problems carry JSON paths under `prefix` (e.g. "$.override").
// Examples use the pack format of docs/rules.md (strings with [[marks]], or objects).
std::vector<RuleProblem> parse_override(std::string_view json, std::string_view prefix,
                                        Override& out);

// Applies `o` to `rule` (not `enabled`: the caller decides presence). Returns a problem when
// the override does not fit the rule's kind (phrases on a pattern rule...).
std::optional<std::string> apply_override(const Override& o, Rule& rule);

}  // namespace tactful::server
