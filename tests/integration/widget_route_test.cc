// The agent widget's files at /widget/: the script, and the helpdesk app pages with the origins
// allowed to frame them.
#include <gtest/gtest.h>

#include "fixture.h"

namespace tactful::testing {
namespace {

class WidgetRouteTest : public ServerTest {};

TEST_F(WidgetRouteTest, ServesTheBuiltWidgetScript) {
  start();
  const Reply r = request(port, "GET", "/widget/tactful-widget.js");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("cross-origin-resource-policy"), "cross-origin");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  // The compiled bundle: the global and the attach function, the styles inlined, no imports.
  EXPECT_NE(r.body.find("Tactful"), std::string::npos);
  EXPECT_NE(r.body.find("attach"), std::string::npos);
  EXPECT_NE(r.body.find(".underline"), std::string::npos);
  EXPECT_EQ(r.body.find("import "), std::string::npos);
  EXPECT_GT(r.body.size(), 10000u);
}

TEST_F(WidgetRouteTest, UnknownAndEscapingPathsAre404) {
  start();
  for (const std::string bad : {"/widget/", "/widget/nope.js", "/widget/../openapi.json",
                                "/widget/%2e%2e/openapi.json", "/widget/.hidden", "/widget/a\\b"})
    EXPECT_EQ(request(port, "GET", bad).status, 404) << bad;
  EXPECT_EQ(request(port, "POST", "/widget/tactful-widget.js").status, 405);
}

TEST_F(WidgetRouteTest, AppPagesMayBeFramedOnlyByTheConfiguredOrigins) {
  start([](server::Config& c) {
    c.widget.frame_origins = {"https://chat.example.com", "http://127.0.0.1:3000"};
  });
  for (const std::string page : {"/widget/chatwoot.html", "/widget/front.html"}) {
    const Reply r = request(port, "GET", page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(r.header("content-security-policy")
                  .find("frame-ancestors 'self' https://chat.example.com http://127.0.0.1:3000"),
              std::string::npos)
        << r.header("content-security-policy");
    // The page is told the same origins, to check who sends it messages.
    EXPECT_NE(
        r.body.find(
            R"(<meta name="tactful-frame-origins" content="https://chat.example.com http://127.0.0.1:3000">)"),
        std::string::npos)
        << page;
    EXPECT_FALSE(r.has("cross-origin-resource-policy"));
  }
}

TEST_F(WidgetRouteTest, WithoutFrameOriginsAppPagesMayBeFramedOnlyByTactful) {
  start();
  const Reply r = request(port, "GET", "/widget/chatwoot.html");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'self'"), std::string::npos);
  EXPECT_EQ(r.header("content-security-policy").find("frame-ancestors 'self' "), std::string::npos);
  EXPECT_NE(r.body.find(R"(<meta name="tactful-frame-origins" content="">)"), std::string::npos);
}

}  // namespace
}  // namespace tactful::testing
