// The input side of the LanguageTool protocol, with no sockets: form-encoded parameters and the
// annotated `data` text (text and markup parts) with its offset mapping back to the original.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tactful/result.h"
#include "tactful/text.h"

namespace tactful::lt {

// Decoded form parameters in the order they were sent. A name may repeat; lookups take the
// last one, as LanguageTool's servlet does.
class FormParams {
 public:
  void add(std::string name, std::string value);
  const std::string* get(std::string_view name) const;  // the last value, or nullptr
  std::size_t size() const { return params_.size(); }
  const std::vector<std::pair<std::string, std::string>>& all() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// Parses `application/x-www-form-urlencoded` text (a body or a query string) into `out`:
// '&'-separated `name=value` pairs, '+' is a space, %XX escapes are decoded. Lenient the way
// clients need it: a '%' not followed by two hex digits stays literal, empty pairs are skipped,
// invalid UTF-8 in a value becomes U+FFFD. Refuses more than `max_params` parameters.
// Never throws; linear in the input.
std::optional<Error> parse_form(std::string_view encoded, FormParams& out,
                                std::size_t max_params = 1000);

// Percent-decodes one component ('+' → ' ' when `plus_is_space`). Bad escapes stay literal.
std::string percent_decode(std::string_view s, bool plus_is_space = true);

// Text assembled from LanguageTool's `data` parameter. `plain` is what gets checked (text parts
// plus each markup's interpretAs); `original` is text and markup as sent, which is what client
// offsets index. With the `text` parameter both are the same string.
class AnnotatedText {
 public:
  static AnnotatedText from_text(std::string text);

  const std::string& plain() const { return plain_; }
  const std::string& original() const { return original_; }

  // Maps a byte range of `plain` to a byte range of `original`. A range starting or ending in
  // an interpretAs maps to the edge of its markup, so a hint never splits a tag.
  Span to_original(Span plain_span) const;

  // Builders (used by the parser).
  void add_text(std::string_view text);
  void add_markup(std::string_view markup, std::string_view interpret_as);

 private:
  struct Segment {
    std::size_t plain_begin, plain_end, original_begin, original_end;
    bool is_text;
  };
  std::string plain_, original_;
  std::vector<Segment> segments_;
};

// Parses the `data` JSON: {"text": "...", "metaData": {...}} or {"annotation": [{"text": ...} |
// {"markup": ..., "interpretAs"?: ...}, ...]}. Unknown keys are ignored (annotatedtext sends
// "offset"); empty markup is fine. Errors say which item is wrong. Iterative: no stack overflow
// on deep nesting.
Result<AnnotatedText> parse_annotated_data(std::string_view json);

}  // namespace tactful::lt
