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
    // The line holding the hint's start, and carets under the hinted words on that line.
    const std::size_t line_begin = draft.rfind('\n', s.span.begin ? s.span.begin - 1 : 0);
    const std::size_t begin = (line_begin == std::string_view::npos || s.span.begin == 0)
                                  ? 0
                                  : (draft[line_begin] == '\n' ? line_begin + 1 : line_begin);
    std::size_t end = draft.find('\n', s.span.begin);
    if (end == std::string_view::npos) end = draft.size();
    const std::string_view line = draft.substr(begin, end - begin);
    const std::size_t lead = columns(draft.substr(begin, s.span.begin - begin));
    const std::size_t width = std::max<std::size_t>(
        1, columns(draft.substr(s.span.begin, std::min(s.span.end, end) - s.span.begin)));
    out << "\n  " << sanitize_utf8(line) << "\n  " << std::string(lead, ' ')
        << std::string(width, '^') << "\n";
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
