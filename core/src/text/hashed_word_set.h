// A fixed set of words looked up by the hash the tokenizer already computed for every token
// (Token::hash, hash_norm of the norm), with a small payload per word (a class, a bit of a
// family) where the caller wants one. The customer and draft readers look up every word of a
// message this way, so a lookup must cost a few instructions and never hash or compare bytes
// unless asked to. Internal to core.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "tactful/text.h"

namespace tactful {

// Guarantees: built once, at compile time where the set is `constexpr` (it is a literal type,
// and every member is constexpr), never per call; every lookup is O(1) and reads no bytes of
// the word: a bit filter of kFilterWords 64-bit words (its bit is the hash's low bits; none when
// kFilterWords is 0) rules out most words with one test, and an open-addressed table of
// 2^kSlotBits slots (linear probing, at least one slot always empty) answers the rest in one or
// two probes at the load the callers use. ok() is false, and the set must not be used, when a
// payload was 0, the table would have no empty slot left, or two different words of the set
// share a hash; callers static_assert it, so a set that builds is a set whose words each have
// their own hash. A word added twice keeps one slot with its payloads OR-ed together.
template <std::size_t kSlotBits, std::size_t kFilterWords = 4>
class HashedWordSet {
  static_assert(kSlotBits >= 1 && kSlotBits <= 16, "a small table");
  static_assert((kFilterWords & (kFilterWords - 1)) == 0, "the filter is 0 or 2^k words");

 public:
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;

  constexpr HashedWordSet() = default;

  // The set of `words`, each with `payload`.
  static constexpr HashedWordSet of(std::span<const std::string_view> words,
                                    std::uint32_t payload = 1) {
    HashedWordSet set;
    for (std::string_view w : words) set.add(w, payload);
    return set;
  }

  // Adds `word` (a norm, as the tokenizer writes it) with `payload`, which must not be 0.
  constexpr HashedWordSet& add(std::string_view word, std::uint32_t payload = 1) {
    if (payload == 0) {
      ok_ = false;
      return *this;
    }
    const std::uint64_t h = hash_norm(word);
    std::size_t s = slot_of(h);
    for (; payload_[s] != 0; s = (s + 1) & (kSlots - 1)) {
      if (hash_[s] != h) continue;
      if (word_[s] != word) ok_ = false;  // two words, one hash: lookups could not tell them
      payload_[s] |= payload;
      return *this;
    }
    if (size_ + 2 > kSlots) {  // the last empty slot is what ends a probe for an absent word
      ok_ = false;
      return *this;
    }
    hash_[s] = h;
    payload_[s] = payload;
    word_[s] = word;
    ++size_;
    if constexpr (kFilterWords > 0) filter_[filter_word(h)] |= filter_bit(h);
    return *this;
  }

  constexpr bool ok() const { return ok_; }
  constexpr std::size_t size() const { return size_; }

  // False when no word of the set has this hash; true when one may have (the filter alone).
  // Without a filter, always true.
  constexpr bool may_contain(std::uint64_t hash) const {
    if constexpr (kFilterWords > 0) return (filter_[filter_word(hash)] & filter_bit(hash)) != 0;
    return true;
  }

  // The payload of the word of the set whose hash is `hash`, or 0 when there is none.
  constexpr std::uint32_t find(std::uint64_t hash) const {
    if (!may_contain(hash)) return 0;
    for (std::size_t s = slot_of(hash);; s = (s + 1) & (kSlots - 1)) {
      if (payload_[s] == 0) return 0;
      if (hash_[s] == hash) return payload_[s];
    }
  }

  constexpr bool contains(std::uint64_t hash) const { return find(hash) != 0; }

  // Whether `word`, whose hash is `hash`, is in the set, the word itself compared too: for
  // callers that must not take a word outside the set that happens to share a set word's hash.
  constexpr bool contains(std::uint64_t hash, std::string_view word) const {
    if (!may_contain(hash)) return false;
    for (std::size_t s = slot_of(hash);; s = (s + 1) & (kSlots - 1)) {
      if (payload_[s] == 0) return false;
      if (hash_[s] == hash) return same_bytes(word_[s], word);
    }
  }

 private:
  // The slot by the hash's top bits (Fibonacci hashing), which the filter's low bits leave
  // independent.
  static constexpr std::size_t slot_of(std::uint64_t h) {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> (64 - kSlotBits));
  }
  static constexpr std::size_t filter_word(std::uint64_t h) {
    return static_cast<std::size_t>(h >> 6) & (kFilterWords - 1);
  }
  static constexpr std::uint64_t filter_bit(std::uint64_t h) {
    return std::uint64_t{1} << (h & 63);
  }
  // Compared in line: the words are a few bytes long, and the call to memcmp that == on string
  // views makes costs more than the compare.
  static constexpr bool same_bytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  std::array<std::uint64_t, kFilterWords> filter_{};
  std::array<std::uint64_t, kSlots> hash_{};
  std::array<std::uint32_t, kSlots> payload_{};  // 0: an empty slot
  std::array<std::string_view, kSlots> word_{};
  std::size_t size_ = 0;
  bool ok_ = true;
};

}  // namespace tactful
