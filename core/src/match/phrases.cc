// Phrase and substitute rules, and marker sets: one automaton pass finds every phrase; each
// hit is then kept or dropped by its owner's exceptions, negation guard and skip regions.
#include <algorithm>
#include <array>

#include "analysis.h"

namespace tactful {
namespace {

constexpr std::string_view kNegators[] = {
    "not",    "no",      "never",    "cannot",  "without", "hardly", "neither", "nor",
    "nobody", "dont",    "cant",     "wont",    "isnt",    "arent",  "wasnt",   "didnt",
    "doesnt", "couldnt", "shouldnt", "wouldnt", "havent",  "hasnt",  "aint"};
// Their norm hashes in an open-addressing table built at compile time: a token is looked up by
// the hash it carries (Token::hash is hash_norm(norm)), one probe or two instead of a compare
// with each of the 23, and compared by its bytes only when a hash is equal.
struct NegatorSlot {
  std::uint64_t hash = 0;
  std::uint8_t word = 0;  // index in kNegators + 1; 0 = empty
};
constexpr std::size_t kNegatorSlots = 64;
constexpr auto kNegatorTable = [] {
  std::array<NegatorSlot, kNegatorSlots> table{};
  for (std::size_t i = 0; i < std::size(kNegators); ++i) {
    const std::uint64_t h = hash_norm(kNegators[i]);
    std::size_t slot = h % kNegatorSlots;
    while (table[slot].word != 0) slot = (slot + 1) % kNegatorSlots;
    table[slot] = {h, static_cast<std::uint8_t>(i + 1)};
  }
  return table;
}();
// Distinct hashes, so the first equal hash a probe meets is the only one.
constexpr bool negator_hashes_distinct() {
  for (std::size_t i = 0; i < std::size(kNegators); ++i)
    for (std::size_t j = i + 1; j < std::size(kNegators); ++j)
      if (hash_norm(kNegators[i]) == hash_norm(kNegators[j])) return false;
  return true;
}
static_assert(negator_hashes_distinct());

bool is_negator(const Token& t) {
  if (t.kind != TokenKind::word) return false;
  if (t.norm.ends_with("n't")) return true;
  for (std::size_t slot = t.hash % kNegatorSlots;; slot = (slot + 1) % kNegatorSlots) {
    const NegatorSlot& s = kNegatorTable[slot];
    if (s.word == 0) return false;
    if (s.hash == t.hash) return t.norm == kNegators[s.word - 1];
  }
}

}  // namespace

bool negated_before(const TextModel& text, std::uint32_t first) {
  const auto sentence = text.sentence_of_token[first];
  int words = 0;
  for (std::uint32_t i = first; i-- > 0 && words < 3;) {
    if (text.sentence_of_token[i] != sentence) break;
    const Token& t = text.tokens[i];
    // A clause ends the negation's reach: "hasn't appeared — I'm sorry" is an apology.
    if (t.kind == TokenKind::punct && (t.norm == "," || t.norm == ";" || t.norm == ":" ||
                                       t.norm == "\u2014" || t.norm == "\u2013" || t.norm == "-"))
      break;
    if (t.kind != TokenKind::word) continue;
    if (is_negator(t)) return true;
    ++words;
  }
  return false;
}

bool Analysis::is_blocked(PhraseRef::Owner owner, std::uint32_t index,
                          std::optional<Span> s) const {
  const std::uint64_t key = owner_key(owner, index);
  auto first = std::lower_bound(blocked.begin(), blocked.end(), key,
                                [](const Blocked& b, std::uint64_t k) { return b.owner < k; });
  if (first == blocked.end() || first->owner != key) return false;
  if (!s) return true;
  // The first exception of this owner starting at or after s.begin overlaps if it starts
  // before s.end; earlier ones overlap if they reach past s.begin. Exceptions are at most
  // kMaxPhraseTokens long, so only a few earlier ones can.
  auto it = std::lower_bound(first, blocked.end(), s->begin, [&](const Blocked& b, std::size_t v) {
    return b.owner == key && b.span.begin < v;
  });
  if (it != blocked.end() && it->owner == key && it->span.begin < s->end) return true;
  for (int back = 0; it != first && back < 32; ++back) {
    --it;
    if (it->span.end > s->begin) return true;
  }
  return false;
}

bool Analysis::marker_in(std::uint32_t marker, std::uint32_t sentence) const {
  return std::binary_search(marker_in_sentence.begin(), marker_in_sentence.end(),
                            (static_cast<std::uint64_t>(marker) << 32) | sentence);
}

bool sentence_waived(const Analysis& a, std::uint32_t idx, Span span) {
  const auto& waivers = a.rules.sentence_waivers[idx];
  if (waivers.empty()) return false;
  // The sentence of the span's first token.
  const auto& toks = a.text.tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), span.begin,
                             [](const Token& t, std::size_t b) { return t.bytes.end <= b; });
  if (it == toks.end()) return false;
  const auto sentence = a.text.sentence_of_token[static_cast<std::size_t>(it - toks.begin())];
  for (std::uint32_t marker : waivers)
    if (a.marker_in(marker, sentence)) return true;
  return false;
}

void match_phrases(Analysis& a) {
  const RuleSetImpl& rs = a.rules;
  a.hits.clear();
  a.hits.reserve(a.text.tokens.size());  // about one hit per token or fewer: no regrowth
  rs.automaton.find(a.text.tokens, a.hits);
  if (a.hits.empty()) return;
  // At most one entry per hit in each: reserved once instead of regrown.
  a.blocked.reserve(a.blocked.size() + a.hits.size());
  a.marker_in_sentence.reserve(a.marker_in_sentence.size() + a.hits.size());
  // Exceptions first: a match is dropped when an exception of its owner overlaps it.
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role == PhraseRef::Role::exception)
      a.blocked.push_back(
          {Analysis::owner_key(ref.owner, ref.index), a.token_span(h.first, h.last)});
  }
  std::sort(a.blocked.begin(), a.blocked.end(), [](const auto& x, const auto& y) {
    return x.owner != y.owner ? x.owner < y.owner : x.span.begin < y.span.begin;
  });
  // Markers before rules: rules may be waived by a marker in their sentence.
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role != PhraseRef::Role::match || ref.owner != PhraseRef::Owner::marker) continue;
    const Span span = a.token_span(h.first, h.last);
    if (a.skip.overlaps(span) || a.is_blocked(ref.owner, ref.index, span)) continue;
    if (rs.markers[ref.index].unless_negated && negated_before(a.text, h.first)) continue;
    a.marker_present[ref.index] = 1;
    a.marker_in_sentence.push_back((static_cast<std::uint64_t>(ref.index) << 32) |
                                   a.text.sentence_of_token[h.first]);
  }
  std::sort(a.marker_in_sentence.begin(), a.marker_in_sentence.end());
  for (const auto& h : a.hits) {
    const PhraseRef& ref = rs.phrase_refs[h.pattern];
    if (ref.role != PhraseRef::Role::match || ref.owner != PhraseRef::Owner::rule) continue;
    const Span span = a.token_span(h.first, h.last);
    if (a.skip.overlaps(span) || a.is_blocked(ref.owner, ref.index, span)) continue;
    if (!a.active[ref.index]) continue;
    const Rule& rule = rs.rules[ref.index];
    if (rule.kind == RuleKind::require) {
      if (!negated_before(a.text, h.first)) a.require_met[ref.index] = 1;
      continue;
    }
    if (rule.unless_negated && negated_before(a.text, h.first)) continue;
    if (sentence_waived(a, ref.index, span)) continue;
    const auto& templates =
        rule.kind == RuleKind::substitute ? rule.swaps[ref.swap].second : rule.replacements;
    Candidate c{ref.index, span, {}, std::nullopt};
    const auto refs = token_refs(a, h.first, h.last);
    const bool capital = a.text.tokens[h.first].capital && a.starts_sentence(h.first);
    c.replacements.reserve(templates.size());  // one allocation, not one per doubling
    for (const auto& t : templates) {
      if (auto filled = fill_template(a, t, span, refs, capital))
        c.replacements.push_back(std::move(*filled));
    }
    a.candidates.push_back(std::move(c));
  }
}

}  // namespace tactful
