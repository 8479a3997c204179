// The longest run of plain bytes that every match of a regex contains, read from its source
// (`\b(?:so|very) sorry (?:about|for)` holds " sorry " in every match): a require rule looks
// for it in the lower-cased draft before RE2 scans the draft for the regex. Internal to core.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tactful {

// Guarantees: a non-empty result L (in lower case) is contained, in ASCII letters of either
// case, in every text that the regex matches, compiled case-sensitively or not, when that text
// is ASCII (on ASCII text a case-insensitive 'k' or 's' cannot match the Kelvin sign or the
// long s). It reads the source conservatively and answers "" when unsure: a source with a `|`
// outside parentheses, with `\Q` or `[:`, or with parentheses out of balance; only bytes
// outside every group and class count, each a letter, digit, space, '-' or '_' not followed by
// a quantifier; runs under 3 bytes are not used.
std::string required_literal(std::string_view regex);

// A literal to look for, and which of its bytes the search looks for first: the one that is
// rarest in English text (a letter by its usual frequency; a space is the commonest byte), so
// the search stops at few places. A plain find looked first for the first byte, which for
// " sorry " is every space of the draft.
class NeededLiteral {
 public:
  explicit NeededLiteral(std::string text);
  // Whether `lower` (a lower-cased text) contains the literal. Linear in `lower` times the
  // literal's length at worst.
  bool in(std::string_view lower) const;
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::size_t anchor_ = 0;  // the byte looked for first
};

// One NeededLiteral for each regex, or none at all when one regex has no required_literal (a
// text without any of them then says nothing).
std::vector<NeededLiteral> needed_literals(const std::vector<std::string>& regexes);

// `text` lower-cased into `out` when every byte is ASCII; false (and `out` unspecified) when
// one is not.
bool ascii_lower(std::string_view text, std::string& out);

}  // namespace tactful
