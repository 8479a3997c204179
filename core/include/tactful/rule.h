// A rule as an admin writes it: the parsed, validated-for-shape form of one entry of a rule pack.
// RuleSet::compile turns a list of these into matchers; see docs/rules.md for the JSON format.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tactful/conversation.h"

namespace tactful {

enum class Severity { hint, suggestion, warning };
enum class RuleKind { phrase, substitute, pattern, require, repeat, metric, learned };

const char* to_string(Severity);
const char* to_string(RuleKind);

// Measurements a metric rule can bound.
enum class Metric {
  caps_words,       // a run of consecutive ALL-CAPS words (value: run length), flags the run
  exclamations,     // a run of "!" (value: run length), flags the run
  sentence_words,   // words in one sentence, flags the sentence
  word_count,       // words in the whole draft (skip regions excluded), flags the draft
  paragraph_words,  // words in one paragraph (blank-line separated), flags the paragraph
};
const char* to_string(Metric);

// Conditions on the conversation under which a rule applies. Empty means "always".
struct When {
  std::vector<std::string> intents_any;   // at least one of these customer intents
  std::vector<std::string> intents_none;  // none of these
  std::optional<double> min_frustration;  // 0..1
  std::optional<double> max_sentiment;    // -1..1
  std::optional<double> min_waited_minutes;
  std::optional<bool> customer_present;  // some customer message exists (or not)
  std::optional<bool> name_known;        // Context::customer_name is set (or not)
  std::optional<bool> repeat_contact;
  std::optional<bool> grievance;             // CustomerSignals::grievance
  std::optional<double> min_problem_report;  // CustomerSignals::problem_report, 0..1
  std::optional<double> min_feeling_report;  // CustomerSignals::feeling_report, 0..1
  std::optional<int> min_customer_words;     // the last customer message has at least this many
  std::vector<std::string> teams;            // any of these teams ("" never matches)
  std::vector<std::string> channels;         // any of these channels
  // Conditions on the draft, for require rules only. `draft_has`: marker sets of which the
  // draft must hold one for the rule to ask anything. "Give your next step a time" asks nothing
  // of a draft that takes no step and owns nothing (a refusal, a policy, an explanation): other
  // categories coach that draft. `draft_flagged`: the draft also has a hint of at least one of
  // these categories (read after every other matcher), e.g. an apology owed when a told
  // problem meets blame.
  std::vector<std::string> draft_has;
  std::vector<std::string> draft_flagged;
};

// One example of a rule, run when the rule is compiled. A `flag` example must produce a hint
// of this rule (on `marked` when given: the text between [[ and ]]); a `pass` example must not.
struct Example {
  std::string draft;  // with the [[ ]] markers removed
  std::optional<Span> marked;
  std::vector<Message> history;
  std::string team, channel, customer_name;
  std::chrono::sys_seconds now{};
};

// A named list of phrases that shows a strategy in the draft (an apology, thanks, a time).
// Require rules name marker sets instead of repeating phrase lists; scores count them.
struct MarkerSet {
  std::string id;
  std::vector<std::string> phrases;
  std::vector<std::string> exceptions;  // phrases that look like a marker but are not one
  bool unless_negated = true;
  std::string source;
};

enum class InsertAt { start, after_greeting, end };

struct Rule {
  std::string id;
  std::string category;
  Severity severity = Severity::suggestion;
  RuleKind kind = RuleKind::phrase;
  std::string message;  // may use {match}
  std::string why;
  When when;
  int priority = 0;  // among overlapping hints of one category, the higher wins

  // phrase, substitute, require: phrases in the phrase syntax of docs/rules.md.
  std::vector<std::string> phrases;
  std::vector<std::pair<std::string, std::vector<std::string>>> swaps;  // substitute
  std::vector<std::string> exceptions;  // antipatterns: a match they overlap is dropped
  bool unless_negated = false;          // drop a match preceded closely by a negation
  // Drop a match whose sentence holds a marker of one of these sets ("soon" is fine in a
  // sentence that also names a time).
  std::vector<std::string> unless_sentence_has;
  std::vector<std::string> replacements;  // ranked, for phrase and pattern ($1.. captures)

  // pattern
  std::string regex;
  bool case_sensitive = false;
  int mark_group = 0;  // the capture group to underline (0 = whole match)

  // require: the draft must contain one of `phrases`, match one of `patterns`, or hold a
  // marker of one of the named `markers` sets (see MarkerSet).
  std::vector<std::string> patterns;
  std::vector<std::string> markers;
  std::string insert;  // the sentence to suggest
  InsertAt insert_at = InsertAt::start;
  // require: the rule is also satisfied when the learned draft reading's `head` gives at least
  // `min_probability` (a draft that acknowledges in words no marker lists). Empty head: none.
  struct LearnedWaiver {
    std::string head;
    double min_probability = 0.5;
  };
  std::optional<LearnedWaiver> waived_by;

  // repeat
  double similarity = 0.8;  // 0..1 share of the sentence's word pairs seen before
  int min_words = 6;

  // metric
  Metric metric = Metric::word_count;
  std::optional<double> above;  // flag when the value is greater than this
  std::optional<double> below;  // flag when the value is less than this

  // learned: flag the draft when the learned reading's `head` (blame, dismissive, ...) gives
  // at least `min_probability`; the hint covers the sentence that raises it most.
  std::string head;
  double min_probability = 0.5;

  std::vector<Example> flag_examples;
  std::vector<Example> pass_examples;

  std::string source;  // the pack file it came from, for error messages
};

}  // namespace tactful
