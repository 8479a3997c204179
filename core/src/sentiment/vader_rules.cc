// sentiment_valence: the valence of one token from the lexicon and the up to three tokens
// before it (and, for idioms, two after). Mirrors vaderSentiment.py v3.3.1 step by step, with
// the same floating-point operations in the same order so results match to the last bit.
#include <array>

#include "sentiment/vader_internal.h"

namespace tactful::vader {

namespace {

bool so_or_this(const Token& t) {
  return t.id() == Word::so || t.id() == Word::this_;
}

// scalar_inc_dec: what a booster/dampener before the token adds, in the valence's direction.
double booster_scalar(const Token& word, double valence, bool is_cap_diff) {
  if (!word.info->is_booster) return 0.0;
  double scalar = word.info->booster;
  if (valence < 0) scalar *= -1;
  if (word.upper && is_cap_diff) {
    // Upstream's else branch also takes valence == 0 (e.g. after "no X"): keep it.
    if (valence > 0) {
      scalar += kCapsIncr;
    } else {
      scalar -= kCapsIncr;
    }
  }
  return scalar;
}

// _negation_check for the token `start + 1` places before i.
double negation_check(double valence, std::span<const Token> t, std::size_t start, std::size_t i,
                      bool corrected) {
  if (start == 0) {
    if (t[i - 1].negated) valence = valence * kNegScalar;
  } else if (start == 1) {
    if (t[i - 2].id() == Word::never && so_or_this(t[i - 1])) {
      valence = valence * 1.25;
    } else if (t[i - 2].id() == Word::without && t[i - 1].id() == Word::doubt) {
      // "without doubt X": unchanged.
    } else if (t[i - 2].negated) {
      valence = valence * kNegScalar;
    }
  } else {
    // Upstream writes `a and b or c`, which Python reads as `(a and b) or c`: any word right
    // after "so"/"this" gets x1.25 here. Mode::corrected applies what was meant.
    const bool never_at_3 = t[i - 3].id() == Word::never;
    const bool emphasis = corrected ? never_at_3 && (so_or_this(t[i - 2]) || so_or_this(t[i - 1]))
                                    : (never_at_3 && so_or_this(t[i - 2])) || so_or_this(t[i - 1]);
    if (emphasis) {
      valence = valence * 1.25;
    } else if (t[i - 3].id() == Word::without &&
               (t[i - 2].id() == Word::doubt || t[i - 1].id() == Word::doubt)) {
      // unchanged
    } else if (t[i - 3].negated) {
      valence = valence * kNegScalar;
    }
  }
  return valence;
}

bool matches(std::span<const Token> t, std::size_t from, const SpecialCase& c) {
  for (int k = 0; k < c.size; ++k) {
    if (t[from + static_cast<std::size_t>(k)].id() != c.words[k]) return false;
  }
  return true;
}

// Whether some special case starts with the word, by Word (a std::uint8_t): a token that
// starts none is found with one read (most tokens) instead of a compare per case.
const std::array<bool, 256> kStartsSpecialCase = [] {
  std::array<bool, 256> starts{};
  for (const SpecialCase& c : special_cases()) starts[static_cast<std::uint8_t>(c.words[0])] = true;
  return starts;
}();

// The SPECIAL_CASES value of the `size` tokens starting at `from`, if any.
bool special_case(std::span<const Token> t, std::size_t from, int size, double& value) {
  if (!kStartsSpecialCase[static_cast<std::uint8_t>(t[from].id())]) return false;
  for (const SpecialCase& c : special_cases()) {
    if (c.size == size && matches(t, from, c)) {
      value = c.valence;
      return true;
    }
  }
  return false;
}

bool booster_bigram(const Token& a, const Token& b) {
  return (a.id() == Word::just && b.id() == Word::enough) ||
         (a.id() == Word::kind && b.id() == Word::of) ||
         (a.id() == Word::sort && b.id() == Word::of);
}

// _special_idioms_check (only reached with i >= 3).
double special_idioms_check(double valence, std::span<const Token> t, std::size_t i) {
  // Upstream tries these in order and stops at the first hit: "w[i-1] w[i]",
  // "w[i-2] w[i-1] w[i]", "w[i-2] w[i-1]", "w[i-3] w[i-2] w[i-1]", "w[i-3] w[i-2]".
  const struct {
    std::size_t from;
    int size;
  } before[] = {{i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}};
  for (const auto& seq : before) {
    if (special_case(t, seq.from, seq.size, valence)) break;
  }
  // Then "w[i] w[i+1]" and "w[i] w[i+1] w[i+2]", each overriding.
  if (t.size() - 1 > i) special_case(t, i, 2, valence);
  if (t.size() - 1 > i + 1) special_case(t, i, 3, valence);
  // Booster bigrams ("kind of", "sort of", "just enough") among the preceding words add
  // B_DECR whatever the valence's sign. The trigram "w[i-3] w[i-2] w[i-1]" can never be one.
  if (booster_bigram(t[i - 3], t[i - 2])) valence = valence + kBoosterDecr;
  if (booster_bigram(t[i - 2], t[i - 1])) valence = valence + kBoosterDecr;
  return valence;
}

// _least_check: "least X" negates X, except "at least X" and "very least X".
double least_check(double valence, std::span<const Token> t, std::size_t i) {
  if (i > 1 && !t[i - 1].in_lexicon() && t[i - 1].id() == Word::least) {
    if (t[i - 2].id() != Word::at && t[i - 2].id() != Word::very) valence = valence * kNegScalar;
  } else if (i > 0 && !t[i - 1].in_lexicon() && t[i - 1].id() == Word::least) {
    valence = valence * kNegScalar;
  }
  return valence;
}

}  // namespace

double token_valence(std::span<const Token> t, std::size_t i, bool is_cap_diff, bool corrected) {
  const WordInfo& word = *t[i].info;
  if (!word.in_lexicon) return 0;
  double valence = word.valence;

  // "no" before a lexicon word is a negator, not a word of its own.
  if (word.id == Word::no && i != t.size() - 1 && t[i + 1].in_lexicon()) valence = 0.0;
  if ((i > 0 && t[i - 1].id() == Word::no) || (i > 1 && t[i - 2].id() == Word::no) ||
      (i > 2 && t[i - 3].id() == Word::no &&
       (t[i - 1].id() == Word::or_ || t[i - 1].id() == Word::nor))) {
    valence = word.valence * kNegScalar;
  }

  // ALL CAPS word among mixed-case text.
  if (t[i].upper && is_cap_diff) {
    if (valence > 0) {
      valence += kCapsIncr;
    } else {
      valence -= kCapsIncr;
    }
  }

  for (std::size_t start = 0; start < 3; ++start) {
    if (i <= start || t[i - (start + 1)].in_lexicon()) continue;
    double s = booster_scalar(t[i - (start + 1)], valence, is_cap_diff);
    // Boosters further away count less.
    if (start == 1 && s != 0) s = s * 0.95;
    if (start == 2 && s != 0) s = s * 0.9;
    valence = valence + s;
    valence = negation_check(valence, t, start, i, corrected);
    if (start == 2) valence = special_idioms_check(valence, t, i);
  }
  return least_check(valence, t, i);
}

}  // namespace tactful::vader
