// The hashed word set (text/hashed_word_set.h) that the customer and draft readers look words up
// in: membership as a std::set of the same words says, on generated words, in tables from nearly
// full (long probe runs, wrapping past the end) to sparse, with and without a filter; payloads
// OR-ed for a word added twice; the empty set; the word compare that turns away a word with a
// set word's hash; and the ok() that refuses a payload of 0 or a table with no empty slot.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/text.h"
#include "text/hashed_word_set.h"
#include "xorshift.h"

namespace tactful {
namespace {

using tactful::testing::XorShift;

// Distinct-looking lowercase words of 1 to 9 letters (some repeat: the set must not care).
std::vector<std::string> generated_words(XorShift& rng, std::size_t n) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; ++i) {
    std::string w(1 + rng(9), 'a');
    for (char& c : w) c = static_cast<char>('a' + rng(26));
    words.push_back(w);
  }
  return words;
}

// Adds the first `members` of `words` to a set of the given shape and checks every word against
// a std::set of the same members, by hash and by hash and word.
template <std::size_t kSlotBits, std::size_t kFilterWords>
void expect_same_as_std_set(const std::vector<std::string>& words, std::size_t members) {
  HashedWordSet<kSlotBits, kFilterWords> set;
  std::set<std::string> expected;
  for (std::size_t i = 0; i < members; ++i) {
    set.add(words[i]);
    expected.insert(words[i]);
  }
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set.size(), expected.size());
  for (const std::string& w : words) {
    const std::uint64_t h = hash_norm(w);
    const bool in = expected.count(w) > 0;
    EXPECT_EQ(set.contains(h), in) << w;
    EXPECT_EQ(set.contains(h, w), in) << w;
    EXPECT_EQ(set.find(h), in ? 1u : 0u) << w;
    if (in) {
      EXPECT_TRUE(set.may_contain(h)) << w;  // the filter never turns a member away
    }
  }
}

TEST(HashedWordSet, MembershipAsAStdSetOnGeneratedWords) {
  XorShift rng{0x5eed1234abcdULL};
  for (int round = 0; round < 200; ++round) {
    const std::vector<std::string> words = generated_words(rng, 400);
    const std::size_t small = 1 + rng(7), large = 1 + rng(127);
    expect_same_as_std_set<3, 4>(words, small);  // up to 7 of 8 slots: long probe runs
    expect_same_as_std_set<3, 0>(words, small);
    expect_same_as_std_set<7, 4>(words, large);
    expect_same_as_std_set<8, 16>(words, large);
    expect_same_as_std_set<9, 0>(words, large);
  }
}

TEST(HashedWordSet, AFullTableStillFindsEveryWordAndNoOther) {
  // Seven words in eight slots: most probe runs wrap past the last slot to the first.
  constexpr std::string_view kWords[] = {"bolt",   "nut",   "hinge", "latch",
                                         "gasket", "valve", "flange"};
  constexpr auto set = HashedWordSet<3, 0>::of(kWords);
  static_assert(set.ok() && set.size() == 7);
  for (std::string_view w : kWords) EXPECT_TRUE(set.contains(hash_norm(w), w)) << w;
  for (std::string_view w : {"washer", "screw", "rivet", "pin", "clamp"})
    EXPECT_FALSE(set.contains(hash_norm(w))) << w;
  // An eighth word would leave no empty slot to end a search for an absent word.
  auto full = set;
  full.add("washer");
  EXPECT_FALSE(full.ok());
}

TEST(HashedWordSet, PayloadsOfAWordAddedTwiceAreJoined) {
  constexpr auto set = [] {
    HashedWordSet<6> s;
    s.add("you", 1).add("your", 1).add("we", 2).add("since", 4).add("since", 8).add("you", 1);
    return s;
  }();
  static_assert(set.ok() && set.size() == 4);
  EXPECT_EQ(set.find(hash_norm("you")), 1u);
  EXPECT_EQ(set.find(hash_norm("we")), 2u);
  EXPECT_EQ(set.find(hash_norm("since")), 12u);
  EXPECT_EQ(set.find(hash_norm("they")), 0u);
}

TEST(HashedWordSet, AZeroPayloadIsRefused) {
  HashedWordSet<4> set;
  set.add("fine", 0);
  EXPECT_FALSE(set.ok());
}

TEST(HashedWordSet, TheEmptySetHasNothing) {
  constexpr HashedWordSet<4> empty;
  constexpr HashedWordSet<4, 0> no_filter;
  static_assert(empty.ok() && empty.size() == 0);
  for (std::string_view w : {"", "a", "the", "gasket"}) {
    EXPECT_FALSE(empty.may_contain(hash_norm(w))) << w;
    EXPECT_FALSE(empty.contains(hash_norm(w), w)) << w;
    EXPECT_EQ(no_filter.find(hash_norm(w)), 0u) << w;
  }
}

TEST(HashedWordSet, TheWordCompareTurnsAwayAnotherWordWithAMembersHash) {
  constexpr std::string_view kWords[] = {"leaking", "cracked"};
  constexpr auto set = HashedWordSet<4, 16>::of(kWords);
  // As if "leaky" had the hash of "leaking": the hash alone says yes, the word says no.
  EXPECT_TRUE(set.contains(hash_norm("leaking")));
  EXPECT_FALSE(set.contains(hash_norm("leaking"), "leaky"));
  EXPECT_TRUE(set.contains(hash_norm("leaking"), "leaking"));
}

}  // namespace
}  // namespace tactful
