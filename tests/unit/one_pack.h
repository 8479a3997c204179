// One rule pack loaded from JSON text and one draft analysed with it: what the unit tests of a
// single rule field (gates, waivers, conditions) check the field with. A pack that does not
// load fails the test that used it, with the loader's message.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful::testing {

// The ids of the rules that hint `draft` (no history), in report order; empty when the pack
// does not load.
inline std::vector<std::string> rules_hinting(const std::string& pack_json,
                                              const std::string& draft) {
  auto set = RuleSet::load({{"t.json", pack_json}});
  EXPECT_TRUE(set.ok()) << set.error().message;
  if (!set.ok()) return {};
  std::vector<std::string> ids;
  for (const auto& s : Engine(set.value()).analyze(Context{}, Draft{draft, {}}).suggestions)
    ids.push_back(s.rule);
  return ids;
}

// Whether any rule of the pack hints `draft`, or the rule `rule_id` when one is named.
inline bool hinted(const std::string& pack_json, const std::string& draft,
                   const std::string& rule_id = {}) {
  const auto ids = rules_hinting(pack_json, draft);
  if (rule_id.empty()) return !ids.empty();
  return std::find(ids.begin(), ids.end(), rule_id) != ids.end();
}

// The loader's message for a pack that must be refused; empty (and a failed expectation) when
// it loads.
inline std::string load_error(const std::string& pack_json) {
  auto set = RuleSet::load({{"t.json", pack_json}});
  EXPECT_FALSE(set.ok()) << "the pack loaded: " << pack_json;
  return set.ok() ? std::string() : set.error().message;
}

}  // namespace tactful::testing
