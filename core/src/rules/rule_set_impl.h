// The compiled form of a RuleSet: one phrase automaton for every phrase of every rule and
// marker set, compiled regexes, and indexes. Immutable once built; read by the matchers.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "match/leading_literal.h"
#include "match/phrase_automaton.h"
#include "match/required_literal.h"
#include "report/score_refs.h"
#include "tactful/rule.h"

namespace tactful {

// What an automaton pattern belongs to.
struct PhraseRef {
  enum class Owner : std::uint8_t { rule, marker };
  enum class Role : std::uint8_t { match, exception };
  Owner owner;
  Role role;
  std::uint32_t index;  // rule or marker-set index
  std::uint32_t swap;   // substitute rules: which swap entry
};

class RuleSetImpl {
 public:
  std::vector<Rule> rules;
  std::vector<MarkerSet> markers;
  std::unordered_map<std::string, std::size_t> rule_by_id;
  std::unordered_map<std::string, std::size_t> marker_by_id;

  PhraseAutomaton automaton;
  std::vector<PhraseRef> phrase_refs;  // by automaton pattern id

  // Pattern rules: one RE2 each, plus a set that finds in one pass which of them match.
  std::vector<std::unique_ptr<RE2>> rule_regex;  // by rule index (null if none)
  std::unique_ptr<RE2::Set> regex_set;
  std::vector<std::uint32_t> regex_set_rule;  // set index -> rule index
  // The literal each match of a pattern rule's regex starts with, when its source shows one
  // (by rule index): its matches are found at the literal's occurrences, not by RE2's scan.
  std::vector<std::optional<LeadingLiteral>> pattern_literal;
  // Require rules: their regexes and the marker sets they accept.
  std::vector<std::vector<std::unique_ptr<RE2>>> require_regex;  // by rule index
  // A rule with several regexes also has them in one set (else null), so the draft is scanned
  // once, stopping at the first match of any, instead of once per regex.
  std::vector<std::unique_ptr<RE2::Set>> require_set;  // by rule index
  // By rule index: for each of its regexes the literal every match holds (required_literal),
  // or nothing when one regex has none. An ASCII draft holding none of them matches none.
  std::vector<std::vector<NeededLiteral>> require_needs;
  std::vector<std::vector<std::uint32_t>> require_markers;   // by rule index
  std::vector<std::vector<std::uint32_t>> sentence_waivers;  // unless_sentence_has
  std::vector<std::vector<std::uint32_t>> require_gate;      // when.draft_has

  std::vector<std::uint32_t> repeat_rules, metric_rules, require_rules;
  // Require rules with `when.draft_flagged`: read after every other matcher, each holding only
  // when the draft has a hint of one of its categories (numbers as in category_of).
  std::vector<std::uint32_t> draft_gated_requires;
  std::vector<std::vector<std::uint32_t>> draft_flagged_categories;  // by rule index
  // Learned rules: the rule index and the head of the draft reading it reads.
  struct LearnedRule {
    std::uint32_t rule;
    std::uint32_t head;
  };
  std::vector<LearnedRule> learned_rules;
  // Require rules' learned waivers (Rule::waived_by): the head each reads, kNoWaiver if none.
  static constexpr std::uint32_t kNoWaiver = UINT32_MAX;
  std::vector<std::uint32_t> waiver_head;  // by rule index
  // The `apology` marker set's index, if the rules have one: require rules read it on every
  // call (a hollow apology gets no waiver; an acknowledgement goes after an opening apology).
  std::optional<std::uint32_t> apology_marker;
  // Each rule's category as a small number (0 .. category_count - 1), so merging a report
  // indexes by category instead of hashing its name.
  std::vector<std::uint32_t> category_of;  // by rule index
  std::size_t category_count = 0;
  // Most rules have an empty `when`: analyze starts from this (1 = always holds, by rule
  // index) and evaluates only `conditional_rules`, instead of every rule on every call.
  std::vector<char> unconditional;
  std::vector<std::uint32_t> conditional_rules;
  // The intents `when`s name, numbered once: analyze marks the customer's intents by number
  // and a rule's intent tests become index reads instead of string compares per rule.
  std::unordered_map<std::string, std::uint32_t> when_intent_number;
  struct WhenIntents {
    std::vector<std::uint32_t> any, none;  // numbers of When::intents_any, intents_none
  };
  std::vector<WhenIntents> when_intents;  // by rule index
  ScoreRefs score_refs;                   // what the scores read, by index
};

}  // namespace tactful
