#include "skip/regions.h"

#include <algorithm>
#include <array>
#include <string>

namespace tactful {

void SkipRegions::add(Span s) {
  if (!s.empty()) spans_.push_back(s);
}

void SkipRegions::finish() {
  std::sort(spans_.begin(), spans_.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& s : spans_) {
    if (!merged.empty() && s.begin <= merged.back().end)
      merged.back().end = std::max(merged.back().end, s.end);
    else
      merged.push_back(s);
  }
  spans_ = std::move(merged);
}

bool SkipRegions::overlaps(Span s) const {
  auto it = std::upper_bound(spans_.begin(), spans_.end(), s.begin,
                             [](std::size_t v, const Span& r) { return v < r.end; });
  return it != spans_.end() && it->begin < s.end;
}

bool SkipRegions::covers(Span s) const {
  auto it = std::upper_bound(spans_.begin(), spans_.end(), s.begin,
                             [](std::size_t v, const Span& r) { return v < r.end; });
  return it != spans_.end() && it->contains(s);
}

namespace {

struct Line {
  Span bytes;
  std::string_view text;  // without the newline
};

// The number of '\n' in `text`, found with memchr: std::count read the text a byte at a time,
// about three instructions a byte for a few newlines.
std::size_t count_newlines(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
    ++n;
  return n;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(count_newlines(text) + 1);
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);  // memchr, not a loop per byte
    const std::size_t i = nl == std::string_view::npos ? text.size() : nl;
    std::size_t end = i;
    if (end > start && text[end - 1] == '\r') --end;
    lines.push_back({{start, end}, text.substr(start, end - start)});
    if (nl == std::string_view::npos) return lines;
    start = i + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ',' || s.back() == '!' ||
                        s.back() == '.'))
    s.remove_suffix(1);
  return s;
}

// Closing phrases that start a sign-off block when they stand alone on a line.
bool is_sign_off(std::string_view line) {
  static constexpr std::array<std::string_view, 22> kSignOffs = {
      "best regards", "kind regards",  "warm regards",    "regards",      "best wishes",
      "best",         "thanks",        "thank you",       "many thanks",  "thanks again",
      "cheers",       "sincerely",     "yours sincerely", "yours truly",  "all the best",
      "take care",    "warmly",        "with thanks",     "respectfully", "talk soon",
      "speak soon",   "thanks so much"};
  // Folding maps one character to one, at most 3 bytes to 1 (fullwidth Latin): a line over
  // 3 times the longest sign-off cannot fold to one, and most lines need no fold at all.
  constexpr std::size_t kLongest =
      std::max_element(kSignOffs.begin(), kSignOffs.end(), [](auto a, auto b) {
        return a.size() < b.size();
      })->size();
  const std::string_view trimmed = trim(line);
  if (trimmed.size() > 3 * kLongest) return false;
  const std::string folded = fold(trimmed);
  return std::find(kSignOffs.begin(), kSignOffs.end(), folded) != kSignOffs.end();
}

// A line that reads as a sentence ("We can't refund it.") belongs to the reply, not to a
// signature's name, title and company lines.
bool reads_as_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty() || (line.back() != '.' && line.back() != '!' && line.back() != '?'))
    return false;
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words >= 3;
}

// A sign-off line followed only by a few short lines (name, title, company) to the end.
void add_signature(const std::vector<Line>& lines, std::string_view text, SkipRegions& out) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = lines[i].text;
    if (l == "-- " || l == "--" || l == "__" || l == "---") {
      out.add({lines[i].bytes.begin, text.size()});
      return;
    }
  }
  // Sign-off blocks are at the end: look at most 6 lines back from the last non-empty line.
  std::size_t last = lines.size();
  while (last > 0 && trim(lines[last - 1].text).empty()) --last;
  const std::size_t earliest = last > 6 ? last - 6 : 0;
  for (std::size_t i = last; i-- > earliest;) {
    if (!is_sign_off(lines[i].text)) continue;
    bool short_tail = true;
    for (std::size_t j = i + 1; j < last; ++j)
      short_tail &= lines[j].text.size() <= 60 && !reads_as_sentence(lines[j].text);
    if (short_tail) out.add({lines[i].bytes.begin, text.size()});
    return;
  }
}

bool is_quote_open(char32_t cp) {
  return cp == '"' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB' || cp == '\'';
}
char32_t closing_quote(char32_t open) {
  switch (open) {
    case U'\u201C':
      return U'\u201D';
    case U'\u2018':
      return U'\u2019';
    case U'\u00AB':
      return U'\u00BB';
    default:
      return open;
  }
}

// Quoted passages ("...", “...”, '...') of the draft that repeat the customer's own words.
void add_customer_quotes(const TextModel& text, std::span<const Message> history,
                         SkipRegions& out) {
  if (std::none_of(history.begin(), history.end(),
                   [](const Message& m) { return m.role == Role::customer; }))
    return;
  // All customer text, folded, for substring search: built at the first quoted passage, as
  // most drafts quote nothing.
  std::string customer;
  const auto customer_text = [&]() -> const std::string& {
    if (customer.empty()) {
      for (const Message& m : history) {
        if (m.role != Role::customer) continue;
        customer += fold(m.text);
        customer += '\n';
      }
    }
    return customer;
  };
  constexpr int kMaxQuotes = 50;
  int checked = 0;
  const auto& toks = text.tokens;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokenKind::punct) continue;
    const char32_t open = decode_utf8(text.text, toks[i].bytes.begin).cp;
    if (!is_quote_open(open)) continue;
    if (open == '\'' && i > 0 && toks[i - 1].bytes.end == toks[i].bytes.begin) continue;
    const char32_t close = closing_quote(open);
    // The closing quote must come within the same sentence and 60 tokens.
    const std::size_t limit = std::min(toks.size(), i + 60);
    for (std::size_t j = i + 1; j < limit; ++j) {
      if (text.sentence_of_token[j] != text.sentence_of_token[i] &&
          toks[j].bytes.begin > toks[i].bytes.end &&
          text.text.substr(toks[j - 1].bytes.end, toks[j].bytes.begin - toks[j - 1].bytes.end)
                  .find('\n') != std::string_view::npos)
        break;
      if (toks[j].kind != TokenKind::punct ||
          decode_utf8(text.text, toks[j].bytes.begin).cp != close)
        continue;
      const Span inner{toks[i].bytes.end, toks[j].bytes.begin};
      std::string quoted = fold(text.text.substr(inner.begin, inner.size()));
      while (!quoted.empty() && (quoted.back() == '.' || quoted.back() == ',' ||
                                 quoted.back() == '!' || quoted.back() == ' '))
        quoted.pop_back();
      // Searches are bounded: at most kMaxQuotes passages, each under 60 tokens.
      if (!quoted.empty() && ++checked <= kMaxQuotes &&
          customer_text().find(quoted) != std::string::npos)
        out.add({toks[i].bytes.begin, toks[j].bytes.end});
      i = j;
      break;
    }
  }
}

}  // namespace

SkipRegions find_skip_regions(const TextModel& text, const Draft& draft,
                              std::span<const Message> history) {
  SkipRegions out;
  const std::vector<Line> lines = split_lines(text.text);
  for (const Line& l : lines) {
    std::string_view t = l.text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    if (!t.empty() && t.front() == '>') out.add(l.bytes);
  }
  add_signature(lines, text.text, out);
  for (const Token& t : text.tokens) {
    if (t.kind == TokenKind::url || t.kind == TokenKind::email || t.kind == TokenKind::placeholder)
      out.add(t.bytes);
  }
  add_customer_quotes(text, history, out);
  for (const Span& s : draft.skip) {
    const std::size_t end = std::min(s.end, text.text.size());
    if (s.begin < end) out.add({s.begin, end});
  }
  out.finish();
  return out;
}

}  // namespace tactful
