// The sentence shapes of blame (learned/draft_structure.h) and their place in the learned draft
// reading: each shape as eval/blame_structure.py reads it (the trainer and core must agree, or
// the weights are read on other features than they were fitted on), skipped tokens left out, and
// the blame head's logit adding the shapes' weights to the words'.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "customer/word_model.h"
#include "dev_texts.h"
#include "learned/draft_model.h"
#include "learned/draft_structure.h"
#include "xorshift.h"

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

// read_draft reads the shapes in its own walk over the words (ShapeReader): every head as a plain
// reading that adds, sentence by sentence, the words', the pairs' and then sentence_shapes'
// weights, each feature once; bit for bit, on every dev text read as a draft, with and without
// skipped tokens.
std::array<double, draft::kDraftHeads> plain_reading(const TextModel& text,
                                                     const std::vector<char>& skipped) {
  std::array<double, draft::kDraftHeads> z;
  for (std::size_t h = 0; h < draft::kDraftHeads; ++h)
    z[h] = customer::kWordModelBias[static_cast<std::size_t>(draft::kDraftHeadColumns[h])];
  std::set<long> seen;
  const auto add = [&](long row) {
    if (row < 0 || !seen.insert(row).second) return;
    for (std::size_t h = 0; h < draft::kDraftHeads; ++h)
      z[h] += customer::kWordModelWeights[row]
                  .weight[static_cast<std::size_t>(draft::kDraftHeadColumns[h])];
  };
  const auto read = [&](std::size_t i) {
    return text.tokens[i].kind == TokenKind::word && !(i < skipped.size() && skipped[i]);
  };
  for (std::size_t s = 0; s < text.sentences.size(); ++s) {
    const auto& sentence = text.sentences[s];
    for (std::size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      if (!read(i)) continue;
      add(customer::find_weight(text.tokens[i].hash));
      if (i > sentence.first_token && read(i - 1))
        add(customer::find_weight(
            customer::bigram_key(text.tokens[i - 1].hash, text.tokens[i].hash)));
    }
    const std::uint32_t shapes = draft::sentence_shapes(text, skipped, s);
    for (std::size_t k = 0; k < draft::kShapes; ++k)
      if (shapes & (1u << k)) add(customer::find_weight(hash_norm(draft::kShapeNames[k])));
  }
  std::array<double, draft::kDraftHeads> out;
  for (std::size_t h = 0; h < draft::kDraftHeads; ++h)
    out[h] = 1.0 / (1.0 + std::exp(-std::clamp(z[h], -30.0, 30.0)));
  return out;
}

TEST(DraftStructure, TheReadingReadsTheShapesInItsOwnWalk) {
  int differ = 0, shaped = 0;
  const auto compare = [&](std::string_view t) {
    const TextModel text(t);
    std::vector<char> every_third(text.tokens.size(), 0);
    for (std::size_t i = 0; i < every_third.size(); i += 3) every_third[i] = 1;
    for (const auto& skipped : {std::vector<char>{}, every_third}) {
      const auto want = plain_reading(text, skipped);
      const auto got = draft::read_draft(text, skipped);
      for (std::size_t h = 0; h < draft::kDraftHeads; ++h)
        differ += std::bit_cast<std::uint64_t>(got[h]) != std::bit_cast<std::uint64_t>(want[h]);
    }
    for (std::size_t s = 0; s < text.sentences.size(); ++s)
      shaped += draft::sentence_shapes(text, {}, s) != 0;
  };
  const int texts = testing::for_each_dev_text(compare);
  EXPECT_GT(texts, 1000);
  // Generated sentences of the shapes' words, with marks between "was" and a participle (which
  // end a run of words) and words ending in "ed".
  static constexpr std::string_view kPieces[] = {
      "your ",      "you ",     "we ",    "was ", "were ", "not ",     "never ",
      "delivered ", "latched ", "red ",   ", ",   "- ",    "because ", "told ",
      "page ",      "stated ",  "sadly ", ". ",   "\n"};
  testing::XorShift rng{0x5EED0BE};
  for (int n = 0; n < 5000; ++n) compare(testing::join_pieces(rng, kPieces, 30));
  EXPECT_GT(shaped, 500);  // the shapes are read on many sentences
  EXPECT_EQ(differ, 0);
}

}  // namespace
}  // namespace tactful
