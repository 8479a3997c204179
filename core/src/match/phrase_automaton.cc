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

bool PhraseAutomaton::scan(const std::vector<Token>& tokens, std::vector<Hit>& out,
                           bool numbers_as_number) const {
  bool literal_number = false;  // some number token took its literal edge
  std::uint32_t node = 0;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const bool is_number = tokens[i].kind == TokenKind::number;
    std::uint32_t sym = numbers_as_number && is_number ? number_symbol_ : symbol(tokens[i].norm);
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
  if (!scan(tokens, out, false) || number_symbol_ == 0) return;
  std::vector<Hit> more;
  scan(tokens, more, true);
  for (const Hit& h : more) {
    for (std::uint32_t i = h.first; i <= h.last; ++i) {
      if (tokens[i].kind == TokenKind::number && symbol(tokens[i].norm) != 0) {
        out.push_back(h);
        break;
      }
    }
  }
}

}  // namespace tactful
