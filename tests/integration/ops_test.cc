// Operations routes: /metrics, /openapi.json (against the route table), static files.
#include <set>
#include <string>

#include "fixture.h"
#include "json.h"
#include "static_files.h"

namespace tactful::testing {
namespace {

using OpsTest = ServerTest;

TEST_F(OpsTest, MetricsCountRequestsLatencyHintsReloadsAndErrors) {
  start();
  ASSERT_EQ(
      request(port, "POST", "/v1/suggest", R"({"draft": "Per our policy, no. Calm down."})").status,
      200);
  ASSERT_EQ(request(port, "POST", "/v1/suggest", "{").status, 400);
  ASSERT_EQ(request(port, "GET", "/nope").status, 404);
  ASSERT_FALSE(server->reload().has_value());
  const Reply r = request(port, "GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").starts_with("text/plain; version=0.0.4"));
  for (const std::string line : {
           R"(tactful_http_requests_total{route="/v1/suggest",code="200"} 1)",
           R"(tactful_http_requests_total{route="/v1/suggest",code="400"} 1)",
           R"(tactful_http_requests_total{route="unmatched",code="404"} 1)",
           R"(tactful_http_request_duration_seconds_count{route="/v1/suggest"} 2)",
           R"(tactful_http_request_duration_seconds_bucket{route="/v1/suggest",le="+Inf"} 2)",
           R"(tactful_hints_total{category="policy-language"} 1)",
           R"(tactful_hints_total{category="dismissive"} 1)",
           R"(tactful_rule_reloads_total{result="ok"} 1)",
           R"(tactful_errors_total{kind="bad_request"} 1)",
           "# TYPE tactful_http_request_duration_seconds histogram",
       })
    EXPECT_TRUE(contains(r.body, line)) << line << "\n" << r.body;
}

// Every route the server serves is documented, with its methods, and nothing else is.
TEST_F(OpsTest, OpenApiDocumentsExactlyTheServedRoutes) {
  start();
  const Reply r = request(port, "GET", "/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto d = parse_json(r.body);
  EXPECT_EQ(std::string(d["openapi"].GetString()).substr(0, 2), "3.");
  std::set<std::string> documented, served;
  for (auto p = d["paths"].MemberBegin(); p != d["paths"].MemberEnd(); ++p)
    for (auto m = p->value.MemberBegin(); m != p->value.MemberEnd(); ++m) {
      std::string method = m->name.GetString();
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(method + " " + p->name.GetString());
    }
  for (const auto& route : server->routes())
    for (const auto& m : route.methods) served.insert(m + " " + route.path);
  EXPECT_EQ(documented, served);
  // And each documented path answers (not 404) on a real request.
  for (const auto& route : server->routes()) {
    std::string path = route.path;
    if (auto brace = path.find('{'); brace != std::string::npos)
      path = path.substr(0, brace) + "index.html";
    EXPECT_NE(request(port, "OPTIONS", path).status, 404) << path;
  }
}

TEST_F(OpsTest, ServesTheEmbeddedDemoWithContentTypes) {
  start();
  Reply r = request(port, "GET", "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_TRUE(contains(r.body, "<html")) << r.body.substr(0, 200);
  r = request(port, "GET", "/static/app.js");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  r = request(port, "GET", "/static/style.css");
  EXPECT_EQ(r.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(request(port, "GET", "/static/nope.js").status, 404);
}

TEST_F(OpsTest, StaticDirectoryCannotBeEscaped) {
  write_file(dir.path() / "www" / "a.txt", "inside");
  write_file(dir.path() / "www" / "sub" / "b.json", "{}");
  write_file(dir.path() / "secret.txt", "outside");
  std::filesystem::create_symlink(dir.path() / "secret.txt", dir.path() / "www" / "link.txt");
  start([&](server::Config& c) { c.static_dir = (dir.path() / "www").string(); });
  Reply r = request(port, "GET", "/static/a.txt");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "inside");
  EXPECT_EQ(r.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(request(port, "GET", "/static/sub/b.json").header("content-type"), "application/json");
  for (const std::string bad :
       {"/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/sub/../../secret.txt",
        "/static/..%2fsecret.txt", "/static/%2E%2E%2Fsecret.txt", "/static/link.txt",
        "/static/.hidden", "/static/sub//b.json", "/static/a.txt%00.js",
        "/static/..\\secret.txt"}) {
    const std::string out =
        raw_exchange(port, "GET " + bad + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_FALSE(contains(out, "outside")) << bad;
    EXPECT_FALSE(out.starts_with("HTTP/1.1 200")) << bad;
  }
}

TEST(StaticPaths, SafeRelativePath) {
  using server::safe_relative_path;
  EXPECT_EQ(safe_relative_path("a/b.js").value_or("?"), "a/b.js");
  EXPECT_EQ(safe_relative_path("a%20b.txt").value_or("?"), "a b.txt");
  for (auto bad : {"", "..", "../x", "a/../b", "%2e%2e/x", "a/./b", ".env", "a//b", "/abs", "a\\b",
                   "a%00b", "c:x", "a/"})
    EXPECT_FALSE(safe_relative_path(bad).has_value()) << bad;
  EXPECT_EQ(server::content_type_for("x.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(server::content_type_for("x.svg"), "image/svg+xml");
  EXPECT_EQ(server::content_type_for("x"), "application/octet-stream");
}

}  // namespace
}  // namespace tactful::testing
