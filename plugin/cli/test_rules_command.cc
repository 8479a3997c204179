// `tactful test-rules`: compile rule packs and run every rule's examples, as publishing would.
#include <ostream>

#include "commands.h"
#include "options.h"
#include "pack_files.h"

namespace tactful::cli {
namespace {

constexpr std::string_view kUsage = R"(usage: tactful test-rules PATH... [--with-builtin]

Compiles the rule packs in each PATH (a .json file or a directory of them) and runs every
rule's examples: each `flag` example must be hinted by its rule (on the [[marked]] words when
marked) and each `pass` example must not. Prints what failed and exits 1 if anything did.
Packs may name the built-in marker sets (apology, empathy, ...) without defining them.

options:
  --with-builtin   compile together with the built-in packs (checks id clashes too)
)";

}  // namespace

int run_test_rules(Args args, std::istream&, std::ostream& out, std::ostream& err) {
  const Options opt(args, {}, {"--with-builtin", "--help", "-h"});
  if (!opt.ok()) {
    err << "tactful test-rules: " << opt.error() << " (see tactful test-rules --help)\n";
    return 2;
  }
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  if (opt.positional().empty()) {
    err << "tactful test-rules: name at least one pack file or directory\n";
    return 2;
  }
  auto packs = read_packs(opt.positional());
  if (!packs.ok()) {
    err << "tactful test-rules: " << packs.error().message << "\n";
    return 2;
  }
  auto set = load_rule_set(opt.positional(), opt.has("--with-builtin"));
  if (!set.ok()) {
    out << set.error().message << "\n";
    out << "FAILED\n";
    return 1;
  }
  std::size_t examples = 0;
  for (const Rule& r : set.value()->rules())
    examples += r.flag_examples.size() + r.pass_examples.size();
  out << packs->size() << " packs, " << set.value()->rules().size() << " rules, "
      << set.value()->markers().size() << " marker sets: " << examples << " examples passed\n";
  return 0;
}

}  // namespace tactful::cli
