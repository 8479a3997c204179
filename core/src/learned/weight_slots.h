// Finds a feature's row in a generated weight table (sorted rows of {key, ...}) with one or two
// probes: an open-addressed table of row indices, at most a quarter full, built once. The same
// scheme as the problem reading's (customer/problem_model.cc), for any table. Internal to core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tactful::learned {

// The key of two adjacent words (a bigram), from their hash_norm values: the same as
// customer::bigram_key, which the training scripts compute too.
constexpr std::uint64_t bigram_key(std::uint64_t first, std::uint64_t second) {
  return (first * 0x9E3779B97F4A7C15ULL) ^ second;
}

// Guarantees: find(key) is the index of the row with that key, or -1; expected O(1).
// may_have(key), a bit per 16-bit key prefix, rules out most absent keys for a third of a
// probe's instructions.
template <class Row>
class WeightSlots {
 public:
  WeightSlots(const Row* rows, std::size_t count) : rows_(rows), filter_(kFilterWords, 0) {
    while (slots_size() < 4 * count) ++bits_;
    slots_.assign(slots_size(), kEmpty);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t f = filter_of(rows[i].key);
      filter_[f >> 6] |= std::uint64_t{1} << (f & 63);
      std::size_t s = slot_of(rows[i].key);
      while (slots_[s] != kEmpty) s = (s + 1) & (slots_size() - 1);
      slots_[s] = static_cast<std::uint32_t>(i);
    }
  }

  // False when no row has `key` (true may still find none): worth asking first for keys that
  // are mostly absent, such as word pairs.
  bool may_have(std::uint64_t key) const {
    const std::size_t f = filter_of(key);
    return (filter_[f >> 6] >> (f & 63)) & 1;
  }

  long find(std::uint64_t key) const {
    for (std::size_t s = slot_of(key);; s = (s + 1) & (slots_size() - 1)) {
      if (slots_[s] == kEmpty) return -1;
      if (rows_[slots_[s]].key == key) return static_cast<long>(slots_[s]);
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffff;
  static constexpr std::size_t kFilterWords = (std::size_t{1} << 16) / 64;
  static std::size_t filter_of(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0xC2B2AE3D27D4EB4FULL) >> 48);
  }
  std::size_t slots_size() const { return std::size_t{1} << bits_; }
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - bits_));
  }
  const Row* rows_;
  unsigned bits_ = 4;
  std::vector<std::uint32_t> slots_;
  std::vector<std::uint64_t> filter_;
};

}  // namespace tactful::learned
