// HTML to plain text in one linear pass (see markup.h for what is kept and what goes).
#include <algorithm>
#include <array>
#include <cstdint>

#include "tactful/adapters/webhooks/markup.h"
#include "tactful/text.h"

namespace tactful::webhooks {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Builds the output: collapses whitespace runs to one space, and block breaks to at most one
// blank line; nothing leading or trailing.
class TextOut {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (space(c)) {
        pending_space_ = !out_.empty();
      } else {
        flush();
        out_ += c;
      }
    }
  }
  void line_break(int n) {  // 1 = newline (<br>, </li>), 2 = paragraph end
    if (out_.empty()) return;
    pending_space_ = false;
    newlines_ = std::max(newlines_, n);
  }
  std::string finish() { return std::move(out_); }

 private:
  void flush() {
    if (newlines_ > 0) {
      out_.append(static_cast<std::size_t>(newlines_), '\n');
    } else if (pending_space_) {
      out_ += ' ';
    }
    newlines_ = 0;
    pending_space_ = false;
  }
  std::string out_;
  bool pending_space_ = false;
  int newlines_ = 0;
};

struct Entity {
  std::string_view name;
  char32_t cp;
};
constexpr std::array<Entity, 22> kEntities{{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC},   {"pound", 0xA3},   {"bull", 0x2022},  {"middot", 0xB7},
    {"times", 0xD7},   {"zwnj", 0x200C},
}};

// Decodes the entity at s[pos] == '&'. Returns the bytes consumed (0: not an entity).
std::size_t decode_entity(std::string_view s, std::size_t pos, std::string& out) {
  // Look at most 12 bytes ahead: a search to the end would make "&&&&..." quadratic.
  const std::size_t semi = s.substr(pos + 1, 12).find(';');
  if (semi == std::string_view::npos) return 0;
  const std::size_t end = pos + 1 + semi;
  const std::string_view body = s.substr(pos + 1, end - pos - 1);
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t cp = 0;
    for (char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
        d = lower(c) - 'a' + 10;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate: invalid, becomes U+FFFD
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    append_utf8(out, static_cast<char32_t>(cp));
    return end - pos + 1;
  }
  for (const Entity& e : kEntities) {
    if (e.name == body) {
      append_utf8(out, e.cp);
      return end - pos + 1;
    }
  }
  return 0;
}

// Tags that end a line or a paragraph.
int break_for(std::string_view tag) {
  if (tag == "br") return 1;
  if (tag == "p" || tag == "div" || tag == "blockquote" || tag == "pre" || tag == "table" ||
      tag == "ul" || tag == "ol" ||
      (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'))
    return 2;
  if (tag == "li" || tag == "tr" || tag == "hr" || tag == "dd" || tag == "dt") return 1;
  return 0;
}

// Finds `</name` case-insensitively from `pos`; npos if absent.
std::size_t find_close(std::string_view s, std::size_t pos, std::string_view name) {
  for (std::size_t i = s.find("</", pos); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (i + 2 + name.size() > s.size()) return std::string_view::npos;
    bool match = true;
    for (std::size_t j = 0; j < name.size() && match; ++j) match = lower(s[i + 2 + j]) == name[j];
    if (match) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  TextOut out;
  std::string decoded;  // text between tags, entities decoded
  std::size_t i = 0;
  auto flush_text = [&] {
    out.text(decoded);
    decoded.clear();
  };
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      const std::size_t n = decode_entity(html, i, decoded);
      if (n > 0) {
        i += n;
        continue;
      }
      decoded += c;
      ++i;
      continue;
    }
    const bool starts_tag =
        c == '<' && i + 1 < html.size() &&
        (alpha(html[i + 1]) || html[i + 1] == '/' || html[i + 1] == '!' || html[i + 1] == '?');
    if (!starts_tag) {
      decoded += c;
      ++i;
      continue;
    }
    flush_text();
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    // Find the tag's end, skipping quoted attribute values. An unterminated tag ends the input
    // (so no later '<' rescans the same bytes: linear time).
    std::size_t j = i + 1;
    char quote = 0;
    for (; j < html.size(); ++j) {
      const char d = html[j];
      if (quote) {
        if (d == quote) quote = 0;
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>') {
        break;
      }
    }
    if (j >= html.size()) break;
    const bool closing = html[i + 1] == '/';
    std::size_t k = i + (closing ? 2 : 1);
    std::string name;
    while (k < j && (alpha(html[k]) || (html[k] >= '0' && html[k] <= '9')) && name.size() < 16)
      name += lower(html[k++]);
    i = j + 1;
    if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
      const std::size_t end = find_close(html, i, name);
      if (end == std::string_view::npos) break;
      const std::size_t gt = html.find('>', end);
      i = gt == std::string_view::npos ? html.size() : gt + 1;
      continue;
    }
    if (const int n = break_for(name); n > 0) out.line_break(n);
  }
  flush_text();
  return valid_utf8(out.finish());
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_utf8(text, i);
    if (d.cp == 0xFFFD && d.length == 1)  // an invalid byte, not U+FFFD itself
      append_utf8(out, 0xFFFD);
    else
      out.append(text, i, d.length);
    i += d.length;
  }
  return out;
}

}  // namespace tactful::webhooks
