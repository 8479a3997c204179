// Phrase and substitute rules, and marker sets: one automaton pass finds every phrase; each
// hit is then kept or dropped by its owner's exceptions, negation guard and skip regions.
#include <algorithm>

#include "analysis.h"

namespace tactful {
namespace {

bool is_negator(const Token& t) {
  static constexpr std::string_view kNegators[] = {
      "not",    "no",      "never",    "cannot",  "without", "hardly", "neither", "nor",
      "nobody", "dont",    "cant",     "wont",    "isnt",    "arent",  "wasnt",   "didnt",
      "doesnt", "couldnt", "shouldnt", "wouldnt", "havent",  "hasnt",  "aint"};
  if (t.kind != TokenKind::word) return false;
  if (t.norm.ends_with("n't")) return true;
  return std::find(std::begin(kNegators), std::end(kNegators), t.norm) != std::end(kNegators);
}

}  // namespace

bool negated_before(const TextModel& text, std::uint32_t first) {
  const auto sentence = text.sentence_of_token[first];
  int words = 0;
  for (std::uint32_t i = first; i-- > 0 && words < 3;) {
    if (text.sentence_of_token[i] != sentence) break;
    const Token& t = text.tokens[i];
    if (t.kind == TokenKind::punct && (t.norm == "," || t.norm == ";" || t.norm == ":")) break;
    if (t.kind != TokenKind::word) continue;
    if (is_negator(t)) return true;
    ++words;
  }
  return false;
}

bool sentence_waived(const Analysis& a, std::uint32_t idx, Span span) {
  const auto& waivers = a.rules.sentence_waivers[idx];
  if (waivers.empty()) return false;
  // The sentence of the span's first token.
  const auto& toks = a.text.tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), span.begin,
                             [](const Token& t, std::size_t b) { return t.bytes.end <= b; });
  if (it == toks.end()) return false;
  const auto sentence = a.text.sentence_of_token[static_cast<std::size_t>(it - toks.begin())];
  for (const auto& [marker, s] : a.marker_sentences)
    if (s == sentence && std::find(waivers.begin(), waivers.end(), marker) != waivers.end())
      return true;
  return false;
}

void match_phrases(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  a.hits.clear();
  rs.automaton.find(a.text.tokens, a.hits);
  if (a.hits.empty()) return;
  // Exceptions first: a match is dropped when an exception of its owner overlaps it.
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role == PhraseRef::Role::exception)
      a.blocked.push_back({ref.owner, ref.index, a.token_span(h.first, h.last)});
  }
  // Markers before rules: rules may be waived by a marker in their sentence.
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role != PhraseRef::Role::match || ref.owner != PhraseRef::Owner::marker) continue;
    const Span span = a.token_span(h.first, h.last);
    if (a.skip.overlaps(span) || a.is_blocked(ref.owner, ref.index, span)) continue;
    if (rs.markers[ref.index].unless_negated && negated_before(a.text, h.first)) continue;
    a.marker_present[ref.index] = 1;
    a.marker_sentences.emplace_back(ref.index, a.text.sentence_of_token[h.first]);
  }
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role != PhraseRef::Role::match || ref.owner != PhraseRef::Owner::rule) continue;
    const Span span = a.token_span(h.first, h.last);
    if (a.skip.overlaps(span) || a.is_blocked(ref.owner, ref.index, span)) continue;
    if (!a.active[ref.index]) continue;
    const Rule& rule = rs.rules[ref.index];
    if (rule.kind == RuleKind::require) {
      if (!negated_before(a.text, h.first)) a.require_met[ref.index] = 1;
      continue;
    }
    if (rule.unless_negated && negated_before(a.text, h.first)) continue;
    if (sentence_waived(a, ref.index, span)) continue;
    const auto& templates =
        rule.kind == RuleKind::substitute ? rule.swaps[ref.swap].second : rule.replacements;
    Candidate c{ref.index, span, {}, std::nullopt};
    const auto refs = token_refs(a, h.first, h.last);
    const bool capital = a.text.tokens[h.first].capital && a.starts_sentence(h.first);
    for (const auto& t : templates) {
      if (auto filled = fill_template(a, t, span, refs, capital))
        c.replacements.push_back(std::move(*filled));
    }
    a.candidates.push_back(std::move(c));
  }
}

}  // namespace tactful
