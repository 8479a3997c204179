// The request and response the route handlers see: plain structs, so handlers need no Beast.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tactful/adapters/webhooks/headers.h"

namespace tactful::server {

// A parsed request. Views point into the connection's buffers and live for one handler call.
struct HttpRequest {
  std::string_view method;  // "GET", "POST", ...
  std::string_view path;    // the target up to '?', not decoded
  std::string_view query;   // after '?', not decoded
  std::string_view body;
  std::string_view authorization, api_key, origin, content_type;  // headers ("" if absent)
  std::string_view access_control_request_headers;
  std::string_view remote;  // the client: the TCP peer, or whom a trusted proxy forwarded
  // Every header field; filled only for /v1/webhooks/ (signatures live in vendor headers), so
  // other routes pay nothing for it.
  const webhooks::Headers* headers = nullptr;
};

// What a handler answers. CORS and the common headers are added by the router.
struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Native API errors: {"error": message, "status": status}.
HttpResponse json_error(int status, std::string_view message);
// LanguageTool errors: text/plain "Error: message".
HttpResponse lt_error(int status, std::string_view message);
// The error shape a path uses: LanguageTool's under /v2/, JSON elsewhere.
HttpResponse error_for_path(std::string_view path, int status, std::string_view message);

}  // namespace tactful::server
