// The response head the session writes itself: byte for byte what Beast's serializer writes for
// the same header (its operator<< uses the same field writer), for both HTTP versions, known,
// unknown and custom reasons, and fields in insertion order, repeated or unknown to Beast.
#include "response_head.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

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

}  // namespace
}  // namespace tactful::server
