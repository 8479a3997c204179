// Simple case folding (CaseFolding.txt status C and S) for Latin, Greek, Cyrillic and Armenian,
// written as arithmetic over the blocks' regular layouts, plus typographic quote folding.
#include "tactful/text.h"

namespace tactful {

namespace {

// In blocks that alternate upper/lower, the uppercase letter sits on the even (or odd) code
// point and its lowercase right after it.
char32_t pair_even(char32_t cp) {
  return (cp % 2 == 0) ? cp + 1 : cp;
}
char32_t pair_odd(char32_t cp) {
  return (cp % 2 == 1) ? cp + 1 : cp;
}

char32_t fold_latin(char32_t cp) {
  if (cp == 0x00B5) return 0x03BC;  // micro sign folds to Greek mu
  if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) return cp + 0x20;
  if (cp < 0x0100) return cp;
  // Latin Extended-A.
  if (cp <= 0x012F) return pair_even(cp);
  // U+0130 has no simple folding; lowercasing it to 'i' is what users expect when matching.
  if (cp == 0x0130) return 'i';
  if (cp >= 0x0132 && cp <= 0x0137) return pair_even(cp);
  if (cp >= 0x0139 && cp <= 0x0148) return pair_odd(cp);
  if (cp >= 0x014A && cp <= 0x0177) return pair_even(cp);
  if (cp == 0x0178) return 0x00FF;
  if (cp >= 0x0179 && cp <= 0x017E) return pair_odd(cp);
  if (cp == 0x017F) return 's';
  // Latin Extended-B: the regular stretches (Vietnamese horn letters, pinyin, Romanian comma
  // below letters) and the DŽ/LJ/NJ/DZ digraph triples.
  if (cp >= 0x01A0 && cp <= 0x01A5) return pair_even(cp);
  if (cp == 0x01AF) return 0x01B0;
  if (cp == 0x01C4 || cp == 0x01C5) return 0x01C6;
  if (cp == 0x01C7 || cp == 0x01C8) return 0x01C9;
  if (cp == 0x01CA || cp == 0x01CB) return 0x01CC;
  if (cp >= 0x01CD && cp <= 0x01DC) return pair_odd(cp);
  if (cp >= 0x01DE && cp <= 0x01EF) return pair_even(cp);
  if (cp == 0x01F1 || cp == 0x01F2) return 0x01F3;
  if (cp == 0x01F4) return 0x01F5;
  if (cp >= 0x01F8 && cp <= 0x021F) return pair_even(cp);
  if (cp >= 0x0222 && cp <= 0x0233) return pair_even(cp);
  return cp;
}

char32_t fold_greek(char32_t cp) {
  if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) return cp + 0x20;
  switch (cp) {
    case 0x0345:
      return 0x03B9;
    case 0x037F:
      return 0x03F3;
    case 0x0386:
      return 0x03AC;
    case 0x038C:
      return 0x03CC;
    case 0x038E:
      return 0x03CD;
    case 0x038F:
      return 0x03CE;
    case 0x03C2:
      return 0x03C3;  // final sigma matches medial sigma
    case 0x03CF:
      return 0x03D7;
    case 0x03D0:
      return 0x03B2;
    case 0x03D1:
      return 0x03B8;
    case 0x03D5:
      return 0x03C6;
    case 0x03D6:
      return 0x03C0;
    case 0x03F0:
      return 0x03BA;
    case 0x03F1:
      return 0x03C1;
    case 0x03F4:
      return 0x03B8;
    case 0x03F5:
      return 0x03B5;
    case 0x03F7:
      return 0x03F8;
    case 0x03F9:
      return 0x03F2;
    case 0x03FA:
      return 0x03FB;
    default:
      break;
  }
  if (cp >= 0x0388 && cp <= 0x038A) return cp + 0x25;
  if (cp >= 0x03D8 && cp <= 0x03EF) return pair_even(cp);
  if (cp >= 0x03FD && cp <= 0x03FF) return cp - 0x82;
  return cp;
}

char32_t fold_cyrillic(char32_t cp) {
  if (cp <= 0x040F) return cp + 0x50;
  if (cp <= 0x042F) return cp + 0x20;
  if (cp >= 0x0460 && cp <= 0x0481) return pair_even(cp);
  if (cp >= 0x048A && cp <= 0x04BF) return pair_even(cp);
  if (cp == 0x04C0) return 0x04CF;
  if (cp >= 0x04C1 && cp <= 0x04CE) return pair_odd(cp);
  if (cp >= 0x04D0 && cp <= 0x052F) return pair_even(cp);
  return cp;
}

}  // namespace

char32_t fold_case(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
  if (cp < 0x0250) return fold_latin(cp);
  if (cp == 0x02BC) return '\'';
  if (cp >= 0x0345 && cp <= 0x03FF) return fold_greek(cp);
  if (cp >= 0x0400 && cp <= 0x052F) return fold_cyrillic(cp);
  if (cp >= 0x0531 && cp <= 0x0556) return cp + 0x30;  // Armenian
  if (cp >= 0x1E00 && cp <= 0x1EFF) {
    if (cp == 0x1E9B) return 0x1E61;
    if (cp == 0x1E9E) return 0x00DF;  // capital sharp s
    if (cp <= 0x1E95 || cp >= 0x1EA0) return pair_even(cp);
    return cp;
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0xFF07:
      return '\'';
    case 0x201C:
    case 0x201D:
      return '"';
    default:
      break;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 0x20;  // fullwidth Latin
  return cp;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {  // ASCII fast path: most text is ASCII
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c));
      ++pos;
      continue;
    }
    const Decoded d = decode_utf8(text, pos);
    append_utf8(out, fold_case(d.cp));
    pos += d.length;
  }
  return out;
}

}  // namespace tactful
