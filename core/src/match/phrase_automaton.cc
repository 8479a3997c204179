#include "phrase_automaton.h"

#include <deque>

#include "match/phrase_syntax.h"

namespace tactful {

std::uint32_t PhraseAutomaton::symbol(std::string_view norm) const {
  auto it = vocab_.find(norm);
  return it == vocab_.end() ? 0 : it->second;
}

std::uint32_t PhraseAutomaton::child(std::uint32_t node, std::uint32_t sym) const {
  auto it = edges_.find(edge_key(node, sym));
  return it == edges_.end() ? UINT32_MAX : it->second;
}

std::uint32_t PhraseAutomaton::add(const std::vector<std::string>& tokens) {
  std::uint32_t node = 0;
  for (const std::string& t : tokens) {
    auto [it, inserted] = vocab_.try_emplace(t, static_cast<std::uint32_t>(vocab_.size() + 1));
    const std::uint32_t sym = it->second;
    std::uint32_t next = child(node, sym);
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

void PhraseAutomaton::find(const std::vector<Token>& tokens, std::vector<Hit>& out) const {
  std::uint32_t node = 0;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    std::uint32_t sym = symbol(tokens[i].norm);
    // A number no phrase names literally matches <number>.
    if (sym == 0 && tokens[i].kind == TokenKind::number) sym = number_symbol_;
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
}

}  // namespace tactful
