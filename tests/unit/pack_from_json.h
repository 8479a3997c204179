// Test support: a rule set from the JSON of a few rules and marker sets, for unit tests that
// build small packs of their own.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tactful/rule_set.h"

namespace tactful {

// The rule set of a pack holding `rules` (comma-separated rule objects) and, when not empty,
// `markers` (comma-separated marker sets). A pack that does not load fails the test and gives
// nullptr.
inline std::shared_ptr<const RuleSet> pack_from_json(const std::string& rules,
                                                     const std::string& markers = "") {
  std::string json = R"({"schema": 1, "rules": [)" + rules + "]";
  if (!markers.empty()) json += R"(, "markers": [)" + markers + "]";
  auto set = RuleSet::load({PackSource{"test.json", json + "}"}});
  if (!set.ok()) {
    ADD_FAILURE() << set.error().message;
    return nullptr;
  }
  return set.value();
}

}  // namespace tactful
