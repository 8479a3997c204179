// The tokens of a text as repeat detection reads an agent's messages (match/repeats.cc): each
// token's kind and hash, without its norm, case flags or sentences. Internal to core.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tactful/text.h"

namespace tactful {

// One token: its kind, Token::hash (hash_norm of its norm), and for a punctuation token of one
// ASCII byte that byte (else 0).
struct HashedToken {
  std::uint64_t hash = 0;
  TokenKind kind = TokenKind::punct;
  char byte = 0;
};

// Appends the tokens of `model`, in order.
void append_hashed(const TextModel& model, std::vector<HashedToken>& out);

// Appends the tokens TextModel(text) would make, in order, read straight from the bytes: the
// same kinds, hashes and bytes as append_hashed(TextModel(text)). Only for the texts most
// messages are: ASCII, without a byte that may open a placeholder, an email, an #id or a keycap
// ({ [ % # $ @ *) where a token starts. For any other text it appends nothing and returns
// false; the caller then builds the TextModel. Linear in the text, as the tokenizer.
bool append_hashed_ascii(std::string_view text, std::vector<HashedToken>& out);

}  // namespace tactful
