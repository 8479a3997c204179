// `tactful eval`: hint quality on a labelled corpus — precision and recall per category and
// the false-hint rate on good replies (see tests/corpus/README.md for the format).
#include <rapidjson/document.h>

#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "commands.h"
#include "options.h"
#include "pack_files.h"
#include "tactful/adapters/native_json.h"

namespace tactful::cli {
namespace {

constexpr std::string_view kUsage = R"(usage: tactful eval PATH... [options]

Runs the engine over labelled cases (*.jsonl files, one case per line; see
tests/corpus/README.md) and prints precision and recall per category, and the share of good
replies (no expected category) that got any hint. Exits 1 when a threshold is missed.

options:
  --min-precision X   fail when an enforced category's precision is below X (0..1)
  --min-recall X      fail when an enforced category's recall is below X (0..1)
  --max-false-rate X  fail when the false-hint rate on good replies is above X (0..1)
  --enforce LIST      comma-separated categories the thresholds apply to (default: every
                      category that has rules and cases)
  --verbose           list every missed and false hint with its case
  --packs PATH        also load the rule packs in PATH (repeatable)
)";

struct Case {
  std::string where;  // file:line
  std::string id;
  std::set<std::string> expect, allow;
  SuggestRequest request;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  std::vector<std::string> misses, false_hits;
};

Result<std::vector<Case>> load_cases(const std::vector<std::string>& paths) {
  static constexpr std::string_view kExtra[] = {"id", "situation", "expect", "allow", "note"};
  std::vector<Case> cases;
  for (const auto& path : paths) {
    auto files = list_files(path, ".jsonl");
    if (!files.ok()) return files.error();
    for (const auto& file : *files) {
      auto text = read_file(file);
      if (!text.ok()) return text.error();
      std::istringstream lines(*text);
      std::string line;
      for (int n = 1; std::getline(lines, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = file + ":" + std::to_string(n);
        auto parsed = parse_suggest_request(line, {}, kExtra);
        if (auto* e = std::get_if<RequestError>(&parsed)) return Error{where + ": " + e->message};
        Case c{where, "", {}, {}, std::move(std::get<SuggestRequest>(parsed))};
        rapidjson::Document doc;
        doc.Parse(line.data(), line.size());
        if (!doc.HasMember("id") || !doc["id"].IsString()) return Error{where + ": missing 'id'"};
        c.id = doc["id"].GetString();
        for (const char* key : {"expect", "allow"}) {
          auto& target = std::string_view(key) == "expect" ? c.expect : c.allow;
          if (!doc.HasMember(key)) continue;
          if (!doc[key].IsArray()) return Error{where + ": '" + key + "' must be an array"};
          for (const auto& v : doc[key].GetArray()) {
            if (!v.IsString()) return Error{where + ": '" + key + "' must hold strings"};
            target.insert(v.GetString());
          }
        }
        // Without `now`, the draft is written right after the last message: no wait.
        if (!c.request.now) {
          for (const auto& m : c.request.history)
            if (m.at) c.request.now = *m.at;
        }
        cases.push_back(std::move(c));
      }
    }
  }
  return cases;
}

std::string fmt(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

int run_eval(Args args, std::istream&, std::ostream& out, std::ostream& err) {
  const Options opt(args,
                    {"--min-precision", "--min-recall", "--max-false-rate", "--enforce", "--packs"},
                    {"--verbose", "--help", "-h"});
  if (!opt.ok()) {
    err << "tactful eval: " << opt.error() << " (see tactful eval --help)\n";
    return 2;
  }
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  if (opt.positional().empty()) {
    err << "tactful eval: name a corpus file or directory\n";
    return 2;
  }
  std::optional<double> min_p, min_r, max_false;
  for (auto [key, target] :
       {std::pair{"--min-precision", &min_p}, std::pair{"--min-recall", &min_r},
        std::pair{"--max-false-rate", &max_false}}) {
    if (auto v = opt.value(key)) {
      *target = parse_number(*v, 0, 1);
      if (!*target) {
        err << "tactful eval: " << key << " takes a number from 0 to 1\n";
        return 2;
      }
    }
  }
  auto rules = opt.values("--packs").empty()
                   ? Result<std::shared_ptr<const RuleSet>>(RuleSet::builtin())
                   : load_rule_set(opt.values("--packs"), true);
  if (!rules.ok()) {
    err << "tactful eval: " << rules.error().message << "\n";
    return 2;
  }
  auto cases = load_cases(opt.positional());
  if (!cases.ok()) {
    err << "tactful eval: " << cases.error().message << "\n";
    return 2;
  }
  const Engine engine(rules.value());
  std::set<std::string> with_rules;
  for (const Rule& r : rules.value()->rules()) with_rules.insert(r.category);

  std::set<std::string> enforce;
  if (auto list = opt.value("--enforce")) {
    std::istringstream in(*list);
    for (std::string cat; std::getline(in, cat, ',');)
      if (!cat.empty()) enforce.insert(cat);
  }
  std::map<std::string, Counts> counts;
  int good = 0, good_hinted = 0;
  std::vector<std::string> good_hints;
  for (const Case& c : *cases) {
    const Report report =
        engine.analyze(c.request.context(), c.request.draft_view(), c.request.options());
    std::map<std::string, std::string> fired;  // category -> first hint, for the listing
    for (const auto& s : report.suggestions)
      fired.emplace(s.category, s.rule + " on \"" +
                                    c.request.draft.substr(
                                        s.span.begin, std::min<std::size_t>(s.span.size(), 60)) +
                                    "\"");
    for (const auto& cat : c.expect) {
      if (fired.count(cat))
        ++counts[cat].tp;
      else {
        ++counts[cat].fn;
        counts[cat].misses.push_back(c.id + " (" + c.where + ")");
      }
    }
    bool false_hint = false;
    for (const auto& [cat, hint] : fired) {
      if (c.expect.count(cat) || c.allow.count(cat)) continue;
      ++counts[cat].fp;
      counts[cat].false_hits.push_back(c.id + ": " + hint);
      // With --enforce, the false-hint rate counts only the enforced categories.
      if (enforce.empty() || enforce.count(cat)) false_hint = true;
    }
    if (c.expect.empty()) {
      ++good;
      if (false_hint) ++good_hinted;
    }
  }

  out << "corpus: " << cases->size() << " cases, " << good << " good replies\n\n";
  char line[160];
  std::snprintf(line, sizeof line, "%-20s %7s %5s %5s %5s %9s %7s\n", "category", "support", "TP",
                "FP", "FN", "precision", "recall");
  out << line;
  std::vector<std::string> failures;
  for (const auto& [cat, n] : counts) {
    const int support = n.tp + n.fn, fired = n.tp + n.fp;
    const double precision = fired ? static_cast<double>(n.tp) / fired : 1.0;
    const double recall = support ? static_cast<double>(n.tp) / support : 1.0;
    const bool has_rules = with_rules.count(cat) > 0;
    std::snprintf(line, sizeof line, "%-20s %7d %5d %5d %5d %9s %7s%s\n", cat.c_str(), support,
                  n.tp, n.fp, n.fn, fired ? fmt(precision).c_str() : "-",
                  support ? fmt(recall).c_str() : "-", has_rules ? "" : "   (no rules yet)");
    out << line;
    const bool enforced = enforce.empty() ? (has_rules && support > 0) : enforce.count(cat) > 0;
    if (enforced && min_p && precision < *min_p)
      failures.push_back(cat + " precision " + fmt(precision) + " < " + fmt(*min_p));
    if (enforced && min_r && recall < *min_r)
      failures.push_back(cat + " recall " + fmt(recall) + " < " + fmt(*min_r));
  }
  const double false_rate = good ? static_cast<double>(good_hinted) / good : 0.0;
  out << "\nfalse-hint rate on good replies" << (enforce.empty() ? "" : " (enforced categories)")
      << ": " << good_hinted << "/" << good << " = " << fmt(100 * false_rate) << "%\n";
  if (max_false && false_rate > *max_false)
    failures.push_back("false-hint rate " + fmt(false_rate) + " > " + fmt(*max_false));
  if (opt.has("--verbose")) {
    for (const auto& [cat, n] : counts) {
      for (const auto& m : n.misses) out << "missed  " << cat << ": " << m << "\n";
      for (const auto& f : n.false_hits) out << "false   " << cat << ": " << f << "\n";
    }
  }
  for (const auto& f : failures) out << "FAIL: " << f << "\n";
  return failures.empty() ? 0 : 1;
}

}  // namespace tactful::cli
