// The learned customer readings: how likely the customer's words report a problem the business
// owes an apology for ("I ordered X and it came Y"), and how likely they tell a feeling or a cost
// the reply owes an acknowledgement for ("I had to explain it to my kids"), whatever the lexicons
// list. One logistic regression per head over word unigrams and bigrams, fitted by
// eval/train_customer_readings.py on the labelled corpus into one table. Internal to core.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "customer/word_model_weights.h"
#include "tactful/text.h"

namespace tactful::customer {

// The key of two adjacent words (a bigram), from their hash_norm values; the training script
// computes the same.
constexpr std::uint64_t bigram_key(std::uint64_t first, std::uint64_t second) {
  return (first * 0x9E3779B97F4A7C15ULL) ^ second;
}

// The weight table as an open-addressed hash set of row indices (at most half full; nine heads
// fill about a quarter): one or two probes per word, where a binary search took eleven. Built
// once, on first use; a reader fetches it once and probes it in line, not through a call per word.
class WeightSlots {
 public:
  static const WeightSlots& get();

  // The row of `key` (a word's hash_norm or a bigram_key) in kWordModelWeights, or -1.
  long find(std::uint64_t key) const {
    for (std::size_t s = slot_of(key);; s = (s + 1) & (kSlots - 1)) {
      const std::uint16_t row = slots_[s];
      if (row == kEmpty) return -1;
      if (kWordModelWeights[row].key == key) return row;
    }
  }

 private:
  static constexpr std::size_t kSlotBits = 15;  // room for the draft heads' rows too
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  static constexpr std::uint16_t kEmpty = 0xffff;
  static_assert(kSlots < kEmpty);

  static std::size_t slot_of(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - kSlotBits));
  }
  WeightSlots();

  std::array<std::uint16_t, kSlots> slots_;
};

// The index of `key` (a word's hash_norm or a bigram_key) in kWordModelWeights, or -1.
inline long find_weight(std::uint64_t key) {
  return WeightSlots::get().find(key);
}

// Reads the customer's messages one by one and gives, per head, the probability (0..1) that
// together they tell what the head reads. Each feature counts once however often it occurs.
// Cost: one or two probes of the weight table's hash slots per word and per pair of adjacent
// words, for all heads together.
class WordModelReading {
 public:
  void add(const TextModel& model);
  std::array<double, kHeads> probabilities() const;
  // The same for the customer's two heads only (problem, feeling), which read_history uses: the
  // other heads' sums and squashes were most of the cost.
  struct CustomerHeads {
    double problem = 0, feeling = 0;
  };
  CustomerHeads customer_probabilities() const;

 private:
  std::vector<std::uint32_t> distinct_found() const;
  std::vector<std::uint32_t> found_;  // indices into the weight table, possibly repeated
};

}  // namespace tactful::customer
