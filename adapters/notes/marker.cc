// The marker that makes every posted note findable.
#include "tactful/adapters/notes/marker.h"

#include "tactful/adapters/webhooks/crypto.h"

namespace tactful::notes {
namespace {

constexpr std::string_view kPrefix = "tactful ref ";
constexpr std::size_t kHexDigits = 16;

bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         c == '_';
}

bool is_lower_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

std::string marker_for(std::string_view integration, std::string_view source_message_id) {
  // A keyed hash is used as a plain hash here (the key is public); the unit separator keeps
  // ("ab", "c") and ("a", "bc") apart.
  const std::string mac = webhooks::hmac(webhooks::Digest::sha256, "tactful note marker",
                                         {integration, "\x1f", source_message_id});
  return "tf-" + webhooks::to_hex(mac).substr(0, kHexDigits);
}

std::string text_with_marker(std::string_view text, std::string_view marker) {
  std::string out(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' '))
    out.pop_back();
  out += "\n\n";
  out += kPrefix;
  out += marker;
  return out;
}

bool contains_marker(std::string_view text, std::string_view marker) {
  if (marker.empty()) return false;
  for (std::size_t at = text.find(marker); at != std::string_view::npos;
       at = text.find(marker, at + 1)) {
    const bool left_ok = at == 0 || !is_word(text[at - 1]);
    const std::size_t end = at + marker.size();
    const bool right_ok = end == text.size() || !is_word(text[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

bool has_any_marker(std::string_view text) {
  const std::string needle = std::string(kPrefix) + "tf-";
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    const std::size_t hex = at + needle.size();
    if (hex + kHexDigits > text.size()) return false;
    bool ok = true;
    for (std::size_t i = 0; i < kHexDigits && ok; ++i) ok = is_lower_hex(text[hex + i]);
    if (ok && (hex + kHexDigits == text.size() || !is_word(text[hex + kHexDigits]))) return true;
  }
  return false;
}

}  // namespace tactful::notes
