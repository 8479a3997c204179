// SentiText: what polarity_scores does to the text before any rule runs: emoji become their
// descriptions, the text is split on Python whitespace, and each token loses its leading and
// trailing ASCII punctuation unless that would leave two characters or fewer (which keeps
// emoticons such as ":)" intact, and also keeps "ok!" from matching "ok": an upstream quirk).
#include <array>
#include <cstring>

#include "sentiment/vader_internal.h"

namespace tactful::vader {

namespace {

// Byte classes: ASCII Python whitespace and string.punctuation; bytes >= 0x80 belong to
// multi-byte characters (some of them whitespace), which are decoded.
enum : std::uint8_t { kSpace = 1, kPunct = 2, kHigh = 4 };

constexpr auto kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0x09; c <= 0x0D; ++c) table[c] = kSpace;
  for (int c = 0x1C; c <= 0x20; ++c) table[c] = kSpace;
  for (const char c : std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")) {
    table[static_cast<unsigned char>(c)] = kPunct;
  }
  for (int c = 0x80; c <= 0xFF; ++c) table[c] = kHigh;
  return table;
}();

std::uint8_t byte_class(char c) {
  return kByteClass[static_cast<unsigned char>(c)];
}
bool is_ascii_punct(char c) {
  return byte_class(c) == kPunct;
}

// The code point at i (its length in `length`) is Python whitespace.
bool space_at(std::string_view text, std::size_t i, std::size_t& length) {
  const std::uint8_t cls = byte_class(text[i]);
  if (cls != kHigh) {
    length = 1;
    return cls == kSpace;
  }
  const Char c = decode_char(text, i);
  length = c.length;
  return is_py_space(c.cp);
}

// The end of the token at i (not whitespace): the next Python whitespace, or the text's end.
// One table read per ASCII byte; only other characters are decoded. Linear: each byte is read
// once.
std::size_t token_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const std::uint8_t cls = byte_class(text[i]);
    if (cls == kSpace) return i;
    if (cls != kHigh) {
      ++i;
      continue;
    }
    const Char c = decode_char(text, i);
    if (is_py_space(c.cp)) return i;
    i += c.length;
  }
  return i;
}

// The first emoji key in text at or after `from`, or npos.
std::size_t find_emoji(const Lexicon& lexicon, std::string_view text, std::size_t from,
                       const std::string** description, std::size_t* length) {
  if (lexicon.emoji_keys.empty()) return std::string_view::npos;
  const char32_t smallest = lexicon.emoji_keys.front();
  for (std::size_t i = from; i < text.size();) {
    // Eight ASCII bytes at a time: most texts have no other character.
    if (text.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Char c = decode_char(text, i);
    if (c.cp >= smallest) {
      if (const std::string* d = lexicon.emoji(c.cp)) {
        *description = d;
        *length = c.length;
        return i;
      }
    }
    i += c.length;
  }
  return std::string_view::npos;
}

// The emoji loop of polarity_scores: each emoji character becomes its description, preceded
// by a space unless the previous character was ' ' (only U+0020 counts), and followed by
// nothing, so "😀good" turns into "grinning facegood" exactly as upstream does.
bool replace_emoji(const Lexicon& lexicon, std::string_view text, std::string& out) {
  const std::string* description = nullptr;
  std::size_t length = 0;
  std::size_t at = find_emoji(lexicon, text, 0, &description, &length);
  if (at == std::string_view::npos) return false;
  out.clear();
  out.reserve(text.size() + 64);
  std::size_t copied = 0;
  while (at != std::string_view::npos) {
    out.append(text.substr(copied, at - copied));
    // The previous character: none (counts as a space), an emoji just replaced (copied == at:
    // never a space), or the byte before, which is ' ' only for U+0020 itself.
    const bool prev_space = at == 0 || (copied != at && text[at - 1] == ' ');
    if (!prev_space) out.push_back(' ');
    out.append(*description);
    copied = at + length;
    at = find_emoji(lexicon, text, copied, &description, &length);
  }
  out.append(text.substr(copied));
  return true;
}

// What classify needs of an ASCII byte, from one table: the byte lower-cased and its flags.
enum : std::uint8_t { kUpperLetter = 1, kLowerLetter = 2, kQuote = 4, kNonAscii = 8 };
struct AsciiByte {
  char lower;
  std::uint8_t flags;
};
constexpr auto kAsciiBytes = [] {
  std::array<AsciiByte, 256> table{};
  for (int c = 0; c < 0x80; ++c) table[c] = {static_cast<char>(c), 0};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = {static_cast<char>(c - 'A' + 'a'), kUpperLetter};
  for (int c = 'a'; c <= 'z'; ++c) table[c].flags = kLowerLetter;
  table['\''].flags = kQuote;
  for (int c = 0x80; c <= 0xFF; ++c) table[c] = {0, kNonAscii};
  return table;
}();

// Looks a token up and sets its flags. ASCII tokens (nearly all) take one pass that lower-cases
// (into a stack buffer when short), hashes, and gathers the flags isupper and "n't" need, one
// table read per byte; others take the general path.
Token classify(const Lexicon& lexicon, std::string_view token, std::string& lower) {
  char small[64];
  const bool fits = token.size() <= sizeof small;
  if (!fits) lower.resize(token.size());
  char* const out = fits ? small : lower.data();
  std::uint64_t h = WordTable::kHashSeed;
  std::uint8_t flags = 0;
  for (std::size_t k = 0; k < token.size(); ++k) {
    const AsciiByte b = kAsciiBytes[static_cast<unsigned char>(token[k])];
    flags |= b.flags;
    if (b.flags & kNonAscii) break;
    out[k] = b.lower;
    h = WordTable::hash_step(h, static_cast<unsigned char>(b.lower));
  }
  std::string_view key(out, token.size());
  bool nt, upper;
  if (flags & kNonAscii) {
    lower.clear();
    append_lower(lower, token);
    key = lower;
    h = WordTable::hash(lower);
    upper = py_isupper(token);
    nt = lower.find("n't") != std::string::npos;
  } else {
    // An apostrophe occurs: only then can "n't".
    nt = (flags & kQuote) && key.find("n't") != std::string_view::npos;
    upper = (flags & (kUpperLetter | kLowerLetter)) == kUpperLetter;
  }
  const WordInfo& info = lexicon.words.find(key, h);
  const bool negated = info.negator || nt;
  return Token{token, &info, upper, negated};
}

}  // namespace

Token read_word(const Lexicon& lexicon, std::string_view raw, std::string& lower) {
  std::size_t b = 0;
  std::size_t e = raw.size();
  while (b < e && is_ascii_punct(raw[b])) ++b;
  while (e > b && is_ascii_punct(raw[e - 1])) --e;
  const std::string_view stripped = raw.substr(b, e - b);
  // len(stripped) <= 2 counts characters: at most 2 bytes is at most 2 characters, more than
  // 8 bytes is at least 3 (a character has at most 4 bytes); only in between decode.
  std::size_t chars = stripped.size() <= 2 ? 0 : 3;
  if (stripped.size() > 2 && stripped.size() <= 8) {
    chars = 0;
    for (std::size_t k = 0; k < stripped.size() && chars <= 2; ++chars) {
      k += static_cast<unsigned char>(stripped[k]) < 0x80 ? 1 : decode_char(stripped, k).length;
    }
  }
  return classify(lexicon, chars <= 2 ? raw : stripped, lower);
}

void make_senti_text(const Lexicon& lexicon, std::string_view input, SentiText& out) {
  out.text = replace_emoji(lexicon, input, out.replaced) ? std::string_view(out.replaced) : input;
  out.tokens.clear();
  const std::string_view text = out.text;
  std::size_t upper_count = 0;
  std::size_t i = 0;
  std::size_t length = 0;
  while (i < text.size()) {
    if (space_at(text, i, length)) {
      i += length;
      continue;
    }
    const std::size_t start = i;
    i = token_end(text, i + length);
    const Token t = read_word(lexicon, text.substr(start, i - start), out.lower_scratch);
    upper_count += t.upper ? 1 : 0;
    out.tokens.push_back(t);
  }
  // allcap_differential: some but not all tokens are ALL CAPS.
  const std::size_t n = out.tokens.size();
  out.is_cap_diff = n - upper_count > 0 && n - upper_count < n;
}

}  // namespace tactful::vader
