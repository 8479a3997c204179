// The languages tactful answers for on /v2/languages (English variants).
#pragma once

#include <string_view>

namespace tactful::lt {

struct Language {
  std::string_view name, code, long_code;
};

// Finds a language by code or long code, case-insensitively and with '_' for '-'; or nullptr.
const Language* find_language(std::string_view code);

}  // namespace tactful::lt
