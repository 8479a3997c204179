#include "phrase_automaton.h"

#include <deque>

#include "match/phrase_syntax.h"

namespace tactful {

std::uint64_t PhraseAutomaton::hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: tokens are short
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

std::uint32_t PhraseAutomaton::symbol(std::string_view norm) const {
  if (vocab_slots_.empty()) return 0;
  const std::uint64_t h = hash(norm);
  const std::size_t mask = vocab_slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const VocabSlot& slot = vocab_slots_[i];
    if (slot.sym == 0) return 0;
    if (slot.hash == static_cast<std::uint32_t>(h) && words_[slot.sym] == norm) return slot.sym;
  }
}

std::uint32_t PhraseAutomaton::child(std::uint32_t node, std::uint32_t sym) const {
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
    const std::uint64_t h = hash(word);
    std::size_t i = h & (vocab_slots_.size() - 1);
    while (vocab_slots_[i].sym != 0) i = (i + 1) & (vocab_slots_.size() - 1);
    vocab_slots_[i] = {static_cast<std::uint32_t>(h), sym};
  }
  edge_slots_.assign(capacity(edges_.size()), EdgeSlot{});
  const std::size_t mask = edge_slots_.size() - 1;
  for (const auto& [key, to] : edges_) {
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
  outputs_[node].push_back(id);
  return id;
}

void PhraseAutomaton::build() {
  build_tables();
  number_symbol_ = symbol(kNumberToken);
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
}

bool PhraseAutomaton::scan(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& syms,
                           std::vector<Hit>& out, bool numbers_as_number) const {
  bool literal_number = false;  // some number token took its literal edge
  std::uint32_t node = 0;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const bool is_number = tokens[i].kind == TokenKind::number;
    std::uint32_t sym = numbers_as_number && is_number ? number_symbol_ : syms[i];
    // A number no phrase names literally matches <number>.
    if (sym == 0 && is_number) sym = number_symbol_;
    literal_number |= is_number && sym != 0 && sym != number_symbol_;
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
      for (std::uint32_t p : outputs_[n]) out.push_back({p, i + 1 - pattern_length_[p], i});
    }
  }
  return literal_number;
}

void PhraseAutomaton::find(const std::vector<Token>& tokens, std::vector<Hit>& out) const {
  // A number some phrase names literally ("24 hours") follows the literal edges, so the
  // <number> phrases ("by <number> june") miss it in that pass. A second pass with every
  // number read as <number> finds them; of its hits only those spanning such a number are
  // new (the others the first pass found already).
  std::vector<std::uint32_t> syms(tokens.size());  // each token looked up once for both passes
  for (std::size_t i = 0; i < tokens.size(); ++i) syms[i] = symbol(tokens[i].norm);
  if (!scan(tokens, syms, out, false) || number_symbol_ == 0) return;
  std::vector<Hit> more;
  scan(tokens, syms, more, true);
  for (const Hit& h : more) {
    for (std::uint32_t i = h.first; i <= h.last; ++i) {
      if (tokens[i].kind == TokenKind::number && syms[i] != 0) {
        out.push_back(h);
        break;
      }
    }
  }
}

}  // namespace tactful
