// Filling replacement, insertion and message templates.
#include <algorithm>

#include "analysis.h"

namespace tactful {
namespace {

// Upper-cases the first letter if it is ASCII; agents' templates are written in English.
void capitalize(std::string& s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
      return;
    }
    if (c != ' ' && c != '"' && c != '\'') return;
  }
}

// The position of `c` in `s` at or after `from`, or s.size().
std::size_t find_from(std::string_view s, char c, std::size_t from) {
  const std::size_t at = s.find(c, from);
  return at == std::string_view::npos ? s.size() : at;
}

}  // namespace

TokenRefs token_refs(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  TokenRefs refs;
  for (std::uint32_t i = first; i <= last && refs.size < refs.views.size(); ++i)
    refs.views[refs.size++] = a.slice(a.text.tokens[i].bytes);
  return refs;
}

bool template_fills(const Analysis& a, std::string_view tmpl) {
  // fill_template reads every '{' it meets and no other token it reads contains "{name}", so
  // the substring is there exactly when the fill meets it.
  return !a.ctx.customer_name.empty() || tmpl.find("{name}") == std::string_view::npos;
}

std::optional<std::string> fill_template(const Analysis& a, std::string_view tmpl, Span match,
                                         std::span<const std::string_view> refs, bool capital) {
  std::string out;
  // Room for the template and a little more, unless it is short: a short result fits the
  // string's own buffer, and reserving would allocate for it.
  if (tmpl.size() > 15) out.reserve(tmpl.size() + 16);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const char c = tmpl[i];
    if (c == '$' && i + 1 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(tmpl[i + 1] - '1');
      if (n < refs.size()) out += refs[n];
      ++i;
      continue;
    }
    if (c == '{') {
      const std::string_view rest = tmpl.substr(i);
      if (rest.starts_with("{match}")) {
        out += a.slice(match);
        i += 6;
        continue;
      }
      if (rest.starts_with("{lower}")) {
        for (char m : a.slice(match)) out += (m >= 'A' && m <= 'Z') ? static_cast<char>(m + 32) : m;
        i += 6;
        continue;
      }
      if (rest.starts_with("{name}")) {
        if (a.ctx.customer_name.empty()) return std::nullopt;
        out += a.ctx.customer_name;
        i += 5;
        continue;
      }
    }
    // Plain text up to the next '$' or '{' in one append (found with memchr: most templates
    // are plain text, and a loop per character was most of the cost of filling them).
    const std::size_t next = std::min(find_from(tmpl, '$', i + 1), find_from(tmpl, '{', i + 1));
    out.append(tmpl.substr(i, next - i));
    i = next - 1;
  }
  if (capital) capitalize(out);
  return out;
}

}  // namespace tactful
