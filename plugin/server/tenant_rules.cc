// Compiling tenants' rule documents in layers, with every problem located.
#include "tenant_rules.h"

#include <set>

#include "rule_override.h"

namespace tactful::server {
namespace {

Rule without_examples(Rule r) {
  r.flag_examples.clear();
  r.pass_examples.clear();
  return r;
}

// A layer of rules being assembled: the base plus what the tenant (and a team) changed.
struct Layer {
  std::string team;
  std::vector<Rule> rules;
  std::vector<MarkerSet> markers;
  std::set<std::string> disabled;
  std::set<std::string> touched;  // rules whose examples must run again
  // Overridden base rules: how many of their own flag/pass examples come before the
  // override's, so a failure can say which one it is.
  std::map<std::string, std::pair<std::size_t, std::size_t>> base_examples;

  Rule* find(const std::string& id) {
    for (auto& r : rules)
      if (r.id == id) return &r;
    return nullptr;
  }
};

// Runs `rule`'s examples against `set`; failures become problems located in the item.
void check(const RuleSet& set, const Rule& rule, const Layer& layer,
           std::vector<RuleProblem>& problems, std::string_view prefix) {
  const auto counts = layer.base_examples.find(rule.id);
  for (const auto& line : set.check_examples(rule)) {
    RuleProblem p = problem_from_example_failure(line, prefix);
    p.rule = rule.id;
    p.team = layer.team;
    if (counts != layer.base_examples.end()) {
      // "$.examples.flag[7]": the first N flag examples are the rule's own.
      const bool flag = p.path.find(".examples.flag[") != std::string::npos;
      const auto open = p.path.rfind('['), close = p.path.rfind(']');
      if (open != std::string::npos && close != std::string::npos && close > open + 1) {
        const std::size_t index = std::stoul(p.path.substr(open + 1, close - open - 1));
        const std::size_t own = flag ? counts->second.first : counts->second.second;
        const std::string kind = flag ? "flag" : "pass";
        if (index < own) {
          p.path = std::string(prefix);
          p.message = "the rule's own example " + kind + "[" + std::to_string(index) +
                      "] no longer behaves with this override: " + p.message;
        } else {
          p.path =
              std::string(prefix) + ".examples." + kind + "[" + std::to_string(index - own) + "]";
        }
      }
    }
    problems.push_back(std::move(p));
  }
}

// Applies an override to `rule`, dropping the rule's own flag examples that the override's new
// exceptions now waive (recorded in `waived`). Refuses an override that waives all of them.
std::vector<RuleProblem> override_rule(Rule& rule, const Override& o, Layer& layer,
                                       std::string_view prefix, std::vector<std::string>& waived) {
  const std::size_t own_pass = rule.pass_examples.size();
  std::vector<Example> own_flags = rule.flag_examples;
  Rule changed = rule;
  changed.flag_examples.clear();
  changed.pass_examples.clear();
  Override no_examples = o;
  no_examples.flag_examples.clear();
  no_examples.pass_examples.clear();
  if (auto e = apply_override(no_examples, changed))
    return {{rule.id, layer.team, std::string(prefix), *e}};
  if (!o.exceptions.empty()) {
    auto alone = RuleSet::compile({changed}, layer.markers);
    if (!alone.ok()) {
      RuleProblem p = problem_from_error(alone.error().message, prefix);
      p.rule = rule.id;
      p.team = layer.team;
      return {p};
    }
    std::vector<Example> kept;
    for (std::size_t i = 0; i < own_flags.size(); ++i) {
      Rule one = changed;
      one.flag_examples = {own_flags[i]};
      if ((*alone)->check_examples(one).empty()) {
        kept.push_back(own_flags[i]);
      } else {
        waived.push_back((layer.team.empty() ? "" : "team " + layer.team + ": ") + "rule '" +
                         rule.id + "': example flag[" + std::to_string(i) + "] \"" +
                         own_flags[i].draft + "\" is waived by the override's exceptions");
      }
    }
    if (kept.empty() && o.flag_examples.empty())
      return {{rule.id, layer.team, std::string(prefix) + ".exceptions",
               "these exceptions waive every example of the rule firing, so it could never "
               "fire: switch it off with \"enabled\": false instead"}};
    own_flags = std::move(kept);
  }
  changed.flag_examples = own_flags;
  changed.pass_examples = rule.pass_examples;
  apply_override(o, changed);  // now with the override's own examples appended
  layer.base_examples[rule.id] = {own_flags.size(), own_pass};
  rule = std::move(changed);
  return {};
}

// Adds the doc's entries of one team ("" = tenant-wide) to `layer`.
std::vector<RuleProblem> add_entries(const RuleDoc& doc, const RuleSet& base, Layer& layer,
                                     const std::string& team, std::vector<std::string>& waived) {
  std::vector<RuleProblem> problems;
  auto locate = [&](std::vector<RuleProblem> found, const DocEntry& e) {
    for (auto& p : found) {
      if (p.rule.empty()) p.rule = e.id;
      p.team = e.team;
      problems.push_back(std::move(p));
    }
  };
  for (const auto& e : doc.entries) {
    if (e.kind != "rule" || e.team != team) continue;
    Rule r;
    auto found = parse_custom_rule(e.body, "$", r);
    if (found.empty() && base.find(r.id))
      found.push_back(
          {r.id, e.team, "$.id", "'" + r.id + "' is a built-in rule: override it instead"});
    if (found.empty() && r.id != e.id)
      found.push_back({r.id, e.team, "$.id", "the rule's id differs from '" + e.id + "'"});
    if (!found.empty()) {
      locate(std::move(found), e);
      continue;
    }
    r.source = team.empty() ? "custom rules" : "custom rules of team " + team;
    if (Rule* existing = layer.find(r.id))
      *existing = std::move(r);
    else
      layer.rules.push_back(std::move(r));
    layer.touched.insert(e.id);
  }
  for (const auto& e : doc.entries) {
    if (e.kind != "override" || e.team != team) continue;
    Override o;
    auto found = parse_override(e.body, "$", o);
    Rule* target = layer.find(e.id);
    if (found.empty() && !target)
      found.push_back({e.id, e.team, "$",
                       "there is no rule '" + e.id + "' to override" +
                           (team.empty() ? "" : " for team " + team)});
    if (found.empty()) found = override_rule(*target, o, layer, "$", waived);
    if (!found.empty()) {
      locate(std::move(found), e);
      continue;
    }
    if (o.enabled) {
      if (*o.enabled)
        layer.disabled.erase(e.id);
      else
        layer.disabled.insert(e.id);
    }
    if (!o.exceptions.empty() || !o.phrases.empty() || !o.flag_examples.empty() ||
        !o.pass_examples.empty())
      layer.touched.insert(e.id);
  }
  return problems;
}

std::shared_ptr<const Engine> compile_layer(const Layer& layer, bool run_examples,
                                            std::vector<RuleProblem>& problems) {
  std::vector<Rule> active;
  for (const auto& r : layer.rules)
    if (!layer.disabled.count(r.id)) active.push_back(without_examples(r));
  auto set = RuleSet::compile(std::move(active), layer.markers);
  if (!set.ok()) {
    RuleProblem p = problem_from_error(set.error().message, "$");
    p.team = layer.team;
    problems.push_back(std::move(p));
    return nullptr;
  }
  if (run_examples) {
    const std::size_t before = problems.size();
    for (const auto& r : layer.rules)
      if (layer.touched.count(r.id) && !layer.disabled.count(r.id))
        check(**set, r, layer, problems, "$");
    if (problems.size() > before) return nullptr;
  }
  return std::make_shared<const Engine>(std::move(set).value());
}

}  // namespace

bool reserved_rule_id(std::string_view id) {
  return id == "validate" || id == "dry-run" || id == "publish" || id == "rollback" ||
         id == "versions" || id == "history";
}

std::vector<RuleProblem> parse_custom_rule(std::string_view json, std::string_view prefix,
                                           Rule& out) {
  auto compact = compact_json(json);
  if (!compact.ok()) return {{"", "", std::string(prefix), compact.error().message}};
  auto parsed = parse_pack({"custom rule", R"({"schema":1,"rules":[)" + *compact + "]}"});
  if (!parsed.ok()) return {problem_from_error(parsed.error().message, prefix)};
  out = std::move(parsed->rules.front());
  if (reserved_rule_id(out.id))
    return {{out.id, "", std::string(prefix) + ".id",
             "'" + out.id + "' is reserved by the admin API; choose another id"}};
  return {};
}

std::vector<RuleProblem> validate_rule(std::string_view json, const RuleSet& base,
                                       std::string_view prefix) {
  Rule r;
  if (auto problems = parse_custom_rule(json, prefix, r); !problems.empty()) return problems;
  if (base.find(r.id))
    return {{r.id, "", std::string(prefix) + ".id",
             "'" + r.id + "' is a built-in rule: override it instead"}};
  Layer layer;
  layer.markers = base.markers();
  layer.rules.push_back(r);
  layer.touched.insert(r.id);
  std::vector<RuleProblem> problems;
  auto set = RuleSet::compile({without_examples(r)}, layer.markers);
  if (!set.ok()) return {problem_from_error(set.error().message, prefix)};
  check(**set, r, layer, problems, prefix);
  return problems;
}

std::vector<RuleProblem> validate_override(std::string_view json, const std::string& target,
                                           const RuleSet& base, std::string_view prefix) {
  Override o;
  if (auto problems = parse_override(json, prefix, o); !problems.empty()) {
    for (auto& p : problems) p.rule = target;
    return problems;
  }
  const Rule* rule = base.find(target);
  if (!rule)
    return {{target, "", std::string(prefix), "there is no built-in rule '" + target + "'"}};
  Layer layer;
  layer.markers = base.markers();
  layer.rules.push_back(*rule);
  std::vector<std::string> waived;
  if (auto problems = override_rule(layer.rules.front(), o, layer, prefix, waived);
      !problems.empty())
    return problems;
  auto set = RuleSet::compile({without_examples(layer.rules.front())}, layer.markers);
  if (!set.ok()) {
    RuleProblem p = problem_from_error(set.error().message, prefix);
    p.rule = target;
    return {p};
  }
  std::vector<RuleProblem> problems;
  check(**set, layer.rules.front(), layer, problems, prefix);
  return problems;
}

CompileResult compile_tenant(const RuleDoc& doc, const std::shared_ptr<const RuleSet>& base,
                             bool run_examples, const std::string* only_team) {
  CompileResult out;
  auto result = std::make_shared<TenantRules>();
  bool tenant_wide = false;
  std::set<std::string> teams;
  for (const auto& e : doc.entries) {
    if (e.team.empty())
      tenant_wide = true;
    else if (!only_team || e.team == *only_team)
      teams.insert(e.team);
  }
  Layer tenant;
  tenant.rules = base->rules();
  tenant.markers = base->markers();
  out.problems = add_entries(doc, *base, tenant, "", result->waived);
  if (!out.problems.empty()) return out;
  // Nothing tenant-wide: the base itself, compiled once when it loaded.
  result->tenant = tenant_wide ? compile_layer(tenant, run_examples, out.problems)
                               : std::make_shared<const Engine>(base);
  if (!result->tenant) return out;
  for (const auto& team : teams) {
    Layer layer = tenant;
    layer.team = team;
    layer.touched.clear();
    auto problems = add_entries(doc, *base, layer, team, result->waived);
    if (problems.empty()) {
      auto engine = compile_layer(layer, run_examples, problems);
      if (engine) result->teams[team] = std::move(engine);
    }
    for (auto& p : problems) out.problems.push_back(std::move(p));
  }
  if (out.problems.empty()) out.rules = std::move(result);
  return out;
}

}  // namespace tactful::server
