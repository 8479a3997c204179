// Engine::analyze with small packs built here: exceptions, negation and sentence waivers,
// AnalyzeOptions, merging of overlapping hints, and `revised` (docs/rules.md "Merging").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pack_from_json.h"
#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

// One phrase rule. `phrases`, `replacements`, `flag` and `pass` are JSON arrays.
std::string phrase_rule(const std::string& id, const std::string& category,
                        const std::string& severity, const std::string& phrases,
                        const std::string& flag, const std::string& pass,
                        const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "kind": "phrase", "category": ")" + category +
         R"(", "severity": ")" + severity + R"(", "message": "Rule )" + id +
         R"(: {match}", "why": "because", "phrases": )" + phrases + R"(, "examples": {"flag": )" +
         flag + R"(, "pass": )" + pass + "}" + extra + "}";
}

Report analyze(const std::shared_ptr<const RuleSet>& set, std::string_view draft,
               const AnalyzeOptions& options = {}, std::string_view name = "") {
  Context ctx;
  ctx.customer_name = name;
  return Engine(set).analyze(ctx, Draft{draft, {}}, options);
}

// "rule@hinted text" for each hint, in report order.
std::vector<std::string> hints(const Report& r, std::string_view draft) {
  std::vector<std::string> out;
  for (const auto& s : r.suggestions)
    out.push_back(s.rule + "@" + std::string(draft.substr(s.span.begin, s.span.size())));
  return out;
}

using V = std::vector<std::string>;

TEST(EngineRules, ExceptionsDropTheMatchesTheyOverlap) {
  const auto set = pack_from_json(phrase_rule(
      "neg.cant", "negative-language", "suggestion", R"(["can't"])", R"(["I [[can't]] go."])",
      R"(["I can't wait!"])", R"(, "exceptions": ["can't wait"])"));
  ASSERT_TRUE(set);
  std::string d = "I can't wait to see it, but I can't ship it today.";
  EXPECT_EQ(hints(analyze(set, d), d), (V{"neg.cant@can't"}));
  EXPECT_EQ(analyze(set, d).suggestions[0].span.begin, d.rfind("can't"));
  d = "I CAN'T WAIT. I can\xE2\x80\x99t wait.";  // case and curly apostrophe
  EXPECT_TRUE(analyze(set, d).suggestions.empty());
}

TEST(EngineRules, UnlessNegatedDropsNegatedMatches) {
  const auto set =
      pack_from_json(phrase_rule("neg.problem", "negative-language", "suggestion",
                                 R"(["a problem"])", R"(["That is [[a problem]]."])",
                                 R"(["That's not a problem."])", R"(, "unless_negated": true)"));
  ASSERT_TRUE(set);
  EXPECT_TRUE(analyze(set, "That's not a problem at all.").suggestions.empty());
  EXPECT_TRUE(analyze(set, "It has never been a problem.").suggestions.empty());
  EXPECT_EQ(analyze(set, "That is a problem.").suggestions.size(), 1u);
  // A negation in an earlier clause or sentence does not count.
  EXPECT_EQ(analyze(set, "No. That is a problem.").suggestions.size(), 1u);
  EXPECT_EQ(analyze(set, "I'm not sure, but it is a problem.").suggestions.size(), 1u);
}

TEST(EngineRules, UnlessSentenceHasWaivesWithinTheSentence) {
  const auto set =
      pack_from_json(phrase_rule("vague.soon", "vague-commitment", "suggestion", R"(["soon"])",
                                 R"(["It ships [[soon]]."])", R"(["It ships soon, by Friday."])",
                                 R"(, "unless_sentence_has": ["when"])"),
                     R"({"id": "when", "phrases": ["by friday", "by <number> pm"]})");
  ASSERT_TRUE(set);
  EXPECT_EQ(analyze(set, "We'll fix it soon.").suggestions.size(), 1u);
  EXPECT_TRUE(analyze(set, "We'll fix it soon, by 3 pm.").suggestions.empty());
  EXPECT_TRUE(analyze(set, "By Friday, soon.").suggestions.empty());
  std::string d = "We'll fix it soon. By Friday we'll know more.";
  EXPECT_EQ(hints(analyze(set, d), d), (V{"vague.soon@soon"}));
  // A negated marker does not count ("not by Friday").
  EXPECT_EQ(analyze(set, "It won't be soon, not by Friday.").suggestions.size(), 1u);
}

TEST(EngineRules, AnalyzeOptionsSelectRules) {
  const auto set =
      pack_from_json(phrase_rule("a.policy", "policy-language", "warning", R"(["per our policy"])",
                                 R"(["[[per our policy]]"])", R"(["ok"])") +
                     "," +
                     phrase_rule("b.sadly", "negative-language", "suggestion", R"(["sadly"])",
                                 R"(["[[sadly]]"])", R"(["ok"])") +
                     "," +
                     phrase_rule("c.nope", "negative-language", "hint", R"(["nope"])",
                                 R"(["[[nope]]"])", R"(["ok"])"));
  ASSERT_TRUE(set);
  const std::string d = "Per our policy, sadly, nope.";
  EXPECT_EQ(hints(analyze(set, d), d),
            (V{"a.policy@Per our policy", "b.sadly@sadly", "c.nope@nope"}));
  const std::string rule_a[] = {"a.policy"};
  const std::string neg[] = {"negative-language"};
  const std::string only[] = {"c.nope", "a.policy"};
  AnalyzeOptions o;
  o.disabled_rules = rule_a;
  EXPECT_EQ(hints(analyze(set, d, o), d), (V{"b.sadly@sadly", "c.nope@nope"}));
  o = {};
  o.disabled_categories = neg;
  EXPECT_EQ(hints(analyze(set, d, o), d), (V{"a.policy@Per our policy"}));
  o = {};
  o.enabled_only = only;
  EXPECT_EQ(hints(analyze(set, d, o), d), (V{"a.policy@Per our policy", "c.nope@nope"}));
  o.disabled_rules = rule_a;  // disabling wins over enabled_only
  EXPECT_EQ(hints(analyze(set, d, o), d), (V{"c.nope@nope"}));
}

TEST(EngineMerge, TwoPhrasesOfOneRuleBecomeOneHint) {
  const auto set = pack_from_json(phrase_rule("p.policy", "policy-language", "warning",
                                              R"(["per our", "our policy"])",
                                              R"(["[[per our policy]]"])", R"(["our rules"])",
                                              R"(, "replacements": ["Here is how it works"])"));
  ASSERT_TRUE(set);
  const std::string d = "Well, per our policy, no.";
  const Report r = analyze(set, d);
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.suggestions[0].span, (Span{6, 20}));
  EXPECT_EQ(r.suggestions[0].message, "Rule p.policy: per our policy");  // {match} after merge
  EXPECT_EQ(r.revised, "Well, Here is how it works, no.");
}

TEST(EngineMerge, OverlapInOneCategoryKeepsTheStrongest) {
  const std::string weak = phrase_rule("x.weak", "dismissive", "hint", R"(["just restart"])",
                                       R"(["[[just restart]]"])", R"(["restart"])");
  const std::string strong = phrase_rule("x.strong", "dismissive", "warning", R"(["restart it"])",
                                         R"(["[[restart it]]"])", R"(["restart"])");
  for (const auto& rules : {weak + "," + strong, strong + "," + weak}) {
    const auto set = pack_from_json(rules);
    ASSERT_TRUE(set);
    std::string d = "Just restart it.";
    EXPECT_EQ(hints(analyze(set, d), d), (V{"x.strong@restart it"}));
    d = "Just restart the router, then restart it.";
    EXPECT_EQ(hints(analyze(set, d), d), (V{"x.weak@Just restart", "x.strong@restart it"}));
  }
  // Equal severity: the higher priority wins.
  const auto prio =
      pack_from_json(phrase_rule("y.low", "dismissive", "suggestion", R"(["just restart"])",
                                 R"(["[[just restart]]"])", R"(["x"])", R"(, "priority": 1)") +
                     "," +
                     phrase_rule("y.high", "dismissive", "suggestion", R"(["restart it"])",
                                 R"(["[[restart it]]"])", R"(["x"])", R"(, "priority": 5)"));
  ASSERT_TRUE(prio);
  const std::string d = "Just restart it.";
  EXPECT_EQ(hints(analyze(prio, d), d), (V{"y.high@restart it"}));
}

TEST(EngineMerge, DifferentCategoriesBothKeptInPositionOrder) {
  const auto set =
      pack_from_json(phrase_rule("t.tone", "tone", "warning", R"(["restart it"])",
                                 R"(["[[restart it]]"])", R"(["x"])") +
                     "," +
                     phrase_rule("d.just", "dismissive", "suggestion", R"(["just restart"])",
                                 R"(["[[just restart]]"])", R"(["x"])") +
                     "," +
                     phrase_rule("p.late", "policy-language", "hint", R"(["please"])",
                                 R"(["[[please]]"])", R"(["x"])"));
  ASSERT_TRUE(set);
  const std::string d = "Please just restart it, please.";
  const Report r = analyze(set, d);
  EXPECT_EQ(hints(r, d),
            (V{"p.late@Please", "d.just@just restart", "t.tone@restart it", "p.late@please"}));
  for (std::size_t i = 1; i < r.suggestions.size(); ++i)
    EXPECT_LE(r.suggestions[i - 1].span.begin, r.suggestions[i].span.begin);
}

TEST(EngineRevise, SeveralReplacementsAtDifferentPlaces) {
  const auto set = pack_from_json(
      phrase_rule("r.policy", "policy-language", "warning", R"(["per our policy ,"])",
                  R"(["[[per our policy,]] x"])", R"(["x"])",
                  R"(, "replacements": ["Here's how this works:"])") +
      "," +
      phrase_rule("r.asap", "vague-commitment", "suggestion", R"(["asap"])", R"(["[[asap]]"])",
                  R"(["x"])", R"(, "replacements": ["by 3 pm today", "today"])"));
  ASSERT_TRUE(set);
  const Report r = analyze(set, "Per our policy, refunds go out ASAP. I'll confirm ASAP.");
  EXPECT_EQ(r.revised,
            "Here's how this works: refunds go out by 3 pm today. I'll confirm by 3 pm "
            "today.");
}

TEST(EngineRevise, DeletionsTakeOneSpaceAndFixCapitals) {
  const auto set =
      pack_from_json(phrase_rule("d.just", "dismissive", "suggestion", R"(["just"])",
                                 R"(["[[just]]"])", R"(["x"])", R"(, "replacements": [""])"));
  ASSERT_TRUE(set);
  EXPECT_EQ(analyze(set, "Please just restart it.").revised, "Please restart it.");
  EXPECT_EQ(analyze(set, "Just restart it.").revised, "Restart it.");
  EXPECT_EQ(analyze(set, "Done. Just restart it.").revised, "Done. Restart it.");
  EXPECT_EQ(analyze(set, "Hi!\nJust restart it.").revised, "Hi!\nRestart it.");
  EXPECT_EQ(analyze(set, "Restart it, just").revised, "Restart it,");
  EXPECT_EQ(analyze(set, "Just").revised, "");
}

std::string require_rule(const std::string& id, const std::string& severity,
                         const std::string& insert_at) {
  return R"({"id": ")" + id + R"(", "kind": "require", "category": "apology", "severity": ")" +
         severity + R"(", "message": "Say sorry", "why": "w", "markers": ["sorry"],
         "insert": "I'm sorry about this.", "insert_at": ")" +
         insert_at + R"(",
         "examples": {"flag": [")" +
         (insert_at == "end" ? "Hi [[there]]" : "[[Hi]] there") + R"("], "pass": ["Sorry!"]}})";
}

constexpr const char* kSorry = R"({"id": "sorry", "phrases": ["sorry"]})";

TEST(EngineRevise, InsertionAtStartAndEnd) {
  const auto start = pack_from_json(require_rule("a.start", "suggestion", "start"), kSorry);
  ASSERT_TRUE(start);
  Report r = analyze(start, "Your refund is on its way.");
  ASSERT_EQ(r.suggestions.size(), 1u);
  ASSERT_TRUE(r.suggestions[0].insert);
  EXPECT_EQ(r.suggestions[0].insert->at, 0u);
  EXPECT_EQ(r.suggestions[0].span, (Span{0, 4}));  // anchored on the first word
  EXPECT_EQ(r.revised, "I'm sorry about this. Your refund is on its way.");
  EXPECT_TRUE(analyze(start, "Sorry, your refund is on its way.").suggestions.empty());

  const auto end = pack_from_json(require_rule("a.end", "suggestion", "end"), kSorry);
  ASSERT_TRUE(end);
  r = analyze(end, "Your refund is on its way.");
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.revised, "Your refund is on its way. I'm sorry about this.");

  const auto greet =
      pack_from_json(require_rule("a.greet", "suggestion", "after_greeting"), kSorry);
  ASSERT_TRUE(greet);
  EXPECT_EQ(analyze(greet, "Hi Dana,\nYour refund is on its way.").revised,
            "Hi Dana,\nI'm sorry about this. Your refund is on its way.");
}

TEST(EngineRules, RequireIsMetByPhrasesPatternsMarkersOrExceptions) {
  const auto set = pack_from_json(
      R"({"id": "r.sorry", "kind": "require", "category": "apology", "message": "m", "why": "w",
          "phrases": ["my bad"], "patterns": ["apologi[sz]e"], "markers": ["sorry"],
          "exceptions": ["no worries"], "insert": "Sorry about this.",
          "examples": {"flag": ["[[Your]] refund is late."], "pass": ["Sorry, it's late."]}})",
      kSorry);
  ASSERT_TRUE(set);
  EXPECT_EQ(analyze(set, "Your refund is late.").suggestions.size(), 1u);
  for (const char* met : {"My bad, your refund is late.", "We APOLOGISE, it is late.",
                          "Sorry! It is late.", "No worries, it is late."})
    EXPECT_TRUE(analyze(set, met).suggestions.empty()) << met;
  // A negated marker is not an apology; one in a skip region does not count either.
  EXPECT_EQ(analyze(set, "I'm not sorry, it is late.").suggestions.size(), 1u);
  EXPECT_EQ(analyze(set, "It is late.\n> sorry").suggestions.size(), 1u);
  EXPECT_TRUE(analyze(set, "").suggestions.empty());  // nothing to anchor on
}

TEST(EngineRevise, InsertionAndReplacementAtTheSamePlace) {
  // The replacement of the first words and an insertion before them both apply, whichever
  // is stronger: the inserted sentence is never overwritten.
  for (const char* severity : {"hint", "warning"}) {
    const auto set = pack_from_json(
        require_rule("a.start", severity, "start") + "," +
            phrase_rule("p.policy", "policy-language", "suggestion", R"(["per our policy ,"])",
                        R"(["[[per our policy,]] x"])", R"(["x"])",
                        R"(, "replacements": ["Here's how this works:"])"),
        kSorry);
    ASSERT_TRUE(set);
    const Report r = analyze(set, "Per our policy, refunds take 5 days.");
    ASSERT_EQ(r.suggestions.size(), 2u) << severity;
    EXPECT_EQ(r.revised, "I'm sorry about this. Here's how this works: refunds take 5 days.")
        << severity;
  }
}

TEST(EngineRules, TemplatesFillMatchCapturesAndName) {
  const auto set = pack_from_json(
      phrase_rule("g.greet", "personalization", "hint", R"(["dear customer"])",
                  R"(["[[Dear customer]]"])", R"(["Dear Dana"])",
                  R"(, "replacements": ["Dear {name}", "Hello $2"])") +
      "," +
      R"js({"id": "re.order", "kind": "pattern", "category": "clarity", "message": "Order {match}",
          "why": "w", "regex": "order (#?[0-9]+)", "mark": 1, "replacements": ["$1 (order)"],
          "examples": {"flag": ["order [[#12]]"], "pass": ["order"]}})js");
  ASSERT_TRUE(set);
  Report r = analyze(set, "Dear customer, about order #123.", {}, "Dana");
  ASSERT_EQ(r.suggestions.size(), 2u);
  EXPECT_EQ(r.suggestions[0].replacements, (V{"Dear Dana", "Hello customer"}));
  EXPECT_EQ(r.suggestions[1].message, "Order #123");
  EXPECT_EQ(r.suggestions[1].replacements, (V{"#123 (order)"}));
  // Without a known name the {name} replacement is dropped, not filled with nothing.
  r = analyze(set, "Dear customer, hello.");
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.suggestions[0].replacements, (V{"Hello customer"}));
}

TEST(EngineMerge, OverlappingSwapsOfASubstituteKeepTheWordsAroundTheLongerOne) {
  // Two swaps of one rule overlap: the hint covers both, and its replacement is the longer
  // match's with the rest of the union kept, so applying it neither drops nor doubles words.
  const auto set = pack_from_json(
      R"js({"id": "s.any", "kind": "substitute", "category": "apology", "message": "m",
          "why": "w", "swap": {"for any inconvenience": ["for the trouble"],
                               "inconvenience this may have caused": ["trouble this caused"]},
          "examples": {"flag": ["Sorry [[for any inconvenience]]."], "pass": ["Sorry."]}})js");
  ASSERT_TRUE(set);
  const std::string d = "Sorry for any inconvenience this may have caused.";
  const Report r = analyze(set, d);
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(hints(r, d), (V{"s.any@for any inconvenience this may have caused"}));
  EXPECT_EQ(r.suggestions[0].replacements, (V{"for any trouble this caused"}));
  EXPECT_EQ(r.revised, "Sorry for any trouble this caused.");
}

}  // namespace
}  // namespace tactful
