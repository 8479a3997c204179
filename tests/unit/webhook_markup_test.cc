// HTML and Markdown to plain text.
#include <gtest/gtest.h>

#include <chrono>

#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks {
namespace {

TEST(WebhookHtml, TagsStrippedBlocksBecomeLines) {
  EXPECT_EQ(html_to_text("<p>Hi Dana,</p><p>Sorry about the wait.<br>It ships today.</p>"),
            "Hi Dana,\n\nSorry about the wait.\nIt ships today.");
  EXPECT_EQ(html_to_text("<div>one</div><div>two</div>"), "one\n\ntwo");
  EXPECT_EQ(html_to_text("<ul><li>a</li><li>b</li></ul>"), "a\nb");
  EXPECT_EQ(html_to_text("  <b>bold</b>\n\n  and   <i>it</i>  "), "bold and it");
}

TEST(WebhookHtml, EntitiesDecoded) {
  EXPECT_EQ(html_to_text("3&ndash;5 days &amp; &quot;soon&quot; &#39;x&#x27; &lt;b&gt; caf&#233;"),
            "3\u20135 days & \"soon\" 'x' <b> caf\u00e9");
  EXPECT_EQ(html_to_text("&bogus; &amp &#xD800; &#0; &#99999999;"),
            "&bogus; &amp \uFFFD \uFFFD \uFFFD");
  EXPECT_EQ(html_to_text("a&nbsp;b"), "a b");
}

TEST(WebhookHtml, LinksKeepTheirTextScriptsAndCommentsGo) {
  EXPECT_EQ(html_to_text(R"(See <a href="https://x.example/?a=1&amp;b=2">the guide</a>.)"),
            "See the guide.");
  EXPECT_EQ(html_to_text("a<script>alert('<p>')</script>b<style>p{}</style>c<!-- <p>x</p> -->d"),
            "abcd");
  EXPECT_EQ(html_to_text(R"(<img alt="x>y" src="a.png">pic)"), "pic");  // '>' inside quotes
}

TEST(WebhookHtml, LessThanThatIsNotATagIsText) {
  EXPECT_EQ(html_to_text("a < b and <3 and x<=y"), "a < b and <3 and x<=y");
}

TEST(WebhookHtml, UnterminatedMarkupEndsTheText) {
  EXPECT_EQ(html_to_text("before <a href=\"x"), "before");
  EXPECT_EQ(html_to_text("a<script>never closed"), "a");
  EXPECT_EQ(html_to_text("a<!-- never closed"), "a");
}

TEST(WebhookHtml, InvalidUtf8IsReplaced) {
  EXPECT_EQ(html_to_text("ok \xff\xfe end"), "ok \uFFFD\uFFFD end");
}

TEST(WebhookHtml, HostileInputIsLinear) {
  const auto start = std::chrono::steady_clock::now();
  html_to_text(std::string(1 << 20, '<') + "a");
  html_to_text(std::string(1 << 19, '<').append(std::string(1 << 19, 'a')));
  std::string tags;
  for (int i = 0; i < 100000; ++i) tags += "<a x='";
  html_to_text(tags);
  std::string amps(1 << 20, '&');
  html_to_text(amps);
  std::string closes;
  for (int i = 0; i < 100000; ++i) closes += "<script></scrip";
  html_to_text(closes);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(WebhookMarkdown, MarkersRemovedTextKept) {
  EXPECT_EQ(markdown_to_text("**Sorry** for the _delay_ - see [the guide](https://x.example)."),
            "Sorry for the delay - see the guide.");
  EXPECT_EQ(markdown_to_text("# Title\n> quoted\n- item one\n`code` and ~~gone~~"),
            "Title\nquoted\n- item one\ncode and gone");
  EXPECT_EQ(markdown_to_text("line one\\\nline two\n\n"), "line one\nline two");
  EXPECT_EQ(markdown_to_text("\\*not emphasis\\* and 5 * 3 and snake_case_name"),
            "*not emphasis* and 5 * 3 and snake_case_name");
  EXPECT_EQ(markdown_to_text("![logo](a.png) [unclosed link and ] (x)"),
            "logo [unclosed link and ] (x)");
}

TEST(WebhookMarkdown, FencedCodeIsKeptAsIs) {
  EXPECT_EQ(markdown_to_text("run\n```\n**x** [a](b)\n```\ndone"), "run\n**x** [a](b)\ndone");
}

TEST(WebhookMarkdown, HostileInputIsLinear) {
  const auto start = std::chrono::steady_clock::now();
  markdown_to_text(std::string(1 << 20, '['));
  std::string links;
  for (int i = 0; i < 100000; ++i) links += "[a](";
  markdown_to_text(links);
  markdown_to_text(std::string(1 << 20, '*'));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace tactful::webhooks
