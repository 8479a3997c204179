// The sentence shapes of blame (learned/draft_structure.h) and their place in the learned draft
// reading: each shape as eval/blame_structure.py reads it (the trainer and core must agree, or
// the weights are read on other features than they were fitted on), skipped tokens left out, and
// the blame head's logit adding the shapes' weights to the words'.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "customer/word_model.h"
#include "learned/draft_model.h"
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

double logit(double p) {
  return std::log(p / (1 - p));
}

// The blame head's logit is its bias plus the weights of the draft's words, word pairs and
// shapes, each counted once: without the shapes the sum falls short by their weights.
TEST(DraftStructure, TheBlameHeadAddsTheShapesWeights) {
  const std::string draft = "Since you left the tap running, the pipe froze.";
  const TextModel text(draft);
  const auto column = static_cast<std::size_t>(customer::Head::blame);
  std::set<long> rows;
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    if (text.tokens[i].kind != TokenKind::word) continue;
    rows.insert(customer::find_weight(text.tokens[i].hash));
    if (i > 0 && text.tokens[i - 1].kind == TokenKind::word)
      rows.insert(customer::find_weight(
          customer::bigram_key(text.tokens[i - 1].hash, text.tokens[i].hash)));
  }
  double words = customer::kWordModelBias[column];
  for (long r : rows)
    if (r >= 0) words += customer::kWordModelWeights[r].weight[column];
  double shaped = 0;
  const std::uint32_t got = draft::sentence_shapes(text, {}, 0);
  ASSERT_NE(got, 0u);
  for (std::size_t k = 0; k < draft::kShapes; ++k) {
    if (!(got & (1u << k))) continue;
    const long r = customer::find_weight(hash_norm(draft::kShapeNames[k]));
    if (r >= 0) shaped += customer::kWordModelWeights[r].weight[column];
  }
  EXPECT_GT(shaped, 0.5);  // the trainer kept the shapes this sentence shows, as blame
  const double read = logit(draft::read_draft(text, {})[*draft::head_index("blame")]);
  EXPECT_NEAR(read, words + shaped, 1e-4);
}

}  // namespace
}  // namespace tactful
