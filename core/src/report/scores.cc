// Empathy, positivity, clarity and overall scores (0-100), each with the reasons that moved it.
// Scores read both sides: the same draft scores lower when the customer is upset and the
// draft does not meet them there.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "analysis.h"

namespace tactful {
namespace {

// Reasons are formatted only for deltas that are not zero: most checks add nothing, and
// building their text (often past the small-string buffer) cost a heap allocation each.
class ScoreBuilder {
 public:
  ScoreBuilder(int base, std::string_view why) : value_(base) {
    reasons_.reserve(8);
    reasons_.emplace_back(why);
  }
  // The reason is `reason` followed by `suffix` ("missing or weak " + "apology").
  void add(int delta, std::string_view reason, std::string_view suffix = {}) {
    if (delta == 0) return;
    value_ += delta;
    // "+5 reason suffix" or "-5 reason suffix", sized once: one allocation at most.
    char number[16];
    char* end = number;
    if (delta > 0) *end++ = '+';
    end = std::to_chars(end, number + sizeof number, delta).ptr;
    std::string& r = reasons_.emplace_back();
    r.reserve(static_cast<std::size_t>(end - number) + 1 + reason.size() + suffix.size());
    r.append(number, end);
    r += ' ';
    r += reason;
    r += suffix;
  }
  Score done() && { return {std::clamp(value_, 0, 100), std::move(reasons_)}; }

 private:
  int value_;
  std::vector<std::string> reasons_;
};

bool marker(const Analysis& a, ScoreMarker m) {
  const std::uint32_t i = a.rules.score_refs.markers[static_cast<std::size_t>(m)];
  return i != ScoreRefs::kNone && a.marker_present[i];
}

// How many hints of category `c` the report has.
class CategoryCounts {
 public:
  CategoryCounts(const Analysis& a, const std::vector<int>& per_category)
      : refs_(a.rules.score_refs), per_category_(per_category) {}
  int operator()(ScoreCategory c) const {
    const std::uint32_t i = refs_.categories[static_cast<std::size_t>(c)];
    return i == ScoreRefs::kNone ? 0 : per_category_[i];
  }

 private:
  const ScoreRefs& refs_;
  const std::vector<int>& per_category_;
};

bool mentions_name(const Analysis& a) {
  if (a.ctx.customer_name.empty()) return false;
  const std::string name = fold(a.ctx.customer_name.substr(0, a.ctx.customer_name.find(' ')));
  for (std::size_t i = 0; i < a.text.tokens.size(); ++i) {
    const Token& t = a.text.tokens[i];
    if (t.kind == TokenKind::word && t.norm == name && !a.token_skipped[i]) return true;
  }
  return false;
}

}  // namespace

ScoreRefs resolve_score_refs(const std::unordered_map<std::string, std::size_t>& marker_by_id,
                             const std::unordered_map<std::string_view, std::uint32_t>& category) {
  static constexpr std::array<std::string_view, kScoreMarkers> kMarkers = {
      "empathy", "apology", "gratitude", "positive", "time", "action"};
  static constexpr std::array<std::string_view, kScoreCategories> kCategories = {
      "blame",          "dismissive",        "tone",
      "apology",        "empathy",           "escalation",
      "responsiveness", "negative-language", "policy-language",
      "clarity",        "vague-commitment",  "jargon"};
  ScoreRefs out;
  for (std::size_t i = 0; i < kScoreMarkers; ++i) {
    const auto it = marker_by_id.find(std::string(kMarkers[i]));
    out.markers[i] =
        it == marker_by_id.end() ? ScoreRefs::kNone : static_cast<std::uint32_t>(it->second);
  }
  for (std::size_t i = 0; i < kScoreCategories; ++i) {
    const auto it = category.find(kCategories[i]);
    out.categories[i] = it == category.end() ? ScoreRefs::kNone : it->second;
  }
  return out;
}

Scores compute_scores(const Analysis& a, const std::vector<Suggestion>& s,
                      const std::vector<int>& per_category) {
  const CustomerSignals& c = a.customer;
  const CategoryCounts count(a, per_category);
  using M = ScoreMarker;
  using C = ScoreCategory;
  const bool upset = c.has_customer && (c.frustration >= 0.5 || c.sentiment <= -0.4);
  Scores out;

  ScoreBuilder empathy(upset ? 40 : 70, upset ? "base 40: the customer is upset"
                                              : "base 70: no sign the customer is upset");
  if (marker(a, M::empathy)) empathy.add(upset ? 25 : 10, "acknowledges how the customer feels");
  if (marker(a, M::apology)) empathy.add(upset ? 20 : 5, "apologises");
  if (marker(a, M::gratitude)) empathy.add(5, "thanks the customer");
  if (mentions_name(a)) empathy.add(5, "uses the customer's name");
  for (const auto& [cat, name] :
       {std::pair{C::blame, "blame"}, std::pair{C::dismissive, "dismissive"},
        std::pair{C::tone, "tone"}})
    empathy.add(-12 * std::min(count(cat), 3), name, " in the draft");
  for (const auto& [cat, name] :
       {std::pair{C::apology, "apology"}, std::pair{C::empathy, "empathy"},
        std::pair{C::escalation, "escalation"}, std::pair{C::responsiveness, "responsiveness"}})
    empathy.add(-20 * std::min(count(cat), 1), "missing or weak ", name);
  out.empathy = std::move(empathy).done();

  // An upset customer needs to hear what can be done; a reply that never says it reads cold.
  ScoreBuilder positivity(upset ? 55 : 75, upset ? "base 55: the customer is upset" : "base 75");
  if (marker(a, M::positive)) positivity.add(upset ? 35 : 15, "says what can be done");
  positivity.add(-12 * std::min(count(C::negative_language), 3), "negative language");
  positivity.add(-15 * std::min(count(C::policy_language), 2), "hides behind policy");
  positivity.add(-10 * std::min(count(C::blame), 2), "blames the customer");
  positivity.add(-10 * std::min(count(C::dismissive), 2), "dismissive words");
  out.positivity = std::move(positivity).done();

  ScoreBuilder clarity(85, "base 85");
  // The built-in marker sets for a next step are `time` and `action` (core/packs/markers.json).
  if (marker(a, M::time) || marker(a, M::action))
    clarity.add(15, "gives a concrete next step or time");
  clarity.add(-15 * std::min(count(C::clarity), 3), "long sentences or a wall of text");
  clarity.add(-12 * std::min(count(C::vague_commitment), 2), "vague commitment");
  clarity.add(-8 * std::min(count(C::jargon), 3), "jargon");
  out.clarity = std::move(clarity).done();

  // To an upset customer, how the reply treats them weighs most.
  const double w_empathy = upset ? 0.60 : 0.45, w_positivity = upset ? 0.25 : 0.30;
  const double w_clarity = 1.0 - w_empathy - w_positivity;
  const double weighted = w_empathy * out.empathy.value + w_positivity * out.positivity.value +
                          w_clarity * out.clarity.value;
  ScoreBuilder overall(static_cast<int>(std::lround(weighted)),
                       upset ? "60% empathy + 25% positivity + 15% clarity (upset customer)"
                             : "45% empathy + 30% positivity + 25% clarity");
  const int warnings = static_cast<int>(std::count_if(
      s.begin(), s.end(), [](const Suggestion& x) { return x.severity == Severity::warning; }));
  overall.add(-5 * std::min(warnings, 4), "warnings to fix");
  out.overall = std::move(overall).done();
  return out;
}

}  // namespace tactful
