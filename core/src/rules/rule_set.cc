// Compiles rules into a RuleSet and refuses any set with an error or a failing example.
#include "tactful/rule_set.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "learned/draft_model.h"
#include "match/phrase_syntax.h"
#include "rules/rule_set_impl.h"
#include "tactful/embedded.h"
#include "tactful/engine.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& builtin_pack_files();
}

namespace tactful {
namespace {

Error rule_error(const Rule& r, std::string_view field, std::string_view what) {
  return Error{r.source + ": rule '" + r.id + "': field '" + std::string(field) +
               "': " + std::string(what)};
}

// Adds every expansion of `phrase` to the automaton under `ref`.
// "unknown head 'x' (known: blame, ...)": for a learned rule's head and a require rule's waiver.
std::string unknown_head(const std::string& head) {
  std::string known;
  for (const auto name : draft::kDraftHeadNames)
    known += (known.empty() ? "" : ", ") + std::string(name);
  return "unknown head '" + head + "' (known: " + known + ")";
}

std::optional<Error> add_phrase(RuleSetImpl& impl, const std::string& phrase, PhraseRef ref,
                                const std::function<Error(std::string_view)>& fail) {
  auto expanded = expand_phrase(phrase);
  if (!expanded.ok()) return fail(expanded.error().message);
  for (const auto& seq : expanded.value()) {
    const std::uint32_t id = impl.automaton.add(seq);
    if (id != impl.phrase_refs.size()) return fail("internal: pattern ids out of step");
    impl.phrase_refs.push_back(ref);
  }
  return std::nullopt;
}

const std::set<std::string>& known_intents() {
  static const std::set<std::string> ids = {"billing.double-charge",
                                            "billing.refund",
                                            "billing.unexpected-charge",
                                            "delivery.late",
                                            "delivery.lost",
                                            "product.bug",
                                            "product.bug.recurring",
                                            "problem.recurring",
                                            "feature-request",
                                            "cancellation",
                                            "churn-threat",
                                            "escalation-request",
                                            "broken-promise",
                                            "account-access",
                                            "review-threat",
                                            "dispute-threat",
                                            "delivery.damaged",
                                            "hardship",
                                            "stakes",
                                            "billing.refund-late",
                                            "service.failure",
                                            "others-conduct",
                                            "problem.reported",
                                            "contact.unanswered",
                                            "worry",
                                            "how-to",
                                            "feeling"};
  return ids;
}

std::unique_ptr<RE2> compile_regex(const std::string& regex, bool case_sensitive) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);  // a rule may not eat the server's memory
  return std::make_unique<RE2>(regex, options);
}

// The regexes of one require rule as a set, compiled as compile_regex compiles each; null when
// the set cannot be built (then each regex runs on its own, as before).
std::unique_ptr<RE2::Set> compile_set(const std::vector<std::string>& regexes) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& p : regexes)
    if (set->Add(p, nullptr) < 0) return nullptr;
  if (!set->Compile()) return nullptr;
  return set;
}

// The pattern rules' regexes as one set. Case-sensitivity differs per rule, so the set runs
// case-insensitively as a prefilter and each candidate is then confirmed by its own regex.
Result<std::unique_ptr<RE2::Set>> compile_pattern_set(const std::vector<std::string>& regexes) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& p : regexes) {
    if (set->Add(p, nullptr) < 0) return Error{"internal: regex set refused " + p};
  }
  if (!set->Compile()) return Error{"the rules' regexes are too large together"};
  return set;
}

// Compiles every regex of `impl` again from its source, as build compiled it. Each RE2 builds
// its DFA lazily and keeps the states it reached; after the rules' examples have run, those are
// megabytes that would stay resident for the life of the snapshot. Fresh regexes hold none.
// Only the regexes are rebuilt: the phrase automata and the rest hold no per-text state.
Result<void> refresh_regexes(RuleSetImpl& impl) {
  for (std::size_t i = 0; i < impl.rules.size(); ++i) {
    const Rule& r = impl.rules[i];
    if (impl.rule_regex[i]) impl.rule_regex[i] = compile_regex(r.regex, r.case_sensitive);
    for (std::size_t k = 0; k < impl.require_regex[i].size(); ++k)
      impl.require_regex[i][k] = compile_regex(r.patterns[k], false);
    if (impl.require_set[i]) impl.require_set[i] = compile_set(r.patterns);
  }
  if (impl.regex_set) {
    std::vector<std::string> set_patterns;  // in the set's order, as build added them
    for (const std::uint32_t idx : impl.regex_set_rule)
      set_patterns.push_back(impl.rules[idx].regex);
    auto set = compile_pattern_set(set_patterns);
    if (!set.ok()) return set.error();
    impl.regex_set = std::move(set).value();
  }
  return {};
}

Result<std::unique_ptr<RuleSetImpl>> build(std::vector<Rule> rules,
                                           std::vector<MarkerSet> markers) {
  auto impl = std::make_unique<RuleSetImpl>();
  for (std::size_t i = 0; i < markers.size(); ++i) {
    const MarkerSet& m = markers[i];
    if (!impl->marker_by_id.emplace(m.id, i).second)
      return Error{m.source + ": marker set '" + m.id + "' is defined twice"};
    auto fail = [&](std::string_view what) {
      return Error{m.source + ": marker set '" + m.id + "': " + std::string(what)};
    };
    for (const auto& p : m.phrases)
      if (auto e = add_phrase(
              *impl, p,
              {PhraseRef::Owner::marker, PhraseRef::Role::match, static_cast<std::uint32_t>(i), 0},
              fail))
        return *e;
    for (const auto& p : m.exceptions)
      if (auto e = add_phrase(*impl, p,
                              {PhraseRef::Owner::marker, PhraseRef::Role::exception,
                               static_cast<std::uint32_t>(i), 0},
                              fail))
        return *e;
  }
  impl->rule_regex.resize(rules.size());
  impl->require_regex.resize(rules.size());
  impl->require_set.resize(rules.size());
  impl->require_needs.resize(rules.size());
  impl->pattern_literal.resize(rules.size());
  impl->waiver_head.assign(rules.size(), RuleSetImpl::kNoWaiver);
  impl->require_markers.resize(rules.size());
  impl->sentence_waivers.resize(rules.size());
  impl->require_gate.resize(rules.size());
  std::vector<std::string> set_patterns;
  std::unordered_map<std::string_view, std::uint32_t> category_index;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    const auto idx = static_cast<std::uint32_t>(i);
    impl->category_of.push_back(
        category_index.emplace(r.category, static_cast<std::uint32_t>(category_index.size()))
            .first->second);
    if (!impl->rule_by_id.emplace(r.id, i).second)
      return rule_error(
          r, "id", "duplicate id (also defined in " + rules[impl->rule_by_id[r.id]].source + ")");
    for (const auto& intent : r.when.intents_any)
      if (!known_intents().count(intent))
        return rule_error(r, "when.intents", "unknown intent '" + intent + "' (can never match)");
    for (const auto& intent : r.when.intents_none)
      if (!known_intents().count(intent))
        return rule_error(r, "when.not_intents", "unknown intent '" + intent + "'");
    auto fail_in = [&](const char* field) {
      return [&r, field](std::string_view what) { return rule_error(r, field, what); };
    };
    const PhraseRef match{PhraseRef::Owner::rule, PhraseRef::Role::match, idx, 0};
    const PhraseRef exception{PhraseRef::Owner::rule, PhraseRef::Role::exception, idx, 0};
    for (const auto& p : r.phrases)
      if (auto e = add_phrase(*impl, p, match, fail_in("phrases"))) return *e;
    for (const auto& p : r.exceptions)
      if (auto e = add_phrase(*impl, p, exception, fail_in("exceptions"))) return *e;
    for (std::size_t s = 0; s < r.swaps.size(); ++s) {
      PhraseRef ref = match;
      ref.swap = static_cast<std::uint32_t>(s);
      if (auto e = add_phrase(*impl, r.swaps[s].first, ref, fail_in("swap"))) return *e;
    }
    if (r.kind == RuleKind::pattern) {
      auto re = compile_regex(r.regex, r.case_sensitive);
      if (!re->ok()) return rule_error(r, "regex", re->error());
      if (r.mark_group > re->NumberOfCapturingGroups())
        return rule_error(r, "mark",
                          "the regex has no capture group " + std::to_string(r.mark_group));
      impl->regex_set_rule.push_back(idx);
      set_patterns.push_back(r.regex);
      impl->rule_regex[i] = std::move(re);
      impl->pattern_literal[i] = leading_literal(r.regex, r.case_sensitive);
    }
    for (const auto& p : r.patterns) {
      auto re = compile_regex(p, false);
      if (!re->ok()) return rule_error(r, "patterns", re->error());
      impl->require_regex[i].push_back(std::move(re));
    }
    if (r.patterns.size() > 1) impl->require_set[i] = compile_set(r.patterns);
    impl->require_needs[i] = needed_literals(r.patterns);
    for (const auto& m : r.markers) {
      auto it = impl->marker_by_id.find(m);
      if (it == impl->marker_by_id.end())
        return rule_error(r, "markers", "unknown marker set '" + m + "'");
      impl->require_markers[i].push_back(static_cast<std::uint32_t>(it->second));
    }
    for (const auto& m : r.unless_sentence_has) {
      auto it = impl->marker_by_id.find(m);
      if (it == impl->marker_by_id.end())
        return rule_error(r, "unless_sentence_has", "unknown marker set '" + m + "'");
      impl->sentence_waivers[i].push_back(static_cast<std::uint32_t>(it->second));
    }
    if (!r.when.draft_has.empty() && r.kind != RuleKind::require)
      return rule_error(r, "when.draft_has", "only require rules ask something of the draft");
    for (const auto& m : r.when.draft_has) {
      auto it = impl->marker_by_id.find(m);
      if (it == impl->marker_by_id.end())
        return rule_error(r, "when.draft_has", "unknown marker set '" + m + "'");
      impl->require_gate[i].push_back(static_cast<std::uint32_t>(it->second));
    }
    const When& w = r.when;
    const bool always = w.intents_any.empty() && w.intents_none.empty() && !w.min_frustration &&
                        !w.max_sentiment && !w.min_waited_minutes && !w.customer_present &&
                        !w.name_known && !w.repeat_contact && !w.grievance &&
                        !w.min_problem_report && !w.min_feeling_report && !w.min_customer_words &&
                        w.teams.empty() && w.channels.empty();
    auto& numbered = impl->when_intents.emplace_back();
    const auto number = [&](const std::string& intent) {
      const auto next = static_cast<std::uint32_t>(impl->when_intent_number.size());
      return impl->when_intent_number.try_emplace(intent, next).first->second;
    };
    for (const auto& i : w.intents_any) numbered.any.push_back(number(i));
    for (const auto& i : w.intents_none) numbered.none.push_back(number(i));
    impl->unconditional.push_back(always);
    if (!always) impl->conditional_rules.push_back(idx);
    if (r.kind == RuleKind::repeat) impl->repeat_rules.push_back(idx);
    if (r.kind == RuleKind::metric) impl->metric_rules.push_back(idx);
    if (!w.draft_flagged.empty() && r.kind != RuleKind::require)
      return rule_error(r, "when.draft_flagged", "only require rules can read the draft's hints");
    if (r.kind == RuleKind::require)
      (w.draft_flagged.empty() ? impl->require_rules : impl->draft_gated_requires).push_back(idx);
    if (r.kind == RuleKind::learned) {
      const auto head = draft::head_index(r.head);
      if (!head) return rule_error(r, "head", unknown_head(r.head));
      impl->learned_rules.push_back({idx, static_cast<std::uint32_t>(*head)});
    }
    if (r.waived_by) {
      const auto head = draft::head_index(r.waived_by->head);
      if (!head) return rule_error(r, "waived_by.head", unknown_head(r.waived_by->head));
      impl->waiver_head[idx] = static_cast<std::uint32_t>(*head);
    }
  }
  if (!set_patterns.empty()) {
    auto set = compile_pattern_set(set_patterns);
    if (!set.ok()) return set.error();
    impl->regex_set = std::move(set).value();
  }
  impl->category_count = category_index.size();
  impl->draft_flagged_categories.resize(rules.size());
  for (std::uint32_t idx : impl->draft_gated_requires) {
    for (const auto& category : rules[idx].when.draft_flagged) {
      auto it = category_index.find(category);
      if (it == category_index.end())
        return rule_error(rules[idx], "when.draft_flagged",
                          "no rule has the category '" + category + "'");
      impl->draft_flagged_categories[idx].push_back(it->second);
    }
  }
  impl->score_refs = resolve_score_refs(impl->marker_by_id, category_index);
  if (auto it = impl->marker_by_id.find("apology"); it != impl->marker_by_id.end())
    impl->apology_marker = static_cast<std::uint32_t>(it->second);
  impl->automaton.build();
  impl->rules = std::move(rules);
  impl->markers = std::move(markers);
  return impl;
}

}  // namespace

RuleSet::RuleSet(Key, std::unique_ptr<RuleSetImpl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;
const std::vector<Rule>& RuleSet::rules() const {
  return impl_->rules;
}
const std::vector<MarkerSet>& RuleSet::markers() const {
  return impl_->markers;
}
const Rule* RuleSet::find(std::string_view id) const {
  auto it = impl_->rule_by_id.find(std::string(id));
  return it == impl_->rule_by_id.end() ? nullptr : &impl_->rules[it->second];
}

Result<std::shared_ptr<const RuleSet>> RuleSet::compile(std::vector<Rule> rules,
                                                        std::vector<MarkerSet> markers) {
  auto impl = build(std::move(rules), std::move(markers));
  if (!impl.ok()) return impl.error();
  auto set = std::make_shared<RuleSet>(Key{}, std::move(impl).value());
  std::string failures;
  std::size_t count = 0;
  for (const Rule& r : set->rules()) {
    for (auto& f : set->check_examples(r)) {
      if (++count <= 20) failures += (failures.empty() ? "" : "\n") + f;
    }
  }
  if (count > 20) failures += "\n... and " + std::to_string(count - 20) + " more";
  if (count) return Error{failures};
  // The examples filled the regexes' DFAs; the set handed out starts with empty ones.
  if (auto fresh = refresh_regexes(*set->impl_); !fresh.ok()) return fresh.error();
  return std::shared_ptr<const RuleSet>(std::move(set));
}

Result<std::shared_ptr<const RuleSet>> RuleSet::load(const std::vector<PackSource>& packs) {
  std::vector<Rule> rules;
  std::vector<MarkerSet> markers;
  for (const auto& source : packs) {
    auto pack = parse_pack(source);
    if (!pack.ok()) return pack.error();
    for (auto& r : pack->rules) rules.push_back(std::move(r));
    for (auto& m : pack->markers) markers.push_back(std::move(m));
  }
  return compile(std::move(rules), std::move(markers));
}

const std::vector<PackSource>& builtin_packs() {
  static const std::vector<PackSource> packs = [] {
    std::vector<PackSource> out;
    for (const auto& f : generated::builtin_pack_files()) out.push_back({f.name, f.data});
    return out;
  }();
  return packs;
}

std::shared_ptr<const RuleSet> RuleSet::builtin() {
  static const std::shared_ptr<const RuleSet> set = [] {
    auto loaded = load(builtin_packs());
    // The built-in packs are checked by the test suite; failing here is a build defect.
    if (!loaded.ok()) {
      std::fprintf(stderr, "tactful: the built-in rule packs are broken:\n%s\n",
                   loaded.error().message.c_str());
      std::abort();
    }
    return loaded.value();
  }();
  return set;
}

}  // namespace tactful
