// _but_check: sentiment before the first "but" counts half, after it one and a half times
// (paper §3.3). Upstream walks the list and finds each value's position with
// `sentiments.index(value)`, i.e. the FIRST position holding an equal value, and rescales that
// position instead. With repeated values this rescales one position several times and leaves
// others alone: ["a","but","b"] with [2.0, 0, 1.0] gives [0.5, 0, 1.0], not [1.0, 0, 1.5].
// Parity mode reproduces that; Mode::corrected scales by position.
#include <algorithm>
#include <bit>
#include <functional>
#include <unordered_map>

#include "sentiment/vader_internal.h"

namespace tactful::vader {

namespace {

double but_factor(std::size_t position, std::size_t but_index) {
  return position < but_index ? 0.5 : 1.5;
}

}  // namespace

void but_scale_parity_direct(std::size_t but_index, std::span<double> s) {
  // `for sentiment in sentiments`: the list keeps its length (pop + insert at the same index),
  // so step j reads the current s[j]. Positions after j are untouched until their step.
  for (std::size_t j = 0; j < s.size(); ++j) {
    const double v = s[j];
    std::size_t first = 0;
    while (s[first] != v) ++first;  // terminates: s[j] == v
    if (first != but_index) s[first] = v * but_factor(first, but_index);
  }
}

void but_scale_parity_heaps(std::size_t but_index, std::span<double> s) {
  // The same walk in O(m log m) for m non-zero values. Zeros never change (0 * f == 0), so they
  // are skipped. At step j, the first position holding v is at most j; positions before j hold
  // their current values, which are tracked as value -> min-heap of positions. Position j joins
  // its value's heap at its own step; a rescaled position moves to its new value's heap.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> heaps;
  const auto key = [](double v) { return std::bit_cast<std::uint64_t>(v); };
  const auto push = [&](double v, std::size_t position) {
    std::vector<std::size_t>& h = heaps[key(v)];
    h.push_back(position);
    std::push_heap(h.begin(), h.end(), std::greater<>());
  };
  for (std::size_t j = 0; j < s.size(); ++j) {
    const double v = s[j];
    if (v == 0) continue;
    push(v, j);
    std::vector<std::size_t>& h = heaps[key(v)];
    const std::size_t first = h.front();
    if (first == but_index) continue;
    std::pop_heap(h.begin(), h.end(), std::greater<>());
    h.pop_back();
    const double scaled = v * but_factor(first, but_index);
    s[first] = scaled;
    if (scaled != 0) push(scaled, first);
  }
}

void but_check(std::span<const Token> tokens, std::vector<double>& sentiments, bool corrected) {
  std::size_t but_index = 0;
  while (but_index < tokens.size() && tokens[but_index].id() != Word::but) ++but_index;
  if (but_index == tokens.size()) return;
  if (corrected) {
    for (std::size_t k = 0; k < sentiments.size(); ++k) {
      if (k != but_index) sentiments[k] = sentiments[k] * but_factor(k, but_index);
    }
    return;
  }
  // Short texts (nearly all) take the transcription: no allocation, and cheap at this size.
  if (sentiments.size() <= 64) {
    but_scale_parity_direct(but_index, sentiments);
  } else {
    but_scale_parity_heaps(but_index, sentiments);
  }
}

}  // namespace tactful::vader
