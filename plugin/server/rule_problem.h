// A problem with an admin's rule or override, located by rule, team and JSON path, so the API
// can point at the field to fix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tactful::server {

struct RuleProblem {
  std::string rule;     // the rule (or overridden rule) id, "" when unknown
  std::string team;     // "" = tenant-wide
  std::string path;     // JSON path, e.g. "$.rules[0].examples.flag[1]" ("" = the whole set)
  std::string message;  // what is wrong, one line
};

// Splits one of core's pack errors ("<source>: rule 'id': field 'f': what") into a problem
// whose path is `prefix` + "." + f (`prefix` alone when there is no field).
RuleProblem problem_from_error(std::string_view message, std::string_view prefix);

// Splits one of RuleSet::check_examples's failure lines ("<source>: rule 'id':
// examples.flag[2] not flagged: ...") the same way.
RuleProblem problem_from_example_failure(std::string_view line, std::string_view prefix);

std::string problems_json(const std::vector<RuleProblem>& problems);

}  // namespace tactful::server
