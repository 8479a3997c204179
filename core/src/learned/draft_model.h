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

// Each head's probability (0..1) that the draft shows it.
using DraftReading = std::array<double, kDraftHeads>;

// The head called `name`, or nullopt.
std::optional<std::size_t> head_index(std::string_view name);

// Reads the words of `text`'s sentences, leaving out the tokens marked in `token_skipped`
// (quotes of the customer, signatures: not the agent's words). Each feature counts once however
// often it occurs. Linear time: one table probe per word, and a filter bit (then rarely a
// probe) per pair of adjacent words.
DraftReading read_draft(const TextModel& text, std::span<const char> token_skipped);

// The sentence whose words raise `head` most (each feature credited to the sentence where it
// first occurs): where a hint points the agent. Same cost as read_draft; asked only when a
// rule flags, so most drafts never pay it. `text` must have a sentence.
std::uint32_t weightiest_sentence(const TextModel& text, std::span<const char> token_skipped,
                                  std::size_t head);

}  // namespace tactful::draft
