// An HTTP response's status line and header fields as one string, byte for byte what Beast's
// serializer writes, so a session can send them and the body in one gather write.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "beast.h"

namespace tactful::server {

// Replaces `out` with "HTTP/1.1 200 OK\r\n", each field as "Name: value\r\n" in the order the
// header holds them, and the blank line. Why not Beast's serializer: walking its nested buffer
// views (start line, each field, body) cost about 19,000 of a /v1/suggest request's
// 330,000 instructions (callgrind); a string reused by the connection costs a copy of a few
// hundred bytes.
void write_response_head(const http::response_header<>& head, std::string& out);

// A response as the session answers it, before Beast would have held it: what the fields of
// http::response<string_body> would be after set(server, "tactful"), set(content_type) (when
// `content_type` is set), insert() of each of `headers`, keep_alive(keep_alive) and
// prepare_payload() with a body of `body_size` bytes.
struct ResponseHead {
  unsigned version = 11;
  int status = 200;
  const std::string* content_type = nullptr;  // none: no Content-Type field
  const std::vector<std::pair<std::string, std::string>>* headers = nullptr;
  bool keep_alive = true;
  std::size_t body_size = 0;
};

// The same bytes as building that response with Beast and writing its head with the function
// above, without building it: Beast's fields are a node each (allocated, linked into a list and
// a tree) and were about 4,000 instructions of a /v1/suggest request. Rare responses (a status
// outside 200..999, 204 or 304; among `headers` a name twice, Server, Content-Type, Connection,
// Content-Length or Transfer-Encoding) are built with Beast as before (which throws for a body
// with 204 or 304).
void write_response_head(const ResponseHead& head, std::string& out);

}  // namespace tactful::server
