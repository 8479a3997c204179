// The agent's words for repeat detection, straight from the bytes. A TextModel writes every
// token out (bytes, norm, case flags; a lowercased copy of each capitalised word) and is then
// read once for its hashes: most of the cost of reading the agent's side of a conversation.
// This reader walks an ASCII text with the tokenizer's own ASCII dispatch (the run tables and
// stop tests of ascii_run_tables.h, scan_url and scan_alnum for the rest), so it ends every
// token where the tokenizer does, and keeps only what repeat detection reads. A test compares
// it with append_hashed(TextModel) on generated and corpus texts.
#include "text/word_hashes.h"

#include "text/ascii_run_tables.h"
#include "text/text_internal.h"

namespace tactful {

using namespace text_internal;
using namespace text_internal::ascii_run;

namespace {

// The hash of the lowercased ASCII bytes [begin, end): what emit() gives an ASCII token.
std::uint64_t ascii_hash(std::string_view text, std::size_t begin, std::size_t end) {
  std::uint64_t h = kNormHashBasis;
  for (std::size_t i = begin; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    h = hash_norm_step(h, static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 0x20 : c));
  }
  return hash_norm_finish(h);
}

TokenKind alnum_kind(bool letter, bool digit) {
  return digit ? (letter ? TokenKind::identifier : TokenKind::number) : TokenKind::word;
}

// The token starting with an ASCII letter or digit at `pos`, as Tokenizer::ascii_alnum_at and
// ascii_alnum_rest find it in an ASCII text (where no keycap emoji can follow a digit).
std::size_t alnum_token(std::string_view text, std::size_t pos, std::vector<HashedToken>& out) {
  std::size_t k = pos;
  std::uint64_t hash = kNormHashBasis;
  std::uint64_t counts = 0;  // digits in the high 32 bits (the text is under 2^32 bytes)
  for (; k < text.size(); ++k) {
    const auto b = static_cast<unsigned char>(text[k]);
    const char lower = kAsciiAlnumLower[b];
    if (lower == 0) break;
    hash = hash_norm_step(hash, lower);
    counts += kAsciiCounts[b];
  }
  const std::size_t digits = counts >> 32;
  const bool letter = k - pos > digits;
  const auto stop = static_cast<unsigned char>(k < text.size() ? text[k] : ' ');
  const auto run = [&] {
    out.push_back({hash_norm_finish(hash), alnum_kind(letter, digits > 0)});
    return k;
  };
  if (kPlainStop[stop] || ends_at_period_or_comma(text, k, stop, letter)) return run();
  std::size_t end = 0;
  if (kAsciiClass[static_cast<unsigned char>(text[pos])] != kDigit &&
      (stop == ':' || stop == '.' || stop == '-' || stop == '+') &&
      (end = scan_url(text, pos)) != 0) {
    out.push_back({ascii_hash(text, pos, end), TokenKind::url});
    return end;
  }
  if (run_ends_at_stop(text, k, letter)) return run();
  const Alnum a = scan_alnum(text, pos);
  out.push_back({ascii_hash(text, pos, a.end),
                 a.underscore ? TokenKind::identifier : alnum_kind(a.letter, a.digit)});
  return a.end;
}

}  // namespace

void append_hashed(const TextModel& model, std::vector<HashedToken>& out) {
  for (const Token& t : model.tokens)
    out.push_back({t.hash, t.kind,
                   t.kind == TokenKind::punct && t.norm.size() == 1 &&
                           static_cast<unsigned char>(t.norm[0]) < 0x80
                       ? t.norm[0]
                       : '\0'});
}

bool append_hashed_ascii(std::string_view text, std::vector<HashedToken>& out) {
  // A run of 2^32 bytes takes the tokenizer's recounting path: not read here.
  if (!is_ascii(text) || text.size() >> 32 != 0) return false;
  const std::size_t first = out.size();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
      ++pos;
    } else if (kAsciiAlnumLower[b] != 0) {
      pos = alnum_token(text, pos, out);
    } else if (b == '{' || b == '[' || b == '%' || b == '#' || b == '$' || b == '@' || b == '*') {
      out.resize(first);  // a placeholder, email, #id or keycap may start here
      return false;
    } else {  // any other ASCII byte is one punctuation token (no mark can follow it)
      out.push_back({hash_norm_finish(hash_norm_step(kNormHashBasis, static_cast<char>(b))),
                     TokenKind::punct, static_cast<char>(b)});
      ++pos;
    }
  }
  return true;
}

}  // namespace tactful
