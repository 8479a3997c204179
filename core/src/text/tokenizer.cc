// The tokenizer: one left-to-right pass that dispatches on the first code point of each token.
// Every scanner either consumes what it looked at or has bounded lookahead (see text_internal.h),
// so the whole pass is linear in the input.
#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "text/ascii_run_tables.h"
#include "text/text_internal.h"

namespace tactful {

using namespace text_internal;
using namespace text_internal::ascii_run;

namespace {

class Tokenizer {
 public:
  explicit Tokenizer(TextModel& m) : text_(m.text), out_(m.tokens), model_(m) {}

  void run() {
    out_.reserve(text_.size() / 5 + 8);  // typical prose has a token every 4-6 bytes
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const auto b = static_cast<unsigned char>(text_[pos]);
      if (b < 0x80) {  // ASCII, without a decode: no ASCII character is ignorable
        if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
          ++pos;
        } else if (kAsciiAlnumLower[b] != 0) {
          pos = ascii_alnum_at(pos);
        } else if (kPlainPunct[b] &&
                   (pos + 1 == text_.size() || static_cast<unsigned char>(text_[pos + 1]) < 0x80)) {
          pos = emit_ascii_punct(pos);
        } else {
          pos = token_at(pos, Decoded{b, 1});
        }
        continue;
      }
      const Decoded d = decode_utf8(text_, pos);
      if (is_space(d.cp) || is_ignorable(d.cp)) {
        pos += d.length;
        continue;
      }
      pos = token_at(pos, d);
    }
  }

 private:
  // Emits the token starting at `pos` (whose first code point is `d`) and returns its end.
  std::size_t token_at(std::size_t pos, Decoded d) {
    const char32_t c = d.cp;
    if (is_ascii_letter(c) || is_ascii_digit(c)) return ascii_alnum_at(pos);
    // Other ASCII starts nothing but punctuation, except these (placeholders, emails, #ids,
    // the keycaps #️⃣ *️⃣).
    if (c < 0x80 && c != '{' && c != '[' && c != '%' && c != '#' && c != '$' && c != '@' &&
        c != '*')
      return punct_at(pos, d);
    const char32_t next = peek(text_, pos + d.length).cp;
    std::size_t end = 0;
    if (c == '{' || c == '[' || ((c == '%' || c == '#' || c == '$') && next == '{')) {
      if ((end = scan_placeholder(text_, pos)) != 0) return emit(TokenKind::placeholder, pos, end);
    }
    if (c == '@' && (end = email_at(pos)) != 0) return end;
    if (c == '#' && is_alnum(next)) {
      return emit(TokenKind::identifier, pos, scan_alnum(text_, pos + 1).end);
    }
    if (c < 0x80 && is_letter(c) && (end = scan_url(text_, pos)) != 0) {
      return emit(TokenKind::url, pos, end);
    }
    // Before numbers: a digit may start a keycap emoji (1️⃣).
    if ((end = scan_emoji(text_, pos)) != 0) return emit(TokenKind::emoji, pos, end);
    if (is_alnum(c)) {
      const Alnum a = scan_alnum(text_, pos);
      TokenKind kind = TokenKind::word;
      if (a.digit) kind = a.letter ? TokenKind::identifier : TokenKind::number;
      if (a.underscore) kind = TokenKind::identifier;
      return emit(kind, pos, a.end);
    }
    return punct_at(pos, d);
  }

  // A token starting with an ASCII letter or digit: what the general path would find, with
  // the scans that cannot match skipped. The common case, a run followed by a space or
  // punctuation that cannot join or start a URL, is handled here in line; the rest in
  // ascii_alnum_rest.
  std::size_t ascii_alnum_at(std::size_t pos) {
    // The run of ASCII letters and digits, with what emit would compute for it: the hash of its
    // lowercased form and its case counts, so the common case (the run is the token) reads it
    // only once more, to copy it.
    std::size_t k = pos;
    std::uint64_t hash = kNormHashBasis;
    std::uint64_t counts = 0;  // uppercase letters in the low 32 bits, digits in the high
    for (; k < text_.size(); ++k) {
      const auto b = static_cast<unsigned char>(text_[k]);
      const char lower = kAsciiAlnumLower[b];
      if (lower == 0) break;
      hash = hash_norm_step(hash, lower);
      counts += kAsciiCounts[b];
    }
    const auto stop = static_cast<unsigned char>(k < text_.size() ? text_[k] : ' ');
    // A plain stop (ASCII, no connector, no URL punctuation) ends the token at k: no URL or
    // keycap can start here (a keycap needs a non-ASCII byte right after its digit).
    const std::size_t digits = counts >> 32;
    const std::size_t letters = k - pos - digits;
    if ((kPlainStop[stop] || ends_at_period_or_comma(text_, k, stop, letters > 0)) &&
        (k - pos) >> 32 == 0) [[likely]] {
      const auto first = static_cast<unsigned char>(text_[pos]);
      AsciiRun run;
      run.hash = hash;
      run.upper = counts & 0xFFFFFFFFu;
      run.letters = letters;
      run.digit = digits > 0;
      run.capital = kAsciiClass[first] == kUpper ||
                    (kAsciiClass[first] == kDigit && run.letters > 0 && first_letter_upper(pos, k));
      return emit_run(run.digit ? (run.letters > 0 ? TokenKind::identifier : TokenKind::number)
                                : TokenKind::word,
                      pos, k, run);
    }
    return ascii_alnum_rest(pos, k, hash, counts);
  }

  // Whether the first letter of the run [pos, k), which starts with a digit, is uppercase.
  bool first_letter_upper(std::size_t pos, std::size_t k) const {
    for (std::size_t i = pos; i < k; ++i) {
      const auto cls = kAsciiClass[static_cast<unsigned char>(text_[i])];
      if (cls != kDigit) return cls == kUpper;
    }
    return false;
  }

  // ascii_alnum_at for a run [pos, k) that stops at a connector, URL punctuation, a non-ASCII
  // byte, or is 2^32 bytes long.
  [[gnu::noinline]] std::size_t ascii_alnum_rest(std::size_t pos, std::size_t k, std::uint64_t hash,
                                                 std::uint64_t counts) {
    const auto c = static_cast<unsigned char>(text_[pos]);
    std::size_t end = 0;
    AsciiRun run;
    std::size_t digits = counts >> 32;
    run.upper = counts & 0xFFFFFFFFu;
    if ((k - pos) >> 32 != 0) {  // 2^32 uppercase letters would carry into the digits: recount
      digits = 0;
      run.upper = 0;
      for (std::size_t i = pos; i < k; ++i) {
        digits += kAsciiClass[static_cast<unsigned char>(text_[i])] == kDigit;
        run.upper += kAsciiClass[static_cast<unsigned char>(text_[i])] == kUpper;
      }
    }
    run.hash = hash;
    run.letters = k - pos - digits;
    run.digit = digits > 0;
    // The first letter's case (the run usually starts with it).
    run.capital = run.letters > 0 && first_letter_upper(pos, k);
    const bool letter = run.letters > 0, digit = run.digit;
    const char stop = k < text_.size() ? text_[k] : ' ';
    if (is_ascii_letter(c)) {
      // scan_url needs "www." or a scheme ([a-z0-9+.-]+) before "://": the run must stop at
      // one of these for either to be there.
      if ((stop == ':' || stop == '.' || stop == '-' || stop == '+') &&
          (end = scan_url(text_, pos)) != 0)
        return emit(TokenKind::url, pos, end);
    } else if (pos + 1 < text_.size() && static_cast<unsigned char>(text_[pos + 1]) >= 0x80 &&
               (end = scan_emoji(text_, pos)) != 0) {
      return emit(TokenKind::emoji, pos, end);  // a keycap needs U+FE0F or U+20E3 next
    }
    // Followed by ASCII that can't continue the token (scan_alnum's connectors are ' - _ . , :
    // and non-ASCII marks, letters, digits, apostrophes and joiners): the run is the token.
    if (stop >= 0 && run_ends_at_stop(text_, k, letter))
      return emit_run(
          digit ? (letter ? TokenKind::identifier : TokenKind::number) : TokenKind::word, pos, k,
          run);
    bool underscore = false;
    if (const std::size_t joined = stop >= 0 ? join_ascii(k, run, underscore) : 0; joined != 0)
      return emit_run(underscore || (run.digit && run.letters > 0) ? TokenKind::identifier
                      : run.digit                                  ? TokenKind::number
                                                                   : TokenKind::word,
                      pos, joined, run);
    const Alnum a = scan_alnum(text_, pos);
    TokenKind kind = TokenKind::word;
    if (a.digit) kind = a.letter ? TokenKind::identifier : TokenKind::number;
    if (a.underscore) kind = TokenKind::identifier;
    return emit(kind, pos, a.end);
  }

  // One punctuation code point, with the marks that decorate it.
  std::size_t punct_at(std::size_t pos, Decoded d) {
    std::size_t end = pos + d.length;
    // Marks are never ASCII: an ASCII byte next ends the token without a decode.
    while (end < text_.size() && static_cast<unsigned char>(text_[end]) >= 0x80) {
      const Decoded m = decode_utf8(text_, end);
      if (!is_combining_mark(m.cp)) break;
      end += m.length;
    }
    return emit(TokenKind::punct, pos, end);
  }

  // local@domain.tld. The local part was already tokenized ("john", ".", "doe"); those tokens
  // are replaced by the email token. Returns the end of the email, or 0.
  std::size_t email_at(std::size_t at) {
    const std::size_t local = scan_email_local(text_, at);
    if (local == at || out_.empty() || out_.back().bytes.end != at) return 0;
    const std::size_t end = scan_email_domain(text_, at);
    if (end == 0) return 0;
    std::size_t k = out_.size();
    while (k > 0 && out_[k - 1].bytes.begin >= local) --k;
    if (k == out_.size()) return 0;  // the local part starts inside a longer token ("#x@y.com")
    const std::size_t begin = out_[k].bytes.begin;
    out_.resize(k);
    return emit(TokenKind::email, begin, end);
  }

  // What ascii_alnum_at reads of a run of ASCII letters and digits.
  struct AsciiRun {
    std::uint64_t hash = kNormHashBasis;  // of the lowercased run, not yet finished
    std::size_t letters = 0, upper = 0;
    bool capital = false;  // the first letter is uppercase
    bool digit = false;
  };

  // emit() for one ASCII punctuation byte that no mark follows (what token_at and punct_at make
  // of it): the byte is its own norm, no letter is in it.
  std::size_t emit_ascii_punct(std::size_t pos) {
    Token& t = out_.emplace_back();
    t.kind = TokenKind::punct;
    t.bytes = {pos, pos + 1};
    t.norm = text_.substr(pos, 1);
    t.hash = hash_norm_finish(hash_norm_step(kNormHashBasis, text_[pos]));
    return pos + 1;
  }

  // emit() for a run of ASCII letters and digits read by ascii_alnum_at, or for such runs joined
  // by ASCII connectors (join_ascii), of kind word, number or identifier: the same token.
  std::size_t emit_run(TokenKind kind, std::size_t begin, std::size_t end, const AsciiRun& run) {
    Token& t = out_.emplace_back();
    t.kind = kind;
    t.bytes = {begin, end};
    t.norm = text_.substr(begin, end - begin);
    if (run.upper > 0) {
      char* norm = room_for_norm(t.norm.size());
      for (std::size_t i = 0; i < t.norm.size(); ++i)
        norm[i] = kAsciiLower[static_cast<unsigned char>(t.norm[i])];
      t.norm = {norm, t.norm.size()};
    }
    t.hash = hash_norm_finish(run.hash);
    t.capital = run.capital;
    t.upper = run.letters >= 2 && run.upper == run.letters;
    return end;
  }

  // The run in `run`, stopped at the ASCII connector at k that joins it to more ("can't",
  // "follow-up", "user_id", "5,000.50"), read on through ASCII letters, digits and connectors as
  // scan_alnum joins them (run_ends_at_stop's rules) and added to `run`, as emit would count the
  // token; `underscore` is set when a '_' joins. Returns the token's end, or 0 when a non-ASCII
  // byte comes after a connector or a run (scan_alnum decides there: marks, joiners, letters).
  // Each byte is read once.
  std::size_t join_ascii(std::size_t k, AsciiRun& run, bool& underscore) const {
    if (text_.size() >> 32 != 0) return 0;  // the counts hold fewer than 2^32 of each
    for (;;) {
      if (k + 1 >= text_.size() || static_cast<unsigned char>(text_[k + 1]) >= 0x80) return 0;
      underscore = underscore || text_[k] == '_';
      run.hash = hash_norm_step(run.hash, text_[k]);
      const std::size_t start = ++k;
      std::uint64_t counts = 0;  // as ascii_alnum_at's
      for (; k < text_.size(); ++k) {
        const auto b = static_cast<unsigned char>(text_[k]);
        const char lower = kAsciiAlnumLower[b];
        if (lower == 0) break;
        run.hash = hash_norm_step(run.hash, lower);
        counts += kAsciiCounts[b];
      }
      const std::size_t digits = counts >> 32, letters = k - start - digits;
      if (run.letters == 0 && letters > 0) run.capital = first_letter_upper(start, k);
      run.letters += letters;
      run.upper += counts & 0xFFFFFFFFu;
      run.digit = run.digit || digits > 0;
      if (k == text_.size()) return k;
      if (static_cast<unsigned char>(text_[k]) >= 0x80) return 0;
      if (run_ends_at_stop(text_, k, run.letters > 0)) return k;
    }
  }

  std::size_t emit(TokenKind kind, std::size_t begin, std::size_t end) {
    const std::string_view s = text_.substr(begin, end - begin);
    Token& t = out_.emplace_back();
    t.kind = kind;
    t.bytes = {begin, end};
    // ASCII (almost every token): one pass hashes the lowercased token and counts the case
    // flags, without decoding. A byte >= 0x80 shows at the end, and the token is redone below.
    std::uint64_t h = kNormHashBasis;
    unsigned high = 0;
    std::size_t letters = 0, upper = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      high |= c;
      const bool up = static_cast<unsigned>(c - 'A') < 26u;
      const bool letter = up || static_cast<unsigned>(c - 'a') < 26u;
      if (letter && letters == 0) t.capital = up;
      letters += letter;
      upper += up;
      h = hash_norm_step(h, static_cast<char>(up ? c + 0x20 : c));
    }
    if (high < 0x80) {
      t.norm = s;
      if (upper > 0) {  // lowercased into a copy
        char* norm = room_for_norm(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
          const auto c = static_cast<unsigned char>(s[i]);
          norm[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 0x20 : c);
        }
        t.norm = {norm, s.size()};
      }
      t.hash = hash_norm_finish(h);
      if (kind == TokenKind::punct || kind == TokenKind::emoji) {
        t.capital = false;
      } else {
        t.upper = letters >= 2 && upper == letters;
      }
      return end;
    }
    t.capital = false;
    const std::string folded = fold(s);
    t.norm = s;
    if (folded != s) {
      char* norm = room_for_norm(folded.size());
      std::copy(folded.begin(), folded.end(), norm);
      t.norm = {norm, folded.size()};
    }
    t.hash = hash_norm(t.norm);
    if (kind != TokenKind::punct && kind != TokenKind::emoji) set_case(t);
    return end;
  }

  void set_case(Token& t) const {
    std::size_t letters = 0;
    bool all_upper = true;
    for (std::size_t i = t.bytes.begin; i < t.bytes.end;) {
      const Decoded d = decode_utf8(text_, i);
      i += d.length;
      if (!is_letter(d.cp)) continue;
      const bool up = is_upper(d.cp);
      if (letters++ == 0) t.capital = up;
      all_upper = all_upper && up;
    }
    t.upper = all_upper && letters >= 2;
  }

  // `n` bytes for a norm that differs from the text, in a block of the model's that never
  // moves. Folding ASCII keeps the length, so one block the size of the text usually holds
  // every norm; folding other text may lengthen it, and a full block is followed by another.
  char* room_for_norm(std::size_t n) {
    if (room_ < n) {
      const std::size_t size = std::max(n, text_.size() + 16);
      auto block = std::make_unique_for_overwrite<char[]>(size);
      next_ = block.get();
      room_ = size;
      if (!model_.folded) {
        model_.folded = std::move(block);
      } else {
        model_.folded_more.push_back(std::move(block));
      }
    }
    char* at = next_;
    next_ += n;
    room_ -= n;
    return at;
  }

  std::string_view text_;
  std::vector<Token>& out_;
  TextModel& model_;      // where the blocks of folded norms go
  char* next_ = nullptr;  // the free part of the last block
  std::size_t room_ = 0;
};

}  // namespace

TextModel::TextModel(std::string_view t) : text(t) {
  Tokenizer(*this).run();
  split_sentences(*this);
}

TextModel::TextModel(std::string_view t, TokensOnly) : text(t) {
  Tokenizer(*this).run();
}

std::size_t TextModel::word_count() const {
  return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::word || t.kind == TokenKind::number ||
           t.kind == TokenKind::identifier;
  }));
}

}  // namespace tactful
