// A short list of lower-case ASCII words grouped by first letter at compile time, so that a byte
// of a text is compared only with the words it can start (most bytes start none). The stated-wait
// readers look for their words this way at every byte of a message.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace tactful::customer {

// Guarantees: any_at compares text[at..] with the words whose first letter is text[at]'s (ASCII,
// either case), in the list's order, reading at most the longest word's bytes; at most
// MaxPerLetter words may share a first letter (checked when the table is built, at compile time).
template <std::size_t MaxPerLetter>
class WordsByFirstLetter {
 public:
  template <std::size_t N>
  consteval explicit WordsByFirstLetter(const std::string_view (&words)[N]) : words_(words) {
    static_assert(N < 256);
    for (std::uint8_t k = 0; k < N; ++k) {
      Bucket& b = table_[static_cast<std::size_t>(words[k][0] - 'a')];
      if (b.count == MaxPerLetter) throw "too many words share a first letter";
      b.words[b.count++] = k;
    }
  }

  // Whether some listed word stands at `at` (compared without case) and `accept(end)` holds for
  // the byte after it; the words are tried in the list's order.
  template <typename Accept>
  bool any_at(std::string_view text, std::size_t at, Accept accept) const {
    const char first = static_cast<char>(text[at] | 0x20);
    if (first < 'a' || first > 'z') return false;
    const Bucket& b = table_[static_cast<std::size_t>(first - 'a')];
    for (std::uint8_t n = 0; n < b.count; ++n) {
      const std::string_view w = words_[b.words[n]];
      if (text.size() - at < w.size()) continue;
      std::size_t k = 1;
      while (k < w.size() && (text[at + k] | 0x20) == w[k]) ++k;
      if (k == w.size() && accept(at + w.size())) return true;
    }
    return false;
  }

 private:
  struct Bucket {
    std::array<std::uint8_t, MaxPerLetter> words{};
    std::uint8_t count = 0;
  };
  std::span<const std::string_view> words_;
  std::array<Bucket, 26> table_{};
};

}  // namespace tactful::customer
