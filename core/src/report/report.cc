// Turning candidates into the report: one hint per problem, ordered by position, with UTF-16
// offsets, and `revised` with the best non-conflicting fixes applied.
#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <memory_resource>

#include "analysis.h"
#include "text/text_internal.h"

namespace tactful {
namespace {

// A candidate while merging. The public Suggestion (with its copies of the rule's id,
// category and why) is built only for the candidates merging keeps.
struct Item {
  Candidate* c;
  const Rule* rule;
  Span span;
  std::uint32_t category;  // RuleSetImpl::category_of the rule
};

int rank(const Rule& r) {
  return static_cast<int>(r.severity) * 1000 + r.priority;
}

// Drops a hint that overlaps a stronger one of the same category (or the same rule): two
// hints on the same words for the same reason are noise.
std::vector<Item> merge(std::vector<Item> all, std::string_view draft, std::size_t category_count) {
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // By start, longest first, then in candidate order (what a stable sort gives, without the
  // buffer std::stable_sort allocates).
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Span& a = all[x].span;
    const Span& b = all[y].span;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return x < y;
  });
  std::vector<std::size_t> kept;  // indices into `all`
  // Kept hints of one category never overlap each other and arrive by start, so a new hint
  // can only overlap the last kept one of its category: one lookup, linear overall.
  std::vector<std::size_t> last_of_category(category_count, SIZE_MAX);  // -> position in kept
  for (std::size_t i : order) {
    Item& item = all[i];
    std::size_t& last = last_of_category[item.category];
    if (last != SIZE_MAX) {
      Item& k = all[kept[last]];
      if (k.span.overlaps(item.span)) {
        if (k.rule == item.rule) {  // rule ids are unique in a rule set
          // Two phrases of one rule on overlapping words: one hint over both, offering the
          // replacements of the longer match. A rule-wide replacement (phrase rules) stands
          // for the whole union; a substitute's swap replaces only its own words, so the rest
          // of the union is kept around it and applying it neither drops nor doubles text.
          const Span both{std::min(k.span.begin, item.span.begin),
                          std::max(k.span.end, item.span.end)};
          Item& longer = item.span.size() > k.span.size() ? item : k;
          std::vector<std::string> replacements = longer.c->replacements;
          if (k.rule->kind == RuleKind::substitute) {
            const std::string_view before =
                draft.substr(both.begin, longer.span.begin - both.begin);
            const std::string_view after =
                draft.substr(longer.span.end, both.end - longer.span.end);
            for (std::string& r : replacements) r = std::string(before) + r + std::string(after);
          }
          k.c->replacements = std::move(replacements);
          k.span = both;
        } else if (rank(*item.rule) > rank(*k.rule)) {
          kept[last] = i;  // the new one is stronger: it takes the old one's place
        }
        continue;
      }
    }
    last = kept.size();
    kept.push_back(i);
  }
  // Usually in order already: only a stronger hint taking an earlier one's place disturbs it.
  const auto by_start = [&](std::size_t x, std::size_t y) {
    return all[x].span.begin < all[y].span.begin;
  };
  if (!std::is_sorted(kept.begin(), kept.end(), by_start))
    std::stable_sort(kept.begin(), kept.end(), by_start);
  std::vector<Item> out;
  out.reserve(kept.size());
  for (std::size_t i : kept) out.push_back(all[i]);
  return out;
}

// sanitize_utf8 always builds a new string; most messages and replacements are ASCII, which
// is valid as is, so those keep their buffer.
void sanitize_in_place(std::string& s) {
  if (!text_internal::is_ascii(s)) s = sanitize_utf8(s);
}

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// Applies the chosen edits (non-overlapping) from the end backwards so offsets stay valid.
// Whether `span` conflicts with a replaced range: overlapping it, or (an insertion point)
// falling strictly inside it. Two insertions never conflict. O(log n).
bool clashes(const std::pmr::map<std::size_t, std::size_t>& taken, Span span) {
  auto next = taken.lower_bound(span.begin);
  if (next != taken.end() && !span.empty() && next->first < span.end) return true;
  if (next == taken.begin()) return false;
  const auto prev = std::prev(next);
  return span.empty() ? (prev->first < span.begin && span.begin < prev->second)
                      : prev->second > span.begin;
}

std::string revise(const Analysis& a, const std::vector<Suggestion>& suggestions) {
  struct Edit {
    Span span;              // empty span = insertion
    std::string_view text;  // into `suggestions`
    int order;
  };
  std::vector<const Suggestion*> by_weight;
  by_weight.reserve(suggestions.size());
  for (const auto& s : suggestions)
    if (!s.replacements.empty() || s.insert) by_weight.push_back(&s);
  // Strongest first; equal severities in report order (the pointers are into one vector), as
  // a stable sort would leave them.
  std::sort(by_weight.begin(), by_weight.end(), [](const auto* x, const auto* y) {
    if (x->severity != y->severity)
      return static_cast<int>(x->severity) > static_cast<int>(y->severity);
    return x < y;
  });
  std::vector<Edit> edits;
  edits.reserve(by_weight.size());
  // Replaced ranges, begin -> end (disjoint). A typical draft has a few dozen at most: their
  // nodes come from a buffer on the stack, and only a long draft's spill to the heap.
  std::array<std::byte, 4096> node_buffer;
  std::pmr::monotonic_buffer_resource nodes(node_buffer.data(), node_buffer.size());
  std::pmr::map<std::size_t, std::size_t> taken(&nodes);
  const std::string_view text = a.draft.text;
  for (const Suggestion* s : by_weight) {
    Edit e;
    if (s->insert) {
      e = {{s->insert->at, s->insert->at}, s->insert->text, static_cast<int>(edits.size())};
    } else {
      e = {s->span, s->replacements.front(), static_cast<int>(edits.size())};
      if (e.text.empty()) {  // a deletion takes one neighbouring space with it
        if (e.span.end < text.size() && text[e.span.end] == ' ')
          ++e.span.end;
        else if (e.span.begin > 0 && text[e.span.begin - 1] == ' ')
          --e.span.begin;
      }
    }
    if (!clashes(taken, e.span)) {
      if (!e.span.empty()) taken.emplace(e.span.begin, e.span.end);
      edits.push_back(std::move(e));
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& x, const Edit& y) {
    if (x.span.begin != y.span.begin) return x.span.begin > y.span.begin;
    // At one offset, replace first and insert after: an insertion applied first would be
    // overwritten by the replacement of the words it goes before.
    if (x.span.empty() != y.span.empty()) return !x.span.empty();
    return x.order > y.order;
  });
  // Edits are applied from the end backwards, each seeing the text after it already edited.
  // Replacing in place would move the tail on every edit (quadratic in a long draft), so the
  // result is collected as pieces, last piece first, and joined once.
  struct Piece {
    std::string_view text;
    bool capitalize = false;  // its first letter starts a sentence after a deletion
  };
  std::vector<Piece> pieces;  // back to front
  pieces.reserve(2 * edits.size() + 1);
  std::size_t first_nonempty = SIZE_MAX;  // the piece the output so far starts with
  std::size_t cursor = text.size();       // text[cursor, end) is in `pieces`
  const auto push = [&](std::string_view piece) {
    if (piece.empty()) return;
    first_nonempty = pieces.size();
    pieces.push_back({piece, false});
  };
  for (const Edit& e : edits) {
    push(text.substr(e.span.end, cursor - e.span.end));
    // Deleting the first word of a sentence: the next word now starts it. Text before the
    // edit is still unedited, so it is read from the draft.
    const std::size_t b = e.span.begin;
    const bool sentence_start =
        b == 0 || (b >= 2 && (text[b - 2] == '.' || text[b - 2] == '!' || text[b - 2] == '?')) ||
        text[b - 1] == '\n';
    push(e.text);
    if (e.text.empty() && sentence_start && first_nonempty != SIZE_MAX &&
        is_ascii_lower(pieces[first_nonempty].text.front()))
      pieces[first_nonempty].capitalize = true;
    cursor = b;
  }
  push(text.substr(0, cursor));
  std::string out;
  out.reserve(text.size() + 64);
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
    const std::size_t at = out.size();
    out.append(it->text);
    if (it->capitalize) out[at] = static_cast<char>(out[at] - 32);
  }
  sanitize_in_place(out);
  return out;
}

// A kept require candidate's insertion text: the rule's template, with the space that joins it
// to the draft on the side facing the draft. template_fills was checked when it was made.
void fill_insertion(const Analysis& a, const Rule& rule, Candidate& c) {
  auto text = fill_template(a, rule.insert, {}, {}, false);
  if (c.space_before)
    text->insert(text->begin(), ' ');  // in the room fill_template left: no new string
  else
    text->push_back(' ');
  c.insert->text = std::move(*text);
}

}  // namespace

Report build_report(Analysis& a) {
  std::vector<Item> all;
  all.reserve(a.candidates.size());
  for (Candidate& c : a.candidates)
    all.push_back({&c, &a.rules.rules[c.rule], c.span, a.rules.category_of[c.rule]});
  Report report;
  const std::vector<Item> kept = merge(std::move(all), a.draft.text, a.rules.category_count);
  report.suggestions.reserve(kept.size());
  std::vector<int> per_category(a.rules.category_count, 0);
  for (const Item& item : kept) {
    ++per_category[item.category];
    const Rule& rule = *item.rule;
    Suggestion& s = report.suggestions.emplace_back();
    s.rule = rule.id;
    s.category = rule.category;
    s.severity = rule.severity;
    s.span = item.span;
    s.why = rule.why;
    s.replacements = std::move(item.c->replacements);
    if (item.c->insert_from_template) fill_insertion(a, rule, *item.c);
    s.insert = std::move(item.c->insert);
    // Hints that rest on reading the customer are as sure as that reading.
    const When& w = rule.when;
    if (!w.intents_any.empty() || w.min_frustration || w.max_sentiment)
      s.confidence = a.customer.english_confidence;
    // Messages are filled after merging, so "{match}" names the words finally underlined.
    s.message = fill_template(a, rule.message, s.span, {}, false).value_or(rule.message);
  }
  if (!report.suggestions.empty()) {
    const Utf16Index index(a.draft.text);
    for (auto& s : report.suggestions) {
      s.utf16 = {index.to_utf16(s.span.begin), index.to_utf16(s.span.end)};
      sanitize_in_place(s.message);
      for (auto& r : s.replacements) sanitize_in_place(r);
    }
  }
  report.revised = revise(a, report.suggestions);
  report.scores = compute_scores(a, report.suggestions, per_category);
  report.customer = std::move(a.customer);
  return report;
}

}  // namespace tactful
