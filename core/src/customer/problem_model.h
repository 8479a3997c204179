// The learned problem reading: how likely the customer's words report a problem the business
// owes an apology for ("I ordered X and it came Y", "the man never turned up"), whatever the
// lexicons list. A logistic regression over word unigrams and bigrams, fitted by
// eval/train_problem_report.py on the labelled corpus. Internal to core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tactful/text.h"

namespace tactful::customer {

// The key of two adjacent words (a bigram), from their hash_norm values; the training script
// computes the same.
constexpr std::uint64_t bigram_key(std::uint64_t first, std::uint64_t second) {
  return (first * 0x9E3779B97F4A7C15ULL) ^ second;
}

// The index of `key` (a word's hash_norm or a bigram_key) in kProblemModelWeights, or -1.
long find_weight(std::uint64_t key);

// Reads the customer's messages one by one and gives the probability (0..1) that together they
// report a problem. Each feature counts once however often it occurs. Cost: one or two probes of
// the weight table's hash slots per word and per pair of adjacent words.
class ProblemReading {
 public:
  void add(const TextModel& model);
  double probability() const;

 private:
  std::vector<std::uint32_t> found_;  // indices into the weight table, possibly repeated
};

}  // namespace tactful::customer
