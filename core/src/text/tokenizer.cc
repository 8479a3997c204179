// The tokenizer: one left-to-right pass that dispatches on the first code point of each token.
// Every scanner either consumes what it looked at or has bounded lookahead (see text_internal.h),
// so the whole pass is linear in the input.
#include <algorithm>

#include "text/text_internal.h"

namespace tactful {

using namespace text_internal;

namespace {

enum class Prev { none, letter, digit };

// Words, numbers and identifiers share one scanner: a run of letters and digits with internal
// connectors, classified by what it contains.
struct Alnum {
  std::size_t end = 0;
  bool letter = false;
  bool digit = false;
  bool underscore = false;
};

bool is_alnum(char32_t cp) {
  return is_letter(cp) || is_digit(cp);
}

// Characters that join two letters of one word without breaking it (soft hyphen, ZWNJ, ZWJ,
// word joiner), as in Persian and Indic spelling.
bool is_word_joiner(char32_t cp) {
  return cp == 0x00AD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

Alnum scan_alnum(std::string_view text, std::size_t pos) {
  Alnum r;
  Prev prev = Prev::none;
  std::size_t i = pos;
  while (i < text.size()) {
    const Decoded d = decode_utf8(text, i);
    if (is_letter(d.cp)) {
      r.letter = true;
      prev = Prev::letter;
    } else if (is_digit(d.cp)) {
      r.digit = true;
      prev = Prev::digit;
    } else if (is_combining_mark(d.cp)) {
      // A mark extends whatever came before it ("é" written as e + U+0301).
    } else {
      // Connectors: they stay in the token only when an alphanumeric follows them.
      const char32_t next = peek(text, i + d.length).cp;
      bool join = false;
      if (prev == Prev::letter && (is_apostrophe(d.cp) || is_word_joiner(d.cp))) {
        join = is_letter(next);  // can't, don’t; "customers'" keeps its apostrophe out
      } else if (prev != Prev::none && is_hyphen(d.cp)) {
        join = r.letter && is_alnum(next);  // follow-up, ORD-5521; but 5-10 is three tokens
      } else if (prev != Prev::none && d.cp == '_') {
        join = is_alnum(next);
        r.underscore = r.underscore || join;
      } else if (prev == Prev::digit && (d.cp == '.' || d.cp == ',' || d.cp == ':')) {
        join = !r.letter && is_digit(next);  // 5,000.50 and 10:30
      }
      if (!join) break;
      prev = Prev::none;
    }
    i += d.length;
  }
  r.end = i;
  return r;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

  void run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
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
    // Anything else is one punctuation code point, with the marks that decorate it.
    end = pos + d.length;
    for (Decoded m = peek(text_, end); is_combining_mark(m.cp); m = peek(text_, end)) {
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

  std::size_t emit(TokenKind kind, std::size_t begin, std::size_t end) {
    Token t{kind, {begin, end}, fold(text_.substr(begin, end - begin))};
    if (kind != TokenKind::punct && kind != TokenKind::emoji) set_case(t);
    out_.push_back(std::move(t));
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

  std::string_view text_;
  std::vector<Token>& out_;
};

}  // namespace

TextModel::TextModel(std::string_view t) : text(t) {
  Tokenizer(text, tokens).run();
  split_sentences(*this);
}

std::size_t TextModel::word_count() const {
  return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::word || t.kind == TokenKind::number ||
           t.kind == TokenKind::identifier;
  }));
}

}  // namespace tactful
