// parse_pack: the examples of a rule (strings with [[marks]], objects with conversation context)
// and their errors, which name the file, the rule and the example's field.
#include <gtest/gtest.h>

#include <string>

#include "tactful/rule_set.h"

namespace tactful {
namespace {

std::string pack_json(const std::string& rules) {
  return R"({"schema": 1, "pack": "test", "rules": [)" + rules + "]}";
}

Result<Pack> parse(const std::string& json) {
  return parse_pack(PackSource{"policy.json", json});
}

// The error of a pack that must be refused (fails the test if it parses).
std::string error_of(const std::string& json) {
  auto r = parse(json);
  EXPECT_FALSE(r.ok()) << json;
  return r.ok() ? std::string() : r.error().message;
}

std::string bare_rule(const std::string& members) {
  return pack_json("{" + members + "}");
}

TEST(PackParserExamples, ExampleMarksAndContext) {
  auto base = parse(pack_json(R"({"id": "t.ctx", "kind": "phrase", "category": "c",
    "message": "m", "why": "w", "phrases": ["ok"], "examples": {
      "flag": ["a [[b c]] d", {"draft": "x [[ok]]", "history": [
        {"role": "customer", "text": "Where is it?", "at": "2026-11-22T10:00:00Z"},
        {"role": "agent", "text": "Checking."}, {"role": "system", "text": "bot"}],
        "customer_name": "Dana", "channel": "chat", "team": "billing",
        "now": "2026-11-22T10:05:00Z"}],
      "pass": ["fine"]}})"));
  ASSERT_TRUE(base.ok()) << base.error().message;
  const Rule& rule = base->rules[0];
  ASSERT_EQ(rule.flag_examples.size(), 2u);
  EXPECT_EQ(rule.flag_examples[0].draft, "a b c d");
  EXPECT_EQ(rule.flag_examples[0].marked, (Span{2, 5}));
  const Example& ex = rule.flag_examples[1];
  EXPECT_EQ(ex.draft, "x ok");
  EXPECT_EQ(ex.marked, (Span{2, 4}));
  ASSERT_EQ(ex.history.size(), 3u);
  EXPECT_EQ(ex.history[0].role, Role::customer);
  EXPECT_EQ(ex.history[1].role, Role::agent);
  EXPECT_EQ(ex.history[2].role, Role::system);
  EXPECT_EQ(ex.history[0].text, "Where is it?");
  ASSERT_TRUE(ex.history[0].at);
  EXPECT_EQ(ex.history[0].at->time_since_epoch().count(), 1795341600);
  EXPECT_FALSE(ex.history[1].at);
  EXPECT_EQ(ex.customer_name, "Dana");
  EXPECT_EQ(ex.channel, "chat");
  EXPECT_EQ(ex.team, "billing");
  EXPECT_EQ(ex.now.time_since_epoch().count(), 1795341900);
}

TEST(PackParserExamples, FlagAndPassExamplesAreBothRequired) {
  const std::string head = R"("id": "t.e", "kind": "phrase", "category": "c", "message": "m",
      "why": "w", "phrases": ["a"], )";
  for (const char* examples :
       {R"("examples": {"pass": ["b"]})", R"("examples": {"flag": [], "pass": ["b"]})"}) {
    const std::string e = error_of(bare_rule(head + examples));
    EXPECT_NE(e.find("rule 't.e': field 'examples.flag'"), std::string::npos) << e;
  }
  for (const char* examples :
       {R"("examples": {"flag": ["a"]})", R"("examples": {"flag": ["a"], "pass": []})"}) {
    const std::string e = error_of(bare_rule(head + examples));
    EXPECT_NE(e.find("rule 't.e': field 'examples.pass'"), std::string::npos) << e;
  }
}

TEST(PackParserExamples, MarkSyntaxErrors) {
  const std::string head = R"("id": "t.m", "kind": "phrase", "category": "c", "message": "m",
      "why": "w", "phrases": ["a"], )";
  const std::pair<const char*, const char*> cases[] = {
      {R"("examples": {"flag": ["[[a b"], "pass": ["x"]})", "field 'examples.flag[0]'"},
      {R"("examples": {"flag": ["a", "b]] c"], "pass": ["x"]})", "field 'examples.flag[1]'"},
      {R"("examples": {"flag": ["[[]] a"], "pass": ["x"]})", "field 'examples.flag[0]'"},
      {R"("examples": {"flag": ["[[a]] [[b]]"], "pass": ["x"]})", "field 'examples.flag[0]'"},
      {R"("examples": {"flag": ["[[a]] b]]"], "pass": ["x"]})", "field 'examples.flag[0]'"},
      {R"("examples": {"flag": [{"draft": "[[a"}], "pass": ["x"]})",
       "field 'examples.flag[0].draft'"},
      {R"("examples": {"flag": ["a"], "pass": ["[[x"]})", "field 'examples.pass[0]'"},
  };
  for (const auto& [examples, field] : cases) {
    const std::string e = error_of(bare_rule(head + examples));
    EXPECT_NE(e.find(std::string("policy.json: rule 't.m': ") + field), std::string::npos)
        << examples << " -> " << e;
  }
  const std::string unclosed = error_of(bare_rule(head + R"("examples": {"flag": ["[[a b"],
      "pass": ["x"]})"));
  EXPECT_NE(unclosed.find("']]'"), std::string::npos) << unclosed;
}

TEST(PackParserExamples, ExampleObjectsAreChecked) {
  const std::string head = R"("id": "t.h", "kind": "phrase", "category": "c", "message": "m",
      "why": "w", "phrases": ["a"], "examples": {"pass": ["x"], "flag": [)";
  const std::pair<const char*, const char*> cases[] = {
      {R"({"draft": "a", "history": [{"role": "manager", "text": "hi"}]})",
       "field 'examples.flag[0].history[0].role'"},
      {R"({"draft": "a", "history": [{"role": "customer", "text": "hi"},
          {"role": "customer", "text": "hi", "at": "yesterday"}]})",
       "field 'examples.flag[0].history[1].at'"},
      {R"({"draft": "a", "history": [{"role": "customer", "text": "hi",
          "at": "2026-13-01T00:00:00Z"}]})",
       "field 'examples.flag[0].history[0].at'"},
      {R"({"draft": "a", "history": [{"role": "customer"}]})",
       "field 'examples.flag[0].history[0]'"},
      {R"({"draft": "a", "history": [{"role": "customer", "text": "x", "from": "me"}]})",
       "field 'examples.flag[0].history[0].from'"},
      {R"({"draft": "a", "history": {"role": "customer"}})", "field 'examples.flag[0].history'"},
      {R"({"draft": "a", "history": ["hello"]})", "field 'examples.flag[0].history[0]'"},
      {R"({"draft": "a", "now": "soon"})", "field 'examples.flag[0].now'"},
      {R"({"draft": "a", "chanel": "chat"})", "field 'examples.flag[0].chanel'"},
      {R"({"draft": 3})", "field 'examples.flag[0].draft'"},
      {R"({"history": []})", "field 'examples.flag[0]'"},
      {R"(42)", "field 'examples.flag[0]'"},
  };
  for (const auto& [example, field] : cases) {
    const std::string e = error_of(bare_rule(head + example + "]}"));
    EXPECT_NE(e.find(std::string("policy.json: rule 't.h': ") + field), std::string::npos)
        << example << " -> " << e;
  }
}

}  // namespace
}  // namespace tactful
