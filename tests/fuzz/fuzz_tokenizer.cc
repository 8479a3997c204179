// Fuzzes the text model: tokenizing, sentence splitting, UTF-16 offsets, sanitizing and folding
// must accept any bytes and keep their invariants. Aborts (via __builtin_trap) on a violation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tactful/text.h"
#include "text/text_internal.h"

namespace {

using namespace tactful;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_utf8(s, i);
    if (d.cp == 0xFFFD && d.length == 1) return false;
    i += d.length;
  }
  return true;
}

void check_token(std::string_view text, const Token& t) {
  const std::string_view slice = text.substr(t.bytes.begin, t.bytes.size());
  check(t.norm == fold(slice));
  check(t.hash == hash_norm(t.norm));
  check(valid_utf8(t.norm));
  const Decoded first = decode_utf8(slice, 0);
  check(!is_space(first.cp));
  bool letter = false;
  bool digit = false;
  for (std::size_t i = 0; i < slice.size();) {
    const Decoded d = decode_utf8(slice, i);
    letter = letter || is_letter(d.cp);
    digit = digit || is_digit(d.cp);
    i += d.length;
  }
  switch (t.kind) {
    case TokenKind::word:
      check(letter && !digit);
      break;
    case TokenKind::number:
      check(digit && !letter);
      break;
    case TokenKind::identifier:
      check(first.cp == '#' || (letter && digit) || slice.find('_') != slice.npos);
      break;
    case TokenKind::email:
      check(slice.find('@') != slice.npos);
      break;
    case TokenKind::url:
      check(is_letter(first.cp));
      break;
    case TokenKind::placeholder:
      check(first.cp == '{' || first.cp == '[' || first.cp == '%' || first.cp == '#' ||
            first.cp == '$');
      break;
    case TokenKind::punct:
      check(!is_letter(first.cp) && !is_digit(first.cp));
      break;
    case TokenKind::emoji:
      break;
  }
  if (t.upper) check(letter);
}

void check_model(std::string_view text) {
  const TextModel m(text);
  check(m.text.data() == text.data() && m.text.size() == text.size());
  std::size_t prev_end = 0;
  for (const Token& t : m.tokens) {
    check(t.bytes.begin >= prev_end && t.bytes.begin < t.bytes.end && t.bytes.end <= text.size());
    // Whatever lies between tokens is whitespace or an invisible format character.
    for (std::size_t i = prev_end; i < t.bytes.begin;) {
      const Decoded d = decode_utf8(text, i);
      check(is_space(d.cp) || text_internal::is_ignorable(d.cp));
      i += d.length;
    }
    check_token(text, t);
    prev_end = t.bytes.end;
  }
  check(m.word_count() <= m.tokens.size());
  // Sentences cover every token exactly once, in order.
  check(m.sentence_of_token.size() == m.tokens.size());
  check(m.sentences.empty() == m.tokens.empty());
  std::size_t next = 0;
  for (std::size_t s = 0; s < m.sentences.size(); ++s) {
    const auto& sen = m.sentences[s];
    check(sen.first_token == next && sen.first_token < sen.end_token &&
          sen.end_token <= m.tokens.size());
    check(sen.bytes.begin == m.tokens[sen.first_token].bytes.begin);
    check(sen.bytes.end == m.tokens[sen.end_token - 1].bytes.end);
    for (std::size_t i = sen.first_token; i < sen.end_token; ++i) {
      check(m.sentence_of_token[i] == s);
    }
    next = sen.end_token;
  }
  check(next == m.tokens.size());
}

void check_utf16(std::string_view text) {
  const Utf16Index index(text);
  std::size_t u16 = 0;
  std::size_t prev = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode_utf8(text, pos);
    check(index.to_utf16(pos) == u16);
    check(index.to_byte(u16) == pos);
    for (std::size_t k = 1; k < d.length; ++k) check(index.to_utf16(pos + k) == u16);
    check(u16 >= prev);
    prev = u16;
    pos += d.length;
    u16 += d.length == 4 ? 2 : 1;
  }
  check(index.utf16_length() == u16);
  check(index.to_utf16(text.size()) == u16);
  check(index.to_byte(u16) == text.size());
}

void check_sanitize_and_fold(std::string_view text) {
  const std::string clean = sanitize_utf8(text);
  check(valid_utf8(clean));
  if (valid_utf8(text)) check(clean == text);
  check(Utf16Index(clean).utf16_length() == Utf16Index(text).utf16_length());
  const std::string folded = fold(text);
  check(valid_utf8(folded));
  check(fold(folded) == folded);  // folding is idempotent
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_model(text);
  check_utf16(text);
  check_sanitize_and_fold(text);
  return 0;
}
