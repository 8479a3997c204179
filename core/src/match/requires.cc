// Require rules: when the conversation calls for something (an apology, thanks for waiting)
// and the draft has none of the accepted phrases, patterns or markers, and no learned waiver
// holds (Rule::waived_by), suggest an insertion; a rule with When::draft_has asks only of
// a draft holding one of those markers.
#include <algorithm>

#include "analysis.h"

namespace tactful {
namespace {

bool is_greeting_word(std::string_view w) {
  static constexpr std::string_view kGreetings[] = {"hi",        "hello", "hey",     "dear",
                                                    "greetings", "good",  "morning", "afternoon",
                                                    "evening",   "hiya",  "howdy"};
  return std::find(std::begin(kGreetings), std::end(kGreetings), w) != std::end(kGreetings);
}

RequireAnchors find_anchors(const Analysis& a) {
  RequireAnchors out;
  const auto& toks = a.text.tokens;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (a.token_skipped[i]) continue;
    if (out.first == SIZE_MAX) out.first = i;
    if (toks[i].kind == TokenKind::word || toks[i].kind == TokenKind::number ||
        toks[i].kind == TokenKind::identifier || toks[i].kind == TokenKind::punct)
      out.last = i;
  }
  out.after_greeting = out.first;
  if (out.first == SIZE_MAX || !is_greeting_word(toks[out.first].norm)) return out;
  const auto sentence = a.text.sentence_of_token[out.first];
  const auto& s = a.text.sentences[sentence];
  if (s.end_token - s.first_token > 8) return out;  // a long first sentence is not a greeting
  // The greeting may end with a comma on the same line as the text ("Hi Dana, thanks ...").
  for (std::size_t i = out.first; i < s.end_token; ++i) {
    if (toks[i].norm == "," && i + 1 < s.end_token &&
        a.draft.text.substr(toks[i].bytes.end, toks[i + 1].bytes.begin - toks[i].bytes.end)
                .find('\n') == std::string_view::npos &&
        i - out.first <= 3) {
      out.after_greeting = i + 1;
      return out;
    }
  }
  out.after_greeting = s.end_token < toks.size() ? s.end_token : SIZE_MAX;
  return out;
}

// Whether any of rule `idx`'s regexes matches somewhere in the draft. On an ASCII draft the
// literals its regexes need answer first: with none of them there, no regex matches (most
// drafts, most rules), and RE2 need not scan the draft. The set, when there is one, answers in
// one scan that stops at the first match; should its DFA run out of memory it answers false
// with an error, and the regexes run one by one (RE2 then falls back itself).
bool draft_matches(Analysis& a, std::uint32_t idx) {
  const RuleSetImpl& rs = a.rules;
  const auto& regexes = rs.require_regex[idx];
  if (regexes.empty()) return false;
  if (const auto& needs = rs.require_needs[idx]; !needs.empty()) {
    const std::string* lower = a.lower_ascii_draft();
    if (lower != nullptr &&
        std::none_of(needs.begin(), needs.end(), [&](const auto& n) { return n.in(*lower); }))
      return false;
  }
  const re2::StringPiece text(a.draft.text.data(), a.draft.text.size());
  if (const RE2::Set* set = rs.require_set[idx].get()) {
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    if (set->Match(text, nullptr, &error)) return true;
    if (error.kind == RE2::Set::kNoError) return false;
  }
  return std::any_of(regexes.begin(), regexes.end(),
                     [&](const auto& re) { return RE2::PartialMatch(text, *re); });
}

// Whether rule `idx` has a learned waiver whose head the draft reaches: the draft does what the
// rule asks in words no marker lists. Read last, and only for rules with a waiver. A draft whose
// only apology is a hollow one (an exception of the `apology` marker: "sorry, but we're unable",
// "sorry for any trouble") gets no waiver: the heads read "sorry" as owning the problem, and a
// refusal that opens with it owns nothing.
bool waived_by_reading(Analysis& a, std::uint32_t idx, std::optional<std::uint32_t> apology) {
  const std::uint32_t head = a.rules.waiver_head[idx];
  if (head == RuleSetImpl::kNoWaiver || a.text.sentences.empty()) return false;
  if (apology && !a.marker_present[*apology] &&
      a.is_blocked(PhraseRef::Owner::marker, *apology, std::nullopt))
    return false;
  return a.draft_reading()[head] >= a.rules.rules[idx].waived_by->min_probability;
}

// Suggests rule `idx`'s insertion unless the draft already does what it asks.
void try_require(Analysis& a, std::uint32_t idx) {
  const RuleSetImpl& rs = a.rules;
  const std::optional<std::uint32_t> apology_marker = rs.apology_marker;
  if (!a.active[idx] || a.require_met[idx]) return;
  if (a.is_blocked(PhraseRef::Owner::rule, idx, std::nullopt)) return;
  const auto& gate = rs.require_gate[idx];
  if (!gate.empty() &&
      std::none_of(gate.begin(), gate.end(), [&](auto m) { return a.marker_present[m]; }))
    return;
  const auto& markers = rs.require_markers[idx];
  if (std::any_of(markers.begin(), markers.end(), [&](auto m) { return a.marker_present[m]; }))
    return;
  if (draft_matches(a, idx)) return;
  if (waived_by_reading(a, idx, apology_marker)) return;
  if (!a.require_anchors) a.require_anchors = find_anchors(a);
  const RequireAnchors& anchors = *a.require_anchors;
  const Rule& rule = rs.rules[idx];
  const auto& toks = a.text.tokens;
  Candidate c{idx, {}, {}, std::nullopt};
  // The text itself is filled by build_report, for the candidates merging keeps.
  if (!template_fills(a, rule.insert)) return;
  c.insert_from_template = true;
  if (rule.insert_at == InsertAt::end) {
    if (anchors.last == SIZE_MAX) return;
    c.span = toks[anchors.last].bytes;
    c.space_before = true;
    c.insert = Insertion{{}, toks[anchors.last].bytes.end};
  } else {
    std::size_t at =
        rule.insert_at == InsertAt::after_greeting ? anchors.after_greeting : anchors.first;
    if (at == SIZE_MAX) at = anchors.first;
    if (at == SIZE_MAX) return;
    // An acknowledgement reads best right after an opening apology ("I'm sorry about the
    // double charge. I know how stressful that is."), so it goes after that sentence.
    if (rule.insert_at == InsertAt::after_greeting && apology_marker &&
        rule.category != "apology") {
      const auto sentence = a.text.sentence_of_token[at];
      const bool opens_with_apology = a.marker_in(*apology_marker, sentence);
      const auto& s = a.text.sentences[sentence];
      if (opens_with_apology && s.end_token < toks.size()) at = s.end_token;
    }
    c.span = toks[at].bytes;
    c.insert = Insertion{{}, toks[at].bytes.begin};
  }
  a.candidates.push_back(std::move(c));
}

// A draft without words needs no insertion; the first word decides (no full count).
bool has_words(const Analysis& a) {
  const auto& tokens = a.text.tokens;
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::word || t.kind == TokenKind::number ||
           t.kind == TokenKind::identifier;
  });
}

}  // namespace

void match_requires(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (rs.require_rules.empty() || !has_words(a)) return;
  for (std::uint32_t idx : rs.require_rules) try_require(a, idx);
}

void match_draft_gated_requires(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (rs.draft_gated_requires.empty()) return;
  bool words_checked = false;
  for (std::uint32_t idx : rs.draft_gated_requires) {
    if (!a.active[idx]) continue;
    const auto& wanted = rs.draft_flagged_categories[idx];
    const bool flagged = std::any_of(a.candidates.begin(), a.candidates.end(), [&](const auto& c) {
      return std::find(wanted.begin(), wanted.end(), rs.category_of[c.rule]) != wanted.end();
    });
    if (!flagged) continue;
    if (!words_checked) {
      if (!has_words(a)) return;
      words_checked = true;
    }
    try_require(a, idx);
  }
}

}  // namespace tactful
