// Repeat rules: a draft sentence that mostly restates an earlier agent message of the same
// conversation (parroting a canned reply), also when lightly edited. Similarity blends the
// share of the sentence's words and of its word pairs already sent; cost is linear in the
// draft plus the agent messages of the history.
#include <algorithm>
#include <optional>
#include <utility>

#include "analysis.h"

namespace tactful {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  return (h ^ v) * 0x100000001b3ULL + (h >> 29);
}

// A set of 64-bit hashes, open addressing: no allocation per element, and sized once for the
// tokens it may receive (expected O(1) per operation, so linear overall).
class HashSet {
 public:
  void reset(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
    size_ = 0;
    has_zero_ = false;
  }
  // Returns whether `h` was new.
  bool insert(std::uint64_t h) {
    if (h == 0) return !std::exchange(has_zero_, true) && ++size_;
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }
  bool contains(std::uint64_t h) const {
    if (h == 0) return has_zero_;
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }
  std::size_t size() const { return size_; }

 private:
  std::size_t slot(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0, size_ = 0;
  bool has_zero_ = false;
};

struct Grams {
  HashSet words, pairs;
};

bool counts(const Token& tok) {
  return tok.kind == TokenKind::word || tok.kind == TokenKind::number;
}

std::uint64_t hash_of(const Token& tok) {
  return std::hash<std::string>{}(tok.norm);
}

// The words and word pairs already sent in the agent's messages.
void add_seen(const TextModel& t, Grams& g) {
  std::uint64_t prev = 0;
  for (const Token& tok : t.tokens) {
    if (!counts(tok)) continue;
    const std::uint64_t h = hash_of(tok);
    g.words.insert(h);
    if (prev) g.pairs.insert(mix(prev, h));
    prev = h;
  }
}

// A sentence's distinct words and pairs, and the share of them already seen (0.5 each).
struct SentenceScore {
  std::size_t words = 0;
  double similarity = 0;
};
SentenceScore score(const Analysis& a, const TextModel::Sentence& s, const Grams& seen, Grams& g) {
  g.words.reset(s.end_token - s.first_token);
  g.pairs.reset(s.end_token - s.first_token);
  std::size_t w = 0, p = 0;
  std::uint64_t prev = 0;
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& tok = a.text.tokens[i];
    if (!counts(tok) || a.token_skipped[i]) continue;
    const std::uint64_t h = hash_of(tok);
    if (g.words.insert(h)) w += seen.words.contains(h);
    if (prev) {
      const std::uint64_t pair = mix(prev, h);
      if (g.pairs.insert(pair)) p += seen.pairs.contains(pair);
    }
    prev = h;
  }
  SentenceScore out{g.words.size(), 0};
  if (out.words == 0) return out;
  const double word_share = static_cast<double>(w) / static_cast<double>(g.words.size());
  const double pair_share = g.pairs.size() == 0
                                ? word_share
                                : static_cast<double>(p) / static_cast<double>(g.pairs.size());
  out.similarity = 0.5 * word_share + 0.5 * pair_share;
  return out;
}

}  // namespace

void match_repeats(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (std::none_of(rs.repeat_rules.begin(), rs.repeat_rules.end(),
                   [&](std::uint32_t idx) { return a.active[idx]; }))
    return;
  std::vector<TextModel> agent;
  std::size_t agent_tokens = 0;
  for (const Message& m : a.ctx.history) {
    if (m.role != Role::agent || m.text.empty()) continue;
    agent_tokens += agent.emplace_back(m.text).tokens.size();
  }
  if (agent.empty()) return;
  Grams seen;
  seen.words.reset(agent_tokens);
  seen.pairs.reset(agent_tokens);
  for (const TextModel& t : agent) add_seen(t, seen);
  // Each sentence is scored once, whatever the number of repeat rules; nullopt = skipped.
  std::vector<std::optional<SentenceScore>> scores;
  scores.reserve(a.text.sentences.size());
  Grams g;
  for (const auto& s : a.text.sentences) {
    if (a.skip.covers(s.bytes))
      scores.emplace_back();
    else
      scores.emplace_back(score(a, s, seen, g));
  }
  for (std::uint32_t idx : rs.repeat_rules) {
    if (!a.active[idx]) continue;
    const Rule& rule = rs.rules[idx];
    std::optional<Span> run;  // consecutive repeated sentences become one hint
    auto flush = [&] {
      if (run) a.candidates.push_back({idx, *run, {}, std::nullopt});
      run.reset();
    };
    for (std::size_t k = 0; k < scores.size(); ++k) {
      const Span bytes = a.text.sentences[k].bytes;
      if (!scores[k]) continue;
      if (static_cast<int>(scores[k]->words) < rule.min_words ||
          scores[k]->similarity < rule.similarity) {
        flush();
        continue;
      }
      if (run)
        run->end = bytes.end;
      else
        run = bytes;
    }
    flush();
  }
}

}  // namespace tactful
