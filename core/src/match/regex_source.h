// What a byte of a regex's source stands for, read by the literal readers (leading_literal.cc,
// required_literal.cc) that look for plain text in a rule's regex. Internal to core.
#pragma once

namespace tactful {

// A byte that stands for itself in a regex source, outside a class: letters, digits, '-', '_'
// and the space. Every other byte may be syntax, so the readers stop at it.
inline bool is_plain_regex_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ' ';
}

}  // namespace tactful
