// /v2/check parameters and the LanguageTool response shape, without a server.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "tactful/adapters/languagetool.h"

namespace tactful::lt {
namespace {

FormParams form(std::string_view s) {
  FormParams p;
  EXPECT_FALSE(parse_form(s, p).has_value());
  return p;
}

std::variant<CheckRequest, LtError> check(std::string_view s) {
  return parse_check(form(s), *RuleSet::builtin());
}

LtError error_of(std::string_view s) {
  auto r = check(s);
  EXPECT_TRUE(std::holds_alternative<LtError>(r)) << s;
  return std::holds_alternative<LtError>(r) ? std::get<LtError>(r) : LtError{};
}

rapidjson::Document run(std::string_view s) {
  auto r = check(s);
  EXPECT_TRUE(std::holds_alternative<CheckRequest>(r))
      << (std::holds_alternative<LtError>(r) ? std::get<LtError>(r).message : "");
  const auto& req = std::get<CheckRequest>(r);
  static const Engine engine(RuleSet::builtin());
  const Report report = engine.analyze(Context{}, Draft{req.text.plain(), {}}, req.options());
  const std::string json = check_json(report, req, "1.2.3");
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  EXPECT_FALSE(d.HasParseError());
  return d;
}

TEST(LtCheck, LanguageIsRequiredAndChecked) {
  EXPECT_EQ(error_of("text=hi").status, 400);
  EXPECT_NE(error_of("text=hi").message.find("Missing 'language'"), std::string::npos);
  EXPECT_NE(error_of("text=hi&language=xx-YY").message.find("not a language code"),
            std::string::npos);
  for (auto ok : {"auto", "en", "en-US", "en_gb", "EN-au"})
    EXPECT_TRUE(std::holds_alternative<CheckRequest>(check(std::string("text=hi&language=") + ok)))
        << ok;
}

TEST(LtCheck, ExactlyOneOfTextAndData) {
  EXPECT_NE(error_of("language=en").message.find("Missing 'text' or 'data'"), std::string::npos);
  EXPECT_NE(error_of("language=en&text=a&data=%7B%7D").message.find("only one"), std::string::npos);
  EXPECT_NE(error_of("language=en&data=%7B").message.find("could not parse 'data'"),
            std::string::npos);
}

TEST(LtCheck, TooLongTextIs413CountingUtf16) {
  LtLimits limits;
  limits.max_text_chars = 4;
  auto r = parse_check(form("language=en&text=%F0%9F%98%80%F0%9F%98%80x"), *RuleSet::builtin(),
                       limits);  // two emoji are 4 units, plus one
  ASSERT_TRUE(std::holds_alternative<LtError>(r));
  EXPECT_EQ(std::get<LtError>(r).status, 413);
  EXPECT_NE(std::get<LtError>(r).message.find("exceeds the limit of 4"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<CheckRequest>(
      parse_check(form("language=en&text=%F0%9F%98%80%F0%9F%98%80"), *RuleSet::builtin(), limits)));
}

TEST(LtCheck, ResponseHasLanguageToolsShape) {
  auto d = run("language=en-US&text=Per+our+policy%2C+refunds+take+5+days.+Calm+down.");
  EXPECT_STREQ(d["software"]["name"].GetString(), "tactful");
  EXPECT_EQ(d["software"]["apiVersion"].GetInt(), 1);
  EXPECT_FALSE(d["software"]["premium"].GetBool());
  EXPECT_FALSE(d["warnings"]["incompleteResults"].GetBool());
  EXPECT_STREQ(d["language"]["code"].GetString(), "en-US");
  EXPECT_STREQ(d["language"]["detectedLanguage"]["code"].GetString(), "en-US");
  ASSERT_GE(d["matches"].Size(), 2u);
  for (const auto& m : d["matches"].GetArray()) {
    EXPECT_TRUE(m["message"].IsString());
    EXPECT_TRUE(m["shortMessage"].IsString());
    EXPECT_TRUE(m["replacements"].IsArray());
    EXPECT_GE(m["length"].GetInt(), 1);
    EXPECT_TRUE(m["sentence"].IsString());
    EXPECT_GT(m["sentence"].GetStringLength(), 0u);
    EXPECT_STREQ(m["type"]["typeName"].GetString(), "Hint");
    EXPECT_TRUE(m["rule"]["id"].IsString());
    EXPECT_FALSE(looks_like_spelling_rule(m["rule"]["id"].GetString()));
    EXPECT_TRUE(m["rule"]["category"]["id"].IsString());
    EXPECT_TRUE(m["context"]["text"].IsString());
    EXPECT_FALSE(m["ignoreForIncompleteSentence"].GetBool());
  }
  const auto& first = d["matches"][0];
  EXPECT_EQ(first["offset"].GetInt(), 0);
  EXPECT_STREQ(first["sentence"].GetString(), "Per our policy, refunds take 5 days.");
  EXPECT_STREQ(first["rule"]["category"]["id"].GetString(), "POLICY_LANGUAGE");
  EXPECT_TRUE(d["sentenceRanges"].IsArray());
}

TEST(LtCheck, OffsetsAreUtf16IntoTheOriginalIncludingMarkup) {
  // <p>😀 Per our policy, no.</p> : "Per" is at UTF-16 offset 3 + 2 + 1 = 6.
  auto d =
      run("language=en&data=%7B%22annotation%22%3A%5B%7B%22markup%22%3A%22%3Cp%3E%22%7D%2C%7B%"
          "22text%22%3A%22%F0%9F%98%80+Per+our+policy%2C+no.%22%7D%2C%7B%22markup%22%3A%22%3C%2Fp%"
          "3E%22%2C%22interpretAs%22%3A%22%5Cn%5Cn%22%7D%5D%7D");
  ASSERT_GE(d["matches"].Size(), 1u);
  const auto& m = d["matches"][0];
  EXPECT_EQ(m["offset"].GetInt(), 6);
  EXPECT_EQ(m["length"].GetInt(), 15);
  EXPECT_EQ(m["context"]["length"].GetInt(), 15);
  const std::string ctx = m["context"]["text"].GetString();
  EXPECT_EQ(ctx.substr(0, 3), "<p>");
  EXPECT_EQ(m["context"]["offset"].GetInt(), 6);
}

TEST(LtCheck, DisabledRulesAndCategoriesAreHonoured) {
  const std::string text = "text=Per+our+policy%2C+refunds+take+5+days.+Calm+down.&language=en";
  auto all = run(text);
  std::string policy_rule;
  for (const auto& m : all["matches"].GetArray())
    if (std::string(m["rule"]["category"]["id"].GetString()) == "POLICY_LANGUAGE")
      policy_rule = m["rule"]["id"].GetString();
  ASSERT_FALSE(policy_rule.empty());
  auto without_rule = run(text + "&disabledRules=" + policy_rule);
  auto without_cat = run(text + "&disabledCategories=POLICY_LANGUAGE");
  auto without_cat2 = run(text + "&disabledCategories=policy-language");
  for (const auto& m : without_rule["matches"].GetArray())
    EXPECT_NE(m["rule"]["id"].GetString(), policy_rule);
  for (auto* d : {&without_cat, &without_cat2}) {
    EXPECT_EQ((*d)["matches"].Size(), all["matches"].Size() - 1);
    for (const auto& m : (*d)["matches"].GetArray())
      EXPECT_STRNE(m["rule"]["category"]["id"].GetString(), "POLICY_LANGUAGE");
  }
}

TEST(LtCheck, EnabledOnlyLimitsToTheEnabledRulesAndCategories) {
  const std::string text = "text=Per+our+policy%2C+refunds+take+5+days.+Calm+down.&language=en";
  auto only = run(text + "&enabledOnly=true&enabledCategories=DISMISSIVE");
  ASSERT_GE(only["matches"].Size(), 1u);
  for (const auto& m : only["matches"].GetArray())
    EXPECT_STREQ(m["rule"]["category"]["id"].GetString(), "DISMISSIVE");
  auto none = run(text + "&enabledOnly=true&enabledRules=no.such.rule");
  EXPECT_EQ(none["matches"].Size(), 0u);
  EXPECT_EQ(error_of(text + "&enabledOnly=true").status, 400);
  // enabledRules without enabledOnly enable default-off rules in LanguageTool: no effect here.
  EXPECT_EQ(run(text + "&enabledRules=no.such.rule")["matches"].Size(),
            run(text)["matches"].Size());
}

TEST(LtCheck, IgnoresParametersItDoesNotUse) {
  auto d =
      run("text=Calm+down.&language=auto&motherTongue=de&preferredVariants=en-US,de-DE&level=picky&"
          "mode=all&username=x&apiKey=y&useragent=z&textSessionId=1&c=1&dicts=a");
  EXPECT_GE(d["matches"].Size(), 1u);
}

TEST(LtRuleIds, SpellingLookalikesAreWrappedAndRoundTrip) {
  for (auto id : {"MORFOLOGIK_RULE_EN_US", "hunspell_x", "EN_US_SPELLER_RULE", "x_spelling_rule"}) {
    EXPECT_TRUE(looks_like_spelling_rule(id)) << id;
    const std::string out = to_lt_rule_id(id);
    EXPECT_FALSE(looks_like_spelling_rule(out)) << out;
    EXPECT_EQ(from_lt_rule_id(out), id);
  }
  EXPECT_EQ(to_lt_rule_id("policy.per-policy"), "policy.per-policy");
  EXPECT_EQ(from_lt_rule_id("policy.per-policy"), "policy.per-policy");
  EXPECT_EQ(from_lt_rule_id("TACTFUL.ok.HINT"), "TACTFUL.ok.HINT");  // not a wrapped lookalike
}

TEST(LtLanguages, SortedByNameWithCodes) {
  rapidjson::Document d;
  const std::string json = languages_json();
  d.Parse(json.data(), json.size());
  ASSERT_TRUE(d.IsArray());
  ASSERT_GT(d.Size(), 1u);
  std::string previous;
  for (const auto& l : d.GetArray()) {
    const std::string name = l["name"].GetString();
    EXPECT_LT(previous, name);
    previous = name;
    EXPECT_STREQ(l["code"].GetString(), "en");
    EXPECT_TRUE(l["longCode"].IsString());
  }
}

}  // namespace
}  // namespace tactful::lt
