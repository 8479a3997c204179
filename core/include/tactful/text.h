// The text model: UTF-8 decoding that survives any bytes, tokens with byte offsets, sentences,
// case folding and UTF-16 offset conversion. Everything here is linear in the input length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tactful {

// A half-open byte range [begin, end) into some text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Decodes one code point at `pos`. Invalid or truncated sequences, overlong forms and
// surrogates decode as U+FFFD consuming exactly one byte, so decoding never fails and every
// byte belongs to exactly one decoded unit. NUL decodes as U+0000.
struct Decoded {
  char32_t cp;
  std::uint8_t length;  // bytes consumed, 1..4
};
Decoded decode_utf8(std::string_view text, std::size_t pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for invalid code points).
void append_utf8(std::string& out, char32_t cp);

// Returns `text` with every invalid byte replaced by U+FFFD, so it can be written into JSON.
std::string sanitize_utf8(std::string_view text);

// Unicode-aware simple case folding for the scripts agents write in (Latin, Greek, Cyrillic,
// Armenian, fullwidth Latin), also mapping typographic apostrophes (U+2018, U+2019, U+02BC,
// U+FF07) to ' and quotes (U+201C, U+201D) to ". No normalization: "é" and "e\u0301" stay
// different. `fold` replaces invalid bytes with U+FFFD, so its output is valid UTF-8.
char32_t fold_case(char32_t cp);
std::string fold(std::string_view text);

// Character classes the tokenizer uses. Range-based, no ICU. Letters cover Latin, Greek,
// Cyrillic, Armenian, Georgian, Hebrew, Arabic, Devanagari, Thai, CJK, kana and Hangul; the vowel
// signs of Indic/Thai/Arabic scripts and variation selectors count as combining marks, so words
// continue across them. is_emoji is true for pictographs that are emoji on their own.
bool is_letter(char32_t cp);
bool is_digit(char32_t cp);
bool is_space(char32_t cp);
bool is_emoji(char32_t cp);
bool is_combining_mark(char32_t cp);
bool is_apostrophe(char32_t cp);  // ' and U+2019 (and U+02BC)

enum class TokenKind : std::uint8_t {
  word,         // letters, with internal apostrophes ("can't", "don’t") and hyphens; a run of
                // CJK/kana is one word
  number,       // digits with . , : separators ("5-10" is number, punct, number)
  identifier,   // mixed letters+digits, #-prefixed or with '_' ("#A1234", "ORD-5521", "x2",
                // "3rd", "user_id"); a hyphen joins only after a letter ("24-hour" is 3 tokens)
  url,          // scheme:// or www. up to whitespace, minus trailing punctuation
  email,        // local@domain.tld
  placeholder,  // {{macro}}, {% tag %}, {macro}, %{macro}, #{macro}, ${macro}, [Customer Name]
  emoji,        // one emoji with its modifiers, joiners and variation selectors; a flag; a keycap
  punct,        // one punctuation or symbol code point (plus any combining marks on it); each
                // invalid byte is its own punct token
};

// One token. `norm` is the case-folded form with apostrophes made ASCII; for words it is what
// phrase rules match against. It views the text itself when folding changes nothing (most
// tokens), else the folded copy its TextModel keeps, so it lives as long as both. `hash` is
// hash_norm(norm), computed while tokenizing: the phrase matchers and repeat detection look
// tokens up by it, so no norm is hashed twice.
struct Token {
  TokenKind kind;
  // Case flags are set for every kind but punct and emoji.
  bool upper = false;    // every letter is uppercase and there are at least two letters
  bool capital = false;  // first letter uppercase
  Span bytes;
  std::string_view norm;
  std::uint64_t hash = 0;
};

// The hash of a token's norm (64-bit FNV-1a with a final shift-xor): Token::hash, and what the
// phrase matchers hash their vocabulary with. The same value on every platform and run.
inline constexpr std::uint64_t kNormHashBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kNormHashPrime = 0x100000001b3ULL;
constexpr std::uint64_t hash_norm_step(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * kNormHashPrime;
}
constexpr std::uint64_t hash_norm_finish(std::uint64_t h) {
  return h ^ (h >> 29);
}
constexpr std::uint64_t hash_norm(std::string_view norm) {
  std::uint64_t h = kNormHashBasis;
  for (char c : norm) h = hash_norm_step(h, c);
  return hash_norm_finish(h);
}

// Splits `text` into tokens and sentences in one linear pass. Whitespace and invisible format
// characters (ZWSP, ZWJ/ZWNJ outside words and emoji, BOM, word joiner, soft hyphen) produce no
// token. A sentence ends after . ! ? … (and runs of them, with closing quotes/brackets) followed
// by whitespace, except after abbreviations (Mr. Dr. e.g. etc. vs. St. ...; "No." only before a
// number), and at every line break. Sentence spans run from their first token's start to their
// last token's end. `text` must outlive the model. A model moves but does not copy: tokens'
// norms may view the folded copies it owns (moving keeps them where they are).
struct TextModel {
  explicit TextModel(std::string_view text);
  // Tokens only: `sentences` and `sentence_of_token` stay empty. For readers that need no
  // sentence (the agent's words for repeat detection), which then skip that pass.
  struct TokensOnly {};
  TextModel(std::string_view text, TokensOnly);
  TextModel(const TextModel&) = delete;
  TextModel& operator=(const TextModel&) = delete;
  TextModel(TextModel&&) = default;
  TextModel& operator=(TextModel&&) = default;
  ~TextModel() = default;
  std::string_view text;
  std::vector<Token> tokens;
  // Sentence spans in bytes, and for each the [first, last) token index range.
  struct Sentence {
    Span bytes;
    std::size_t first_token = 0;
    std::size_t end_token = 0;
  };
  std::vector<Sentence> sentences;
  // Index of the sentence holding token i.
  std::vector<std::uint32_t> sentence_of_token;
  std::size_t word_count() const;
  // The norms that differ from the text (capitals, non-ASCII), in blocks that never move: one
  // the size of the text, which holds them all unless folding lengthened some, then more.
  std::unique_ptr<char[]> folded;
  std::vector<std::unique_ptr<char[]>> folded_more;
};

// Maps byte offsets of a text to UTF-16 code-unit offsets (what browsers and LanguageTool
// clients index by). Built once per text in O(n); each lookup is O(log n). Invalid bytes count
// as one unit each (they are sent as U+FFFD), 4-byte sequences as two. Offsets past the end
// clamp to the end. `text` must outlive the index.
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text);
  // Byte offsets inside a multi-byte sequence round down to the sequence start.
  std::size_t to_utf16(std::size_t byte_offset) const;
  // Inverse; offsets that fall inside a surrogate pair round down.
  std::size_t to_byte(std::size_t utf16_offset) const;
  std::size_t utf16_length() const { return total_utf16_; }

 private:
  // Checkpoints every 64 bytes: (byte offset, utf16 offset) at a code point boundary.
  std::string_view text_;
  std::vector<std::size_t> byte_at_;
  std::vector<std::size_t> u16_at_;
  std::size_t total_utf16_ = 0;
};

}  // namespace tactful
