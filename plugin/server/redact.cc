// Scanning for e-mail addresses, card numbers and phone numbers.
#include "redact.h"

#include <cstddef>

namespace tactful::server {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Bytes of UTF-8 sequences count as letters: internationalised addresses are redacted whole.
bool is_local_char(char c) {
  return c < 0 || is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}
bool is_domain_char(char c) {
  return c < 0 || is_alpha(c) || is_digit(c) || c == '.' || c == '-';
}

// The end of an e-mail address whose '@' is at `at`, and its start in `start`; npos if none.
std::size_t email_at(std::string_view s, std::size_t at, std::size_t& start) {
  start = at;
  while (start > 0 && is_local_char(s[start - 1])) --start;
  if (start == at) return std::string_view::npos;
  std::size_t end = at + 1;
  while (end < s.size() && is_domain_char(s[end])) ++end;
  while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;  // sentence ends
  const std::string_view domain = s.substr(at + 1, end - at - 1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2)
    return std::string_view::npos;
  for (std::size_t i = dot + 1; i < domain.size(); ++i)
    if (!is_alpha(domain[i])) return std::string_view::npos;
  return end;
}

bool luhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// A run of digits from `begin` joined by single separators (space or dash, and for phones a
// parenthesised group): its end, its digits and how many groups it has.
struct NumberRun {
  std::size_t end;
  std::string digits;
  int groups;
  bool parenthesised;
};

NumberRun number_run(std::string_view s, std::size_t begin, bool allow_parens) {
  NumberRun run{begin, "", 0, false};
  std::size_t i = begin;
  for (;;) {
    bool paren = false;
    if (allow_parens && i < s.size() && s[i] == '(') {
      paren = true;
      ++i;
    }
    const std::size_t group_start = i;
    while (i < s.size() && is_digit(s[i])) run.digits.push_back(s[i++]);
    if (i == group_start) break;
    if (paren) {
      if (i >= s.size() || s[i] != ')') {
        run.digits.resize(run.digits.size() - (i - group_start));
        break;
      }
      ++i;
      run.parenthesised = true;
    }
    ++run.groups;
    run.end = i;
    if (run.digits.size() > 19) break;
    if (i + 1 < s.size() && (s[i] == ' ' || s[i] == '-') &&
        (is_digit(s[i + 1]) || (allow_parens && s[i + 1] == '(')))
      ++i;
    else if (!(paren && i < s.size() && is_digit(s[i])))
      break;
  }
  return run;
}

}  // namespace

std::string redact_pii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '@') {
      std::size_t start;
      const std::size_t end = email_at(s, i, start);
      if (end != std::string_view::npos) {
        out.resize(out.size() - (i - start));  // the local part was already copied
        out += "[email]";
        i = end;
        continue;
      }
    }
    const bool word_start = i == 0 || !(is_digit(s[i - 1]) || is_alpha(s[i - 1]));
    if (word_start && (is_digit(c) || c == '+' || c == '(')) {
      const bool plus = c == '+';
      const std::size_t from = plus ? i + 1 : i;
      const NumberRun card = number_run(s, from, false);
      const bool card_end_ok = card.end >= s.size() || !is_digit(s[card.end]);
      if (!plus && card.digits.size() >= 13 && card.digits.size() <= 19 && card_end_ok &&
          luhn(card.digits)) {
        out += "[card]";
        i = card.end;
        continue;
      }
      const NumberRun phone = number_run(s, from, true);
      const std::size_t n = phone.digits.size();
      const bool phone_end_ok =
          phone.end >= s.size() || !(is_digit(s[phone.end]) || is_alpha(s[phone.end]));
      if (phone_end_ok && ((plus && n >= 7 && n <= 15) ||
                           (n >= 10 && n <= 15 && (phone.groups >= 2 || phone.parenthesised)))) {
        out += "[phone]";
        i = phone.end;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace tactful::server
