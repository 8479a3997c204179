// Internal to the webhook parsers: reading fields by dotted path with errors that name them.
#pragma once

#include <rapidjson/document.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/adapters/webhooks/parse.h"
#include "tactful/result.h"

namespace tactful::webhooks::detail {

using rapidjson::Value;

// A JSON value and where it is in the body ("data.item"), for error messages.
struct Node {
  const Value* value = nullptr;
  std::string path;
  explicit operator bool() const { return value != nullptr; }
};

// Reads fields below a Node by dotted relative path ("author.is_staff"). The first problem is
// kept as the error and every later read returns an empty value, so a parser reads all it
// needs and checks failed() once. Guarantees: a missing required field, a wrong type, an empty
// id or a bad time is an error naming the full path; optional reads treat null as missing.
class Reader {
 public:
  Node find(const Node& from, std::string_view rel);  // missing or null -> empty Node
  Node object(const Node& from, std::string_view rel, bool required = true);
  Node array(const Node& from, std::string_view rel, bool required = true);
  std::string string(const Node& from, std::string_view rel);
  std::optional<std::string> opt_string(const Node& from, std::string_view rel);
  // A string or an integer (vendors mix them for ids), as text; must not be empty.
  std::string id(const Node& from, std::string_view rel);
  std::optional<std::string> opt_id(const Node& from, std::string_view rel);
  bool boolean(const Node& from, std::string_view rel);
  std::optional<bool> opt_bool(const Node& from, std::string_view rel);
  // An RFC 3339 string or unix seconds (integer or fractional); `millis` for unix ms.
  std::optional<std::chrono::sys_seconds> time(const Node& from, std::string_view rel,
                                               bool required = false);

  void fail(std::string message);
  bool failed() const { return error_.has_value(); }
  Error error() const { return error_.value_or(Error{"internal: no error"}); }

 private:
  std::optional<Error> error_;
};

std::string join(std::string_view base, std::string_view rel);
std::string_view type_name(const Value& v);
std::string_view view(const Value& v);  // a string Value's bytes

// The root object of the body, or an error (too large, malformed JSON, not an object).
Result<rapidjson::Document> parse_body(std::string_view body, std::size_t max_bytes);

// An event that carries no message.
NormalizedEvent ignored(Vendor vendor, std::string_view event_type, std::string reason);

// The per-vendor parsers; `root` is the body's top-level object.
Result<NormalizedEvent> parse_chatwoot(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_zendesk(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_intercom(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_front(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_freshdesk(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_zammad(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_helpscout(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_livechat(const Node& root, const ParseOptions& options);
Result<NormalizedEvent> parse_generic(const Node& root, const ParseOptions& options);

}  // namespace tactful::webhooks::detail
