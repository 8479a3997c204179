// Engine::analyze: text model, skip regions and customer signals, then every matcher, then
// the report. Pure: everything it reads comes from its arguments and the immutable rule set.
#include "tactful/engine.h"

#include <algorithm>

#include "analysis.h"
#include "prepared_data.h"

namespace tactful {
namespace {

bool contains(std::span<const std::string> list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}
bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Which of the intents `when`s name (RuleSetImpl::when_intent_number) the customer shows.
std::vector<char> customer_intents(const RuleSetImpl& rs, const CustomerSignals& c) {
  std::vector<char> has(rs.when_intent_number.size(), 0);
  for (const Intent& i : c.intents)
    if (auto it = rs.when_intent_number.find(i.id); it != rs.when_intent_number.end())
      has[it->second] = 1;
  return has;
}

// Whether a rule's `when` holds for this conversation; `intents` are the rule's own intent
// tests by number, `has` the customer's (customer_intents).
bool holds(const When& w, const RuleSetImpl::WhenIntents& intents, const std::vector<char>& has,
           const Context& ctx, const CustomerSignals& c) {
  // Each test only rules the rule out, so their order is free: the intents first, the index
  // reads that rule out most rules.
  if (!intents.any.empty() &&
      std::none_of(intents.any.begin(), intents.any.end(), [&](std::uint32_t i) { return has[i]; }))
    return false;
  for (std::uint32_t i : intents.none)
    if (has[i]) return false;
  const bool reads_customer = !w.intents_any.empty() || w.min_frustration || w.max_sentiment ||
                              w.repeat_contact || w.grievance || w.min_problem_report ||
                              w.min_feeling_report;
  // Cues read from the customer's words are English; don't act on a text we can't read.
  if (reads_customer && c.english_confidence < 0.5) return false;
  if (w.min_frustration && !(c.has_customer && c.frustration >= *w.min_frustration)) return false;
  if (w.max_sentiment && !(c.has_customer && c.sentiment <= *w.max_sentiment)) return false;
  if (w.min_waited_minutes && !(c.waited_minutes && *c.waited_minutes >= *w.min_waited_minutes))
    return false;
  if (w.customer_present && *w.customer_present != c.has_customer) return false;
  if (w.name_known && *w.name_known != !ctx.customer_name.empty()) return false;
  if (w.repeat_contact && *w.repeat_contact != c.repeat_contact) return false;
  if (w.grievance && *w.grievance != (c.has_customer && c.grievance)) return false;
  if (w.min_problem_report && !(c.has_customer && c.problem_report >= *w.min_problem_report))
    return false;
  if (w.min_feeling_report && !(c.has_customer && c.feeling_report >= *w.min_feeling_report))
    return false;
  if (w.min_customer_words && !(c.has_customer && c.last_customer_words >= *w.min_customer_words))
    return false;
  if (!w.teams.empty() && (ctx.team.empty() || !contains(w.teams, ctx.team))) return false;
  if (!w.channels.empty() && (ctx.channel.empty() || !contains(w.channels, ctx.channel)))
    return false;
  return true;
}

}  // namespace

Analysis::Analysis(const Context& c, const Draft& d, const RuleSetImpl& r,
                   const customer::HistoryReading& reading, const PreparedHistoryData* p)
    : ctx(c),
      draft(d),
      rules(r),
      prepared(p),
      text(d.text),
      skip(find_skip_regions(text, d, c.history)),
      customer(customer::finish_signals(reading, c)) {
  // Tokens and regions are both sorted by start, and regions are disjoint: per region, the
  // tokens before it are passed over and those that overlap it marked, one pass in all.
  const auto& tokens = text.tokens;
  token_skipped.resize(tokens.size());
  candidates.reserve(16);  // a draft's candidates, usually fewer: no regrowth, no moves
  std::size_t i = 0;
  for (const Span& region : skip.spans()) {
    while (i < tokens.size() && tokens[i].bytes.end <= region.begin) ++i;
    for (std::size_t j = i; j < tokens.size() && tokens[j].bytes.begin < region.end; ++j)
      token_skipped[j] = 1;
  }
}

namespace {

Report run(const RuleSetImpl& rs, const Context& ctx, const Draft& draft,
           const AnalyzeOptions& options, const customer::HistoryReading& reading,
           const PreparedHistoryData* prepared) {
  Analysis a(ctx, draft, rs, reading, prepared);
  a.require_met.assign(rs.rules.size(), 0);
  a.marker_present.assign(rs.markers.size(), 0);
  const bool all_enabled = options.enabled_only.empty() && options.disabled_rules.empty() &&
                           options.disabled_categories.empty();
  const std::vector<char> has = customer_intents(rs, a.customer);
  if (all_enabled) {  // the common case: only the rules with a `when` need a look
    a.active = rs.unconditional;
    for (std::uint32_t i : rs.conditional_rules)
      a.active[i] = holds(rs.rules[i].when, rs.when_intents[i], has, ctx, a.customer);
  } else {
    a.active.assign(rs.rules.size(), 0);
    for (std::size_t i = 0; i < rs.rules.size(); ++i) {
      const Rule& r = rs.rules[i];
      if (!options.enabled_only.empty() && !contains(options.enabled_only, r.id)) continue;
      if (contains(options.disabled_rules, r.id) ||
          contains(options.disabled_categories, r.category))
        continue;
      a.active[i] = holds(r.when, rs.when_intents[i], has, ctx, a.customer);
    }
  }
  match_phrases(a);
  match_patterns(a);
  match_requires(a);
  match_repeats(a);
  match_metrics(a);
  match_learned(a);
  match_draft_gated_requires(a);
  return build_report(a);
}

}  // namespace

Report Engine::analyze(const Context& ctx, const Draft& draft,
                       const AnalyzeOptions& options) const {
  return run(rules_->impl(), ctx, draft, options, customer::read_history(ctx.history), nullptr);
}

Report Engine::analyze(const Context& ctx, const Draft& draft, const AnalyzeOptions& options,
                       const PreparedHistory& history) const {
  if (!history.fits(ctx.history)) return analyze(ctx, draft, options);
  return run(rules_->impl(), ctx, draft, options, history.data().reading, &history.data());
}

}  // namespace tactful
