// The literal text every match of a pattern rule's regex starts with, when the regex's source
// shows one plainly (`\bBILL-\d{4,6}\b` starts with "BILL-"): match_patterns then looks for
// the literal and runs the regex anchored there, instead of RE2 scanning the draft for it.
// Internal to core.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tactful {

// `text` starts every match of the regex; with `fold`, in ASCII letters of either case (then
// `text` is stored in lower case).
struct LeadingLiteral {
  std::string text;
  bool fold = false;
};

// Guarantees: when it returns a literal L, every match of `regex` (compiled with the given
// case sensitivity, leftmost-first) starts with L at the match's first byte, so the leftmost
// match at or after a position p is the anchored match at the first occurrence of L at or after
// p where the regex matches anchored. It reads the source conservatively and answers nullopt
// whenever unsure: a source with `|` anywhere, one opening with a group or a flag, a literal
// under 2 bytes, and, for a case-insensitive regex, a literal with a letter whose case folding
// reaches beyond ASCII ('k' and 's': the Kelvin sign, the long s).
std::optional<LeadingLiteral> leading_literal(std::string_view regex, bool case_sensitive);

// Finds a LeadingLiteral's occurrences in a text, left to right. Linear in the text over a
// whole walk (positions asked for never decrease): it remembers where the literal's first byte
// occurs next in each case, so no byte is searched twice for it; each candidate then compares
// the literal's remaining bytes.
class LiteralScan {
 public:
  LiteralScan(const LeadingLiteral& literal, std::string_view text);
  // The first occurrence at or after `from` (which must not be less than the last call's),
  // or npos.
  std::size_t next(std::size_t from);

 private:
  std::size_t find_byte(char c, std::size_t from) const;
  const LeadingLiteral& literal_;
  std::string_view text_;
  char lower_, upper_;  // the literal's first byte in each case (the same when not a letter)
  std::size_t next_lower_ = 0, next_upper_ = 0;
  bool lower_known_ = false, upper_known_ = false;
};

// The leftmost match of a regex at or after a position (what RE2::Match answers unanchored),
// found through the literal every match starts with when the regex has one: the regex runs
// anchored at each of the literal's occurrences, so RE2 reads only the bytes of the matches
// and not the draft between them. The anchored tries that fail are counted, and after
// kMaxMisses the search is RE2's own from there on: each failed try may read to the text's
// end, and a bound on them keeps a whole walk linear in the text. Positions asked for must
// not decrease (match_patterns' walk: each after the last match).
class PatternSearch {
 public:
  // `literal`: leading_literal of the regex's source, or null (RE2's own search every time).
  PatternSearch(const RE2& re, const LeadingLiteral* literal, re2::StringPiece text);
  // As re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, ngroups).
  bool operator()(std::size_t pos, re2::StringPiece* groups, int ngroups);

 private:
  static constexpr int kMaxMisses = 8;
  const RE2& re_;
  re2::StringPiece text_;
  std::optional<LiteralScan> scan_;
  int misses_ = 0;
};

}  // namespace tactful
