// make_senti_text of an ASCII text whose TextModel is already built (the customer's messages):
// VADER's words taken from the tokenizer's tokens instead of split, stripped, lower-cased and
// hashed again byte by byte. In an ASCII text the tokenizer skips exactly the bytes Python's
// split() splits on but \x1c-\x1f, so a run of tokens that touch is one whitespace-split word;
// most such runs are one word token with punctuation tokens around it, and then VADER's word is
// that token: stripping its ASCII punctuation stops at the token's letters. Its norm is the
// lower-cased bytes and its hash the same FNV-1a, finished. Any other run is read from its bytes
// as make_senti_text reads it, so every text gives the same tokens as make_senti_text; a test
// compares the two on every dev text and on generated ones. Linear: one pass over the tokens and
// the bytes between them.
#include <array>
#include <cstdint>
#include <cstring>
#include <span>

#include "sentiment/vader_internal.h"
#include "tactful/text.h"
#include "text/text_internal.h"

namespace tactful::vader {
namespace {

// What an ASCII byte between tokens or in a punctuation token is to this reader.
enum : std::uint8_t {
  kOther = 0,
  kGap = 1,      // a byte the tokenizer skips (' ', \t \n \v \f \r): Python whitespace too
  kStrip = 2,    // string.punctuation, which VADER strips from a word's ends
  kPySpace = 3,  // \x1c-\x1f: whitespace to Python, a punctuation token to the tokenizer
};
constexpr auto kByte = [] {
  std::array<std::uint8_t, 256> table{};
  table[' '] = kGap;
  for (int c = 0x09; c <= 0x0D; ++c) table[c] = kGap;
  for (int c = 0x1C; c <= 0x1F; ++c) table[c] = kPySpace;
  for (const char c : std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"))
    table[static_cast<unsigned char>(c)] = kStrip;
  return table;
}();

std::uint8_t byte_kind(char c) {
  return kByte[static_cast<unsigned char>(c)];
}

// The FNV-1a of a token's norm from Token::hash, hash_norm_finish undone (y = h ^ (h >> 29)
// gives back h = y ^ (y >> 29) ^ (y >> 58)): WordTable's hash, the same FNV-1a unfinished.
std::uint64_t unfinished(std::uint64_t y) {
  return y ^ (y >> 29) ^ (y >> 58);
}

// Whether a lower-case word holds "n't" (negated()'s test), looked for only after an
// apostrophe: most words have none.
bool holds_nt(std::string_view word) {
  for (std::size_t k = 1; k + 1 < word.size(); ++k)
    if (word[k] == '\'' && word[k - 1] == 'n' && word[k + 1] == 't') return true;
  return false;
}

bool gap_is_space(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t p = from; p < to; ++p)
    if (byte_kind(text[p]) != kGap) return false;
  return true;
}

}  // namespace

bool make_senti_text_from_tokens(const Lexicon& lexicon, const TextModel& model, SentiText& out) {
  const std::string_view text = model.text;
  if (!text_internal::is_ascii(text))
    return false;  // emoji, other whitespace, other cases: the bytes decide
  out.text = text;
  out.tokens.clear();
  // A span: the vector's size is not read again after each push to out.tokens.
  const std::span<const tactful::Token> tokens(model.tokens);
  std::size_t upper_count = 0;
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    // Only skipped bytes before the run: the tokens cover every other byte.
    if (!gap_is_space(text, previous_end, tokens[i].bytes.begin)) return false;
    // The run of touching tokens [i, j): one word of Python's split. It reads as its one word
    // token when every other token of it is one byte of string.punctuation.
    std::size_t j = i;
    std::size_t words = 0, word = 0;
    bool plain = true;
    for (; j < tokens.size() && (j == i || tokens[j].bytes.begin == tokens[j - 1].bytes.end); ++j) {
      const tactful::Token& t = tokens[j];
      if (t.kind == TokenKind::word) {
        ++words;
        word = j;
        continue;
      }
      // A placeholder may hold whitespace ("{{ name }}"): not one word of the split.
      if (t.kind == TokenKind::placeholder) return false;
      if (t.kind != TokenKind::punct || t.bytes.size() != 1) {
        plain = false;
        continue;
      }
      const std::uint8_t kind = byte_kind(text[t.bytes.begin]);
      if (kind == kPySpace) return false;
      plain = plain && kind == kStrip;
    }
    const std::size_t begin = tokens[i].bytes.begin, end = tokens[j - 1].bytes.end;
    // VADER's word is the word token when stripping the run's punctuation leaves just it: its
    // ends are no punctuation (its first byte is a letter), and either it keeps more than two
    // characters or it is the whole run (a stripped word of two or fewer is kept whole).
    const tactful::Token& w = tokens[word];
    const bool is_word_token = plain && words == 1 && byte_kind(text[w.bytes.end - 1]) != kStrip &&
                               (w.bytes.size() > 2 || j == i + 1);
    const auto word_token = [&] {
      const WordInfo& info = lexicon.words.find(w.norm, unfinished(w.hash));
      // str.isupper(): a cased letter and none lower case. An ASCII word token starting and
      // ending with a letter has one letter (one byte: Token::capital) or two or more (then
      // Token::upper: two letters or more, all upper case).
      const bool upper = w.bytes.size() == 1 ? w.capital : w.upper;
      return Token{std::string_view(text.data() + w.bytes.begin, w.bytes.size()), &info, upper,
                   info.negator || holds_nt(w.norm)};
    };
    const Token t = is_word_token
                        ? word_token()
                        : read_word(lexicon, std::string_view(text.data() + begin, end - begin),
                                    out.lower_scratch);
    upper_count += t.upper ? 1 : 0;
    out.tokens.push_back(t);
    previous_end = end;
    i = j;
  }
  if (!gap_is_space(text, previous_end, text.size())) return false;
  // allcap_differential: some but not all tokens are ALL CAPS.
  const std::size_t n = out.tokens.size();
  out.is_cap_diff = n - upper_count > 0 && n - upper_count < n;
  return true;
}

}  // namespace tactful::vader
