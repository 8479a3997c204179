// RuleSet::load hands out a set whose regexes have not yet seen the rules' examples: running
// the examples at load fills each RE2's lazily built DFA (and the regex set's) with the states
// the example texts reach, megabytes that used to stay resident for the snapshot's life.
#include <gtest/gtest.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// AddressSanitizer replaces malloc with its own allocator, whose heap glibc's statistics do not
// see (mallinfo2 reads 0 there).
#if defined(__SANITIZE_ADDRESS__)
#define TACTFUL_HEAP_STATS_UNSEEN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TACTFUL_HEAP_STATS_UNSEEN 1
#endif
#endif

#include <cstddef>

#include "tactful/rule_set.h"

namespace tactful {
namespace {

#if defined(__GLIBC__) && !defined(TACTFUL_HEAP_STATS_UNSEEN)
std::size_t heap_in_use() {
  return mallinfo2().uordblks;
}
#endif

TEST(RuleSetMemory, LoadedSetHoldsNoDfaStatesFromTheExamples) {
#if !defined(__GLIBC__)
  GTEST_SKIP() << "reads glibc's heap statistics";
#elif defined(TACTFUL_HEAP_STATS_UNSEEN)
  GTEST_SKIP() << "AddressSanitizer's heap is not in glibc's heap statistics";
#else
  auto loaded = RuleSet::load(builtin_packs());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const auto& set = *loaded.value();
  // Running every example again on the handed-out set builds the DFA states afresh. Had the
  // set been the one the examples ran on at load, they would be cached already and the heap
  // would barely move.
  const std::size_t before = heap_in_use();
  for (const Rule& r : set.rules()) EXPECT_TRUE(set.check_examples(r).empty()) << r.id;
  const std::size_t after = heap_in_use();
  EXPECT_GT(after, before + (1u << 20)) << "the examples' DFA states were already resident";
#endif
}

}  // namespace
}  // namespace tactful
