// The LanguageTool form and annotated-text parsers, including hostile input.
#include <gtest/gtest.h>

#include <string>

#include "tactful/adapters/lt_form.h"

namespace tactful::lt {
namespace {

FormParams form(std::string_view s) {
  FormParams p;
  EXPECT_FALSE(parse_form(s, p).has_value());
  return p;
}

TEST(LtForm, DecodesPairsPlusAndPercent) {
  const FormParams p = form("language=en-US&text=Hello+world%21%20%F0%9F%98%80&x=");
  ASSERT_NE(p.get("text"), nullptr);
  EXPECT_EQ(*p.get("text"), "Hello world! \xF0\x9F\x98\x80");
  EXPECT_EQ(*p.get("language"), "en-US");
  EXPECT_EQ(*p.get("x"), "");
  EXPECT_EQ(p.get("missing"), nullptr);
}

TEST(LtForm, TheLastOfARepeatedNameWins) {
  EXPECT_EQ(*form("a=1&a=2").get("a"), "2");
}

TEST(LtForm, BadEscapesStayLiteralAndEmptyPairsAreSkipped) {
  const FormParams p = form("&&a=%&b=%4&c=%zz&d=100%25&&=nothing&e");
  EXPECT_EQ(*p.get("a"), "%");
  EXPECT_EQ(*p.get("b"), "%4");
  EXPECT_EQ(*p.get("c"), "%zz");
  EXPECT_EQ(*p.get("d"), "100%");
  EXPECT_EQ(*p.get("e"), "");
  EXPECT_EQ(p.size(), 5u);  // the pair with an empty name is dropped
}

TEST(LtForm, InvalidUtf8AndNulAreMadeSafe) {
  const FormParams p = form("text=a%FFb%00c");
  const std::string& t = *p.get("text");
  EXPECT_EQ(t, std::string("a\xEF\xBF\xBD"
                           "b") +
                   std::string(1, '\0') + "c");
}

TEST(LtForm, RefusesTooManyParameters) {
  std::string s;
  for (int i = 0; i < 1001; ++i) s += "p" + std::to_string(i) + "=1&";
  FormParams p;
  const auto e = parse_form(s, p);
  ASSERT_TRUE(e.has_value());
  EXPECT_NE(e->message.find("more than 1000 parameters"), std::string::npos);
}

TEST(LtForm, HugeInputIsLinearAndSafe) {
  FormParams p;
  const std::string s = "text=" + std::string(1 << 20, '%');
  EXPECT_FALSE(parse_form(s, p).has_value());
  EXPECT_EQ(p.get("text")->size(), 1u << 20);
}

TEST(AnnotatedText, PlainTextMapsToItself) {
  auto t = parse_annotated_data(R"({"text": "Hello there.", "metaData": {"k": "v"}})");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->plain(), "Hello there.");
  EXPECT_EQ(t->original(), "Hello there.");
  EXPECT_EQ(t->to_original({6, 11}), (Span{6, 11}));
}

TEST(AnnotatedText, MarkupAndInterpretAsMapBackToTheOriginal) {
  // The shape of LanguageTool's BertResortingBugTest.
  auto t = parse_annotated_data(
      R"({"annotation":[{"text":"A teext."},{"markup":"\n","interpretAs":"\n\n"},{"text":"An errör-free text."},{"markup":"\n","interpretAs":"\n\n"},{"text":"So much teext."}]})");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->plain(), "A teext.\n\nAn errör-free text.\n\nSo much teext.");
  EXPECT_EQ(t->original(), "A teext.\nAn errör-free text.\nSo much teext.");
  const std::size_t so = t->plain().find("So");
  EXPECT_EQ(t->to_original({so, so + 2}),
            (Span{t->original().find("So"), t->original().find("So") + 2}));
  // A range covering an interpretAs maps to the whole markup.
  EXPECT_EQ(t->to_original({8, 10}), (Span{8, 9}));
}

TEST(AnnotatedText, MarkupWithoutInterpretAsIsInvisibleToTheCheck) {
  auto t = parse_annotated_data(
      R"({"annotation":[{"markup":"<p>"},{"text":"Per our "},{"markup":"<b>"},{"text":"policy"},{"markup":"</b>"},{"text":", no."},{"markup":"</p>","interpretAs":"\n\n"}]})");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->plain(), "Per our policy, no.\n\n");
  EXPECT_EQ(t->original(), "<p>Per our <b>policy</b>, no.</p>");
  // "Per our policy," in plain is [0, 15): in the original it runs from 3 to after ','.
  EXPECT_EQ(t->to_original({0, 15}), (Span{3, 25}));
  EXPECT_EQ(t->original().substr(3, 22), "Per our <b>policy</b>,");
}

TEST(AnnotatedText, AnnotatedtextExtrasAndEmptyMarkupAreAccepted) {
  auto t = parse_annotated_data(
      R"({"annotation":[{"text":"Hi ","offset":{"start":0,"end":3}},{"markup":"","interpretAs":""},{"markup":"","offset":{"start":3,"end":3}},{"text":"there","offset":{"start":3,"end":8}}]})");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->plain(), "Hi there");
}

TEST(AnnotatedText, ErrorsSayWhatIsWrong) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{", "could not parse 'data' as JSON"},
      {"[]", "must be a JSON object"},
      {"{}", "exactly one of 'text' and 'annotation'"},
      {R"({"text": "a", "annotation": []})", "exactly one of 'text' and 'annotation'"},
      {R"({"text": 5})", "'data.text' must be a string"},
      {R"({"annotation": {}})", "must be an array"},
      {R"({"annotation": [5]})", "'data.annotation[0]' must be an object"},
      {R"({"annotation": [{"text": "a", "markup": "b"}]})", "exactly one of 'text' and 'markup'"},
      {R"({"annotation": [{"offset": 1}]})", "exactly one of 'text' and 'markup'"},
      {R"({"annotation": [{"markup": 1}]})", ".markup must be a string"},
      {R"({"annotation": [{"markup": "x", "interpretAs": 1}]})", ".interpretAs must be a string"},
  };
  for (const auto& [json, message] : cases) {
    auto t = parse_annotated_data(json);
    ASSERT_FALSE(t.ok()) << json;
    EXPECT_NE(t.error().message.find(message), std::string::npos)
        << json << " → " << t.error().message;
  }
}

TEST(AnnotatedText, DeepNestingDoesNotOverflowTheStack) {
  const std::string deep =
      R"({"annotation": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
  auto t = parse_annotated_data(deep);
  EXPECT_FALSE(t.ok());
}

TEST(AnnotatedText, MappingIsMonotonicAndInBoundsEverywhere) {
  auto t = parse_annotated_data(
      R"({"annotation":[{"markup":"<a>"},{"text":"x"},{"markup":"<br>","interpretAs":"\n"},{"markup":"<i>"},{"text":"yz"},{"markup":"</i>","interpretAs":" "}]})");
  ASSERT_TRUE(t.ok());
  const std::size_t n = t->plain().size();
  for (std::size_t b = 0; b <= n + 2; ++b)
    for (std::size_t e = b; e <= n + 2; ++e) {
      const Span o = t->to_original({b, e});
      EXPECT_LE(o.begin, o.end);
      EXPECT_LE(o.end, t->original().size());
    }
}

}  // namespace
}  // namespace tactful::lt
