// leading_literal and LiteralScan: see leading_literal.h.
#include "match/leading_literal.h"
#include "match/regex_source.h"

#include <algorithm>
#include <cstring>

namespace tactful {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

}  // namespace

std::optional<LeadingLiteral> leading_literal(std::string_view regex, bool case_sensitive) {
  if (regex.find('|') != std::string_view::npos) return std::nullopt;
  std::string_view rest = regex;
  if (rest.starts_with("\\b")) rest.remove_prefix(2);  // zero-width: the match starts after it
  std::size_t n = 0;
  while (n < rest.size() && is_plain_regex_byte(rest[n])) ++n;
  // A quantifier binds to the byte before it ("colou?r"): that byte is not always there.
  if (n < rest.size() && (rest[n] == '?' || rest[n] == '*' || rest[n] == '+' || rest[n] == '{'))
    --n;
  if (n < 2) return std::nullopt;
  LeadingLiteral out{std::string(rest.substr(0, n)), !case_sensitive};
  if (out.fold) {
    for (char& c : out.text) {
      c = lower(c);
      if (c == 'k' || c == 's') return std::nullopt;
    }
  }
  return out;
}

LiteralScan::LiteralScan(const LeadingLiteral& literal, std::string_view text)
    : literal_(literal), text_(text) {
  lower_ = literal.text[0];
  upper_ = literal.fold && lower_ >= 'a' && lower_ <= 'z' ? static_cast<char>(lower_ - 32) : lower_;
}

// Where `c` next occurs at or after `from`.
std::size_t LiteralScan::find_byte(char c, std::size_t from) const {
  if (from >= text_.size()) return std::string_view::npos;
  const void* hit = std::memchr(text_.data() + from, c, text_.size() - from);
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
}

std::size_t LiteralScan::next(std::size_t from) {
  constexpr std::size_t npos = std::string_view::npos;
  const std::string& lit = literal_.text;
  while (from + lit.size() <= text_.size()) {
    // A remembered place is searched again only once `from` has passed it, from `from`: the
    // searches never overlap. npos stays npos (the byte does not occur again).
    if (!lower_known_ || (next_lower_ != npos && next_lower_ < from)) {
      next_lower_ = find_byte(lower_, from);
      lower_known_ = true;
    }
    std::size_t at = next_lower_;
    if (upper_ != lower_) {
      if (!upper_known_ || (next_upper_ != npos && next_upper_ < from)) {
        next_upper_ = find_byte(upper_, from);
        upper_known_ = true;
      }
      at = std::min(at, next_upper_);
    }
    if (at == npos || at + lit.size() > text_.size()) return npos;
    bool same = true;
    for (std::size_t i = 1; i < lit.size() && same; ++i)
      same = (literal_.fold ? lower(text_[at + i]) : text_[at + i]) == lit[i];
    if (same) return at;
    from = at + 1;
  }
  return npos;
}

PatternSearch::PatternSearch(const RE2& re, const LeadingLiteral* literal, re2::StringPiece text)
    : re_(re), text_(text) {
  if (literal != nullptr) scan_.emplace(*literal, std::string_view(text.data(), text.size()));
}

bool PatternSearch::operator()(std::size_t pos, re2::StringPiece* groups, int ngroups) {
  if (!scan_ || misses_ >= kMaxMisses)
    return re_.Match(text_, pos, text_.size(), RE2::UNANCHORED, groups, ngroups);
  // Every match starts at an occurrence of the literal, so the first occurrence where the
  // regex matches anchored is where the leftmost match starts, and RE2 picks the same match
  // there (leftmost-first: the start, then the pattern's own preference). RE2 reads the bytes
  // before `at` as context, so a leading \b sees them as in the unanchored search.
  for (std::size_t at = scan_->next(pos); at != std::string_view::npos; at = scan_->next(at + 1)) {
    if (re_.Match(text_, at, text_.size(), RE2::ANCHOR_START, groups, ngroups)) return true;
    // No match starts before at + 1: RE2's own search from there is the same answer.
    if (++misses_ >= kMaxMisses)
      return re_.Match(text_, at + 1, text_.size(), RE2::UNANCHORED, groups, ngroups);
  }
  return false;
}

}  // namespace tactful
