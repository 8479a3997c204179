// Composing post-send coaching notes.
#include "note_composer.h"

#include <algorithm>
#include <vector>

namespace tactful::server {
namespace {

// At most `max` bytes of `s`, cut on a UTF-8 boundary and marked with "…" when cut; newlines
// become spaces so every field stays on its line.
std::string clip(std::string_view s, std::size_t max) {
  std::string out(s.substr(0, std::min(s.size(), max + 1)));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() <= max) return out;
  std::size_t n = max >= 3 ? max - 3 : 0;
  while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
  out.resize(n);
  return out + "\xE2\x80\xA6";  // U+2026
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

int rank(Severity s) {
  return s == Severity::warning ? 2 : s == Severity::suggestion ? 1 : 0;
}

std::string hint_text(std::size_t n, const Suggestion& s, std::string_view reply) {
  std::string out = std::to_string(n) + ". " + s.category + " (" + to_string(s.severity) + ")";
  const bool quoted = s.span.end > s.span.begin && s.span.end <= reply.size() && !s.insert;
  if (quoted) out += " \"" + clip(reply.substr(s.span.begin, s.span.end - s.span.begin), 60) + "\"";
  out += ": " + clip(s.message, 180) + "\n";
  if (!s.why.empty()) out += "   Why: " + clip(s.why, 200) + "\n";
  if (s.insert && !s.insert->text.empty())
    out += "   Add: \"" + clip(trim(s.insert->text), 160) + "\"\n";
  else if (!s.replacements.empty())
    out += s.replacements.front().empty()
               ? std::string("   Fix: leave it out\n")
               : "   Try: \"" + clip(trim(s.replacements.front()), 160) + "\"\n";
  return out;
}

}  // namespace

std::string compose_note(const Report& report, std::string_view reply, Severity min_severity,
                         std::size_t max_hints, std::size_t max_chars) {
  std::vector<const Suggestion*> picked;
  for (const auto& s : report.suggestions)
    if (rank(s.severity) >= rank(min_severity)) picked.push_back(&s);
  if (picked.empty()) return {};
  std::stable_sort(picked.begin(), picked.end(), [](const Suggestion* a, const Suggestion* b) {
    if (rank(a->severity) != rank(b->severity)) return rank(a->severity) > rank(b->severity);
    return a->span.begin < b->span.begin;
  });
  const std::size_t total = picked.size();
  std::string note = "tactful post-send check: " + std::to_string(total) +
                     (total == 1 ? " hint" : " hints") + " on this reply\n";
  std::size_t shown = 0;
  for (const Suggestion* s : picked) {
    if (shown == max_hints) break;
    const std::string part = hint_text(shown + 1, *s, reply);
    if (note.size() + part.size() > max_chars) break;
    note += part;
    ++shown;
  }
  if (shown < total) {
    const std::string more = "(" + std::to_string(total - shown) + " more in the tactful widget)";
    if (note.size() + more.size() <= max_chars) note += more;
  }
  while (!note.empty() && note.back() == '\n') note.pop_back();
  if (note.size() > max_chars) {  // only a header longer than a tiny max_chars gets here
    std::size_t n = max_chars;
    while (n > 0 && (static_cast<unsigned char>(note[n]) & 0xC0) == 0x80) --n;
    note.resize(n);
  }
  return note;
}

}  // namespace tactful::server
