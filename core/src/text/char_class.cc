// Character classes by code point range. Range tables instead of ICU: the tokenizer only needs
// the scripts agents write in, and a table is small, fast and reviewable.
#include <algorithm>
#include <iterator>

#include "tactful/text.h"
#include "text/text_internal.h"

namespace tactful {

namespace {

struct Range {
  char32_t lo;
  char32_t hi;  // inclusive
};

template <std::size_t N>
bool in_ranges(const Range (&table)[N], char32_t cp) {
  // Tables are sorted and disjoint: find the first range ending at or after cp.
  const Range* it = std::lower_bound(std::begin(table), std::end(table), cp,
                                     [](const Range& r, char32_t c) { return r.hi < c; });
  return it != std::end(table) && it->lo <= cp;
}

// Letters (non-ASCII). Spacing marks of Indic and Thai scripts are in kMarks instead, so a
// word still continues across them.
constexpr Range kLetters[] = {
    {0x00AA, 0x00AA},   {0x00B5, 0x00B5},   {0x00BA, 0x00BA}, {0x00C0, 0x00D6},
    {0x00D8, 0x00F6},   {0x00F8, 0x02AF},  // Latin-1, Extended-A/B, IPA
    {0x02B0, 0x02BB},   {0x02BD, 0x02C1},  // modifier letters, minus U+02BC (an apostrophe)
    {0x0370, 0x0373},   {0x0376, 0x0377},   {0x037B, 0x037D}, {0x037F, 0x037F},
    {0x0386, 0x0386},   {0x0388, 0x038A},   {0x038C, 0x038C}, {0x038E, 0x03A1},
    {0x03A3, 0x03F5},   {0x03F7, 0x0481},                      // Greek and Coptic, Cyrillic
    {0x048A, 0x052F},   {0x0531, 0x0556},   {0x0561, 0x0587},  // Cyrillic, Armenian
    {0x05D0, 0x05EA},   {0x05EF, 0x05F2},                      // Hebrew
    {0x0620, 0x064A},   {0x066E, 0x066F},   {0x0671, 0x06D3}, {0x06D5, 0x06D5},
    {0x06E5, 0x06E6},   {0x06EE, 0x06EF},   {0x06FA, 0x06FC}, {0x06FF, 0x06FF},
    {0x0750, 0x077F},   {0x08A0, 0x08C9},  // Arabic
    {0x0904, 0x0939},   {0x093D, 0x093D},   {0x0950, 0x0950}, {0x0958, 0x0961},
    {0x0971, 0x097F},                                          // Devanagari
    {0x0E01, 0x0E30},   {0x0E32, 0x0E33},   {0x0E40, 0x0E46},  // Thai
    {0x10A0, 0x10C5},   {0x10D0, 0x10FA},   {0x10FC, 0x10FF},  // Georgian
    {0x1100, 0x11FF},                                          // Hangul Jamo
    {0x1E00, 0x1FBC},   {0x1FC2, 0x1FCC},   {0x1FD0, 0x1FDB}, {0x1FE0, 0x1FEC},
    {0x1FF2, 0x1FFC},                        // Latin Extended Additional, Greek Extended
    {0x2C60, 0x2C7F},   {0x3005, 0x3007},    // Latin Extended-C, CJK iteration marks
    {0x3041, 0x3096},   {0x309D, 0x309F},    // Hiragana
    {0x30A1, 0x30FA},   {0x30FC, 0x30FF},    // Katakana
    {0x3131, 0x318E},   {0x31F0, 0x31FF},    // Hangul compatibility Jamo, Katakana extension
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},    // CJK ideographs
    {0xA720, 0xA7FF},   {0xAC00, 0xD7A3},    // Latin Extended-D, Hangul syllables
    {0xF900, 0xFAFF},   {0xFF21, 0xFF3A},    // CJK compatibility, fullwidth Latin
    {0xFF41, 0xFF5A},   {0xFF66, 0xFF9F},    // fullwidth Latin, halfwidth Katakana
    {0x20000, 0x2FA1F}, {0x30000, 0x3134F},  // CJK extensions B..H
};

// Combining marks: the generic blocks, variation selectors, and the nonspacing/spacing marks of
// the scripts in kLetters (Hebrew points, Arabic harakat, Devanagari matras, Thai vowels).
constexpr Range kMarks[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0903},
    {0x093A, 0x093C}, {0x093E, 0x094F}, {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
    {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
};

constexpr Range kDigits[] = {
    {0x0030, 0x0039}, {0x0660, 0x0669}, {0x06F0, 0x06F9},
    {0x0966, 0x096F}, {0x0E50, 0x0E59}, {0xFF10, 0xFF19},
};

// Pictographic code points that are emoji on their own (Extended_Pictographic, abridged).
// Symbols like © or ™ become emoji only with U+FE0F; the tokenizer handles that case.
constexpr Range kEmoji[] = {
    {0x231A, 0x231B},   {0x2328, 0x2328}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA},
    {0x24C2, 0x24C2},   {0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE},
    {0x2600, 0x27BF},   {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
    {0x2B55, 0x2B55},   {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
    {0x1F000, 0x1FAFF},
};

}  // namespace

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return in_ranges(kLetters, cp);
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_ranges(kDigits, cp);
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_emoji(char32_t cp) {
  return cp >= 0x231A && in_ranges(kEmoji, cp);
}

bool is_combining_mark(char32_t cp) {
  return cp >= 0x0300 && in_ranges(kMarks, cp);
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0xFF07;
}

namespace text_internal {

bool is_line_break(char32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_ignorable(char32_t cp) {
  // Invisible format characters that separate nothing visible: zero-width space, word joiner,
  // byte order mark, soft hyphen. They produce no token (inside a word they are kept).
  return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || cp == 0x200C ||
         cp == 0x200D;
}

bool is_hyphen(char32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

bool is_emoji_modifier(char32_t cp) {
  return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

bool is_regional_indicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (!is_letter(cp) || fold_case(cp) == cp) return false;
  // Lowercase variants that fold to another lowercase letter (micro sign, long s, final sigma,
  // Greek symbol forms) are not uppercase.
  switch (cp) {
    case 0x00B5:
    case 0x017F:
    case 0x03C2:
    case 0x03D0:
    case 0x03D1:
    case 0x03D5:
    case 0x03D6:
    case 0x03F0:
    case 0x03F1:
    case 0x03F5:
    case 0x1E9B:
    case 0x1FBE:
      return false;
    default:
      return true;
  }
}

}  // namespace text_internal

}  // namespace tactful
