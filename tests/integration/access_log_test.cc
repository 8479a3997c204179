// The request log line, byte for byte after its timestamp: field order, JSON escapes of every
// kind (quotes, backslashes, control characters, invalid UTF-8), and the numbers' formats
// (milliseconds with three decimals, as printf's "%.3f" rounds them).
#include "access_log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace tactful::server {
namespace {

std::string request_line(const AccessLog::RequestLine& r) {
  std::vector<std::string> lines;
  {
    AccessLog log([&](std::string_view line) { lines.emplace_back(line); });
    log.request(r);
  }
  EXPECT_EQ(lines.size(), 1u);
  if (lines.empty()) return {};
  // {"ts":"2026-12-06T04:00:00Z", ...: the rest does not depend on the clock.
  const std::size_t after_ts = lines[0].find(",\"event\"");
  EXPECT_EQ(lines[0].rfind("{\"ts\":\"", 0), 0u) << lines[0];
  return after_ts == std::string::npos ? lines[0] : lines[0].substr(after_ts);
}

TEST(AccessLogLine, FieldsInOrderWithTheirFormats) {
  EXPECT_EQ(
      request_line({"POST", "/v1/suggest", "/v1/suggest", "127.0.0.1", 200, 0.0012345, 1428, 7946}),
      R"(,"event":"request","method":"POST","route":"/v1/suggest","path":"/v1/suggest",)"
      R"("status":200,"ms":1.234,"bytes_in":1428,"bytes_out":7946,"remote":"127.0.0.1"})");
  // No remote: the field is left out.
  EXPECT_EQ(request_line({"GET", "unmatched", "/", "", 404, 0, 0, 0}),
            R"(,"event":"request","method":"GET","route":"unmatched","path":"/",)"
            R"("status":404,"ms":0.000,"bytes_in":0,"bytes_out":0})");
}

TEST(AccessLogLine, MillisecondsRoundAsPrintfDoes) {
  for (double seconds : {0.0020005, 0.0009995, 0.0012345, 1e-9, 0.0000005, 12.5, 123.4567891}) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "\"ms\":%.3f,", seconds * 1e3);
    const std::string line = request_line({"GET", "x", "/", "", 200, seconds, 0, 0});
    EXPECT_NE(line.find(expected), std::string::npos) << line << " " << expected;
  }
}

TEST(AccessLogLine, EscapesEveryKindOfByte) {
  const std::string path = std::string("/a\"b\\c\nd\re\tf\x01g\x1fh") + "\xC3\xA9\xFF/end";
  EXPECT_EQ(request_line({"GET", "unmatched", path, "", 404, 0, 0, 0}),
            R"(,"event":"request","method":"GET","route":"unmatched",)"
            R"("path":"/a\"b\\c\nd\re\tf\u0001g\u001fh)"
            "\xC3\xA9\xEF\xBF\xBD"
            R"(/end","status":404,"ms":0.000,"bytes_in":0,"bytes_out":0})");
}

}  // namespace
}  // namespace tactful::server
