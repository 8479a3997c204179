// Sending one HttpRequestSpec with cpprestsdk's http_client, and saying honestly whether a
// failed request may have reached the vendor.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include <pplx/pplxtasks.h>

#include "tactful/adapters/notes/request.h"
#include "tactful/adapters/webhooks/headers.h"

namespace tactful::outbox {

struct HttpAnswer {
  enum class Failure {
    none,      // an HTTP answer arrived: see status, headers, body
    not_sent,  // the request never left (bad URL, name resolution, connect or TLS failure)
    unknown,   // it may have reached the vendor (timeout, reset, cancelled while in flight)
  };
  Failure failure = Failure::none;
  std::string error;  // for failures: what went wrong, one line
  int status = 0;
  webhooks::Headers headers;
  std::string body;  // at most max_body bytes; a larger body is dropped (body_truncated)
  bool body_truncated = false;
};

// Guarantees: never throws; every request uses a fresh connection, so cpprestsdk never
// silently re-sends a request on a pooled connection the server had closed (which could post
// a note twice); redirects are not followed; `timeout` bounds every wait for the network
// (connect, each read and write); cancelling `cancel` ends the request as Failure::unknown.
// cpprestsdk's shared thread pool is sized to 2 threads on first use.
class HttpSender {
 public:
  HttpAnswer send(const notes::HttpRequestSpec& spec, std::chrono::milliseconds timeout,
                  const pplx::cancellation_token& cancel, std::size_t max_body) const;
};

}  // namespace tactful::outbox
