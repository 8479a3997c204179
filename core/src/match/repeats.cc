// Repeat rules: a draft sentence that mostly restates an earlier agent message of the same
// conversation (parroting a canned reply), also when lightly edited. Similarity blends the
// share of the sentence's words and of its word pairs already sent; cost is linear in the
// draft plus the agent messages of the history.
#include <algorithm>
#include <unordered_set>

#include "analysis.h"

namespace tactful {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  return (h ^ v) * 0x100000001b3ULL + (h >> 29);
}

struct Grams {
  std::unordered_set<std::uint64_t> words, pairs;
};

void add_grams(const TextModel& t, std::size_t first, std::size_t end, Grams& g,
               const SkipRegions* skip) {
  std::uint64_t prev = 0;
  for (std::size_t i = first; i < end; ++i) {
    const Token& tok = t.tokens[i];
    if (tok.kind != TokenKind::word && tok.kind != TokenKind::number) continue;
    if (skip && skip->overlaps(tok.bytes)) continue;
    const std::uint64_t h = std::hash<std::string>{}(tok.norm);
    g.words.insert(h);
    if (prev) g.pairs.insert(mix(prev, h));
    prev = h;
  }
}

double similarity(const Grams& sentence, const Grams& seen) {
  if (sentence.words.empty()) return 0;
  std::size_t w = 0, p = 0;
  for (auto h : sentence.words) w += seen.words.count(h);
  for (auto h : sentence.pairs) p += seen.pairs.count(h);
  const double word_share = static_cast<double>(w) / static_cast<double>(sentence.words.size());
  const double pair_share =
      sentence.pairs.empty() ? word_share
                             : static_cast<double>(p) / static_cast<double>(sentence.pairs.size());
  return 0.5 * word_share + 0.5 * pair_share;
}

}  // namespace

void match_repeats(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (rs.repeat_rules.empty()) return;
  Grams seen;
  bool any_agent = false;
  for (const Message& m : a.ctx.history) {
    if (m.role != Role::agent || m.text.empty()) continue;
    const TextModel t(m.text);
    add_grams(t, 0, t.tokens.size(), seen, nullptr);
    any_agent = true;
  }
  if (!any_agent) return;
  for (std::uint32_t idx : rs.repeat_rules) {
    if (!a.active[idx]) continue;
    const Rule& rule = rs.rules[idx];
    std::optional<Span> run;  // consecutive repeated sentences become one hint
    auto flush = [&] {
      if (run) a.candidates.push_back({idx, *run, {}, std::nullopt});
      run.reset();
    };
    for (const auto& s : a.text.sentences) {
      if (a.skip.covers(s.bytes)) continue;
      Grams g;
      add_grams(a.text, s.first_token, s.end_token, g, &a.skip);
      if (static_cast<int>(g.words.size()) < rule.min_words ||
          similarity(g, seen) < rule.similarity) {
        flush();
        continue;
      }
      if (run)
        run->end = s.bytes.end;
      else
        run = s.bytes;
    }
    flush();
  }
}

}  // namespace tactful
