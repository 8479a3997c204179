// The amount and unit of a stated wait read without RE2 in an ASCII text: waiting.cc's kAmount,
// (?i)\b AMOUNT anchored at a start, matched by hand with the regex's own priorities (RE2 and
// Perl take the first parse in the order its alternatives and greedy parts are written). RE2's
// anchored match with five captures cost about 2,500 instructions per stated wait; this reads a
// few bytes. Tests compare it with RE2 (amount_at_reference) on generated texts.
#include <array>
#include <string_view>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// What one attempt reads: the text, the end no part may pass, and the bytes read by the \b.
class AmountReader {
 public:
  AmountReader(std::string_view text, std::size_t end) : text_(text), end_(end) {}

  // `word` (lower-case letters and '-') at p, in any case; its end, or 0.
  std::size_t literal(std::size_t p, std::string_view word) const {
    if (p > end_ || end_ - p < word.size()) return 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const char c = text_[p + k];
      if (word[k] == '-' ? c != '-' : (c | 0x20) != word[k]) return 0;
    }
    return p + word.size();
  }
  // \s* from p: RE2's \s is [\t\n\f\r ] (no \v). Only the longest run can be followed by the
  // letter every later part starts with, so the shorter ones are never tried.
  std::size_t spaces(std::size_t p) const {
    while (p < end_ && re2_space(text_[p])) ++p;
    return p;
  }
  // \s+ then `word`: its end, or 0.
  std::size_t spaced(std::size_t p, std::string_view word) const {
    const std::size_t s = spaces(p);
    return s > p ? literal(s, word) : 0;
  }
  // \b at p, with the text beyond the end as context (RE2's Match reads it so).
  bool boundary(std::size_t p) const {
    const bool before = p > 0 && re2_word(text_[p - 1]);
    const bool after = p < text_.size() && re2_word(text_[p]);
    return before != after;
  }
  std::size_t digits(std::size_t p) const {
    while (p < end_ && text_[p] >= '0' && text_[p] <= '9') ++p;
    return p;
  }

 private:
  std::string_view text_;
  std::size_t end_;
};

// The ends of AMOUNT's first group from `b`, in the order the regex tries them:
// \d+(?:\.\d+)? (longest first), an?, the number words, a\s+few, a\s+couple\s+of, couple\s+of,
// few. At most a handful.
struct Ends {
  std::array<std::size_t, 8> at{};
  std::size_t n = 0;
  void add(std::size_t e) {
    if (e != 0 && n < at.size()) at[n++] = e;
  }
};

Ends amount_ends(const AmountReader& r, std::size_t b) {
  static constexpr std::string_view kWords[] = {
      "one",    "two",   "three",      "four",   "five",   "six",     "seven",
      "eight",  "nine",  "ten",        "eleven", "twelve", "fifteen", "twenty",
      "thirty", "forty", "forty-five", "fifty",  "sixty",  "ninety",  "several"};
  Ends out;
  if (const std::size_t d = r.digits(b); d > b) {
    // Shorter digit runs are followed by a digit, which nothing after the amount starts with;
    // so are shorter fractions. The longest with a fraction, then without.
    if (const std::size_t f = r.literal(d, ".") ? r.digits(d + 1) : 0; f > d + 1) out.add(f);
    out.add(d);
    return out;  // no other alternative starts with a digit
  }
  if (const std::size_t a = r.literal(b, "a")) {
    out.add(r.literal(a, "n"));
    out.add(a);
  }
  for (std::string_view w : kWords) out.add(r.literal(b, w));
  if (const std::size_t a = r.literal(b, "a")) {
    out.add(r.spaced(a, "few"));
    if (const std::size_t c = r.spaced(a, "couple")) out.add(r.spaced(c, "of"));
  }
  if (const std::size_t c = r.literal(b, "couple")) out.add(r.spaced(c, "of"));
  out.add(r.literal(b, "few"));
  return out;
}

// The unit at p, by the alternatives in order with their greedy "s" and \b: its end, or 0.
std::size_t unit_end(const AmountReader& r, std::size_t p) {
  const auto plural = [&](std::size_t e) {  // s? greedy, nothing after it to fail
    if (e == 0) return e;
    const std::size_t s = r.literal(e, "s");
    return s ? s : e;
  };
  const auto plural_word = [&](std::size_t e) {  // s?\b
    if (e == 0) return e;
    if (const std::size_t s = r.literal(e, "s"); s && r.boundary(s)) return s;
    return r.boundary(e) ? e : 0;
  };
  for (const std::size_t e :
       {plural_word(r.literal(p, "min")), plural(r.literal(p, "minute")),
        plural(r.literal(p, "hour")), plural_word(r.literal(p, "hr")), plural(r.literal(p, "day")),
        plural(r.literal(p, "week")), plural(r.literal(p, "month"))})
    if (e != 0) return e;
  return 0;
}

// \s+and\s+a\s+half from p: its end, or 0.
std::size_t and_a_half(const AmountReader& r, std::size_t p) {
  const std::size_t a = r.spaced(p, "and");
  const std::size_t b = a ? r.spaced(a, "a") : 0;
  return b ? r.spaced(b, "half") : 0;
}

}  // namespace

std::optional<AmountCaptures> amount_at(std::string_view text, std::size_t begin, std::size_t end) {
  const AmountReader r(text, end);
  if (begin > end || !r.boundary(begin)) return std::nullopt;  // the regex's leading \b
  const Ends ends = amount_ends(r, begin);
  for (std::size_t k = 0; k < ends.n; ++k) {
    const std::size_t amount_end = ends.at[k];
    const std::size_t after = r.spaces(amount_end);
    // (?:more\s+than\s+)? and (and\s+a\s+half\s+)?, each taken first when there.
    const std::size_t more = r.literal(after, "more");
    const std::size_t than = more ? r.spaced(more, "than") : 0;
    const std::size_t more_end = than ? r.spaces(than) : 0;
    for (const std::size_t m : {more_end > than ? more_end : 0, after}) {
      if (m == 0) continue;
      const std::size_t a = r.literal(m, "and");
      const std::size_t a2 = a ? r.spaced(a, "a") : 0;
      const std::size_t h = a2 ? r.spaced(a2, "half") : 0;
      const std::size_t half_end = h ? r.spaces(h) : 0;
      for (const std::size_t u : {half_end > h ? half_end : 0, m}) {
        if (u == 0) continue;
        const std::size_t unit = unit_end(r, u);
        if (unit == 0) continue;
        AmountCaptures out;
        out.amount = {begin, amount_end};
        if (u != m) out.half_before = {m, u};
        out.unit = {u, unit};
        if (const std::size_t tail = and_a_half(r, unit)) out.half_after = {unit, tail};
        return out;
      }
    }
  }
  return std::nullopt;
}

}  // namespace tactful::customer
