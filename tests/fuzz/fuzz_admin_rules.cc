// Fuzzes the admin API's rule parsers: overrides, custom rules, stored rule documents, and a
// tenant's compile over a small base (layers, overrides' exceptions, examples). Any input must
// end in compiled rules or problems, each with a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rule_doc.h"
#include "rule_override.h"
#include "tenant_rules.h"

namespace {

const std::shared_ptr<const tactful::RuleSet>& base() {
  static const auto set = [] {
    auto loaded = tactful::RuleSet::load({{"base.json", R"({"schema": 1,
      "markers": [{"id": "apology", "phrases": ["sorry"]}],
      "rules": [{"id": "b.calm", "kind": "phrase", "category": "dismissive", "message": "m",
                 "why": "w", "phrases": ["calm down", "relax"],
                 "examples": {"flag": ["[[calm down]] now", "[[relax]]"], "pass": ["fine"]}}]})"}});
    if (!loaded.ok()) std::abort();
    return *loaded;
  }();
  return set;
}

void require_messages(const std::vector<tactful::server::RuleProblem>& problems) {
  for (const auto& p : problems)
    if (p.message.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  using namespace tactful::server;
  switch (data[0] % 4) {
    case 0: {
      Override o;
      require_messages(parse_override(text, "$", o));
      require_messages(validate_override(text, "b.calm", *base(), "$"));
      break;
    }
    case 1:
      require_messages(validate_rule(text, *base(), "$"));
      break;
    case 2:
      if (auto doc = doc_from_json(text); doc.ok()) {
        auto compiled = compile_tenant(*doc, base(), true);
        if (!compiled.rules && compiled.problems.empty()) std::abort();
        require_messages(compiled.problems);
      }
      break;
    default:
      (void)problem_from_error(text, "$");
      (void)problem_from_example_failure(text, "$");
  }
  return 0;
}
