#include "render.h"

#include <algorithm>
#include <ostream>

namespace tactful::cli {
namespace {

// Display width of a byte range, in terminal columns (wide East Asian and emoji count 2).
std::size_t columns(std::string_view text) {
  std::size_t cols = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_utf8(text, i);
    i += d.length;
    if (is_combining_mark(d.cp) || d.cp == 0x200D || (d.cp >= 0xFE00 && d.cp <= 0xFE0F)) continue;
    const bool wide = (d.cp >= 0x1100 && d.cp <= 0x115F) || (d.cp >= 0x2E80 && d.cp <= 0xA4CF) ||
                      (d.cp >= 0xAC00 && d.cp <= 0xD7A3) || (d.cp >= 0xF900 && d.cp <= 0xFAFF) ||
                      (d.cp >= 0xFF00 && d.cp <= 0xFF60) || is_emoji(d.cp);
    cols += (d.cp == '\t') ? 4 : (wide ? 2 : 1);
  }
  return cols;
}

// How much of a hint's line is shown on each side of it, in bytes.
constexpr std::size_t kContextBytes = 60;

struct Window {
  std::size_t begin, end;
  bool clipped_left, clipped_right;
};

// Moves `pos` forward to the start of a UTF-8 character.
std::size_t char_start(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// The part of the hint's line shown under it: up to kContextBytes either side of the span (the
// span itself capped likewise), never crossing a newline. Costs O(kContextBytes + span).
Window window_around(std::string_view text, std::size_t span_begin, std::size_t span_end) {
  Window w{span_begin, span_begin, false, false};
  while (w.begin > 0 && text[w.begin - 1] != '\n' && span_begin - w.begin < kContextBytes)
    --w.begin;
  w.clipped_left = w.begin > 0 && text[w.begin - 1] != '\n';
  if (w.clipped_left) w.begin = char_start(text, w.begin);
  const std::size_t limit =
      std::min(text.size(), std::min(span_end, span_begin + 4 * kContextBytes) + kContextBytes);
  while (w.end < limit && text[w.end] != '\n') ++w.end;
  w.clipped_right = w.end < text.size() && text[w.end] != '\n';
  if (w.clipped_right) w.end = char_start(text, w.end);
  return w;
}

void show_score(std::ostream& out, const char* name, const Score& s) {
  out << "  " << name << " " << s.value << "  (";
  for (std::size_t i = 0; i < s.reasons.size(); ++i) out << (i ? "; " : "") << s.reasons[i];
  out << ")\n";
}

}  // namespace

void render_report(std::ostream& out, const SuggestRequest& request, const Report& report) {
  const std::string_view draft = request.draft;
  if (report.suggestions.empty()) out << "No hints: this reply reads well.\n";
  for (const Suggestion& s : report.suggestions) {
    // The hint's line, clipped to a window around the span so that a megabyte on one line
    // costs the same per hint as a short one.
    const Window w = window_around(draft, s.span.begin, s.span.end);
    const std::size_t lead =
        columns(draft.substr(w.begin, s.span.begin - w.begin)) + (w.clipped_left ? 2 : 0);
    const std::size_t width = std::max<std::size_t>(
        1, columns(draft.substr(s.span.begin, std::min(s.span.end, w.end) - s.span.begin)));
    out << "\n  " << (w.clipped_left ? "… " : "")
        << sanitize_utf8(draft.substr(w.begin, w.end - w.begin)) << (w.clipped_right ? " …" : "")
        << "\n  " << std::string(lead, ' ') << std::string(width, '^') << "\n";
    out << "  " << to_string(s.severity) << " [" << s.category << "] " << s.message << "  ("
        << s.rule << ")\n";
    out << "    why: " << s.why << "\n";
    if (s.insert) out << "    insert: \"" << sanitize_utf8(s.insert->text) << "\"\n";
    if (!s.replacements.empty()) {
      out << "    try: ";
      for (std::size_t i = 0; i < s.replacements.size(); ++i)
        out << (i ? " | " : "") << "\""
            << (s.replacements[i].empty() ? "(remove)" : s.replacements[i]) << "\"";
      out << "\n";
    }
  }
  const CustomerSignals& c = report.customer;
  if (c.has_customer) {
    out << "\nCustomer: sentiment " << c.sentiment << ", frustration " << c.frustration;
    if (c.waited_minutes) out << ", waited " << static_cast<long>(*c.waited_minutes) << " min";
    if (!c.intents.empty()) {
      out << ", intents:";
      for (const auto& i : c.intents) out << " " << i.id;
    }
    out << "\n";
  }
  out << "\nScores:\n";
  show_score(out, "empathy   ", report.scores.empathy);
  show_score(out, "positivity", report.scores.positivity);
  show_score(out, "clarity   ", report.scores.clarity);
  show_score(out, "overall   ", report.scores.overall);
  if (report.revised != request.draft) out << "\nRevised:\n" << report.revised << "\n";
}

}  // namespace tactful::cli
