// Fuzzes the rule-pack loader: parsing, compiling (phrase expansion, the automaton, RE2) and
// running the examples. Any input must end in a rule set or an error naming the problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tactful/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tactful::PackSource source{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)};
  auto loaded = tactful::RuleSet::load({source});
  if (!loaded.ok() && loaded.error().message.empty()) std::abort();
  return 0;
}
