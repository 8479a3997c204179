// parse_pack: the shape of rule-pack JSON, and errors that name the file, the rule and the field
// (docs/rules.md). Semantics (phrases compile, examples pass) are RuleSet's and tested there.
#include <gtest/gtest.h>

#include <string>

#include "tactful/rule_set.h"

namespace tactful {
namespace {

// A valid phrase rule; `extra` is spliced in as further members (with a leading comma).
std::string rule_json(const std::string& id = "t.per-policy", const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "kind": "phrase", "category": "policy-language",
    "message": "\"{match}\" hides behind the rules.", "why": "Customers want options.",
    "phrases": ["per our policy"],
    "examples": {"flag": ["[[Per our policy]] no."], "pass": ["Here is what I can do."]})" +
         extra + "}";
}

std::string pack_json(const std::string& rules, const std::string& extra = "") {
  return R"({"schema": 1, "pack": "test")" + extra + R"(, "rules": [)" + rules + "]}";
}

Result<Pack> parse(const std::string& json, const std::string& name = "policy.json") {
  return parse_pack(PackSource{name, json});
}

// The error of a pack that must be refused (fails the test if it parses).
std::string error_of(const std::string& json, const std::string& name = "policy.json") {
  auto r = parse(json, name);
  EXPECT_FALSE(r.ok()) << json;
  return r.ok() ? std::string() : r.error().message;
}

// A rule built from explicit members (no defaults), for missing-field tests.
std::string bare_rule(const std::string& members) {
  return pack_json("{" + members + "}");
}

constexpr const char* kOkExamples =
    R"("examples": {"flag": ["[[per our policy]]"], "pass": ["fine"]})";

TEST(PackParser, ParsesEveryCommonField) {
  const std::string json = pack_json(
      rule_json("t.full", R"(, "severity": "warning", "priority": 7, "description": "note",
      "exceptions": ["policy on your side"], "unless_negated": true,
      "replacements": ["", "Here's how this works:"],
      "when": {"intents": ["billing.refund"], "min_frustration": 0.5, "teams": ["billing"],
               "channels": ["chat"], "customer_present": true, "min_customer_words": 6,
               "min_problem_report": 0.7, "min_feeling_report": 0.8})"));
  auto r = parse(json);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rules.size(), 1u);
  const Rule& rule = r->rules[0];
  EXPECT_EQ(rule.id, "t.full");
  EXPECT_EQ(rule.kind, RuleKind::phrase);
  EXPECT_EQ(rule.category, "policy-language");
  EXPECT_EQ(rule.severity, Severity::warning);
  EXPECT_EQ(rule.priority, 7);
  EXPECT_EQ(rule.source, "policy.json");
  EXPECT_TRUE(rule.unless_negated);
  EXPECT_EQ(rule.phrases, std::vector<std::string>{"per our policy"});
  EXPECT_EQ(rule.exceptions, std::vector<std::string>{"policy on your side"});
  EXPECT_EQ(rule.replacements, (std::vector<std::string>{"", "Here's how this works:"}));
  EXPECT_EQ(rule.when.intents_any, std::vector<std::string>{"billing.refund"});
  ASSERT_TRUE(rule.when.min_frustration);
  EXPECT_DOUBLE_EQ(*rule.when.min_frustration, 0.5);
  EXPECT_EQ(rule.when.teams, std::vector<std::string>{"billing"});
  EXPECT_EQ(rule.when.channels, std::vector<std::string>{"chat"});
  EXPECT_EQ(rule.when.customer_present, std::optional<bool>(true));
  EXPECT_EQ(rule.when.min_customer_words, std::optional<int>(6));
  EXPECT_EQ(rule.when.min_problem_report, std::optional<double>(0.7));
  EXPECT_EQ(rule.when.min_feeling_report, std::optional<double>(0.8));
  ASSERT_EQ(rule.flag_examples.size(), 1u);
  EXPECT_EQ(rule.flag_examples[0].draft, "Per our policy no.");
  EXPECT_EQ(rule.flag_examples[0].marked, (Span{0, 14}));
  ASSERT_EQ(rule.pass_examples.size(), 1u);
  EXPECT_FALSE(rule.pass_examples[0].marked);
}

TEST(PackParser, DefaultsAndMarkerSets) {
  const std::string json =
      R"({"schema": 1, "markers": [{"id": "thanks", "phrases": ["thank~"],
          "exceptions": ["thanks but"], "unless_negated": false}], "rules": [)" +
      rule_json() + "]}";
  auto r = parse(json);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rules[0].severity, Severity::suggestion);
  EXPECT_EQ(r->rules[0].priority, 0);
  EXPECT_FALSE(r->rules[0].unless_negated);
  ASSERT_EQ(r->markers.size(), 1u);
  EXPECT_EQ(r->markers[0].id, "thanks");
  EXPECT_EQ(r->markers[0].phrases, std::vector<std::string>{"thank~"});
  EXPECT_EQ(r->markers[0].exceptions, std::vector<std::string>{"thanks but"});
  EXPECT_FALSE(r->markers[0].unless_negated);
  EXPECT_EQ(r->markers[0].source, "policy.json");
}

TEST(PackParser, InvalidJsonNamesFileAndByteOffset) {
  const std::string e = error_of(R"({"schema": 1,, "rules": []})", "broken.json");
  EXPECT_EQ(e.rfind("broken.json: ", 0), 0u) << e;
  EXPECT_NE(e.find("invalid JSON at byte 13"), std::string::npos) << e;
  EXPECT_NE(error_of("", "empty.json").find("empty.json"), std::string::npos);
  EXPECT_NE(error_of(R"({"schema": 1} x)").find("byte 14"), std::string::npos);
}

TEST(PackParser, InvalidUtf8IsRefused) {
  const std::string e = error_of("{\"schema\": 1, \"pack\": \"bad \xC3\x28\"}");
  EXPECT_NE(e.find("invalid JSON"), std::string::npos) << e;
}

TEST(PackParser, NotAnObject) {
  for (const char* json : {"[]", "1", "\"pack\"", "null"}) {
    const std::string e = error_of(json, "list.json");
    EXPECT_NE(e.find("list.json"), std::string::npos) << e;
    EXPECT_NE(e.find("JSON object"), std::string::npos) << e;
  }
}

TEST(PackParser, SchemaIsRequiredAndMustBeOne) {
  std::string e = error_of(R"({"pack": "x", "rules": []})");
  EXPECT_NE(e.find("field 'schema'"), std::string::npos) << e;
  EXPECT_NE(e.find("missing"), std::string::npos) << e;
  for (const char* schema : {"2", "0", "\"1\"", "1.5", "null"}) {
    e = error_of(std::string(R"({"schema": )") + schema + R"(, "rules": []})");
    EXPECT_NE(e.find("policy.json: field 'schema'"), std::string::npos) << schema << ": " << e;
  }
  EXPECT_TRUE(parse(R"({"schema": 1})").ok());
}

TEST(PackParser, UnknownTopLevelFieldIsRefused) {
  const std::string e = error_of(R"({"schema": 1, "rulez": []})");
  EXPECT_NE(e.find("field 'rulez'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown"), std::string::npos) << e;
  EXPECT_NE(error_of(R"({"schema": 1, "rules": {}})").find("field 'rules'"), std::string::npos);
  EXPECT_NE(error_of(R"({"schema": 1, "markers": 3})").find("field 'markers'"), std::string::npos);
  EXPECT_NE(error_of(R"({"schema": 1, "pack": 3})").find("field 'pack'"), std::string::npos);
}

TEST(PackParser, UnknownRuleFieldNamesRuleAndField) {
  const std::string e = error_of(pack_json(rule_json("policy.per-policy", R"(, "phrasess": [])")));
  EXPECT_EQ(e.rfind("policy.json: rule 'policy.per-policy': field 'phrasess': ", 0), 0u) << e;
  // A field of another kind is unknown too: a phrase rule has no regex.
  const std::string k = error_of(pack_json(rule_json("t.x", R"(, "regex": "a+")")));
  EXPECT_NE(k.find("rule 't.x': field 'regex'"), std::string::npos) << k;
  const std::string ex = error_of(pack_json(
      R"({"id": "t.ex", "kind": "phrase", "category": "c", "message": "m", "why": "w",
          "phrases": ["a"], "examples": {"flag": ["a"], "pass": ["b"], "flagg": []}})"));
  EXPECT_NE(ex.find("rule 't.ex': field 'examples.flagg'"), std::string::npos) << ex;
  // "disabled" is not a field: accepting it would leave a rule the admin meant to turn off on.
  const std::string d = error_of(pack_json(rule_json("t.d", R"(, "disabled": true)")));
  EXPECT_NE(d.find("rule 't.d': field 'disabled'"), std::string::npos) << d;
  const std::string w = error_of(pack_json(rule_json("t.w", R"(, "when": {"intent": []})")));
  EXPECT_NE(w.find("rule 't.w': field 'when.intent'"), std::string::npos) << w;
}

TEST(PackParser, WrongTypesNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"(, "priority": "high")", "field 'priority'"},
      {R"(, "priority": 1.5)", "field 'priority'"},
      {R"(, "unless_negated": "yes")", "field 'unless_negated'"},
      {R"(, "exceptions": "can't wait")", "field 'exceptions'"},
      {R"(, "exceptions": ["ok", 3])", "field 'exceptions[1]'"},
      {R"(, "replacements": [null])", "field 'replacements[0]'"},
      {R"(, "unless_sentence_has": {})", "field 'unless_sentence_has'"},
      {R"(, "when": [])", "field 'when'"},
      {R"(, "when": {"min_frustration": "high"})", "field 'when.min_frustration'"},
      {R"(, "when": {"min_frustration": 2})", "field 'when.min_frustration'"},
      {R"(, "when": {"min_problem_report": 1.5})", "field 'when.min_problem_report'"},
      {R"(, "when": {"min_feeling_report": -0.1})", "field 'when.min_feeling_report'"},
      {R"(, "when": {"min_feeling_report": "high"})", "field 'when.min_feeling_report'"},
      {R"(, "when": {"max_sentiment": -3})", "field 'when.max_sentiment'"},
      {R"(, "when": {"name_known": 1})", "field 'when.name_known'"},
      {R"(, "when": {"teams": "billing"})", "field 'when.teams'"},
      {R"(, "when": {"intents": [""]})", "field 'when.intents[0]'"},
  };
  for (const auto& [extra, field] : cases) {
    const std::string e = error_of(pack_json(rule_json("t.types", extra)));
    EXPECT_NE(e.find(std::string("policy.json: rule 't.types': ") + field), std::string::npos)
        << extra << " -> " << e;
  }
  const std::pair<const char*, const char*> whole[] = {
      {R"("id": "t.p", "kind": "phrase", "category": "c", "message": 5, "why": "w",
          "phrases": ["a"], )",
       "field 'message'"},
      {R"("id": "t.p", "kind": "phrase", "category": ["c"], "message": "m", "why": "w",
          "phrases": ["a"], )",
       "field 'category'"},
      {R"("id": "t.p", "kind": "phrase", "category": "c", "message": "m", "why": "w",
          "phrases": "a", )",
       "field 'phrases'"},
      {R"("id": "t.p", "kind": "pattern", "category": "c", "message": "m", "why": "w",
          "regex": ["a"], )",
       "field 'regex'"},
      {R"("id": "t.p", "kind": "pattern", "category": "c", "message": "m", "why": "w",
          "regex": "a", "mark": "1", )",
       "field 'mark'"},
      {R"("id": "t.p", "kind": "repeat", "category": "c", "message": "m", "why": "w",
          "similarity": 1.5, )",
       "field 'similarity'"},
      {R"("id": "t.p", "kind": "repeat", "category": "c", "message": "m", "why": "w",
          "min_words": 0, )",
       "field 'min_words'"},
      {R"("id": "t.p", "kind": "metric", "category": "c", "message": "m", "why": "w",
          "metric": "word_count", "above": "3", )",
       "field 'above'"},
      {R"("id": "t.p", "kind": "substitute", "category": "c", "message": "m", "why": "w",
          "swap": {"a": "b"}, )",
       "field 'swap.a'"},
      {R"("id": "t.p", "kind": "substitute", "category": "c", "message": "m", "why": "w",
          "swap": [], )",
       "field 'swap'"},
      {R"("id": "t.p", "kind": "phrase", "category": "c", "message": "m", "why": "w",
          "phrases": ["a"], "examples": [], "x": 1)",
       "field"},
  };
  for (const auto& [members, field] : whole) {
    std::string m = members;
    if (m.find("\"examples\"") == std::string::npos) m += kOkExamples;
    const std::string e = error_of(bare_rule(m));
    EXPECT_NE(e.find(std::string("rule 't.p': ") + field), std::string::npos)
        << members << " -> " << e;
  }
  const std::string ex = error_of(bare_rule(R"("id": "t.p", "kind": "phrase", "category": "c",
      "message": "m", "why": "w", "phrases": ["a"], "examples": [])"));
  EXPECT_NE(ex.find("rule 't.p': field 'examples'"), std::string::npos) << ex;
}

TEST(PackParser, BadEnumsListTheChoices) {
  EXPECT_EQ(error_of(pack_json(rule_json("policy.per-policy", R"(, "severity": "urgent")"))),
            "policy.json: rule 'policy.per-policy': field 'severity': 'urgent' is not one of "
            "hint, suggestion, warning");
  const std::string k = error_of(bare_rule(std::string(R"("id": "t.k", "kind": "regex",
      "category": "c", "message": "m", "why": "w", )") +
                                           kOkExamples));
  EXPECT_NE(k.find("rule 't.k': field 'kind': 'regex' is not one of phrase, substitute, "
                   "pattern, require, repeat, metric"),
            std::string::npos)
      << k;
  const std::string m = error_of(bare_rule(std::string(R"("id": "t.m", "kind": "metric",
      "category": "c", "message": "m", "why": "w", "metric": "emoji", "above": 1, )") +
                                           kOkExamples));
  EXPECT_NE(m.find("rule 't.m': field 'metric': 'emoji' is not one of caps_words"),
            std::string::npos)
      << m;
  const std::string i = error_of(bare_rule(std::string(R"("id": "t.i", "kind": "require",
      "category": "c", "message": "m", "why": "w", "phrases": ["a"], "insert": "Hi.",
      "insert_at": "middle", )") + kOkExamples));
  EXPECT_NE(i.find("rule 't.i': field 'insert_at': 'middle' is not one of start"),
            std::string::npos)
      << i;
  const std::string missing = error_of(bare_rule(std::string(R"("id": "t.n", "category": "c",
      "message": "m", "why": "w", "phrases": ["a"], )") +
                                                 kOkExamples));
  EXPECT_NE(missing.find("rule 't.n': field 'kind'"), std::string::npos) << missing;
}

TEST(PackParser, IdMustBeNonEmptyWithSafeCharacters) {
  for (const char* id : {R"("id": "",)", R"("id": 7,)", ""}) {
    const std::string e = error_of(bare_rule(std::string(id) + R"( "kind": "phrase",
        "category": "c", "message": "m", "why": "w", "phrases": ["a"], )" +
                                             kOkExamples));
    EXPECT_NE(e.find("policy.json: rule '#0': field 'id'"), std::string::npos) << id << e;
  }
  for (const char* id : {"bad id", "policy/per", "x!", "caf\xC3\xA9", "a:b"}) {
    const std::string e = error_of(pack_json(rule_json(id)));
    EXPECT_NE(e.find(std::string("rule '") + id + "': field 'id'"), std::string::npos) << e;
  }
  EXPECT_TRUE(parse(pack_json(rule_json("Ok_id-1.2"))).ok());
  // The second rule of a pack without an id is named by its position.
  const std::string e2 = error_of(pack_json(rule_json() + R"(, {"kind": "phrase"})"));
  EXPECT_NE(e2.find("rule '#1': field 'id'"), std::string::npos) << e2;
}

TEST(PackParser, RequiredTextFields) {
  const std::string base = R"("id": "t.r", "kind": "phrase", "phrases": ["a"])";
  const std::pair<std::string, const char*> cases[] = {
      {R"(, "message": "m", "why": "w", )" + std::string(kOkExamples), "field 'category'"},
      {R"(, "category": "c", "why": "w", )" + std::string(kOkExamples), "field 'message'"},
      {R"(, "category": "c", "message": "m", )" + std::string(kOkExamples), "field 'why'"},
      {R"(, "category": "c", "message": "m", "why": "w")", "field 'examples'"},
      {R"(, "category": "c", "message": "", "why": "w", )" + std::string(kOkExamples),
       "field 'message'"},
      {R"(, "category": "c", "message": "m", "why": "", )" + std::string(kOkExamples),
       "field 'why'"},
      {R"(, "category": "", "message": "m", "why": "w", )" + std::string(kOkExamples),
       "field 'category'"},
  };
  for (const auto& [rest, field] : cases) {
    const std::string e = error_of(bare_rule(base + rest));
    EXPECT_NE(e.find(std::string("policy.json: rule 't.r': ") + field), std::string::npos)
        << rest << " -> " << e;
  }
}

TEST(PackParser, KindSpecificRequiredFields) {
  const std::pair<const char*, const char*> cases[] = {
      {R"("kind": "phrase")", "field 'phrases'"},
      {R"("kind": "phrase", "phrases": [])", "field 'phrases'"},
      {R"("kind": "substitute")", "field 'swap'"},
      {R"("kind": "pattern", "regex": "")", "field 'regex'"},
      {R"("kind": "require", "insert": "Sorry.")", "field 'phrases'"},
      {R"("kind": "require", "markers": ["apology"])", "field 'insert'"},
      {R"("kind": "metric", "above": 3)", "field 'metric'"},
      {R"("kind": "metric", "metric": "word_count")", "field 'above'"},
  };
  for (const auto& [kind, field] : cases) {
    const std::string e =
        error_of(bare_rule(std::string(R"("id": "t.k", )") + kind +
                           R"(, "category": "c", "message": "m", "why": "w", )" + kOkExamples));
    EXPECT_NE(e.find(std::string("rule 't.k': ") + field), std::string::npos)
        << kind << " -> " << e;
  }
}

TEST(PackParser, MarkerSetErrorsNameTheSet) {
  const std::pair<const char*, const char*> cases[] = {
      {R"([{"phrases": ["a"]}])", "markers[0].id"},
      {R"([{"id": "m"}])", "markers[0].phrases"},
      {R"([{"id": "m", "phrases": ["a"]}, {"id": "n", "phrases": "b"}])", "markers[1].phrases"},
      {R"([{"id": "m", "phrases": ["a"], "exception": ["b"]}])", "markers[0].exception"},
      {R"([{"id": "m", "phrases": ["a"], "unless_negated": "no"}])", "markers[0].unless_negated"},
      {R"(["apology"])", "markers[0]"},
  };
  for (const auto& [markers, field] : cases) {
    const std::string e =
        error_of(std::string(R"({"schema": 1, "markers": )") + markers + "}", "markers.json");
    EXPECT_NE(e.find(std::string("markers.json: field '") + field), std::string::npos)
        << markers << " -> " << e;
  }
}

TEST(PackParser, DeepNestingDoesNotCrash) {
  const std::string open(100000, '[');
  std::string e = error_of(open, "deep.json");
  EXPECT_NE(e.find("deep.json: invalid JSON"), std::string::npos);
  e = error_of(open + std::string(100000, ']'), "deep.json");
  EXPECT_NE(e.find("JSON object"), std::string::npos) << e;
  e = error_of(R"({"schema": 1, "rules": )" + open + std::string(100000, ']') + "}", "deep.json");
  EXPECT_NE(e.find("deep.json: rule '#0'"), std::string::npos) << e;
  e = error_of(R"({"schema": 1, "pack": )" + std::string(100000, '{'), "deep.json");
  EXPECT_NE(e.find("invalid JSON"), std::string::npos) << e;
}

TEST(PackParser, FiveMegabytePack) {
  std::string rules;
  for (int i = 0; i < 2000; ++i) {
    if (i) rules += ",";
    rules += rule_json("t.rule-" + std::to_string(i));
  }
  const std::string description(5u << 20, 'x');
  const std::string json = pack_json(rules, R"(, "description": ")" + description + "\"");
  ASSERT_GT(json.size(), 5u << 20);
  auto r = parse(json);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rules.size(), 2000u);
  EXPECT_EQ(r->rules.back().id, "t.rule-1999");
  // The same pack with one bad rule at the end is refused, naming that rule.
  const std::string bad = pack_json(rules + "," + rule_json("t.bad", R"(, "severity": "loud")"),
                                    R"(, "description": ")" + description + "\"");
  const std::string e = error_of(bad);
  EXPECT_NE(e.find("rule 't.bad': field 'severity'"), std::string::npos) << e.substr(0, 200);
}

}  // namespace
}  // namespace tactful
