// Compiling a tenant's rule document into engines: one for the tenant, and one for each team
// that has rules or overrides of its own.
//
// Precedence, lowest first: the server's base rules (built-in packs plus the operator's pack
// files), then the tenant's custom rules, then the tenant's overrides, then the team's custom
// rules (a team rule with a tenant rule's id replaces it for that team), then the team's
// overrides. An override's severity and `enabled` replace the layer below's; its exceptions,
// phrases and examples add to them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rule_doc.h"
#include "rule_problem.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful::server {

// The compiled rules of one tenant at one published version. Immutable; shared by every check
// that started on it.
struct TenantRules {
  std::int64_t version = 0;
  std::shared_ptr<const Engine> tenant;  // teams without rules of their own use this
  std::map<std::string, std::shared_ptr<const Engine>> teams;
  // Examples of overridden rules that the override's exceptions now waive (not failures: the
  // admin chose them), one line each.
  std::vector<std::string> waived;

  const Engine& for_team(const std::string& team) const {
    auto it = teams.find(team);
    return it == teams.end() ? *tenant : *it->second;
  }
};

struct CompileResult {
  std::shared_ptr<TenantRules> rules;  // null when there are problems
  std::vector<RuleProblem> problems;
};

// Compiles `doc` over `base`. With `run_examples`, every custom rule's examples and every
// overridden rule's examples must behave (untouched base rules were proven when the base
// loaded, and a rule's examples run with only that rule enabled, so they cannot change).
// A layer with nothing of its own shares the layer below's engine (an empty doc is the base).
// `only_team` (dry-run) compiles the tenant's layer and that team's only.
CompileResult compile_tenant(const RuleDoc& doc, const std::shared_ptr<const RuleSet>& base,
                             bool run_examples, const std::string* only_team = nullptr);

// Checks one custom rule (pack format) on its own against `base`: shape, phrases, regexes,
// marker sets, an id that does not shadow a base rule, and its examples.
std::vector<RuleProblem> validate_rule(std::string_view json, const RuleSet& base,
                                       std::string_view prefix);

// Checks one override of `target` on its own against `base` (the target must exist there).
std::vector<RuleProblem> validate_override(std::string_view json, const std::string& target,
                                           const RuleSet& base, std::string_view prefix);

// Parses a custom rule in pack format (one rule object); sets `out` or returns problems.
std::vector<RuleProblem> parse_custom_rule(std::string_view json, std::string_view prefix,
                                           Rule& out);

// Ids the admin API reserves under /v1/admin/rules/.
bool reserved_rule_id(std::string_view id);

}  // namespace tactful::server
