// The sentence shapes of blame (learned/draft_structure.h) and their place in the learned draft
// reading: each shape as eval/blame_structure.py reads it (the trainer and core must agree, or
// the weights are read on other features than they were fitted on), and skipped tokens left out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "learned/draft_structure.h"

namespace tactful {
namespace {

enum Shape : std::uint32_t {
  kYouWithoutUs = 1u << 0,
  kYouCause = 1u << 1,
  kYouDuty = 1u << 2,
  kDocPointed = 1u << 3,
  kDocStated = 1u << 4,
  kYouWithoutUsCauseOrDuty = 1u << 5,
  kPassiveAboutYou = 1u << 6,
};

std::vector<std::uint32_t> shapes(const std::string& draft, std::vector<char> skipped = {}) {
  const TextModel text(draft);
  std::vector<std::uint32_t> out;
  for (std::size_t s = 0; s < text.sentences.size(); ++s)
    out.push_back(draft::sentence_shapes(text, skipped, s));
  return out;
}

// Expected values are eval/blame_structure.py's shapes_of on the same sentences.
TEST(DraftStructure, ReadsTheShapesAsTheTrainerDoes) {
  EXPECT_EQ(shapes("You forgot to drain it, so the pipe burst."),
            (std::vector<std::uint32_t>{kYouWithoutUs | kYouCause | kYouWithoutUsCauseOrDuty}));
  EXPECT_EQ(shapes("You were told to book by noon."),
            (std::vector<std::uint32_t>{kYouWithoutUs | kYouDuty | kYouWithoutUsCauseOrDuty}));
  EXPECT_EQ(shapes("As stated in the brochure, refills are extra."),
            (std::vector<std::uint32_t>{kDocPointed | kDocStated}));
  EXPECT_EQ(shapes("Your hedge was not trimmed."),
            (std::vector<std::uint32_t>{kYouWithoutUs | kPassiveAboutYou}));
  // Our own words in the sentence: not about the customer alone.
  EXPECT_EQ(shapes("We're sorry. Your kiln was delivered late because we mislabelled it."),
            (std::vector<std::uint32_t>{0, kYouCause}));
  // A negation between "was" and the participle, and nothing between them but words.
  EXPECT_EQ(shapes("Your gate was never latched."),
            (std::vector<std::uint32_t>{kYouWithoutUs | kPassiveAboutYou}));
  EXPECT_EQ(shapes("Your gate was, sadly, latched."), (std::vector<std::uint32_t>{kYouWithoutUs}));
  EXPECT_EQ(shapes("The valve was not closed before the frost."), (std::vector<std::uint32_t>{0}));
}

TEST(DraftStructure, SkippedTokensAreNotRead) {
  // "your" is a quote of the customer here: the sentence speaks of no one.
  EXPECT_EQ(shapes("Your order was delayed.", {1, 0, 0, 0, 0}), (std::vector<std::uint32_t>{0}));
}

}  // namespace
}  // namespace tactful
