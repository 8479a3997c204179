// Loading rule packs and compiling them into an immutable, thread-safe snapshot.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/result.h"
#include "tactful/rule.h"

namespace tactful {

// A rule pack's JSON text and the name to use for it in error messages (usually its file).
struct PackSource {
  std::string name;
  std::string json;
};

// Parses one pack (`"schema": 1`). Errors name the source, the rule id and the field, e.g.
// "policy.json: rule 'policy.per-our-policy': field 'severity': expected one of hint, ...".
struct Pack {
  std::vector<Rule> rules;
  std::vector<MarkerSet> markers;
};
Result<Pack> parse_pack(const PackSource& source);

// The packs compiled into the binary from core/packs/ (one per concern).
const std::vector<PackSource>& builtin_packs();

class RuleSetImpl;

// A compiled, immutable set of rules. Share it as std::shared_ptr<const RuleSet>; analyze on
// any number of threads at once. Swapping snapshots is the owner's job (an atomic shared_ptr).
class RuleSet {
 public:
  // Compiles `rules`: checks ids are unique, every phrase and regex compiles, every `when`
  // names known fields, then runs every rule's examples against the compiled set. Any failure
  // refuses the whole set with an error naming the source, rule and what failed.
  static Result<std::shared_ptr<const RuleSet>> compile(std::vector<Rule> rules,
                                                        std::vector<MarkerSet> markers = {});

  // Parses and compiles packs in order; later packs may not reuse an earlier id.
  static Result<std::shared_ptr<const RuleSet>> load(const std::vector<PackSource>& packs);

  // The built-in packs alone. Compiled once; the built-in packs are tested so this cannot fail.
  static std::shared_ptr<const RuleSet> builtin();

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const std::vector<Rule>& rules() const;
  const std::vector<MarkerSet>& markers() const;
  const Rule* find(std::string_view id) const;
  const RuleSetImpl& impl() const { return *impl_; }

  // Runs one rule's examples against this set; returns one line per failure.
  std::vector<std::string> check_examples(const Rule& rule) const;

  // Only compile() can make the key, so only compile() constructs a RuleSet.
  class Key {
    friend class RuleSet;
    Key() = default;
  };
  RuleSet(Key, std::unique_ptr<RuleSetImpl> impl);

 private:
  std::unique_ptr<RuleSetImpl> impl_;
};

}  // namespace tactful
