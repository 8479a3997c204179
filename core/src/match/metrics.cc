// Metric rules: measurable properties of the draft (shouting, "!!!", long sentences, walls of
// text, curt replies), each flagged where it occurs. All linear in the number of tokens.
#include <optional>

#include "analysis.h"

namespace tactful {
namespace {

bool counts_as_word(const Token& t) {
  return t.kind == TokenKind::word || t.kind == TokenKind::number ||
         t.kind == TokenKind::identifier;
}

// `t`'s norm is exactly `c` (a char compare, not a string compare: these run per token).
bool is_char(const Token& t, char c) {
  return t.norm.size() == 1 && t.norm[0] == c;
}

bool exceeds(const Rule& r, double value) {
  return (r.above && value > *r.above) || (r.below && value < *r.below);
}

void emit(Analysis& a, std::uint32_t idx, Span span, std::uint32_t first, std::uint32_t last) {
  const Rule& rule = a.rules.rules[idx];
  // A metric's exceptions waive it when they overlap what it measured ("Thanks!" is short,
  // not curt).
  if (a.is_blocked(PhraseRef::Owner::rule, idx, span)) return;
  Candidate c{idx, span, {}, std::nullopt};
  const auto refs = token_refs(a, first, last);
  c.replacements.reserve(rule.replacements.size());
  for (const auto& t : rule.replacements)
    if (auto filled = fill_template(a, t, span, refs, a.starts_sentence(first)))
      c.replacements.push_back(std::move(*filled));
  a.candidates.push_back(std::move(c));
}

// Runs of tokens satisfying `in_run`, measured by `weight`; `joins` may continue a run without
// counting (a one-letter "I" inside a shouted sentence).
template <typename InRun, typename Joins, typename Weight>
void runs(Analysis& a, std::uint32_t idx, InRun in_run, Joins joins, Weight weight) {
  const auto& toks = a.text.tokens;
  std::uint32_t first = 0, last = 0;
  double value = 0;
  bool open = false;
  auto close = [&] {
    if (open && exceeds(a.rules.rules[idx], value))
      emit(a, idx, a.token_span(first, last), first, last);
    open = false;
    value = 0;
  };
  for (std::uint32_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (a.token_skipped[i]) {
      close();
      continue;
    }
    if (in_run(i)) {
      if (!open) first = i;
      open = true;
      last = i;
      value += weight(t);
    } else if (!(open && joins(i))) {
      close();
    }
  }
  close();
}

// Word counts of the parts of the draft split where `boundary(i)` holds before token i.
template <typename Boundary>
void segments(Analysis& a, std::uint32_t idx, Boundary boundary) {
  const auto& toks = a.text.tokens;
  std::uint32_t first = UINT32_MAX, last = 0;
  double words = 0;
  auto close = [&] {
    if (first != UINT32_MAX && exceeds(a.rules.rules[idx], words))
      emit(a, idx, a.token_span(first, last), first, last);
    first = UINT32_MAX;
    words = 0;
  };
  for (std::uint32_t i = 0; i < toks.size(); ++i) {
    if (i > 0 && boundary(i)) close();
    if (a.token_skipped[i]) continue;
    if (first == UINT32_MAX) first = i;
    last = i;
    words += counts_as_word(toks[i]);
  }
  close();
}

bool blank_line_between(const Analysis& a, std::uint32_t i) {
  const auto& toks = a.text.tokens;
  const std::string_view gap =
      a.draft.text.substr(toks[i - 1].bytes.end, toks[i].bytes.begin - toks[i - 1].bytes.end);
  if (gap.size() < 2) return false;  // most gaps are one space
  const auto first_nl = gap.find('\n');
  return first_nl != std::string_view::npos &&
         gap.find('\n', first_nl + 1) != std::string_view::npos;
}

// Whether the draft has, outside skip regions, a word in capitals and a '!' or '?' mark: what
// the caps_words and exclamations runs start on. Most drafts have neither, and a run that never
// starts emits nothing, so one cheap pass spares those rules their own.
struct RunStarts {
  bool caps = false, marks = false;
};
RunStarts find_run_starts(const Analysis& a) {
  RunStarts out;
  const auto& toks = a.text.tokens;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::word) {
      if (t.upper && !a.token_skipped[i]) out.caps = true;
    } else if (t.kind == TokenKind::punct && !a.token_skipped[i] &&
               (is_char(t, '!') || is_char(t, '?') || t.norm == "\xef\xbc\x81")) {
      out.marks = true;
    }
  }
  return out;
}

// Whether a part of at most `most` words could exceed rule `r`'s bound: not when the rule has
// only an `above` that many words do not pass. The word counts skip then, unread.
bool could_exceed(const Rule& r, std::size_t most) {
  return r.below || !r.above || static_cast<double>(most) > *r.above;
}

// Whether the draft has at least `n` words outside skip regions, read only as far as the n-th:
// a draft of that many cannot be below a `below` of n.
bool has_words(const Analysis& a, double n) {
  const auto& toks = a.text.tokens;
  double words = 0;
  for (std::size_t i = 0; i < toks.size() && words < n; ++i)
    words += !a.token_skipped[i] && counts_as_word(toks[i]);
  return words >= n;
}

// The most tokens of one sentence: no sentence part has more words.
std::size_t longest_sentence(const TextModel& text) {
  std::size_t most = 0;
  for (const auto& s : text.sentences) most = std::max(most, s.end_token - s.first_token);
  return most;
}

}  // namespace

void match_metrics(Analysis& a) {
  const auto& toks = a.text.tokens;
  std::optional<RunStarts> starts;  // read when a caps_words or exclamations rule first asks
  const auto run_starts = [&]() -> const RunStarts& {
    if (!starts) starts = find_run_starts(a);
    return *starts;
  };
  for (std::uint32_t idx : a.rules.metric_rules) {
    if (!a.active[idx]) continue;
    switch (a.rules.rules[idx].metric) {
      case Metric::caps_words:
        if (!run_starts().caps) break;
        runs(
            a, idx,
            [&](std::uint32_t i) {
              // A short capitalised word counts only beside another one: "READ THE EMAIL" is
              // shouting, a list of acronyms ("CPU, GPU, RAM") is not.
              auto caps = [&](std::size_t j) {
                return j < toks.size() && toks[j].kind == TokenKind::word && toks[j].upper;
              };
              if (!caps(i)) return false;
              return toks[i].norm.size() >= 5 || (i > 0 && caps(i - 1)) || caps(i + 1);
            },
            [&](std::uint32_t i) {
              // Single capitals ("I", "A") and the punctuation inside a sentence keep a run going.
              const Token& t = toks[i];
              return (t.kind == TokenKind::word && t.norm.size() == 1 && t.capital) ||
                     (t.kind == TokenKind::punct && (is_char(t, ',') || is_char(t, '\''))) ||
                     t.kind == TokenKind::number;
            },
            [](const Token&) { return 1.0; });
        break;
      case Metric::exclamations:
        if (!run_starts().marks) break;
        runs(
            a, idx,
            [&](std::uint32_t i) {
              // A run is marks with nothing between them ("!!!", "?!"); "Hi! Yes!" is two.
              const Token& t = toks[i];
              return t.kind == TokenKind::punct &&
                     (is_char(t, '!') || is_char(t, '?') || t.norm == "\xef\xbc\x81");
            },
            [](std::uint32_t) { return false; },
            [](const Token& t) { return is_char(t, '?') ? 0.5 : 1.0; });
        break;
      case Metric::sentence_words:
        if (!could_exceed(a.rules.rules[idx], longest_sentence(a.text))) break;
        segments(a, idx, [&](std::uint32_t i) {
          return a.text.sentence_of_token[i] != a.text.sentence_of_token[i - 1];
        });
        break;
      case Metric::paragraph_words:
        if (!could_exceed(a.rules.rules[idx], toks.size())) break;
        segments(a, idx, [&](std::uint32_t i) { return blank_line_between(a, i); });
        break;
      case Metric::word_count: {
        const Rule& rule = a.rules.rules[idx];
        if (!could_exceed(rule, toks.size())) break;
        // A reply under a word count (tone.curt) is ruled out at its n-th word.
        if (rule.below && !rule.above && has_words(a, *rule.below)) break;
        segments(a, idx, [](std::uint32_t) { return false; });
        break;
      }
    }
  }
}

}  // namespace tactful
