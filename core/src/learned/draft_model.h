// The learned draft reading: for each draft head (blame, dismissive, policy-language,
// acknowledges, overpromise, tone, owns-wait, vague-commitment), how likely
// the draft shows it, whatever the lexicons list. A logistic regression per head over the draft's
// word unigrams and bigrams, and the sentence shapes of blame (learned/draft_structure.h: keys
// only the blame column weighs), fitted by eval/train_draft_heads.py on the labelled corpus; the
// heads live in the table of the customer readings (customer/word_model_weights.h), so a draft is
// probed once per word for all of them. Internal to core.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "customer/word_model_weights.h"
#include "tactful/text.h"

namespace tactful::draft {

// The draft heads, as a learned rule names them, and their place in the table.
inline constexpr std::size_t kDraftHeads = 8;
inline constexpr std::array<std::string_view, kDraftHeads> kDraftHeadNames = {
    "blame",       "dismissive", "policy-language", "acknowledges",
    "overpromise", "tone",       "owns-wait",       "vague-commitment"};
inline constexpr std::array<customer::Head, kDraftHeads> kDraftHeadColumns = {
    customer::Head::blame,        customer::Head::dismissive,      customer::Head::policy_language,
    customer::Head::acknowledges, customer::Head::overpromise,     customer::Head::tone,
    customer::Head::owns_wait,    customer::Head::vague_commitment};

// Each draft head's probability (0..1) that the draft shows it, in kDraftHeadNames order.
using DraftReading = std::array<double, kDraftHeads>;

// The draft head called `name`, or nullopt.
std::optional<std::size_t> head_index(std::string_view name);

// Reads the words of `text`'s sentences, leaving out the tokens marked in `token_skipped`
// (quotes of the customer, signatures: not the agent's words). Each feature counts once however
// often it occurs. Linear time: one or two probes of the table's hash slots per word and per pair
// of adjacent words, for all draft heads together.
DraftReading read_draft(const TextModel& text, std::span<const char> token_skipped);

// The sentence whose words raise draft head `head` most (each feature credited to the sentence
// where it first occurs): where a hint points the agent. Same cost as read_draft; asked only
// when a rule flags, so most drafts never pay it. `text` must have a sentence.
std::uint32_t weightiest_sentence(const TextModel& text, std::span<const char> token_skipped,
                                  std::size_t head);

}  // namespace tactful::draft
