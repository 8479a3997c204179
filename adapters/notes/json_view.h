// Internal to adapters/notes: reading vendors' JSON answers without trusting their shape.
#pragma once

#include <rapidjson/document.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/result.h"

namespace tactful::notes::detail {

using rapidjson::Value;

// Parses iteratively (deep nesting cannot overflow the stack) and validates UTF-8. Errors
// name `what` and the byte offset.
Result<rapidjson::Document> parse_json(std::string_view body, std::string_view what);

// The member `name` of an object, or nullptr (also when `v` is null or not an object).
const Value* member(const Value* v, std::string_view name);
// member(member(v, a), b)...
const Value* path(const Value* v, std::initializer_list<std::string_view> names);
// A string's bytes, or an integer as decimal text; nullopt for anything else.
std::optional<std::string> scalar_text(const Value* v);
// The string's bytes or "" for anything that is not a string.
std::string_view string_or_empty(const Value* v);

// `text` as one line of at most `max_bytes` of valid UTF-8: control characters and runs of
// whitespace become one space, invalid bytes U+FFFD, and a cut ends with "...".
std::string one_line(std::string_view text, std::size_t max_bytes);

}  // namespace tactful::notes::detail
