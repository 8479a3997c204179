// The `tactful` sub-commands check, test-rules and eval, called in-process with string streams.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "tactful/adapters/native_json.h"
#include "tactful/rule_set.h"

namespace tactful::cli {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out, err;
};

template <typename Command>
Outcome run(Command command, std::vector<std::string_view> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  Outcome r;
  r.code = command(Args(args), in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The line after the one showing `text`: where the carets go.
std::string caret_line(const std::string& out, const std::string& shown) {
  const auto ls = lines(out);
  for (std::size_t i = 0; i + 1 < ls.size(); ++i)
    if (ls[i] == "  " + shown) return ls[i + 1];
  ADD_FAILURE() << "no line '  " << shown << "' in:\n" << out;
  return {};
}

TEST(CliCheck, CaretsUnderTheHintedWords) {
  Outcome r = run(run_check, {}, "Per our policy, refunds take 5 days.");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(caret_line(r.out, "Per our policy, refunds take 5 days."), "  " + std::string(15, '^'));
  EXPECT_TRUE(contains(r.out, "policy.per-policy")) << r.out;
  EXPECT_TRUE(contains(r.out, "Revised:\nHere's how this works: refunds take 5 days.")) << r.out;
  // On the second line, after an emoji (two columns wide).
  r = run(run_check, {"-"}, "Hi Dana,\n\xF0\x9F\x98\x80 Well, I can't refund it.");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(caret_line(r.out, "\xF0\x9F\x98\x80 Well, I can't refund it."),
            "  " + std::string(9, ' ') + std::string(7, '^'));
  r = run(run_check, {}, "Thanks, all sorted and your refund lands by Friday.");
  EXPECT_TRUE(contains(r.out, "No hints")) << r.out;
}

TEST(CliCheck, LongLinesAreClippedAroundTheHint) {
  // A hint deep inside one long line shows a window of it, with the carets still aligned.
  std::string draft;
  for (int i = 0; i < 2000; ++i) draft += "We shipped it today. ";
  draft += "Per our policy, refunds take 5 days.";
  for (int i = 0; i < 2000; ++i) draft += " Thanks again.";
  Outcome r = run(run_check, {}, draft);
  EXPECT_EQ(r.code, 0) << r.err;
  const auto ls = lines(r.out);
  bool found = false;
  for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
    const auto at = ls[i].find("Per our policy");
    if (at == std::string::npos || ls[i].rfind("  … ", 0) != 0) continue;
    found = true;
    EXPECT_LT(ls[i].size(), 260u);
    EXPECT_TRUE(ls[i].ends_with(" …"));
    // "…" is three bytes but one column: carets start at the column of "Per".
    EXPECT_EQ(ls[i + 1].find('^'), at - 2);
  }
  EXPECT_TRUE(found) << r.out.substr(0, 2000);
}

TEST(CliCheck, ContextOptions) {
  Outcome r = run(run_check, {"--name", "Dana"}, "Hi there! Your order is on its way.");
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(contains(r.out, "personalization.generic-greeting")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"Hi Dana\"")) << r.out;
  r = run(run_check, {}, "Hi there! Your order is on its way.");
  EXPECT_FALSE(contains(r.out, "personalization")) << r.out;
  // The --key=value form Options accepts works for the history too.
  const std::string said = "My order still hasn't arrived after two weeks, where is it?";
  const std::string inline_customer = "--customer=" + said;
  r = run(run_check, {inline_customer}, "ok");
  EXPECT_TRUE(contains(r.out, "tone.curt")) << r.out;
  r = run(run_check, {"--customer", said}, "ok");
  EXPECT_TRUE(contains(r.out, "tone.curt")) << r.out;
  // An option's value is never read as a history flag: the team here is "--agent".
  r = run(run_check, {"--team", "--agent", "--customer", said}, "ok");
  EXPECT_TRUE(contains(r.out, "tone.curt")) << r.out;
  const std::string canned = "Please clear your browser cache and cookies, then try again.";
  r = run(run_check, {"--agent", canned, "--customer", "Still broken, I did that."}, canned);
  EXPECT_TRUE(contains(r.out, "repetition.parroting")) << r.out;
}

SuggestRequest parse_ok(const std::string& json) {
  auto p = parse_suggest_request(json);
  EXPECT_TRUE(std::holds_alternative<SuggestRequest>(p));
  return std::holds_alternative<SuggestRequest>(p) ? std::get<SuggestRequest>(p) : SuggestRequest{};
}

TEST(CliCheck, JsonRoundTrip) {
  const std::string request = R"({"draft": "Per our policy, refunds take 5 days. Calm down!!!",
      "history": [{"role": "customer", "text": "Charged twice!!", "at": "2026-11-22T10:00:00Z"}],
      "customer_name": "Dana", "channel": "chat", "now": "2026-11-22T10:14:00Z"})";
  const Outcome r = run(run_check, {"--json"}, request);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty());
  const SuggestRequest req = parse_ok(request);
  const Report report = Engine(RuleSet::builtin()).analyze(req.context(), req.draft_view());
  EXPECT_EQ(r.out, report_to_json(report, req) + "\n");
  rapidjson::Document doc;
  doc.Parse(r.out.data(), r.out.size());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_GE(doc["suggestions"].Size(), 3u);
  const Outcome pretty = run(run_check, {"--json", "--pretty"}, request);
  EXPECT_EQ(pretty.out, report_to_json(report, req, true) + "\n");
}

// The CLI keeps no conversations: naming one is refused, not silently ignored.
TEST(CliCheck, RefusesAStoredConversation) {
  const Outcome r = run(run_check, {"--json"},
                        R"({"draft": "ok", "conversation": {"integration": "a", "id": "1"}})");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(contains(r.err, "conversation: stored conversations live in the server")) << r.err;
}

TEST(CliCheck, UsageAndErrors) {
  Outcome r = run(run_check, {"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(contains(r.out, "usage: tactful check")) << r.out;
  EXPECT_TRUE(r.err.empty());
  r = run(run_check, {"--frobnicate"}, "ok");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_TRUE(contains(r.err, "--frobnicate")) << r.err;
  r = run(run_check, {"--name"}, "ok");  // a value is missing
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "--name")) << r.err;
  r = run(run_check, {"--json"}, R"({"draft": "x",, })");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(contains(r.err, "invalid JSON at byte 14")) << r.err;
  r = run(run_check, {"--json"}, R"({"draft": "x", "history": [{"text": "a", "at": "noon"}]})");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "history[0].at")) << r.err;
  r = run(run_check, {"--json"}, R"({"text": "x"})");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "'text'")) << r.err;
  r = run(run_check, {"/nonexistent/tactful/draft.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "/nonexistent/tactful/draft.txt")) << r.err;
  r = run(run_check, {"a.txt", "b.txt"});
  EXPECT_EQ(r.code, 2);
}

// A scratch directory under the system temp dir, removed afterwards.
class CliFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("tactful_cli_test_" + std::to_string(rd()));
    fs::create_directories(dir_ / "packs");
    fs::create_directories(dir_ / "corpus");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

std::string admin_pack(const std::string& pass_example) {
  return R"({"schema": 1, "pack": "admin", "rules": [
    {"id": "admin.jargon-sku", "kind": "phrase", "category": "jargon", "message": "Say product",
     "why": "Customers don't know our SKU codes.", "phrases": ["sku"],
     "replacements": ["product code"],
     "examples": {"flag": ["Check the [[SKU]] please."], "pass": [")" +
         pass_example + R"("]}},
    {"id": "admin.sorry-required", "kind": "require", "category": "apology", "message": "m",
     "why": "w", "markers": ["apology"], "insert": "Sorry about this.",
     "examples": {"flag": ["[[Your]] refund is late."], "pass": ["Sorry, your refund is late."]}}
  ]})";
}

TEST_F(CliFiles, TestRulesGoodPack) {
  write("packs/admin.json", admin_pack("Check the product code please."));
  const Outcome r = run(run_test_rules, {path("packs")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "1 packs, 2 rules")) << r.out;
  EXPECT_TRUE(contains(r.out, "4 examples passed")) << r.out;
  // A single file works as well; with the built-in packs too.
  EXPECT_EQ(run(run_test_rules, {path("packs/admin.json")}).code, 0);
  EXPECT_EQ(run(run_test_rules, {path("packs/admin.json"), "--with-builtin"}).code, 0);
}

TEST_F(CliFiles, TestRulesFailingExample) {
  write("packs/admin.json", admin_pack("Check the SKU please."));
  const Outcome r = run(run_test_rules, {path("packs")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.out, "admin.json: rule 'admin.jargon-sku': examples.pass[0]")) << r.out;
  EXPECT_TRUE(contains(r.out, "FAILED")) << r.out;
}

TEST_F(CliFiles, TestRulesBadPackAndUsage) {
  write("packs/broken.json", R"({"schema": 1, "rules": [{"id": "x.y", "kind": "phrase",
      "category": "c", "message": "m", "why": "w", "phrases": ["a"], "severity": "loud",
      "examples": {"flag": ["a"], "pass": ["b"]}}]})");
  Outcome r = run(run_test_rules, {path("packs")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.out, "broken.json: rule 'x.y': field 'severity'")) << r.out;
  r = run(run_test_rules, {path("missing")});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "missing")) << r.err;
  r = run(run_test_rules, {});
  EXPECT_EQ(r.code, 2);
  r = run(run_test_rules, {"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(contains(r.out, "usage: tactful test-rules")) << r.out;
  r = run(run_test_rules, {"--bogus", path("packs")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(lines(r.err).size(), 1u);
  // The built-in packs themselves pass.
  const std::string packs = std::string(TACTFUL_SOURCE_DIR) + "/core/packs";
  r = run(run_test_rules, {packs});
  EXPECT_EQ(r.code, 0) << r.out;
}

// The row of `category` in eval's table: support, TP, FP, FN, precision, recall.
std::vector<std::string> row(const std::string& out, const std::string& category) {
  for (const auto& l : lines(out)) {
    std::istringstream in(l);
    std::vector<std::string> cells;
    for (std::string c; in >> c;) cells.push_back(c);
    if (!cells.empty() && cells[0] == category)
      return std::vector<std::string>(cells.begin() + 1, cells.end());
  }
  ADD_FAILURE() << "no row for " << category << " in:\n" << out;
  return {};
}

constexpr const char* kCorpus =
    R"({"id": "c1", "draft": "Per our policy, refunds take 5 days.", "expect": ["policy-language"]}
{"id": "c2", "draft": "I've refunded it and it lands by Friday.", "expect": ["policy-language"]}

{"id": "c3", "draft": "Unfortunately, we can't do that.", "expect": []}
{"id": "c4", "draft": "Thanks, your refund is on its way by Friday.", "expect": [], "allow": ["tone"]}
{"id": "c5", "draft": "Calm down. Per our policy, no.", "expect": ["dismissive"], "allow": ["policy-language"]}
)";

TEST_F(CliFiles, EvalCountsAndThresholds) {
  write("corpus/cases.jsonl", kCorpus);
  write("corpus/notes.txt", "not a corpus file");
  Outcome r = run(run_eval, {path("corpus")});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "corpus: 5 cases, 2 good replies")) << r.out;
  EXPECT_EQ(row(r.out, "policy-language"),
            (std::vector<std::string>{"2", "1", "0", "1", "1.00", "0.50"}));
  EXPECT_EQ(row(r.out, "negative-language"),
            (std::vector<std::string>{"0", "0", "1", "0", "0.00", "-"}));
  EXPECT_EQ(row(r.out, "dismissive"),
            (std::vector<std::string>{"1", "1", "0", "0", "1.00", "1.00"}));
  EXPECT_TRUE(contains(r.out, "1/2 = 50.00%")) << r.out;

  r = run(run_eval, {path("corpus"), "--min-recall", "0.9", "--enforce", "policy-language"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.out, "FAIL: policy-language recall 0.50 < 0.90")) << r.out;
  r = run(run_eval, {path("corpus"), "--min-recall", "0.5", "--min-precision", "1", "--enforce",
                     "policy-language,dismissive"});
  EXPECT_EQ(r.code, 0) << r.out;
  r = run(run_eval, {path("corpus"), "--max-false-rate", "0.4"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.out, "FAIL: false-hint rate 0.50 > 0.40")) << r.out;
  r = run(run_eval, {path("corpus"), "--min-precision", "0.5", "--enforce", "negative-language"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.out, "negative-language precision 0.00 < 0.50")) << r.out;
  r = run(run_eval, {path("corpus"), "--verbose"});
  EXPECT_TRUE(contains(r.out, "missed  policy-language: c2")) << r.out;
  EXPECT_TRUE(contains(r.out, "false   negative-language: c3")) << r.out;
}

TEST_F(CliFiles, EvalBadInput) {
  write("corpus/cases.jsonl",
        "{\"id\": \"ok\", \"draft\": \"fine\"}\n{\"id\": \"x\", \"draft\": 3}\n");
  Outcome r = run(run_eval, {path("corpus")});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "cases.jsonl:2")) << r.err;
  EXPECT_TRUE(contains(r.err, "draft")) << r.err;
  write("corpus/cases.jsonl", "{\"draft\": \"fine\"}\n");
  r = run(run_eval, {path("corpus")});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "'id'")) << r.err;
  r = run(run_eval, {path("corpus"), "--min-recall", "2"});
  EXPECT_EQ(r.code, 2);
  r = run(run_eval, {});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(run(run_eval, {"--help"}).code, 0);
}

}  // namespace
}  // namespace tactful::cli
