// One HTTP request through cpprestsdk, with failures sorted by whether they may have reached
// the vendor.
#include "http_sender.h"

#include <cpprest/http_client.h>
#include <pplx/threadpool.h>

#include <mutex>
#include <string_view>

namespace tactful::outbox {
namespace {

// cpprestsdk starts 40 threads for its shared pool unless told otherwise; notes need few.
void size_thread_pool() {
  static std::once_flag once;
  std::call_once(once, [] {
    try {
      crossplat::threadpool::initialize_with_threads(2);
    } catch (const std::exception&) {
      // Already initialized elsewhere in the process: keep that pool.
    }
  });
}

// cpprestsdk's messages for failures before any request byte is written (its asio client:
// resolve, connect and TLS handshake errors).
bool never_left(std::string_view what) {
  for (std::string_view prefix :
       {"Failed to connect to any resolved endpoint", "Error resolving address",
        "Failed to resolve address", "Error in SSL handshake"})
    if (what.starts_with(prefix)) return true;
  return false;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

HttpAnswer failure(HttpAnswer::Failure kind, std::string error) {
  HttpAnswer a;
  a.failure = kind;
  a.error = one_line(std::move(error));
  return a;
}

}  // namespace

HttpAnswer HttpSender::send(const notes::HttpRequestSpec& spec, std::chrono::milliseconds timeout,
                            const pplx::cancellation_token& cancel, std::size_t max_body) const {
  size_thread_pool();
  using web::http::client::http_client;
  using web::http::client::http_client_config;
  try {
    // The client gets the origin; the request the already-encoded path and query.
    const std::size_t scheme = spec.url.find("://");
    const std::size_t path_at = spec.url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    const std::string origin = spec.url.substr(0, path_at);
    const std::string resource = path_at == std::string::npos ? "/" : spec.url.substr(path_at);
    http_client_config config;
    config.set_timeout(timeout);
    config.set_max_redirects(0);
    http_client client(web::uri(origin), config);  // fresh: its connection pool is never reused
    web::http::http_request request(spec.method);
    request.set_request_uri(web::uri(resource));
    std::string content_type = "application/json";
    for (const auto& [name, value] : spec.headers) {
      if (webhooks::iequals(name, "Content-Type"))
        content_type = value;
      else
        request.headers().add(name, value);
    }
    request.headers().add("User-Agent", "tactful");
    if (!spec.body.empty()) request.set_body(spec.body, content_type);

    web::http::http_response response = client.request(request, cancel).get();
    HttpAnswer a;
    a.status = response.status_code();
    for (const auto& [name, value] : response.headers()) a.headers.add(name, value);
    try {
      if (response.headers().has("Content-Length") &&
          response.headers().content_length() > max_body) {
        a.body_truncated = true;
      } else {
        const std::vector<unsigned char> bytes = response.extract_vector().get();
        if (bytes.size() > max_body)
          a.body_truncated = true;
        else
          a.body.assign(bytes.begin(), bytes.end());
      }
    } catch (const std::exception&) {
      // The status arrived, so the verdict stands; only the body (an id, an error text) is lost.
      a.body_truncated = true;
    }
    return a;
  } catch (const web::uri_exception& e) {
    return failure(HttpAnswer::Failure::not_sent, std::string("invalid URL: ") + e.what());
  } catch (const web::http::http_exception& e) {
    const std::string what = e.what();
    return failure(never_left(what) ? HttpAnswer::Failure::not_sent : HttpAnswer::Failure::unknown,
                   what + " (" + e.error_code().message() + ")");
  } catch (const pplx::task_canceled&) {
    return failure(HttpAnswer::Failure::unknown, "cancelled while in flight (shutting down)");
  } catch (const std::exception& e) {
    return failure(HttpAnswer::Failure::unknown, e.what());
  }
}

}  // namespace tactful::outbox
