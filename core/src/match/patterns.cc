// Pattern rules: RE2 regexes (linear time, so no rule can stall a check). One RE2::Set pass
// tells which rules match at all; only those run their own regex to find the spans.
#include <algorithm>
#include <array>
#include <span>

#include "analysis.h"
#include "match/leading_literal.h"

namespace tactful {

namespace {

bool starts_sentence_at(const Analysis& a, std::size_t byte) {
  const auto& ss = a.text.sentences;
  auto it = std::lower_bound(
      ss.begin(), ss.end(), byte,
      [](const TextModel::Sentence& s, std::size_t b) { return s.bytes.begin < b; });
  return it != ss.end() && it->bytes.begin == byte;
}

}  // namespace

void match_patterns(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (!rs.regex_set) return;
  const re2::StringPiece text(a.draft.text.data(), a.draft.text.size());
  std::vector<int> matched;
  if (!rs.regex_set->Match(text, &matched)) return;
  re2::StringPiece groups[10];
  for (int set_index : matched) {
    const std::uint32_t idx = rs.regex_set_rule[static_cast<std::size_t>(set_index)];
    if (!a.active[idx]) continue;
    const Rule& rule = rs.rules[idx];
    const RE2& re = *rs.rule_regex[idx];
    const int ngroups = std::min(re.NumberOfCapturingGroups() + 1, 10);
    const auto& literal = rs.pattern_literal[idx];
    PatternSearch next_match(re, literal ? &*literal : nullptr, text);
    std::size_t pos = 0;
    int found = 0;
    while (pos <= text.size() && found < 1000 && next_match(pos, groups, ngroups)) {
      const re2::StringPiece& whole = groups[0];
      const auto whole_begin = static_cast<std::size_t>(whole.data() - text.data());
      pos = whole_begin + (whole.empty() ? 1 : whole.size());
      const re2::StringPiece& mark = groups[rule.mark_group];
      if (mark.data() == nullptr || mark.empty()) continue;
      const auto begin = static_cast<std::size_t>(mark.data() - text.data());
      const Span span{begin, begin + mark.size()};
      if (a.skip.overlaps(span) || a.is_blocked(PhraseRef::Owner::rule, idx, span) ||
          sentence_waived(a, idx, span))
        continue;
      ++found;
      // At most 9 groups: a fixed array, not a vector allocated per match.
      std::array<std::string_view, 9> ref_buf;
      for (int g = 1; g < ngroups; ++g) ref_buf[g - 1] = {groups[g].data(), groups[g].size()};
      const std::span<const std::string_view> refs(ref_buf.data(),
                                                   static_cast<std::size_t>(ngroups - 1));
      const bool capital = span.begin < a.draft.text.size() && a.draft.text[span.begin] >= 'A' &&
                           a.draft.text[span.begin] <= 'Z' && starts_sentence_at(a, span.begin);
      Candidate c{idx, span, {}, std::nullopt};
      c.replacements.reserve(rule.replacements.size());
      for (const auto& t : rule.replacements)
        if (auto filled = fill_template(a, t, span, refs, capital))
          c.replacements.push_back(std::move(*filled));
      a.candidates.push_back(std::move(c));
    }
  }
}

}  // namespace tactful
