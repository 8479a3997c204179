// The learned draft reading: a table lookup per feature, a sum per head and sentence, and a
// logistic squash.
#include "learned/draft_model.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "learned/weight_slots.h"
#include "match/grams.h"

namespace tactful::draft {
namespace {

const learned::WeightSlots<DraftWeight>& slots() {
  static const learned::WeightSlots<DraftWeight> table(kDraftModelWeights, kDraftModelSize);
  return table;
}

struct Found {
  std::uint32_t row;
  std::uint32_t sentence;
};

}  // namespace

std::optional<std::size_t> head_index(std::string_view name) {
  for (std::size_t h = 0; h < kDraftHeads; ++h)
    if (kDraftHeadNames[h] == name) return h;
  return std::nullopt;
}

DraftReading read_draft(const TextModel& text, std::span<const char> token_skipped) {
  const auto& table = slots();
  const auto& tokens = text.tokens;
  const auto counts = [&](std::size_t i) {
    return tokens[i].kind == TokenKind::word && !(i < token_skipped.size() && token_skipped[i]);
  };
  std::vector<Found> found;
  const auto note = [&](std::uint64_t key, std::size_t token) {
    if (const long row = table.find(key); row >= 0)
      found.push_back({static_cast<std::uint32_t>(row),
                       token < text.sentence_of_token.size() ? text.sentence_of_token[token] : 0});
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!counts(i)) continue;
    note(tokens[i].hash, i);
    if (i > 0 && counts(i - 1)) note(learned::bigram_key(tokens[i - 1].hash, tokens[i].hash), i);
  }
  // Each feature once: its first occurrence, and so its weight, goes to that sentence.
  HashSet seen;
  seen.reset(found.size());
  std::array<double, kDraftHeads> z{};
  for (std::size_t h = 0; h < kDraftHeads; ++h) z[h] = kDraftModelBias[h];
  std::vector<std::array<double, kDraftHeads>> by_sentence(text.sentences.size());
  for (const Found& f : found) {
    if (!seen.insert(f.row)) continue;
    for (std::size_t h = 0; h < kDraftHeads; ++h) {
      const double w = kDraftModelWeights[f.row].weight[h];
      z[h] += w;
      if (f.sentence < by_sentence.size()) by_sentence[f.sentence][h] += w;
    }
  }
  DraftReading out;
  for (std::size_t h = 0; h < kDraftHeads; ++h) {
    out[h].probability = 1.0 / (1.0 + std::exp(-std::clamp(z[h], -30.0, 30.0)));
    double best = 0;
    for (std::size_t s = 0; s < by_sentence.size(); ++s) {
      if (s == 0 || by_sentence[s][h] > best) {
        best = by_sentence[s][h];
        out[h].sentence = static_cast<std::uint32_t>(s);
      }
    }
  }
  return out;
}

}  // namespace tactful::draft
