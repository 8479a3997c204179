// required_literal and ascii_lower: see required_literal.h.
#include "match/required_literal.h"
#include "match/regex_source.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace tactful {
namespace {

bool is_quantifier(char c) {
  return c == '?' || c == '*' || c == '+' || c == '{';
}

// Where the escape starting at `at` (a backslash) ends: \p{Greek}, \pL, \x{263a}, \x41 and
// \123 run on past the byte after the backslash, and none of their bytes is a literal.
std::size_t after_escape(std::string_view regex, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= regex.size()) return i;
  const char c = regex[i++];
  if (c == 'p' || c == 'P' || c == 'x') {
    if (i < regex.size() && regex[i] == '{') {
      const auto close = regex.find('}', i);
      return close == std::string_view::npos ? regex.size() : close + 1;
    }
    return std::min(regex.size(), i + (c == 'x' ? 2 : 1));
  }
  if (c >= '0' && c <= '9')
    while (i < regex.size() && i < at + 4 && regex[i] >= '0' && regex[i] <= '9') ++i;
  return i;
}

}  // namespace

std::string required_literal(std::string_view regex) {
  if (regex.find("\\Q") != std::string_view::npos || regex.find("[:") != std::string_view::npos)
    return {};
  std::string best, run;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  int depth = 0;
  for (std::size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (depth == 0 && is_plain_regex_byte(c)) {
      // A quantifier binds to this byte alone: it may be absent, and ends the run before it.
      if (i + 1 < regex.size() && is_quantifier(regex[i + 1])) {
        end_run();
        ++i;
        continue;
      }
      run += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      ++i;
      continue;
    }
    end_run();
    if (c == '\\') {
      i = after_escape(regex, i);
    } else if (c == '[') {
      // A class up to its closing ']', which may come first ("[]a]", "[^]a]") or be escaped.
      ++i;
      if (i < regex.size() && regex[i] == '^') ++i;
      if (i < regex.size() && regex[i] == ']') ++i;
      while (i < regex.size() && regex[i] != ']') i += regex[i] == '\\' ? 2 : 1;
      ++i;
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) return {};
      if (c == '|' && depth == 0) return {};
      ++i;
    }
  }
  end_run();
  if (depth != 0 || best.size() < 3) return {};
  return best;
}

namespace {

// How common a byte is in English text, higher for commoner: the letters by their usual order
// (e t a o i n s h r d l c u m w f g y p b v k j x q z), a space above all of them, anything
// else below every letter.
int commonness(char c) {
  static constexpr std::string_view kByFrequency = "zqxjkvbpygfwmucldrhsnioate ";
  const auto at = kByFrequency.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

NeededLiteral::NeededLiteral(std::string text) : text_(std::move(text)) {
  for (std::size_t i = 1; i < text_.size(); ++i)
    if (commonness(text_[i]) < commonness(text_[anchor_])) anchor_ = i;
}

bool NeededLiteral::in(std::string_view lower) const {
  const std::size_t n = text_.size();
  if (n == 0) return true;
  if (lower.size() < n) return false;
  const char* const base = lower.data();
  const char key = text_[anchor_];
  // The anchor byte can only sit where the whole literal fits around it.
  std::size_t from = anchor_;
  const std::size_t last = lower.size() - n + anchor_;  // the anchor's last possible place
  while (from <= last) {
    const void* hit = std::memchr(base + from, key, last + 1 - from);
    if (hit == nullptr) return false;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
    if (std::memcmp(base + at - anchor_, text_.data(), n) == 0) return true;
    from = at + 1;
  }
  return false;
}

std::vector<NeededLiteral> needed_literals(const std::vector<std::string>& regexes) {
  std::vector<NeededLiteral> out;
  for (const auto& r : regexes) {
    std::string literal = required_literal(r);
    if (literal.empty()) return {};
    out.emplace_back(std::move(literal));
  }
  return out;
}

bool ascii_lower(std::string_view text, std::string& out) {
  out.resize(text.size());
  // Through plain pointers and without a branch, so the compiler can vectorize the loop.
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  auto* to = reinterpret_cast<unsigned char*>(out.data());
  unsigned char seen = 0;  // OR of every byte: its top bit says a byte was not ASCII
  for (std::size_t i = 0, n = text.size(); i < n; ++i) {
    const unsigned char c = in[i];
    seen |= c;
    to[i] = static_cast<unsigned char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
  }
  return seen < 0x80;
}

}  // namespace tactful
