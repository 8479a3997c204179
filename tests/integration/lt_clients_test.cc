// /v2/check and /v2/languages as existing LanguageTool clients call them (request shapes from
// ../shared/research/rule-engines.md §(b)): LTeX, the Obsidian plugin, the old browser add-on
// and Python's annotatedtext.
#include <string>

#include "fixture.h"
#include "json.h"

namespace tactful::testing {
namespace {

using LtClientTest = ServerTest;

const std::string kText = "Per our policy, refunds take 5-10 days. Calm down.";

void expect_match_shape(const rapidjson::Value& m) {
  EXPECT_TRUE(m["message"].IsString());
  EXPECT_TRUE(m["shortMessage"].IsString());
  EXPECT_TRUE(m["replacements"].IsArray());
  EXPECT_GE(m["length"].GetInt(), 1);
  EXPECT_TRUE(m["sentence"].IsString());
  EXPECT_STREQ(m["type"]["typeName"].GetString(), "Hint");
  EXPECT_TRUE(m["rule"]["id"].IsString());
  EXPECT_TRUE(m["rule"]["category"]["id"].IsString());
  EXPECT_TRUE(m["context"]["offset"].IsInt());
}

// LTeX: POST, a form body labelled application/json, annotated `data`.
TEST_F(LtClientTest, Ltex) {
  start();
  const std::string data =
      R"({"annotation":[{"markup":"# "},{"text":"Title"},{"markup":"\n\n","interpretAs":"\n\n"},{"text":")" +
      kText + R"("}]})";
  const std::string body = "data=" + url_encode(data) +
                           "&language=en-US&enabledOnly=false&motherTongue=de-DE&level=default";
  const Reply r = request(port, "POST", "/v2/check", body, {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json");
  auto d = parse_json(r.body);
  ASSERT_GE(d["matches"].Size(), 2u);
  for (const auto& m : d["matches"].GetArray()) expect_match_shape(m);
  EXPECT_EQ(d["matches"][0]["offset"].GetInt(), 9);  // "# Title\n\n" is 9 units of markup+text
  EXPECT_STREQ(d["matches"][0]["sentence"].GetString(), "Per our policy, refunds take 5-10 days.");
}

// Obsidian: a form POST with `text`, language=auto and preferredVariants without auto.
TEST_F(LtClientTest, Obsidian) {
  start();
  const std::string body = "text=" + url_encode(kText) +
                           "&language=auto&preferredVariants=en-US&enabledOnly=false&level=picky";
  const Reply r = request(port, "POST", "/v2/check", body,
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  EXPECT_GE(d["matches"].Size(), 2u);
  EXPECT_TRUE(d["language"]["detectedLanguage"]["confidence"].IsNumber());
}

// The old browser add-on: the XHR default Content-Type, extra parameters, and CORS.
TEST_F(LtClientTest, BrowserAddOn) {
  start();
  const std::string body = "text=" + url_encode(kText) +
                           "&language=auto&useragent=webextension-chrome-ng&enabledOnly=false"
                           "&textSessionId=123:456&c=1&username=&apiKey=";
  const Reply r = request(
      port, "POST", "/v2/check", body,
      {{"Content-Type", "text/plain;charset=UTF-8"}, {"Origin", "chrome-extension://abcdef"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("access-control-allow-origin"), "*");
  EXPECT_GE(parse_json(r.body)["matches"].Size(), 2u);
}

// annotatedtext (Python): `data` with "offset" keys and empty markup, sent as a GET query.
TEST_F(LtClientTest, AnnotatedtextGet) {
  start();
  const std::string data =
      R"({"annotation": [{"text": "Hi! ", "offset": {"start": 0, "end": 4}}, {"markup": "**", "interpretAs": "", "offset": {"start": 4, "end": 6}}, {"markup": "", "offset": {"start": 6, "end": 6}}, {"text": "Calm down.", "offset": {"start": 6, "end": 16}}, {"markup": "**", "offset": {"start": 16, "end": 18}}]})";
  const Reply r = request(port, "GET", "/v2/check?language=en-US&data=" + url_encode(data));
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse_json(r.body);
  ASSERT_GE(d["matches"].Size(), 1u);
  bool found = false;
  for (const auto& m : d["matches"].GetArray())
    if (std::string(m["rule"]["category"]["id"].GetString()) == "DISMISSIVE") {
      found = true;
      EXPECT_EQ(m["offset"].GetInt(), 6);  // after "Hi! **"
      EXPECT_EQ(m["length"].GetInt(), 9);  // "Calm down"
    }
  EXPECT_TRUE(found) << r.body;
}

TEST_F(LtClientTest, QueryAndBodyMergeWithTheBodyWinning) {
  start();
  const Reply r = request(port, "POST", "/v2/check?language=en&text=fine", "text=Calm+down.");
  ASSERT_EQ(r.status, 200);
  EXPECT_GE(parse_json(r.body)["matches"].Size(), 1u);
}

TEST_F(LtClientTest, ErrorsArePlainTextWithLanguageToolStatusCodes) {
  start();
  Reply r = request(port, "POST", "/v2/check", "language=en-US");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, "Error: Missing 'text' or 'data' parameter");
  EXPECT_EQ(r.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(r.header("access-control-allow-origin"), "*");
  r = request(port, "POST", "/v2/check", "text=hi");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(r.body.starts_with("Error: Missing 'language'"));
  r = request(port, "POST", "/v2/check", "language=en&data=%7Bbroken");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(r.body.starts_with("Error: could not parse 'data'")) << r.body;
  r = request(port, "POST", "/v2/check", "language=en&text=" + std::string(20001, 'a'));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(r.body.starts_with("Error: Your text exceeds the limit of 20000")) << r.body;
  r = request(port, "POST", "/v2/check", "language=en&text=" + std::string((1 << 20) + 1, 'a'));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(r.body.starts_with("Error: ")) << r.body;
  r = request(port, "GET", "/v2/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(r.body.starts_with("Error: "));
}

TEST_F(LtClientTest, Languages) {
  start();
  const Reply r = request(port, "GET", "/v2/languages", "", {{"Origin", "https://x"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("access-control-allow-origin"), "*");
  auto d = parse_json(r.body);
  ASSERT_TRUE(d.IsArray());
  bool us = false;
  for (const auto& l : d.GetArray())
    us |= std::string(l["longCode"].GetString()) == "en-US" &&
          std::string(l["name"].GetString()) == "English (US)";
  EXPECT_TRUE(us);
}

TEST_F(LtClientTest, HealthcheckInfoAndMaxTextLength) {
  start([](server::Config& c) { c.limits.max_draft_chars = 1234; });
  Reply r = request(port, "GET", "/v2/healthcheck");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "OK");
  r = request(port, "GET", "/v2/maxtextlength");
  EXPECT_EQ(r.body, "1234");
  auto d = parse_json(request(port, "GET", "/v2/info").body);
  EXPECT_STREQ(d["software"]["name"].GetString(), "tactful");
  EXPECT_EQ(d["software"]["apiVersion"].GetInt(), 1);
}

}  // namespace
}  // namespace tactful::testing
