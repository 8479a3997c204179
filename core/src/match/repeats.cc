// Repeat rules: a draft sentence that mostly restates an earlier agent message of the same
// conversation (parroting a canned reply), also when lightly edited. Similarity blends the
// share of the sentence's words and of its word pairs already sent; a sentence also repeats
// when it holds most of one earlier agent sentence, short or wrapped in new words ("As I already
// said, ..."). Cost is linear in the draft plus the agent messages of the history, plus a probe
// per word of at most kMaxRestatable earlier sentences per draft sentence.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "analysis.h"
#include "match/grams.h"
#include "prepared_data.h"
#include "text/word_hashes.h"

namespace tactful {
namespace {

// The distinct words (or word pairs) of one draft sentence at a time, as hashes: open addressing
// like HashSet, but emptied by starting a new round instead of clearing every slot, as a draft's
// sentences are read one after another (the clearing was a fifth of repeat detection). Sized
// once, for the longest sentence; a draft has fewer than 2^32 sentences, so rounds never wrap.
class SentenceSet {
 public:
  void size_for(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }
  void clear() {
    ++round_;
    size_ = 0;
  }
  // Returns whether `h` was new.
  bool insert(std::uint64_t h) {
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.round != round_) {
        s = {h, round_};
        ++size_;
        return true;
      }
      if (s.key == h) return false;
    }
  }
  bool contains(std::uint64_t h) const {
    for (std::size_t i = slot(h);; i = (i + 1) & mask_) {
      if (slots_[i].round != round_) return false;
      if (slots_[i].key == h) return true;
    }
  }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t round = 0;  // the slot holds a key of this round (rounds start at 1)
  };
  std::size_t slot(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
  std::uint32_t round_ = 0;
};

// A draft sentence's distinct words and word pairs.
struct DraftSentence {
  SentenceSet words, pairs;
};

// One agent sentence's words and word pairs as they are read, reused from sentence to sentence
// so that reading allocates only for the sentences kept (growing a vector per sentence was a
// fifth of reading the agent's messages).
struct SentenceScratch {
  std::vector<std::uint64_t> words, pairs;
};

// Keeps the sentence in `s` (made sorted and distinct) as one a draft may restate, if it is long
// enough, and empties `s` for the next.
void keep_sentence(SentenceScratch& s, std::vector<SentenceGrams>& out) {
  for (auto* v : {&s.words, &s.pairs}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  if (s.words.size() >= kMinRestatedWords && s.words.size() <= kMaxRestatedWords)
    out.push_back({s.words, s.pairs});
  s.words.clear();
  s.pairs.clear();
}

bool ends_sentence(const HashedToken& tok) {
  return tok.kind == TokenKind::punct &&
         (tok.byte == '.' || tok.byte == '?' || tok.byte == '!' || tok.byte == ';');
}

// The words and word pairs already sent in one agent message, and its sentences.
void add_seen(std::span<const HashedToken> tokens, Grams& g, SentenceScratch& sentence) {
  std::uint64_t prev = 0;
  for (const HashedToken& tok : tokens) {
    if (ends_sentence(tok)) keep_sentence(sentence, g.sentences);
    if (!gram_counts(tok.kind)) continue;
    const std::uint64_t h = tok.hash;
    g.words.insert(h);
    sentence.words.push_back(h);
    if (prev) {
      g.pairs.insert(gram_mix(prev, h));
      sentence.pairs.push_back(gram_mix(prev, h));
    }
    prev = h;
  }
  keep_sentence(sentence, g.sentences);
}

// The largest share of an earlier agent sentence's words and pairs (0.5 each) that the draft
// sentence `g` holds, when it is at least `floor`; else some value below `floor` (the rules
// compare it with their similarity, which `floor` is the least of). `g` holds `seen_words` words
// and `seen_pairs` pairs sent before, so an earlier sentence holds at most that many of its own:
// one whose share cannot reach `floor` even so is not probed (the bound is computed as the share
// is, from counts at least as large, so it is never below it).
double restated_share(const Grams& seen, const DraftSentence& g, std::size_t seen_words,
                      std::size_t seen_pairs, double floor) {
  const auto share = [](std::size_t w, std::size_t p, const SentenceGrams& s) {
    const double word_share = static_cast<double>(w) / static_cast<double>(s.words.size());
    const double pair_share =
        s.pairs.empty() ? word_share : static_cast<double>(p) / static_cast<double>(s.pairs.size());
    return 0.5 * word_share + 0.5 * pair_share;
  };
  double best = 0;
  for (const SentenceGrams& s : seen.sentences) {
    if (share(std::min(seen_words, s.words.size()), std::min(seen_pairs, s.pairs.size()), s) <
        floor)
      continue;
    std::size_t w = 0, p = 0;
    for (std::uint64_t h : s.words) w += g.words.contains(h);
    for (std::uint64_t h : s.pairs) p += g.pairs.contains(h);
    best = std::max(best, share(w, p, s));
  }
  return best;
}

// A sentence's distinct words, the share of its words and pairs already seen (0.5 each), and
// the largest share of one earlier agent sentence it restates (exact from the least similarity
// of the rules up; below that, only below it).
struct SentenceScore {
  std::size_t words = 0;
  double similarity = 0;
  double restated = 0;
};
SentenceScore score(const Analysis& a, const TextModel::Sentence& s, const Grams& seen,
                    DraftSentence& g, double floor) {
  g.words.clear();
  g.pairs.clear();
  std::size_t w = 0, p = 0;
  std::uint64_t prev = 0;
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& tok = a.text.tokens[i];
    if (!gram_counts(tok) || a.token_skipped[i]) continue;
    const std::uint64_t h = gram_hash(tok);
    if (g.words.insert(h)) w += seen.words.contains(h);
    if (prev) {
      const std::uint64_t pair = gram_mix(prev, h);
      if (g.pairs.insert(pair)) p += seen.pairs.contains(pair);
    }
    prev = h;
  }
  SentenceScore out{g.words.size(), 0, 0};
  if (out.words == 0) return out;
  // A sentence with fewer seen words than half the shortest restatable one restates none.
  if (2 * w >= kMinRestatedWords) out.restated = restated_share(seen, g, w, p, floor);
  const double word_share = static_cast<double>(w) / static_cast<double>(g.words.size());
  const double pair_share = g.pairs.size() == 0
                                ? word_share
                                : static_cast<double>(p) / static_cast<double>(g.pairs.size());
  out.similarity = 0.5 * word_share + 0.5 * pair_share;
  return out;
}

}  // namespace

std::optional<Grams> agent_grams(std::span<const Message> history) {
  // Every agent message's tokens as kinds and hashes, read from the bytes where the text allows
  // (word_hashes.h), else from its TextModel; `ends` holds where each message's tokens end.
  std::vector<HashedToken> tokens;
  std::vector<std::size_t> ends;
  std::size_t bytes = 0, messages = 0;
  for (const Message& m : history) {
    if (m.role != Role::agent || m.text.empty()) continue;
    bytes += m.text.size();
    ++messages;
  }
  if (messages == 0) return std::nullopt;
  tokens.reserve(bytes / 5 + 8 * messages);  // as the tokenizer: a token every 4-6 bytes
  ends.reserve(messages);
  for (const Message& m : history) {
    if (m.role != Role::agent || m.text.empty()) continue;
    if (!append_hashed_ascii(m.text, tokens))
      append_hashed(TextModel(m.text, TextModel::TokensOnly{}), tokens);
    ends.push_back(tokens.size());
  }
  Grams seen;
  seen.words.reset(tokens.size());
  seen.pairs.reset(tokens.size());
  SentenceScratch sentence;
  sentence.words.reserve(tokens.size());
  sentence.pairs.reserve(tokens.size());
  std::size_t begin = 0;
  for (const std::size_t end : ends) {
    add_seen(std::span<const HashedToken>(tokens).subspan(begin, end - begin), seen, sentence);
    begin = end;
  }
  if (seen.sentences.size() > kMaxRestatable)
    seen.sentences.erase(seen.sentences.begin(),
                         seen.sentences.end() - static_cast<std::ptrdiff_t>(kMaxRestatable));
  return seen;
}

void match_repeats(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  if (std::none_of(rs.repeat_rules.begin(), rs.repeat_rules.end(),
                   [&](std::uint32_t idx) { return a.active[idx]; }))
    return;
  // A prepared history has the agent's words already; otherwise they are read here, only
  // when a repeat rule is active.
  std::optional<Grams> local;
  const std::optional<Grams>& agent =
      a.prepared ? a.prepared->agent : (local = agent_grams(a.ctx.history));
  if (!agent) return;
  const Grams& seen = *agent;
  // Each sentence is scored once, whatever the number of repeat rules; nullopt = skipped.
  std::vector<std::optional<SentenceScore>> scores;
  scores.reserve(a.text.sentences.size());
  DraftSentence g;  // sized for the longest sentence, then reused for each
  std::size_t longest = 0;
  for (const auto& s : a.text.sentences)
    longest = std::max<std::size_t>(longest, s.end_token - s.first_token);
  g.words.size_for(longest);
  g.pairs.size_for(longest);
  double floor = 1;  // the least similarity of the active rules: restated shares below it
  for (std::uint32_t idx : rs.repeat_rules)
    if (a.active[idx]) floor = std::min(floor, rs.rules[idx].similarity);
  for (const auto& s : a.text.sentences) {
    if (a.skip.covers(s.bytes))
      scores.emplace_back();
    else
      scores.emplace_back(score(a, s, seen, g, floor));
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
      const bool mostly_sent = static_cast<int>(scores[k]->words) >= rule.min_words &&
                               scores[k]->similarity >= rule.similarity;
      if (!mostly_sent && scores[k]->restated < rule.similarity) {
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
