// Learned rules: the learned draft reading (learned/draft_model.h) gives each head a
// probability; a rule whose head reaches its min_probability flags the sentence that raises it
// most. The draft is read once for all learned rules and require waivers (Analysis::draft_reading),
// and only when one is active, plus once per
// rule that flags, to find the sentence: linear in the draft.
#include <algorithm>

#include "analysis.h"
#include "learned/draft_model.h"

namespace tactful {

void match_learned(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (a.text.sentences.empty() ||
      std::none_of(rs.learned_rules.begin(), rs.learned_rules.end(),
                   [&](const RuleSetImpl::LearnedRule& l) { return a.active[l.rule]; }))
    return;
  const draft::DraftReading& reading = a.draft_reading();
  for (const auto& l : rs.learned_rules) {
    if (!a.active[l.rule]) continue;
    if (reading[l.head] < rs.rules[l.rule].min_probability) continue;
    const Span span =
        a.text.sentences[draft::weightiest_sentence(a.text, a.token_skipped, l.head)].bytes;
    // Like a pattern match, a sentence touching a skip region (a quote, a caller's span, a URL)
    // gets no hint: its reading left those words out, but the hint would cover them.
    if (a.skip.overlaps(span) || a.is_blocked(PhraseRef::Owner::rule, l.rule, span)) continue;
    // Like a phrase rule's: a marker the rule names in that sentence (a time) waives the hint.
    if (sentence_waived(a, l.rule, span)) continue;
    a.candidates.push_back({l.rule, span, {}, std::nullopt});
  }
}

}  // namespace tactful
