// The learned customer readings: a table lookup per feature and a logistic squash per head.
#include "customer/word_model.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tactful::customer {

WeightSlots::WeightSlots() {
  slots_.fill(kEmpty);
  // A table of more than kSlots / 2 weights would need more slots: customer_word_model_test
  // checks that every weight is found.
  for (std::size_t i = 0; i < kWordModelSize && i < kSlots / 2; ++i) {
    std::size_t s = slot_of(kWordModelWeights[i].key);
    while (slots_[s] != kEmpty) s = (s + 1) & (kSlots - 1);
    slots_[s] = static_cast<std::uint16_t>(i);
  }
}

const WeightSlots& WeightSlots::get() {
  static const WeightSlots table;
  return table;
}

void WordModelReading::add(const TextModel& model) {
  const auto& tokens = model.tokens;
  const WeightSlots& slots = WeightSlots::get();
  // At most a word and a pair per token: one allocation per message, not one per doubling.
  found_.reserve(found_.size() + 2 * tokens.size());
  const auto note = [&](std::uint64_t key) {
    if (const long i = slots.find(key); i >= 0) found_.push_back(static_cast<std::uint32_t>(i));
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::word) continue;
    note(tokens[i].hash);
    if (i > 0 && tokens[i - 1].kind == TokenKind::word)
      note(bigram_key(tokens[i - 1].hash, tokens[i].hash));
  }
}

std::vector<std::uint32_t> WordModelReading::distinct_found() const {
  std::vector<std::uint32_t> seen = found_;
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  return seen;
}

namespace {
double squash(double z) {
  return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
}
}  // namespace

std::array<double, kHeads> WordModelReading::probabilities() const {
  const std::vector<std::uint32_t> seen = distinct_found();
  // Row by row, a row's weights being contiguous (the compiler adds them two at a time); each
  // head still sums its rows in the same order, so the sums are the same as head by head.
  std::array<double, kHeads> z;
  for (std::size_t h = 0; h < kHeads; ++h) z[h] = kWordModelBias[h];
  for (const std::uint32_t i : seen) {
    const float* w = kWordModelWeights[i].weight;
    for (std::size_t h = 0; h < kHeads; ++h) z[h] += w[h];
  }
  std::array<double, kHeads> out;
  for (std::size_t h = 0; h < kHeads; ++h) out[h] = squash(z[h]);
  return out;
}

WordModelReading::CustomerHeads WordModelReading::customer_probabilities() const {
  constexpr auto problem = static_cast<std::size_t>(Head::problem);
  constexpr auto feeling = static_cast<std::size_t>(Head::feeling);
  // Each head's sum in the same order as probabilities(): the same values.
  double z_problem = kWordModelBias[problem], z_feeling = kWordModelBias[feeling];
  for (const std::uint32_t i : distinct_found()) {
    z_problem += kWordModelWeights[i].weight[problem];
    z_feeling += kWordModelWeights[i].weight[feeling];
  }
  return {squash(z_problem), squash(z_feeling)};
}

}  // namespace tactful::customer
