// RuleSet::check_examples: a rule's examples run through the engine, as tests that ship with
// the rule (docs/rules.md, "examples").
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set_impl.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {

std::vector<std::string> RuleSet::check_examples(const Rule& rule) const {
  std::vector<std::string> failures;
  const Engine engine(std::shared_ptr<const RuleSet>(std::shared_ptr<const RuleSet>{}, this));
  // A rule gated on the draft's other hints runs with the rules of those categories too; only
  // its own suggestions are judged.
  std::vector<std::string> only{rule.id};
  for (const Rule& other : impl_->rules)
    if (std::find(rule.when.draft_flagged.begin(), rule.when.draft_flagged.end(), other.category) !=
        rule.when.draft_flagged.end())
      only.push_back(other.id);
  AnalyzeOptions options;
  options.enabled_only = only;
  auto run = [&](const Example& ex) {
    Context ctx;
    ctx.history = ex.history;
    ctx.team = ex.team;
    ctx.channel = ex.channel;
    ctx.customer_name = ex.customer_name;
    ctx.now = ex.now;
    return engine.analyze(ctx, Draft{ex.draft, {}}, options);
  };
  const std::string where = rule.source + ": rule '" + rule.id + "': ";
  for (std::size_t i = 0; i < rule.flag_examples.size(); ++i) {
    const Example& ex = rule.flag_examples[i];
    const Report report = run(ex);
    bool hit = false;
    std::string got;
    for (const auto& s : report.suggestions) {
      if (s.rule != rule.id) continue;
      if (!ex.marked || s.span == *ex.marked) hit = true;
      got += " [" + ex.draft.substr(s.span.begin, s.span.size()) + "]";
    }
    if (!hit) {
      std::string m =
          where + "examples.flag[" + std::to_string(i) + "] not flagged: \"" + ex.draft + "\"";
      if (ex.marked)
        m += " (expected [[" + ex.draft.substr(ex.marked->begin, ex.marked->size()) + "]]" +
             (got.empty() ? "" : ", got" + got) + ")";
      failures.push_back(std::move(m));
    }
  }
  for (std::size_t i = 0; i < rule.pass_examples.size(); ++i) {
    const Example& ex = rule.pass_examples[i];
    for (const auto& s : run(ex).suggestions) {
      if (s.rule != rule.id) continue;
      failures.push_back(where + "examples.pass[" + std::to_string(i) + "] flagged [" +
                         ex.draft.substr(s.span.begin, s.span.size()) + "] in \"" + ex.draft +
                         "\"");
      break;
    }
  }
  return failures;
}

}  // namespace tactful
