// The learned draft reading: a table lookup per feature, a sum per head and sentence, and a
// logistic squash.
#include "learned/draft_model.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "customer/word_model.h"
#include "learned/draft_structure.h"

namespace tactful::draft {

std::optional<std::size_t> head_index(std::string_view name) {
  for (std::size_t h = 0; h < kDraftHeads; ++h)
    if (kDraftHeadNames[h] == name) return h;
  return std::nullopt;
}

namespace {

// The table keys of the blame shapes (learned/draft_structure.h), as the training script hashes
// their names.
constexpr std::array<std::uint64_t, kShapes> kShapeKeys = [] {
  std::array<std::uint64_t, kShapes> keys{};
  for (std::size_t k = 0; k < kShapes; ++k) keys[k] = hash_norm(kShapeNames[k]);
  return keys;
}();

// Calls `add(row, sentence)` for each feature of the draft's sentences the table has, in order,
// the first occurrence only: each feature counts once however often it occurs. The features are
// the words, the pairs of adjacent words, and the sentence shapes of blame.
template <class Add>
void for_each_feature(const TextModel& text, std::span<const char> token_skipped, Add add) {
  const auto& tokens = text.tokens;
  const customer::WeightSlots& slots = customer::WeightSlots::get();
  std::vector<std::uint64_t> seen((customer::kWordModelSize + 63) / 64, 0);  // a bit per row
  const auto note = [&](long row, std::uint32_t sentence) {
    std::uint64_t& word = seen[static_cast<std::size_t>(row) >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (row & 63);
    if (word & bit) return;
    word |= bit;
    add(static_cast<std::size_t>(row), sentence);
  };
  for (std::uint32_t s = 0; s < text.sentences.size(); ++s) {
    const auto& sentence = text.sentences[s];
    bool previous_counts = false;  // the token before is a word that is read
    ShapeReader shape;             // the sentence's shapes, read in the same walk (sentence_shapes)
    for (std::size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      const bool counts =
          tokens[i].kind == TokenKind::word && !(i < token_skipped.size() && token_skipped[i]);
      if (counts) {
        if (const long row = slots.find(tokens[i].hash); row >= 0) note(row, s);
        if (previous_counts) {
          const std::uint64_t pair = customer::bigram_key(tokens[i - 1].hash, tokens[i].hash);
          if (const long row = slots.find(pair); row >= 0) note(row, s);
        }
        shape.word(tokens[i]);
      } else {
        shape.gap();
      }
      previous_counts = counts;
    }
    const std::uint32_t shapes = shape.shapes();
    for (std::size_t k = 0; k < kShapes; ++k)
      if (shapes & (1u << k))
        if (const long row = slots.find(kShapeKeys[k]); row >= 0) note(row, s);
  }
}

}  // namespace

// The draft heads are the table's last columns, in order: a feature's weights for them are one
// contiguous run, which the compiler adds two at a time (each head's sum keeps its order, so
// the result is the same as adding head by head).
constexpr std::size_t kFirstDraftColumn = static_cast<std::size_t>(kDraftHeadColumns[0]);
static_assert([] {
  for (std::size_t h = 0; h < kDraftHeads; ++h)
    if (static_cast<std::size_t>(kDraftHeadColumns[h]) != kFirstDraftColumn + h) return false;
  return kFirstDraftColumn + kDraftHeads <= customer::kHeads;
}());

DraftReading read_draft(const TextModel& text, std::span<const char> token_skipped) {
  std::array<double, kDraftHeads> z;
  for (std::size_t h = 0; h < kDraftHeads; ++h)
    z[h] = customer::kWordModelBias[kFirstDraftColumn + h];
  for_each_feature(text, token_skipped, [&](std::size_t row, std::uint32_t) {
    const float* w = customer::kWordModelWeights[row].weight + kFirstDraftColumn;
    for (std::size_t h = 0; h < kDraftHeads; ++h) z[h] += w[h];
  });
  DraftReading out;
  for (std::size_t h = 0; h < kDraftHeads; ++h)
    out[h] = 1.0 / (1.0 + std::exp(-std::clamp(z[h], -30.0, 30.0)));
  return out;
}

std::uint32_t weightiest_sentence(const TextModel& text, std::span<const char> token_skipped,
                                  std::size_t head) {
  const auto column = static_cast<std::size_t>(kDraftHeadColumns[head]);
  std::vector<float> sum(text.sentences.size(), 0.0f);
  for_each_feature(text, token_skipped, [&](std::size_t row, std::uint32_t sentence) {
    sum[sentence] += customer::kWordModelWeights[row].weight[column];
  });
  return static_cast<std::uint32_t>(std::max_element(sum.begin(), sum.end()) - sum.begin());
}

}  // namespace tactful::draft
