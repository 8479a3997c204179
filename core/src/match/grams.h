// The words and word pairs of a text as 64-bit hashes, in open-addressing sets: what repeat
// detection compares a draft's sentences against. Internal to core.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "tactful/conversation.h"
#include "tactful/text.h"

namespace tactful {

// A set of 64-bit hashes, open addressing: no allocation per element, and sized once for the
// tokens it may receive (expected O(1) per operation, so linear overall).
class HashSet {
 public:
  void reset(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
    size_ = 0;
    has_zero_ = false;
  }
  // Returns whether `h` was new.
  bool insert(std::uint64_t h) {
    if (h == 0) return !std::exchange(has_zero_, true) && ++size_;
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }
  bool contains(std::uint64_t h) const {
    if (h == 0) return has_zero_;
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }
  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(std::uint64_t); }

 private:
  std::size_t slot(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0, size_ = 0;
  bool has_zero_ = false;
};

// One earlier agent sentence as its distinct words and word pairs (sorted hashes).
struct SentenceGrams {
  std::vector<std::uint64_t> words, pairs;
};

// An earlier agent sentence counts as restated by a draft sentence that holds most of its words
// and word pairs, whatever the draft adds around it ("As I already said, ..."), when it has
// kMinRestatedWords distinct words or more (shorter ones are greetings and set phrases: "Hi
// Lena, thanks for your patience!").
// Only the last kMaxRestatable such sentences are kept: the check costs a probe per word of
// each, per draft sentence, and a parroted reply repeats a recent one.
inline constexpr std::size_t kMinRestatedWords = 7;
inline constexpr std::size_t kMaxRestatedWords = 40;
inline constexpr std::size_t kMaxRestatable = 16;

// Distinct words and adjacent word pairs (numbers count as words), by hash of their norm; and
// the agent's sentences that a draft sentence may restate.
struct Grams {
  HashSet words, pairs;
  std::vector<SentenceGrams> sentences;  // oldest first
  std::size_t memory_bytes() const {
    std::size_t n = words.memory_bytes() + pairs.memory_bytes();
    for (const SentenceGrams& s : sentences)
      n += (s.words.capacity() + s.pairs.capacity()) * sizeof(std::uint64_t);
    return n;
  }
};

inline std::uint64_t gram_mix(std::uint64_t h, std::uint64_t v) {
  return (h ^ v) * 0x100000001b3ULL + (h >> 29);
}
inline bool gram_counts(TokenKind kind) {
  return kind == TokenKind::word || kind == TokenKind::number;
}
inline bool gram_counts(const Token& tok) {
  return gram_counts(tok.kind);
}
inline std::uint64_t gram_hash(const Token& tok) {
  return tok.hash;  // hash_norm(norm), computed by the tokenizer
}

// The grams of every non-empty agent message of `history`; empty when there is none (then no
// sentence can repeat one).
std::optional<Grams> agent_grams(std::span<const Message> history);

}  // namespace tactful
