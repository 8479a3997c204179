// Sentence splitting over the tokens: after terminal punctuation followed by whitespace, and at
// line breaks. URLs, emails and decimals are single tokens, so their dots never split.
#include <algorithm>
#include <array>
#include <iterator>

#include "text/text_internal.h"

namespace tactful::text_internal {

namespace {

char32_t first_cp(const TextModel& m, const Token& t) {
  return decode_at(m.text, t.bytes.begin).cp;
}

bool is_terminal(const TextModel& m, const Token& t) {
  if (t.kind != TokenKind::punct) return false;
  switch (first_cp(m, t)) {
    case '.':
    case '!':
    case '?':
    case 0x037E:  // Greek question mark
    case 0x0589:  // Armenian full stop
    case 0x061F:  // Arabic question mark
    case 0x06D4:  // Arabic full stop
    case 0x0964:
    case 0x0965:  // danda
    case 0x2026:  // ellipsis
    case 0x203C:
    case 0x203D:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x3002:  // ideographic full stop
    case 0xFF01:
    case 0xFF0E:
    case 0xFF1F:
    case 0xFF61:
      return true;
    default:
      return false;
  }
}

// Closing quotes and brackets that stay with the sentence they close: 'He said "no."' ends after
// the quote.
bool is_closer(const TextModel& m, const Token& t) {
  if (t.kind != TokenKind::punct) return false;
  switch (first_cp(m, t)) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case 0x00BB:
    case 0x2019:
    case 0x201D:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool adjacent(const Token& a, const Token& b) {
  return a.bytes.end == b.bytes.begin;
}

// The bytes between two tokens are whitespace and invisible format characters only.
struct Gap {
  bool space = false;
  bool line_break = false;
};
Gap gap_between(std::string_view text, const Token& a, const Token& b) {
  Gap g;
  for (std::size_t i = a.bytes.end; i < b.bytes.begin;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // is_space and is_line_break for ASCII, inline
      g.space = g.space || c == ' ' || (c >= 0x09 && c <= 0x0D);
      g.line_break = g.line_break || (c >= 0x0A && c <= 0x0D);
      ++i;
      continue;
    }
    const Decoded d = decode_utf8(text, i);
    g.space = g.space || is_space(d.cp);
    g.line_break = g.line_break || is_line_break(d.cp);
    i += d.length;
  }
  return g;
}

bool is_word(const Token& t, std::string_view norm) {
  return t.kind == TokenKind::word && t.norm == norm;
}

bool is_single_letter(const Token& t) {
  return t.kind == TokenKind::word && decode_utf8(t.norm, 0).length == t.norm.size();
}

constexpr std::string_view kTitles[] = {
    "approx", "dr", "eg", "etc", "ie", "jr", "mr", "mrs", "ms", "prof", "sr", "st", "vs",
};
// Their norm hashes (Token::hash is hash_norm(norm)): most words before a full stop are
// none of them, and an integer compare each says so without comparing bytes.
constexpr auto kTitleHashes = [] {
  std::array<std::uint64_t, std::size(kTitles)> hashes{};
  for (std::size_t i = 0; i < hashes.size(); ++i) hashes[i] = hash_norm(kTitles[i]);
  return hashes;
}();

// Whether word token `t` is one of kTitles.
bool is_title(const Token& t) {
  for (std::size_t i = 0; i < kTitleHashes.size(); ++i)
    if (kTitleHashes[i] == t.hash && t.norm == kTitles[i]) return true;
  return false;
}

// Whether the '.' token at index `dot` ends an abbreviation rather than a sentence.
bool is_abbreviation(const TextModel& m, std::size_t dot) {
  const auto& toks = m.tokens;
  if (toks[dot].norm != "." || dot == 0 || !adjacent(toks[dot - 1], toks[dot])) return false;
  const Token& word = toks[dot - 1];
  if (word.kind == TokenKind::word && is_title(word)) return true;
  // "No." abbreviates "number" only before one ("No. 5"); "No. I can't." is two sentences.
  if (is_word(word, "no")) {
    return dot + 1 < toks.size() &&
           (toks[dot + 1].kind == TokenKind::number || toks[dot + 1].kind == TokenKind::identifier);
  }
  // Dotted initialisms: e.g. i.e. a.m. U.S.
  return is_single_letter(word) && dot >= 3 && toks[dot - 2].norm == "." &&
         adjacent(toks[dot - 2], word) && is_single_letter(toks[dot - 3]) &&
         adjacent(toks[dot - 3], toks[dot - 2]);
}

}  // namespace

void split_sentences(TextModel& m) {
  const auto& toks = m.tokens;
  const std::size_t n = toks.size();
  m.sentences.clear();
  m.sentences.reserve(n / 8 + 2);  // about one sentence per 8 tokens or more in prose
  m.sentence_of_token.assign(n, 0);
  std::size_t first = 0;
  std::size_t i = 0;
  while (i < n) {
    // A run of terminals and closers with no space inside ends together: "?!", '."', "...)".
    std::size_t last = i;
    const bool terminal = is_terminal(m, toks[i]);
    if (terminal) {
      while (last + 1 < n && adjacent(toks[last], toks[last + 1]) &&
             (is_terminal(m, toks[last + 1]) || is_closer(m, toks[last + 1]))) {
        ++last;
      }
    }
    bool ends = last + 1 == n;
    if (!ends) {
      const std::size_t from = toks[last].bytes.end, to = toks[last + 1].bytes.begin;
      if (!terminal && (from == to || (to == from + 1 && m.text[from] == ' '))) {
        // Most tokens are followed by nothing or one space: no line break, and only a
        // terminal ends a sentence at a space.
      } else {
        const Gap gap = gap_between(m.text, toks[last], toks[last + 1]);
        ends = gap.line_break || (terminal && gap.space && !is_abbreviation(m, i));
      }
    }
    if (ends) {
      const auto index = static_cast<std::uint32_t>(m.sentences.size());
      std::fill(m.sentence_of_token.begin() + static_cast<std::ptrdiff_t>(first),
                m.sentence_of_token.begin() + static_cast<std::ptrdiff_t>(last + 1), index);
      m.sentences.push_back({{toks[first].bytes.begin, toks[last].bytes.end}, first, last + 1});
      first = last + 1;
    }
    i = last + 1;
  }
}

}  // namespace tactful::text_internal
