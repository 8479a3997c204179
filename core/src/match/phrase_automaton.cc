#include "phrase_automaton.h"

#include <algorithm>
#include <cstring>
#include <deque>

#include "match/phrase_syntax.h"

namespace tactful {

namespace {

template <typename Word>
Word load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// a == b, compared in line: the words are a few bytes long, and the call to memcmp that == makes
// cost more than the compare. Up to 16 bytes, two loads from each end that may overlap cover
// every byte (a loop per byte was half of a lookup).
[[gnu::always_inline]] inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  if (n >= 8) {
    if (n > 16) return std::memcmp(x, y, n) == 0;
    return load<std::uint64_t>(x) == load<std::uint64_t>(y) &&
           load<std::uint64_t>(x + n - 8) == load<std::uint64_t>(y + n - 8);
  }
  if (n >= 4)
    return load<std::uint32_t>(x) == load<std::uint32_t>(y) &&
           load<std::uint32_t>(x + n - 4) == load<std::uint32_t>(y + n - 4);
  return n == 0 || (x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1]);
}

}  // namespace

// In line: find() looks up every token.
[[gnu::always_inline]] inline std::uint32_t PhraseAutomaton::symbol(const Token& t) const {
  if (vocab_slots_.empty()) return 0;
  const std::string_view norm = t.norm;
  const std::size_t mask = vocab_slots_.size() - 1;
  for (std::size_t i = t.hash & mask;; i = (i + 1) & mask) {
    const VocabSlot& slot = vocab_slots_[i];
    if (slot.sym == 0) return 0;
    if (slot.hash == static_cast<std::uint32_t>(t.hash) && same_bytes(words_[slot.sym], norm))
      return slot.sym;
  }
}

std::uint32_t PhraseAutomaton::inner_child(std::uint32_t node, std::uint32_t sym) const {
  if (edge_slots_.empty()) return UINT32_MAX;
  const std::uint64_t key = edge_key(node, sym);
  const std::size_t mask = edge_slots_.size() - 1;
  for (std::size_t i = ((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;; i = (i + 1) & mask) {
    if (edge_slots_[i].key == key) return edge_slots_[i].to;
    if (edge_slots_[i].key == UINT64_MAX) return UINT32_MAX;
  }
}

std::uint32_t PhraseAutomaton::child_while_adding(std::uint32_t node, std::uint32_t sym) const {
  auto it = edges_.find(edge_key(node, sym));
  return it == edges_.end() ? UINT32_MAX : it->second;
}

void PhraseAutomaton::build_tables() {
  const auto capacity = [](std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    return cap;
  };
  words_.assign(vocab_.size() + 1, std::string());
  vocab_slots_.assign(capacity(vocab_.size()), VocabSlot{});
  for (const auto& [word, sym] : vocab_) {
    words_[sym] = word;
    const std::uint64_t h = hash_norm(word);
    std::size_t i = h & (vocab_slots_.size() - 1);
    while (vocab_slots_[i].sym != 0) i = (i + 1) & (vocab_slots_.size() - 1);
    vocab_slots_[i] = {static_cast<std::uint32_t>(h), sym};
  }
  root_.assign(vocab_.size() + 1, UINT32_MAX);
  std::size_t inner = 0;
  for (const auto& [key, to] : edges_) {
    if ((key >> 32) == 0)
      root_[key & 0xffffffffu] = to;
    else
      ++inner;
  }
  edge_slots_.assign(capacity(inner), EdgeSlot{});
  const std::size_t mask = edge_slots_.size() - 1;
  for (const auto& [key, to] : edges_) {
    if ((key >> 32) == 0) continue;
    std::size_t i = ((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    while (edge_slots_[i].key != UINT64_MAX) i = (i + 1) & mask;
    edge_slots_[i] = {key, to};
  }
}

std::uint32_t PhraseAutomaton::add(const std::vector<std::string>& tokens) {
  std::uint32_t node = 0;
  for (const std::string& t : tokens) {
    auto [it, inserted] = vocab_.try_emplace(t, static_cast<std::uint32_t>(vocab_.size() + 1));
    const std::uint32_t sym = it->second;
    std::uint32_t next = child_while_adding(node, sym);
    if (next == UINT32_MAX) {
      next = static_cast<std::uint32_t>(fail_.size());
      fail_.push_back(0);
      output_link_.push_back(0);
      outputs_.emplace_back();
      depth_.push_back(depth_[node] + 1);
      edges_.emplace(edge_key(node, sym), next);
    }
    node = next;
  }
  const auto id = static_cast<std::uint32_t>(pattern_length_.size());
  pattern_length_.push_back(static_cast<std::uint32_t>(tokens.size()));
  longest_ = std::max(longest_, static_cast<std::uint32_t>(tokens.size()));
  outputs_[node].push_back(id);
  return id;
}

void PhraseAutomaton::build() {
  build_tables();
  Token number{};
  number.norm = kNumberToken;
  number.hash = hash_norm(number.norm);
  number_symbol_ = symbol(number);
  // Breadth-first over the trie: a node's failure link is the longest proper suffix of its
  // path that is also a path from the root.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> children(fail_.size());
  for (const auto& [key, to] : edges_)
    children[key >> 32].emplace_back(static_cast<std::uint32_t>(key & 0xffffffffu), to);
  std::deque<std::uint32_t> queue;
  for (const auto& [sym, to] : children[0]) {
    fail_[to] = 0;
    output_link_[to] = 0;
    queue.push_back(to);
  }
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    for (const auto& [sym, to] : children[node]) {
      std::uint32_t f = fail_[node];
      while (f != 0 && child(f, sym) == UINT32_MAX) f = fail_[f];
      const std::uint32_t target = child(f, sym);
      fail_[to] = (target != UINT32_MAX && target != to) ? target : 0;
      output_link_[to] = outputs_[fail_[to]].empty() ? output_link_[fail_[to]] : fail_[to];
      queue.push_back(to);
    }
  }
  output_begin_.assign(1, 0);
  output_patterns_.clear();
  for (const auto& patterns : outputs_) {
    output_patterns_.insert(output_patterns_.end(), patterns.begin(), patterns.end());
    output_begin_.push_back(static_cast<std::uint32_t>(output_patterns_.size()));
  }
}

void PhraseAutomaton::scan(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end,
                           std::vector<Hit>& out, bool numbers_as_number,
                           const std::vector<char>* only_spanning,
                           std::vector<char>* literal_numbers) const {
  std::uint32_t node = 0;
  for (std::uint32_t i = begin; i < end; ++i) {
    const bool is_number = tokens[i].kind == TokenKind::number;
    std::uint32_t sym = numbers_as_number && is_number ? number_symbol_ : symbol(tokens[i]);
    if (literal_numbers && is_number && sym != 0) {
      if (literal_numbers->empty()) literal_numbers->assign(tokens.size(), 0);
      (*literal_numbers)[i] = 1;
    }
    // A number no phrase names literally matches <number>.
    if (sym == 0 && is_number) sym = number_symbol_;
    if (sym == 0) {  // a token no phrase contains: every partial match ends here
      node = 0;
      continue;
    }
    std::uint32_t next = child(node, sym);
    while (next == UINT32_MAX && node != 0) {
      node = fail_[node];
      next = child(node, sym);
    }
    node = next == UINT32_MAX ? 0 : next;
    for (std::uint32_t n = node; n != 0; n = output_link_[n]) {
      for (std::uint32_t k = output_begin_[n]; k < output_begin_[n + 1]; ++k) {
        const std::uint32_t p = output_patterns_[k];
        const Hit hit{p, i + 1 - pattern_length_[p], i};
        if (only_spanning &&
            std::find(only_spanning->begin() + hit.first, only_spanning->begin() + hit.last + 1,
                      1) == only_spanning->begin() + hit.last + 1)
          continue;
        out.push_back(hit);
      }
    }
  }
}

void PhraseAutomaton::find(const std::vector<Token>& tokens, std::vector<Hit>& out) const {
  const auto n = static_cast<std::uint32_t>(tokens.size());
  // Numbers some phrase names literally ("24 hours"): they follow the literal edges, so the
  // <number> phrases ("by <number> june") miss them in the first pass.
  std::vector<char> literal;
  scan(tokens, 0, n, out, false, nullptr, &literal);
  if (literal.empty() || number_symbol_ == 0) return;
  // A second pass reads every number as <number>; of its hits only those spanning such a number
  // are new (the first pass found the others). A hit spanning the literal number at i lies in
  // [i - longest + 1, i + longest), so the pass runs over those windows only, merged where they
  // overlap or touch. It finds the same hits in the same order as a pass over the whole text:
  // a pass from the root at a window's start finds every hit inside the window.
  std::uint32_t begin = 0, end = 0;  // the window being grown
  for (std::uint32_t i = 0; i <= n; ++i) {
    if (i < n && !literal[i]) {  // to the next literal number, by memchr: most tokens are none
      const void* next = std::memchr(literal.data() + i, 1, n - i);
      i = next ? static_cast<std::uint32_t>(static_cast<const char*>(next) - literal.data()) : n;
    }
    const std::uint32_t b = i < n ? (i + 1 > longest_ ? i + 1 - longest_ : 0) : n + 1;
    if (end != 0 && b > end) scan(tokens, begin, end, out, true, &literal, nullptr);
    if (i == n) break;
    if (end == 0 || b > end) begin = b;
    end = std::min(n, i + longest_);
  }
}

}  // namespace tactful
