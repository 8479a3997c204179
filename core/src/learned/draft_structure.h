// Sentence shapes of blame, read beside the words by the learned draft reading: a sentence that
// speaks of the customer ("you", "your") without "we" or "I", ties them to a cause or a duty
// word, points at a document, or hides who acted in a passive. Words fitted on one writer's blame
// carry over badly to the next writer; these shapes are what writers share, so the blame head is
// fitted on them too (eval/blame_structure.py, which this mirrors: the same word lists, the same
// keys). Internal to core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "tactful/text.h"
#include "text/hashed_word_set.h"

namespace tactful::draft {

inline constexpr std::size_t kShapes = 7;

// The shapes' names, in eval/blame_structure.py's SHAPES order. Each key in the weight table is
// hash_norm(name): a name has spaces, which no word token has, so no word shares a key.
inline constexpr std::string_view kShapeNames[kShapes] = {
    "blame shape you without us",     "blame shape you and a cause",
    "blame shape you and a duty",     "blame shape a document pointed at",
    "blame shape a document stated",  "blame shape you without us and a cause or duty",
    "blame shape a passive about you"};

// The classes of the words the shapes read (you, us, cause, duty, document, pointing, a past "be",
// a negation), a bit each, by the word's hash: the table is built in draft_structure.cc from its
// word lists.
namespace shape_classes {
enum Class : std::uint32_t {
  kYou = 1,
  kUs = 2,
  kCause = 4,
  kDuty = 8,
  kDoc = 16,
  kPoint = 32,
  kBePast = 64,
  kNegation = 128,
};
using ClassSet = HashedWordSet<9, 0>;
extern const ClassSet kClasses;
}  // namespace shape_classes

// Reads one sentence's shapes word by word, for a caller that walks the sentence's tokens anyway
// (the learned draft reading probes each word's weights in the same walk). Guarantees: after
// word() for each word token that is read and gap() for each other token, in order, shapes() is
// what sentence_shapes answers for that sentence. One probe of a small hash set per word.
class ShapeReader {
 public:
  // In line: the learned reading calls it for each word of the draft.
  void word(const Token& token) {
    using namespace shape_classes;
    const std::uint32_t cls = kClasses.find(token.hash);
    seen_ |= cls;
    // A past participle by its spelling, as the training script tests it: longer than two
    // letters, ending in "ed".
    if (after_be_ > 0 && token.norm.size() > 2 && token.norm.ends_with("ed")) passive_ = true;
    if (cls & kBePast)
      after_be_ = 1;
    else if (after_be_ == 1 && (cls & kNegation))
      after_be_ = 2;
    else
      after_be_ = 0;
  }
  void gap() { after_be_ = 0; }
  std::uint32_t shapes() const;

 private:
  std::uint32_t seen_ = 0;  // the classes of the words read
  bool passive_ = false;
  // The state of the run of adjacent words: 1 after a past "be", 2 after "be" and a negation.
  int after_be_ = 0;
};

// The shapes sentence `s` of `text` shows, one bit per kShapeNames entry, reading only the word
// tokens not marked in `token_skipped` (quotes of the customer, signatures). Linear in the
// sentence's tokens: one probe of a small hash set per word, by the word's 64-bit hash (as the
// weight table itself is probed).
std::uint32_t sentence_shapes(const TextModel& text, std::span<const char> token_skipped,
                              std::size_t s);

}  // namespace tactful::draft
