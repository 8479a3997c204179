// The marker sets and categories the scores read, by name in report/scores.cc and by index in
// a call: resolved once when a rule set is loaded, so a call neither hashes the names nor
// compares every hint's category with each of them. Internal to core.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tactful {

enum class ScoreMarker : std::uint8_t { empathy, apology, gratitude, positive, time, action };
inline constexpr std::size_t kScoreMarkers = 6;
enum class ScoreCategory : std::uint8_t {
  blame,
  dismissive,
  tone,
  apology,
  empathy,
  escalation,
  responsiveness,
  negative_language,
  policy_language,
  clarity,
  vague_commitment,
  jargon,
};
inline constexpr std::size_t kScoreCategories = 12;

// Each named marker set's index and each named category's RuleSetImpl::category_of number;
// kNone when the rule set has no such set or no rule of that category.
struct ScoreRefs {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::array<std::uint32_t, kScoreMarkers> markers{};
  std::array<std::uint32_t, kScoreCategories> categories{};
};

ScoreRefs resolve_score_refs(const std::unordered_map<std::string, std::size_t>& marker_by_id,
                             const std::unordered_map<std::string_view, std::uint32_t>& category);

}  // namespace tactful
