// The learned customer readings: a table lookup per feature and a logistic squash per head.
#include "customer/word_model.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tactful::customer {
namespace {

// The weight table as an open-addressed hash set of indices (at most a quarter full): one or
// two probes per word, where a binary search took eleven. Built once, on first use.
// 16 bits: the draft heads' rows took the table past 8192 rows, a quarter of 15 bits' slots.
constexpr std::size_t kSlotBits = 16;
constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
constexpr std::uint16_t kEmpty = 0xffff;

std::size_t slot_of(std::uint64_t key) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - kSlotBits));
}

const std::array<std::uint16_t, kSlots>& slots() {
  static const std::array<std::uint16_t, kSlots> table = [] {
    static_assert(kSlots / 4 < kEmpty);  // every index stored is below kSlots / 4
    std::array<std::uint16_t, kSlots> t;
    t.fill(kEmpty);
    // A table of more than kSlots / 4 weights would need more slots: customer_word_model_test
    // checks that every weight is found.
    for (std::size_t i = 0; i < kWordModelSize && i < kSlots / 4; ++i) {
      std::size_t s = slot_of(kWordModelWeights[i].key);
      while (t[s] != kEmpty) s = (s + 1) & (kSlots - 1);
      t[s] = static_cast<std::uint16_t>(i);
    }
    return t;
  }();
  return table;
}

}  // namespace

long find_weight(std::uint64_t key) {
  const auto& t = slots();
  for (std::size_t s = slot_of(key);; s = (s + 1) & (kSlots - 1)) {
    if (t[s] == kEmpty) return -1;
    if (kWordModelWeights[t[s]].key == key) return t[s];
  }
}

void WordModelReading::add(const TextModel& model) {
  const auto& tokens = model.tokens;
  const auto note = [&](std::uint64_t key) {
    if (const long i = find_weight(key); i >= 0) found_.push_back(static_cast<std::uint32_t>(i));
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::word) continue;
    note(tokens[i].hash);
    if (i > 0 && tokens[i - 1].kind == TokenKind::word)
      note(bigram_key(tokens[i - 1].hash, tokens[i].hash));
  }
}

std::array<double, kHeads> WordModelReading::probabilities() const {
  std::vector<std::uint32_t> seen = found_;
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  std::array<double, kHeads> out;
  for (std::size_t h = 0; h < kHeads; ++h) {
    double z = kWordModelBias[h];
    for (const std::uint32_t i : seen) z += kWordModelWeights[i].weight[h];
    out[h] = 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
  }
  return out;
}

}  // namespace tactful::customer
