// Markdown to plain text, line by line in one linear pass (see markup.h).
#include <algorithm>

#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks {
namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Strips a heading ("## "), quote ("> ") or hard-break marker; keeps list bullets.
std::string_view strip_line_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#' && hashes < 6) ++hashes;
  if (hashes > 0 && (i + hashes == line.size() || line[i + hashes] == ' '))
    return line.substr(std::min(line.size(), i + hashes + 1));
  while (i < line.size() && line[i] == '>') {
    ++i;
    if (i < line.size() && line[i] == ' ') ++i;
  }
  return line.substr(i);
}

// One line's inline markup. No recursion, and every search position only moves forward, so
// hostile input ("[[[[...", "](((...") stays linear.
void inline_text(std::string_view s, std::string& out) {
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t next_close = 0, next_paren = 0;  // cached forward searches for ']' and ')'
  bool close_known = false, paren_known = false;
  std::size_t skip_at = npos, skip_to = 0;  // "](url)" of the link being emitted
  for (std::size_t i = 0; i < s.size();) {
    if (i == skip_at) {
      i = skip_to;
      skip_at = npos;
      continue;
    }
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && !word_char(s[i + 1]) && s[i + 1] != ' ') {
      out += s[i + 1];  // an escaped punctuation character stands for itself
      i += 2;
      continue;
    }
    if (c == '\\' && i + 1 == s.size()) break;  // hard line break marker
    if (skip_at == npos && (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '['))) {
      // [text](url) or ![alt](url) -> text; anything else is literal.
      const std::size_t open = c == '!' ? i + 1 : i;
      if (!close_known || (next_close != npos && next_close <= open)) {
        next_close = s.find(']', open + 1);
        close_known = true;
      }
      const std::size_t close = next_close;
      if (close != npos && close + 1 < s.size() && s[close + 1] == '(') {
        if (!paren_known || (next_paren != npos && next_paren < close + 2)) {
          next_paren = s.find(')', close + 2);
          paren_known = true;
        }
        if (next_paren != npos) {
          skip_at = close;
          skip_to = next_paren + 1;
          i = open + 1;
          continue;
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '`') {
      ++i;  // code spans keep their text, lose the backticks
      continue;
    }
    if (c == '*' || c == '_' || c == '~') {
      std::size_t n = 1;
      while (i + n < s.size() && s[i + n] == c) ++n;
      const bool prev_word = i > 0 && word_char(s[i - 1]);
      const bool next_word = i + n < s.size() && word_char(s[i + n]);
      // A delimiter run touches a word on exactly one side: it opens or closes emphasis.
      // Intra-word underscores (snake_case) and lone symbols ("5 * 3") stay.
      const bool delimiter = prev_word != next_word && !(c == '_' && prev_word && next_word);
      if (!delimiter || (c == '~' && n < 2)) out.append(n, c);
      i += n;
      continue;
    }
    out += c;
    ++i;
  }
}

}  // namespace

std::string markdown_to_text(std::string_view md) {
  std::string out;
  out.reserve(md.size());
  bool in_fence = false;
  std::size_t pos = 0;
  while (pos <= md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string_view::npos) end = md.size();
    std::string_view line = md.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool fence = line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
    if (fence) {
      in_fence = !in_fence;
    } else {
      if (!out.empty() || !line.empty()) {
        if (in_fence)
          out.append(line);
        else
          inline_text(strip_line_prefix(line), out);
        out += '\n';
      }
    }
    pos = end + 1;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return valid_utf8(out);
}

}  // namespace tactful::webhooks
