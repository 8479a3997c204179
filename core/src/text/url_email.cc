// URLs (scheme:// or www. up to whitespace) and email addresses (local@domain.tld).
#include "text/text_internal.h"

namespace tactful::text_internal {

namespace {

constexpr std::size_t kMaxScheme = 32;

bool is_scheme_char(char c) {
  return is_ascii_alnum(c) || c == '+' || c == '-' || c == '.';
}

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
    if (c != prefix[i]) return false;
  }
  return true;
}

// Where a URL stops even without whitespace: characters that never appear unescaped in one and
// usually delimit it in prose (<...>, "...", CJK punctuation, a following emoji).
bool ends_url(Decoded d) {
  if (d.cp < 0x80) {
    return d.cp < 0x20 || d.cp == 0x7F || d.cp == ' ' || d.cp == '<' || d.cp == '>' ||
           d.cp == '"' || d.cp == '`';
  }
  return (d.cp == 0xFFFD && d.length == 1) || is_space(d.cp) || is_emoji(d.cp) ||
         is_ignorable(d.cp) || (d.cp >= 0x3000 && d.cp <= 0x303F) ||
         (d.cp >= 0xFF00 && d.cp <= 0xFFEF);
}

// Length of a trailing character that ends a sentence rather than the URL (0 if none).
// ')' is kept while it closes a '(' of the URL, as in Wikipedia links.
std::size_t trailing_punct(std::string_view url, long open_parens) {
  const char c = url.back();
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ']':
    case '}':
    case '\'':
    case '"':
      return 1;
    case ')':
      return open_parens < 0 ? 1 : 0;
    default:
      break;
  }
  // ’ ” … (U+2019, U+201D, U+2026) all start with E2 80.
  if (url.size() >= 3 && url.substr(url.size() - 3, 2) == "\xE2\x80") {
    const char last = url.back();
    if (last == '\x99' || last == '\x9D' || last == '\xA6') return 3;
  }
  return 0;
}

}  // namespace

std::size_t scan_url(std::string_view text, std::size_t pos) {
  std::size_t body = 0;
  const bool www = starts_with_ci(text, pos, "www.");
  if (www) {
    body = pos + 4;
  } else {
    std::size_t j = pos;
    while (j < text.size() && j - pos < kMaxScheme && is_scheme_char(text[j])) ++j;
    if (j - pos < 2 || text.substr(j, 3) != "://") return 0;
    body = j + 3;
  }
  std::size_t end = body;
  long open_parens = 0;  // '(' minus ')'
  while (end < text.size()) {
    const Decoded d = decode_utf8(text, end);
    if (ends_url(d)) break;
    if (d.cp == '(') ++open_parens;
    if (d.cp == ')') --open_parens;
    end += d.length;
  }
  while (end > body) {
    const std::string_view url = text.substr(pos, end - pos);
    const std::size_t cut = trailing_punct(url, open_parens);
    if (cut == 0) break;
    if (url.back() == ')') ++open_parens;
    end -= cut;
  }
  if (end == body) return 0;
  // "www." must be followed by a host, not by punctuation ("www.-").
  if (www) {
    const Decoded host = decode_utf8(text, body);
    if (!is_letter(host.cp) && !is_digit(host.cp)) return 0;
  }
  return end;
}

std::size_t scan_email_local(std::string_view text, std::size_t at) {
  const auto is_local = [](char c) {
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  std::size_t j = at;
  while (j > 0 && is_local(text[j - 1])) --j;
  while (j < at && (text[j] == '.' || text[j] == '-' || text[j] == '+')) ++j;
  return j;
}

std::size_t scan_email_domain(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  std::size_t best = 0;
  int labels = 0;
  while (true) {
    const std::size_t start = i;
    bool alpha = true;
    while (i < text.size() && (is_ascii_alnum(text[i]) || text[i] == '-')) {
      if (!((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z')) alpha = false;
      ++i;
    }
    if (i == start) break;
    ++labels;
    // The last label (the TLD) must be alphabetic, two letters or more.
    if (labels >= 2 && alpha && i - start >= 2) best = i;
    if (i + 1 < text.size() && text[i] == '.' && is_ascii_alnum(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  return best;
}

}  // namespace tactful::text_internal
