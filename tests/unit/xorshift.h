// A fixed-seed xorshift generator for the tests that compare a fast reader with the general one
// on generated texts: the same seed gives the same texts on every run and every machine, so a
// failure names a text that can be made again.
#pragma once

#include <cstddef>
#include <cstdint>

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

}  // namespace tactful::testing
