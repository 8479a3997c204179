// A request body parsed into a RapidJSON document, and the request read from one (private to
// adapters/native/: POST /v1/suggest and the WebSocket parse a message once and share it).
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "tactful/adapters/native_json.h"

namespace tactful::native_internal {

// The body checked for UTF-8 and parsed in place in its own copy, with the document's nodes in
// a buffer inside this object for a typical request (so it lives on the caller's stack). Either
// error() is set, with the byte named as parse_suggest_request reports it, or root() is the
// document. Not copyable: the document points into the object.
class RequestDocument {
 public:
  explicit RequestDocument(std::string_view json);
  RequestDocument(const RequestDocument&) = delete;
  RequestDocument& operator=(const RequestDocument&) = delete;

  const std::optional<RequestError>& error() const { return error_; }
  // True when the error is the body's encoding (found before any parse).
  bool invalid_utf8() const { return invalid_utf8_; }
  const rapidjson::Value& root() const { return doc_; }

 private:
  std::string text_;
  alignas(8) char pool_buffer_[8192];
  rapidjson::MemoryPoolAllocator<> pool_;
  rapidjson::Document doc_;
  std::optional<RequestError> error_;
  bool invalid_utf8_ = false;
};

// parse_suggest_request's reading of the fields, from a document that parsed.
std::variant<SuggestRequest, RequestError> read_suggest_request(
    const rapidjson::Value& doc, const RequestLimits& limits,
    std::span<const std::string_view> extra_fields);

}  // namespace tactful::native_internal
