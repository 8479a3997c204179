// Emoji sequences: a base pictograph with its skin tone, variation selector, keycap and tag
// modifiers, ZWJ-joined to further pictographs, or a pair of regional indicators (a flag).
#include "text/text_internal.h"

namespace tactful::text_internal {

namespace {

bool is_extender(char32_t cp) {
  return cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 || is_emoji_modifier(cp) ||
         (cp >= 0xE0020 && cp <= 0xE007F);  // tags (subdivision flags)
}

// Whether a non-pictographic symbol can be turned into an emoji by U+FE0F (©️, ™️, ‼️).
bool can_take_emoji_presentation(Decoded d) {
  if (d.cp < 0x80 || (d.cp == 0xFFFD && d.length == 1)) return false;
  return !is_letter(d.cp) && !is_digit(d.cp) && !is_space(d.cp) && !is_combining_mark(d.cp) &&
         !is_ignorable(d.cp);
}

}  // namespace

std::size_t scan_emoji(std::string_view text, std::size_t pos) {
  const Decoded first = peek(text, pos);
  std::size_t i = pos + first.length;
  const char32_t c = first.cp;
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {  // keycap: 1️⃣ or 1⃣
    if (peek(text, i).cp == 0xFE0F) i += 3;
    return peek(text, i).cp == 0x20E3 ? i + 3 : 0;
  }
  if (is_regional_indicator(c)) {
    const Decoded next = peek(text, i);
    return is_regional_indicator(next.cp) ? i + next.length : i;
  }
  if (!is_emoji(c) && !(peek(text, i).cp == 0xFE0F && can_take_emoji_presentation(first))) {
    return 0;
  }
  while (true) {
    Decoded d = peek(text, i);
    while (is_extender(d.cp)) {
      i += d.length;
      d = peek(text, i);
    }
    if (d.cp != 0x200D) return i;
    const Decoded joined = peek(text, i + d.length);
    if (!is_emoji(joined.cp)) return i;  // a dangling ZWJ is not part of the emoji
    i += d.length + joined.length;
  }
}

}  // namespace tactful::text_internal
