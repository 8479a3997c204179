// The learned draft reading: for each head (blame, dismissive, policy-language), how likely the
// draft shows it, whatever the lexicons list. A logistic regression per head over the draft's
// word unigrams and bigrams, fitted by eval/train_draft_heads.py on the labelled corpus; all
// heads share one table, so each word is looked up once. Internal to core.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "learned/draft_model_weights.h"
#include "tactful/text.h"

namespace tactful::draft {

// One head's reading of a draft: the probability (0..1) and the sentence whose words raise it
// most (where the agent should look).
struct HeadReading {
  double probability = 0;
  std::uint32_t sentence = 0;  // index into TextModel::sentences
};
using DraftReading = std::array<HeadReading, kDraftHeads>;

// The head called `name`, or nullopt.
std::optional<std::size_t> head_index(std::string_view name);

// Reads the words of `text`, leaving out the tokens marked in `token_skipped` (quotes of the
// customer, signatures: not the agent's words). Each feature counts once however often it
// occurs, to the sentence where it first occurs. Linear time: one or two probes of the table
// per word and per pair of adjacent words, then work in the number of features found.
DraftReading read_draft(const TextModel& text, std::span<const char> token_skipped);

}  // namespace tactful::draft
