// RuleSet::compile / load: a set of packs becomes one immutable snapshot or is refused whole, with
// an error naming the source, the rule and what failed (docs/rules.md "Loading guarantees").
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

// A phrase rule flagging "per our policy"; `fields` may override or add members.
std::string rule(const std::string& id, const std::string& fields = "") {
  return R"({"id": ")" + id + R"(", "category": "policy-language", "message": "m", "why": "w",)" +
         (fields.find("\"kind\"") == std::string::npos ? R"( "kind": "phrase",)" : "") +
         (fields.find("\"phrases\"") == std::string::npos &&
                  fields.find("\"kind\"") == std::string::npos
              ? R"( "phrases": ["per our policy"],)"
              : "") +
         (fields.find("\"examples\"") == std::string::npos
              ? R"( "examples": {"flag": ["[[Per our policy]], no."], "pass": ["Yes."]},)"
              : "") +
         fields + R"( "priority": 0})";
}

PackSource pack(const std::string& name, const std::string& rules,
                const std::string& markers = "") {
  std::string json = R"({"schema": 1, "rules": [)" + rules + "]";
  if (!markers.empty()) json += R"(, "markers": [)" + markers + "]";
  return {name, json + "}"};
}

std::string load_error(const std::vector<PackSource>& packs) {
  auto r = RuleSet::load(packs);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error().message;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(RuleSet, ValidCustomSetCompilesAndFinds) {
  auto r = RuleSet::load({pack("a.json", rule("a.policy")),
                          pack("b.json", rule("b.guarantee", R"("phrases": ["I guarantee"],
      "examples": {"flag": ["[[I guarantee]] it."], "pass": ["I'll check."]},)"),
                               R"({"id": "thanks", "phrases": ["thank~"]})")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const RuleSet& set = *r.value();
  EXPECT_EQ(set.rules().size(), 2u);
  ASSERT_EQ(set.markers().size(), 1u);
  EXPECT_EQ(set.markers()[0].id, "thanks");
  const Rule* a = set.find("a.policy");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "a.json");
  const Rule* b = set.find("b.guarantee");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->phrases, std::vector<std::string>{"I guarantee"});
  EXPECT_EQ(set.find("c.missing"), nullptr);
  EXPECT_EQ(set.find(""), nullptr);
  EXPECT_TRUE(set.check_examples(*a).empty());
}

TEST(RuleSet, CompileTakesRulesDirectly) {
  Rule r;
  r.id = "x.asap";
  r.category = "vague-commitment";
  r.message = "m";
  r.why = "w";
  r.phrases = {"asap"};
  r.source = "inline";
  Example flag;
  flag.draft = "We'll fix it ASAP.";
  flag.marked = Span{13, 17};
  r.flag_examples = {flag};
  r.pass_examples = {Example{}};
  r.pass_examples[0].draft = "We'll fix it by 3 pm.";
  auto set = RuleSet::compile({r});
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_NE(set.value()->find("x.asap"), nullptr);
  // The same rule whose mark is off by one word is refused.
  r.flag_examples[0].marked = Span{6, 9};
  auto bad = RuleSet::compile({r});
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(contains(bad.error().message, "inline: rule 'x.asap': examples.flag[0]"))
      << bad.error().message;
  EXPECT_TRUE(contains(bad.error().message, "expected [[fix]]")) << bad.error().message;
  EXPECT_TRUE(contains(bad.error().message, "got [ASAP]")) << bad.error().message;
}

TEST(RuleSet, DuplicateIdsAcrossPacksNameBothFiles) {
  const std::string e =
      load_error({pack("first.json", rule("dup.id")), pack("second.json", rule("dup.id"))});
  EXPECT_TRUE(contains(e, "rule 'dup.id'")) << e;
  EXPECT_TRUE(contains(e, "first.json")) << e;
  EXPECT_TRUE(contains(e, "second.json")) << e;
  EXPECT_TRUE(contains(e, "duplicate")) << e;
  // Within one pack too.
  const std::string same = load_error({pack("one.json", rule("dup.id") + "," + rule("dup.id"))});
  EXPECT_TRUE(contains(same, "one.json: rule 'dup.id'")) << same;
  // And marker sets.
  const std::string m =
      load_error({pack("m1.json", rule("a.b"), R"({"id": "x", "phrases": ["a"]})"),
                  pack("m2.json", "", R"({"id": "x", "phrases": ["b"]})")});
  EXPECT_TRUE(contains(m, "marker set 'x'")) << m;
}

TEST(RuleSet, FailingFlagExampleIsRefused) {
  const std::string e = load_error({pack("p.json", rule("p.rule", R"("examples": {
      "flag": ["[[Per our policy]], no.", "Rules are rules."], "pass": ["Yes."]},)"))});
  EXPECT_TRUE(contains(e, "p.json: rule 'p.rule': examples.flag[1]")) << e;
  EXPECT_TRUE(contains(e, "Rules are rules.")) << e;
  EXPECT_FALSE(contains(e, "examples.flag[0]")) << e;
}

TEST(RuleSet, FlaggedPassExampleIsRefused) {
  const std::string e = load_error({pack("p.json", rule("p.rule", R"("examples": {
      "flag": ["[[Per our policy]], no."], "pass": ["Fine.", "Well, per our policy, yes."]},)"))});
  EXPECT_TRUE(contains(e, "p.json: rule 'p.rule': examples.pass[1]")) << e;
  EXPECT_TRUE(contains(e, "[per our policy]")) << e;
  EXPECT_TRUE(contains(e, "Well, per our policy, yes.")) << e;
}

TEST(RuleSet, ExamplesRunWithTheirContext) {
  // A rule limited to the chat channel: its flag example must carry the channel.
  const std::string chat_only = R"("when": {"channels": ["chat"]}, "examples": {
      "flag": [{"draft": "[[Per our policy]], no.", "channel": "chat"}],
      "pass": [{"draft": "Per our policy, no.", "channel": "email"}]},)";
  EXPECT_TRUE(RuleSet::load({pack("c.json", rule("c.chat", chat_only))}).ok());
  const std::string no_channel = R"("when": {"channels": ["chat"]}, "examples": {
      "flag": ["[[Per our policy]], no."], "pass": ["Yes."]},)";
  EXPECT_TRUE(contains(load_error({pack("c.json", rule("c.chat", no_channel))}),
                       "rule 'c.chat': examples.flag[0] not flagged"));
}

TEST(RuleSet, BadRegexIsRefusedWithRe2Reason) {
  const std::string fields = R"("kind": "pattern", "regex": "(refund",
      "examples": {"flag": ["refund"], "pass": ["x"]},)";
  const std::string e = load_error({pack("re.json", rule("re.bad", fields))});
  EXPECT_TRUE(contains(e, "re.json: rule 're.bad': field 'regex'")) << e;
  EXPECT_TRUE(contains(e, "missing )")) << e;
  // Backreferences are not RE2.
  const std::string back = load_error({pack("re.json", rule("re.back", R"("kind": "pattern",
      "regex": "(a)\\1", "examples": {"flag": ["aa"], "pass": ["x"]},)"))});
  EXPECT_TRUE(contains(back, "field 'regex'")) << back;
  // A regex over the memory limit is refused rather than allowed to eat the server.
  const std::string big = load_error({pack("re.json", rule("re.big", R"("kind": "pattern",
      "regex": "((a{100}){100}){100}", "examples": {"flag": ["a"], "pass": ["x"]},)"))});
  EXPECT_TRUE(contains(big, "rule 're.big': field 'regex'")) << big;
  const std::string req = load_error({pack("re.json", rule("re.req", R"("kind": "require",
      "patterns": ["[a-"], "insert": "Sorry.", "examples": {"flag": ["a"], "pass": ["x"]},)"))});
  EXPECT_TRUE(contains(req, "rule 're.req': field 'patterns'")) << req;
}

TEST(RuleSet, MarkBeyondCaptureGroupsIsRefused) {
  const std::string e = load_error({pack("re.json", rule("re.mark", R"("kind": "pattern",
      "regex": "per (our) policy", "mark": 2,
      "examples": {"flag": ["per our policy"], "pass": ["x"]},)"))});
  EXPECT_TRUE(contains(e, "re.json: rule 're.mark': field 'mark'")) << e;
  EXPECT_TRUE(contains(e, "2")) << e;
  auto ok = RuleSet::load({pack("re.json", rule("re.mark", R"("kind": "pattern",
      "regex": "per (our) policy", "mark": 1,
      "examples": {"flag": ["per [[our]] policy"], "pass": ["x"]},)"))});
  EXPECT_TRUE(ok.ok()) << ok.error().message;
}

TEST(RuleSet, UnknownIntentCanNeverMatch) {
  const std::string e = load_error({pack("w.json", rule("w.intent", R"("when": {
      "intents": ["billing.refund", "billing.dubble-charge"]},)"))});
  EXPECT_TRUE(contains(e, "w.json: rule 'w.intent': field 'when.intents'")) << e;
  EXPECT_TRUE(contains(e, "billing.dubble-charge")) << e;
  EXPECT_TRUE(contains(e, "can never match")) << e;
  const std::string none = load_error({pack("w.json", rule("w.none", R"("when": {
      "not_intents": ["nonsense"]},)"))});
  EXPECT_TRUE(contains(none, "field 'when.not_intents'")) << none;
}

TEST(RuleSet, UnknownMarkerSetIsRefused) {
  const std::string e = load_error({pack("m.json", rule("m.req", R"("kind": "require",
      "markers": ["apologyy"], "insert": "Sorry.", "examples": {"flag": ["x"], "pass": ["y"]},)"))});
  EXPECT_TRUE(contains(e, "m.json: rule 'm.req': field 'markers'")) << e;
  EXPECT_TRUE(contains(e, "apologyy")) << e;
  const std::string w = load_error({pack("m.json", rule("m.waive", R"(
      "unless_sentence_has": ["tyme"],)"))});
  EXPECT_TRUE(contains(w, "rule 'm.waive': field 'unless_sentence_has'")) << w;
  EXPECT_TRUE(contains(w, "tyme")) << w;
}

TEST(RuleSet, PhraseSyntaxErrorsNameRuleAndField) {
  const std::pair<std::string, std::string> cases[] = {
      {R"("phrases": ["[really sorry"],)", "field 'phrases'"},
      {R"("phrases": ["(we have|I have refunded"],)", "field 'phrases'"},
      {R"("phrases": ["visit https://example.com/help"],)", "field 'phrases'"},
      {R"("phrases": ["write to help@example.com"],)", "field 'phrases'"},
      {R"("phrases": ["ticket {{ticket.id}}"],)", "field 'phrases'"},
      {R"("phrases": ["a|b|c|d|e|f|g|h a|b|c|d|e|f|g|h a|b|c|d|e|f|g|h a|b|c|d|e|f|g|h a|b"],)",
       "field 'phrases'"},
      {R"("exceptions": ["[can't wait"],)", "field 'exceptions'"},
  };
  for (const auto& [fields, field] : cases) {
    const std::string e = load_error({pack("ph.json", rule("ph.rule", fields))});
    EXPECT_TRUE(contains(e, "ph.json: rule 'ph.rule': " + field)) << fields << " -> " << e;
  }
  const std::string url = load_error({pack("ph.json", rule("ph.rule", cases[2].first))});
  EXPECT_TRUE(contains(url, "URL")) << url;
  const std::string big = load_error({pack("ph.json", rule("ph.rule", cases[5].first))});
  EXPECT_TRUE(contains(big, "4096")) << big;
  const std::string marker =
      load_error({pack("ph.json", rule("ph.rule"), R"({"id": "bad", "phrases": ["(oops"]})")});
  EXPECT_TRUE(contains(marker, "ph.json: marker set 'bad'")) << marker;
}

TEST(RuleSet, BuiltinSetCoversTheAgentSideCategories) {
  const auto set = RuleSet::builtin();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set.get(), RuleSet::builtin().get());  // compiled once
  std::set<std::string> categories;
  for (const Rule& r : set->rules()) {
    categories.insert(r.category);
    EXPECT_FALSE(r.flag_examples.empty()) << r.id;
    EXPECT_FALSE(r.pass_examples.empty()) << r.id;
    EXPECT_TRUE(set->check_examples(r).empty()) << r.id;
  }
  for (const char* c :
       {"policy-language", "negative-language", "blame", "dismissive", "overpromise",
        "vague-commitment", "repetition", "tone", "personalization", "clarity", "apology"})
    EXPECT_TRUE(categories.count(c)) << c;
  for (const char* id : {"policy.per-policy", "negative.cant", "dismissive.minimizing-just",
                         "tone.curt", "repetition.parroting", "personalization.generic-greeting"})
    EXPECT_NE(set->find(id), nullptr) << id;
  std::set<std::string> markers;
  for (const MarkerSet& m : set->markers()) markers.insert(m.id);
  for (const char* m : {"apology", "empathy", "gratitude", "positive", "time", "action"})
    EXPECT_TRUE(markers.count(m)) << m;
  // load() of the same sources gives the same rules.
  auto again = RuleSet::load(builtin_packs());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again.value()->rules().size(), set->rules().size());
}

TEST(RuleSet, AdminPackClashingWithBuiltinIsRefused) {
  std::vector<PackSource> packs = builtin_packs();
  packs.push_back(pack("admin.json", rule("policy.per-policy")));
  const std::string e = load_error(packs);
  EXPECT_TRUE(contains(e, "admin.json")) << e;
  EXPECT_TRUE(contains(e, "policy-language.json")) << e;
}

TEST(RuleSet, SnapshotIsSafeToShareBetweenThreads) {
  const Engine engine(RuleSet::builtin());
  const std::vector<std::string> drafts = {
      "Hi there,\n\nPer our policy, refunds take 5-10 business days. Unfortunately there is "
      "nothing I can do, so please calm down. We will look into it ASAP!!!\n\nBest regards,\nSam",
      "I can't wait to help you! That's not a problem at all.",
      "Just restart the router. As I already said, YOU NEED TO RESTART IT.",
      "ok",
      "I'm so sorry about the double charge, Dana. I've refunded it and you'll see it by Friday.",
      "Please clear your browser cache and cookies, then try logging in again.",
  };
  std::vector<Message> history = {
      {Role::customer, "I was charged TWICE this month!! I want my money back or I'm cancelling.",
       std::nullopt},
      {Role::agent, "Please clear your browser cache and cookies, then try logging in again.",
       std::nullopt}};
  auto run = [&](const std::string& draft) {
    SuggestRequest req;
    req.draft = draft;
    req.history = history;
    req.customer_name = "Dana";
    req.channel = "chat";
    const Report report = engine.analyze(req.context(), req.draft_view());
    return report_to_json(report, req);
  };
  std::vector<std::string> expected;
  for (const auto& d : drafts) expected.push_back(run(d));
  ASSERT_NE(expected[0].find("policy.per-policy"), std::string::npos);

  constexpr int kThreads = 8, kRounds = 40;
  std::vector<std::vector<std::string>> got(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < kRounds; ++round) {
          const std::size_t i = static_cast<std::size_t>(t + round) % drafts.size();
          got[static_cast<std::size_t>(t)].push_back(run(drafts[i]));
        }
      });
    }
  }
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[static_cast<std::size_t>(t)].size(), static_cast<std::size_t>(kRounds));
    for (int round = 0; round < kRounds; ++round) {
      const std::size_t i = static_cast<std::size_t>(t + round) % drafts.size();
      EXPECT_EQ(got[static_cast<std::size_t>(t)][static_cast<std::size_t>(round)], expected[i])
          << "thread " << t << " round " << round;
    }
  }
}

}  // namespace
}  // namespace tactful
