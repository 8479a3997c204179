// The response head the session writes itself: byte for byte what Beast's serializer writes for
// the same header (its operator<< uses the same field writer), for both HTTP versions, known,
// unknown and custom reasons, and fields in insertion order, repeated or unknown to Beast.
#include "response_head.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tactful::server {
namespace {

std::string beast_head(const http::response<http::string_body>& res) {
  std::ostringstream os;
  os << res.base();
  return os.str();
}

TEST(ResponseHead, SameBytesAsBeast) {
  for (unsigned version : {10u, 11u}) {
    for (unsigned status : {101u, 200u, 204u, 404u, 429u, 500u, 599u}) {
      http::response<http::string_body> res;
      res.version(version);
      res.result(status);
      res.set(http::field::server, "tactful");
      res.set(http::field::content_type, "application/json");
      res.insert("X-Custom", "a: b");
      res.insert(http::field::vary, "Origin");
      res.insert(http::field::vary, "Accept");
      if (status != 101 && status != 204) res.body() = "{}";  // Beast refuses a body for those
      res.keep_alive(version == 11);
      res.prepare_payload();
      std::string ours = "left over from the last response";
      write_response_head(res.base(), ours);
      EXPECT_EQ(ours, beast_head(res)) << version << " " << status;
    }
  }
  http::response<http::string_body> custom;
  custom.result(http::status::ok);
  custom.reason("Fine");
  std::string ours;
  write_response_head(custom.base(), ours);
  EXPECT_EQ(ours, beast_head(custom));
  EXPECT_EQ(ours, "HTTP/1.1 200 Fine\r\n\r\n");
}

// What the session built with Beast before it wrote heads from its HttpResponse directly.
std::string beast_built(const ResponseHead& h) {
  http::response<http::string_body> res;
  res.version(h.version);
  res.result(static_cast<unsigned>(h.status));
  res.set(http::field::server, "tactful");
  if (h.content_type) res.set(http::field::content_type, *h.content_type);
  for (const auto& [name, value] : *h.headers) res.insert(name, value);
  res.body().assign(h.body_size, 'x');
  res.keep_alive(h.keep_alive);
  res.prepare_payload();
  return beast_head(res);
}

TEST(ResponseHead, FromTheResponseSameBytesAsBuiltWithBeast) {
  using Fields = std::vector<std::pair<std::string, std::string>>;
  const std::vector<Fields> field_sets = {
      {},
      {{"X-Content-Type-Options", "nosniff"}, {"Vary", "Origin"}, {"vary", "Accept"}},
      {{"Connection", "upgrade"}},
      {{"connection", "keep-alive"}, {"Retry-After", "3"}},
      {{"Content-Length", "5"}},
      {{"Transfer-Encoding", "chunked"}},
      {{"Server", "other"}, {"Content-Type", "text/plain"}},
  };
  const std::string json = "application/json", empty;
  int compared = 0;
  for (unsigned version : {10u, 11u})
    for (int status : {100, 101, 200, 201, 204, 299, 304, 400, 404, 413, 429, 500, 503, 599})
      for (bool keep_alive : {true, false})
        for (const std::string* type : {&json, &empty, static_cast<const std::string*>(nullptr)})
          for (const Fields& fields : field_sets)
            for (std::size_t body : {0u, 2u, 12345u}) {
              const ResponseHead h{version, status, type, &fields, keep_alive, body};
              std::string ours = "left over from the last response";
              const bool refused = (status == 204 || status == 304) && body > 0;
              if (refused) {  // Beast refuses a body there; so does the writer
                EXPECT_THROW(write_response_head(h, ours), std::invalid_argument);
                EXPECT_THROW(beast_built(h), std::invalid_argument);
                continue;
              }
              write_response_head(h, ours);
              EXPECT_EQ(ours, beast_built(h))
                  << version << " " << status << " " << keep_alive << " " << body;
              ++compared;
            }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace tactful::server
