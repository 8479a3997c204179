// Rule and category ids as LanguageTool clients see them.
#include <string>

#include "tactful/adapters/languagetool.h"

namespace tactful::lt {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

constexpr std::string_view kWrapPrefix = "TACTFUL.", kWrapSuffix = ".HINT";

}  // namespace

bool looks_like_spelling_rule(std::string_view id) {
  const std::string u = upper(id);
  const std::string_view s = u;
  return s.starts_with("MORFOLOGIK_") || s.starts_with("HUNSPELL_") ||
         s.ends_with("_SPELLER_RULE") || s.ends_with("_SPELLING_RULE");
}

std::string to_lt_rule_id(std::string_view id) {
  if (!looks_like_spelling_rule(id)) return std::string(id);
  return std::string(kWrapPrefix) + std::string(id) + std::string(kWrapSuffix);
}

std::string from_lt_rule_id(std::string_view id) {
  if (id.size() > kWrapPrefix.size() + kWrapSuffix.size() && id.starts_with(kWrapPrefix) &&
      id.ends_with(kWrapSuffix)) {
    const std::string_view inner =
        id.substr(kWrapPrefix.size(), id.size() - kWrapPrefix.size() - kWrapSuffix.size());
    if (looks_like_spelling_rule(inner)) return std::string(inner);
  }
  return std::string(id);
}

std::string to_lt_category_id(std::string_view category) {
  std::string out = upper(category);
  for (char& c : out)
    if (c == '-') c = '_';
  return out;
}

std::string normalize_category(std::string_view id) {
  std::string out(id);
  for (char& c : out) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace tactful::lt
