// An Aho-Corasick automaton over normalized tokens: every phrase of every rule is matched in
// one left-to-right pass over the draft's tokens. Matching is O(tokens + matches) whatever the
// number of phrases; building is O(total phrase tokens). Immutable after build().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tactful/text.h"

namespace tactful {

class PhraseAutomaton {
 public:
  struct Hit {
    std::uint32_t pattern;  // the id add() returned
    std::uint32_t first;    // first token index
    std::uint32_t last;     // last token index (inclusive)
  };

  // Adds a token sequence (normalized tokens); returns its pattern id. Before build() only.
  std::uint32_t add(const std::vector<std::string>& tokens);
  void build();

  // Appends every occurrence of every pattern in `tokens` (any order). A number token matches
  // both a phrase naming it literally and `<number>` (except within one phrase that names a
  // number literally and also uses `<number>`, where the number must take one reading).
  void find(const std::vector<Token>& tokens, std::vector<Hit>& out) const;

  std::size_t pattern_count() const { return pattern_length_.size(); }
  std::size_t node_count() const { return fail_.size(); }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // One left-to-right pass over tokens [begin, end), starting from the root; with
  // `numbers_as_number` every number token reads as <number>. With `only_spanning`, only hits
  // that span a token marked in it are kept. With `literal_numbers`, the number tokens some
  // phrase names literally are marked in it (sized to the tokens at the first one, else left
  // empty: a vector per call was a tenth of the cost of a find).
  void scan(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end,
            std::vector<Hit>& out, bool numbers_as_number, const std::vector<char>* only_spanning,
            std::vector<char>* literal_numbers) const;
  std::uint32_t symbol(const Token& t) const;
  // The trie edge from `node` by `sym`, or UINT32_MAX.
  std::uint32_t child(std::uint32_t node, std::uint32_t sym) const {
    return node == 0 ? root_[sym] : inner_child(node, sym);
  }
  std::uint32_t inner_child(std::uint32_t node, std::uint32_t sym) const;
  std::uint32_t child_while_adding(std::uint32_t node, std::uint32_t sym) const;
  void build_tables();
  static std::uint64_t edge_key(std::uint32_t node, std::uint32_t sym) {
    return (static_cast<std::uint64_t>(node) << 32) | sym;
  }

  // Built by add(); build() copies them into the flat tables below, which find() reads.
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> vocab_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  // Open-addressing tables (load <= 1/2, linear probing): a lookup per token is one probe of
  // its precomputed hash (Token::hash) and usually one string compare.
  struct VocabSlot {
    std::uint32_t hash = 0;  // low bits of hash_norm(word), to skip most string compares
    std::uint32_t sym = 0;   // 0 = empty
  };
  struct EdgeSlot {
    std::uint64_t key = UINT64_MAX;  // edge_key(node, sym); UINT64_MAX = empty
    std::uint32_t to = 0;
  };
  std::vector<VocabSlot> vocab_slots_;
  std::vector<std::string> words_;  // by symbol
  // The root's edges by symbol (UINT32_MAX = none): most tokens are read at the root, where a
  // direct index replaces a hash probe.
  std::vector<std::uint32_t> root_;
  std::vector<EdgeSlot> edge_slots_;  // the other nodes' edges
  std::vector<std::uint32_t> fail_ = {0};
  std::vector<std::uint32_t> output_link_ = {0};  // next node on the fail chain with output
  std::vector<std::vector<std::uint32_t>> outputs_ = {{}};  // patterns ending exactly here
  // outputs_ flattened for find(): node n's patterns are output_patterns_[output_begin_[n] ..
  // output_begin_[n + 1]).
  std::vector<std::uint32_t> output_begin_;
  std::vector<std::uint32_t> output_patterns_;
  std::vector<std::uint32_t> depth_ = {0};
  std::vector<std::uint32_t> pattern_length_;
  std::uint32_t longest_ = 0;        // the most tokens of any pattern
  std::uint32_t number_symbol_ = 0;  // the symbol of <number>, 0 if no phrase uses it
};

}  // namespace tactful
