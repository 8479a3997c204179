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

// The index of `key` (a word's hash_norm or a bigram_key) in kWordModelWeights, or -1.
long find_weight(std::uint64_t key);

// Reads the customer's messages one by one and gives, per head, the probability (0..1) that
// together they tell what the head reads. Each feature counts once however often it occurs.
// Cost: one or two probes of the weight table's hash slots per word and per pair of adjacent
// words, for all heads together.
class WordModelReading {
 public:
  void add(const TextModel& model);
  std::array<double, kHeads> probabilities() const;

 private:
  std::vector<std::uint32_t> found_;  // indices into the weight table, possibly repeated
};

}  // namespace tactful::customer
