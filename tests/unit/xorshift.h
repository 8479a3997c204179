// A fixed-seed xorshift generator for the tests that compare a fast reader with the general one
// on generated texts: the same seed gives the same texts on every run and every machine, so a
// failure names a text that can be made again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tactful::testing {

// Marsaglia's xorshift64 (shifts 13, 7, 17). `state` must not be 0.
struct XorShift {
  std::uint64_t state;
  // A number in [0, n); n > 0.
  std::size_t operator()(std::size_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<std::size_t>(state % n);
  }
};

// A text of fewer than `max_pieces` pieces drawn from `pieces` (which must not be empty) and
// joined: generated texts made of the parts a reader cares about, near misses among them.
inline std::string join_pieces(XorShift& rng, std::span<const std::string_view> pieces,
                               std::size_t max_pieces) {
  std::string text;
  for (std::size_t n = rng(max_pieces); n > 0; --n) text += pieces[rng(pieces.size())];
  return text;
}

}  // namespace tactful::testing
