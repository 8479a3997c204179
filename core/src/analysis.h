// The state of one analyze call, shared by the matchers of each rule kind. Internal to core.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "learned/draft_model.h"
#include "match/phrase_automaton.h"
#include "match/required_literal.h"
#include "rules/rule_set_impl.h"
#include "skip/regions.h"
#include "tactful/engine.h"

namespace tactful {

// A hint before merging: which rule, where, and what to offer.
struct Candidate {
  std::uint32_t rule;
  Span span;
  std::vector<std::string> replacements;
  std::optional<Insertion> insert;
  // A require rule's insertion is placed (insert->at) when the candidate is made, but its text
  // is filled from the rule's template only if merging keeps the candidate (build_report):
  // most require candidates are dropped there, and filling them was most of their cost.
  // `space_before` says on which side the text gets the space that joins it to the draft.
  bool insert_from_template = false;
  bool space_before = false;
};

struct PreparedHistoryData;

// Where a require rule's insertion can go: the first and last tokens outside skip regions, and
// the first token after a short greeting sentence ("Hi Dana," / "Hello there!"), each or
// SIZE_MAX. Found once per call, by the first require rule that places an insertion.
struct RequireAnchors {
  std::size_t first = SIZE_MAX, last = SIZE_MAX, after_greeting = SIZE_MAX;
};

struct Analysis {
  const Context& ctx;
  const Draft& draft;
  const RuleSetImpl& rules;
  // The history read beforehand (PreparedHistory), or null: then each part is read from
  // ctx.history when needed.
  const PreparedHistoryData* prepared;
  TextModel text;
  SkipRegions skip;
  // By token index: the token overlaps a skip region (the per-token test, precomputed in one
  // merge pass instead of a binary search per token and matcher).
  std::vector<char> token_skipped;
  CustomerSignals customer;
  std::vector<char> active;  // by rule index: enabled and its `when` holds
  std::vector<PhraseAutomaton::Hit> hits;
  std::vector<char> marker_present;  // by marker-set index, outside skip regions
  std::vector<char> require_met;     // by rule index: a require rule's phrase was found
  // Exception (antipattern) hits, by owner, sorted by start: looked up in O(log n) so a long
  // draft full of exceptions stays linear.
  struct Blocked {
    std::uint64_t owner;  // owner_key()
    Span span;
  };
  std::vector<Blocked> blocked;
  static std::uint64_t owner_key(PhraseRef::Owner owner, std::uint32_t index) {
    return (static_cast<std::uint64_t>(owner) << 32) | index;
  }
  // (marker set << 32 | sentence) for every marker found, for unless_sentence_has.
  std::vector<std::uint64_t> marker_in_sentence;
  std::vector<Candidate> candidates;
  // Shared by match_requires and match_draft_gated_requires; empty until one needs it.
  std::optional<RequireAnchors> require_anchors;

  Analysis(const Context& c, const Draft& d, const RuleSetImpl& r,
           const customer::HistoryReading& reading, const PreparedHistoryData* p);
  std::string_view slice(Span s) const { return draft.text.substr(s.begin, s.size()); }
  Span token_span(std::uint32_t first, std::uint32_t last) const {
    return {text.tokens[first].bytes.begin, text.tokens[last].bytes.end};
  }
  // True when token `i` starts its sentence (replacements there are capitalized).
  bool starts_sentence(std::uint32_t i) const {
    return text.sentences[text.sentence_of_token[i]].first_token == i;
  }
  // True when an exception of rule/marker `index` overlaps `s` (any span when s is empty).
  // Requires `blocked` sorted (match_phrases sorts it).
  bool is_blocked(PhraseRef::Owner owner, std::uint32_t index, std::optional<Span> s) const;
  bool marker_in(std::uint32_t marker, std::uint32_t sentence) const;
  // The learned draft reading, read on first use: learned rules and require rules' learned
  // waivers share it, so a draft is probed once per word for all draft heads.
  const draft::DraftReading& draft_reading() {
    if (!draft_reading_) draft_reading_ = draft::read_draft(text, token_skipped);
    return *draft_reading_;
  }
  // The draft lower-cased when every byte is ASCII, else null (for required_literal's
  // literals): made on first use, as most calls look for none.
  const std::string* lower_ascii_draft() {
    if (lower_state_ == LowerState::unread)
      lower_state_ = ascii_lower(draft.text, lower_) ? LowerState::ascii : LowerState::not_ascii;
    return lower_state_ == LowerState::ascii ? &lower_ : nullptr;
  }

 private:
  std::optional<draft::DraftReading> draft_reading_;
  enum class LowerState : std::uint8_t { unread, ascii, not_ascii };
  LowerState lower_state_ = LowerState::unread;
  std::string lower_;
};

// Matchers: each appends candidates of the active rules of its kind.
void match_phrases(Analysis& a);   // phrase and substitute rules, and marker sets
void match_patterns(Analysis& a);  // pattern rules
void match_requires(Analysis& a);  // require rules (after match_phrases: uses markers)
void match_repeats(Analysis& a);   // repeat rules
void match_metrics(Analysis& a);   // metric rules
void match_learned(Analysis& a);   // learned rules (after match_phrases: uses exceptions)
// Require rules with `when.draft_flagged` (last: reads every other matcher's candidates).
void match_draft_gated_requires(Analysis& a);

// True when a marker named by rule `idx`'s unless_sentence_has is in the sentence of `span`.
bool sentence_waived(const Analysis& a, std::uint32_t idx, Span span);

// True when a negation closely precedes token `first` in its sentence ("not a problem").
bool negated_before(const TextModel& text, std::uint32_t first);

// Whether fill_template(a, tmpl, ...) gives a text: it gives none only for a template naming
// the customer ("{name}") when the context has no name.
bool template_fills(const Analysis& a, std::string_view tmpl);

// Fills `{match}`, `{lower}` (the match in lower case), `{name}` and `$1`..`$9` (refs[n-1]:
// the n-th token of a phrase match, or capture group of a pattern) in a template, and
// capitalizes the result when `capital`. Returns nullopt if `{name}` is used but unknown.
std::optional<std::string> fill_template(const Analysis& a, std::string_view tmpl, Span match,
                                         std::span<const std::string_view> refs, bool capital);
// The refs of a phrase match: the text of each of its tokens (up to 9). A fixed array, not a
// vector: it is built for every match, and a heap allocation each was measurable.
struct TokenRefs {
  std::array<std::string_view, 9> views;
  std::size_t size = 0;
  operator std::span<const std::string_view>() const { return {views.data(), size}; }
};
TokenRefs token_refs(const Analysis& a, std::uint32_t first, std::uint32_t last);

// Builds the report from the candidates: merging, offsets, revised text and scores.
Report build_report(Analysis& a);
// `per_category`: how many of `suggestions` each category has, by RuleSetImpl::category_of.
Scores compute_scores(const Analysis& a, const std::vector<Suggestion>& suggestions,
                      const std::vector<int>& per_category);

}  // namespace tactful
