// The word-level signs read in the latest customer message (read_last_words in
// customer/last_words.cc): every word it tests counts, whatever its case, after the set's filter
// that passes over the other words; "n't" words count as negations without being listed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

HistoryReading read_one(const std::string& text) {
  const std::vector<Message> history = {{Role::customer, text, {}}};
  return read_history(history);
}

TEST(LastWords, EachNegationCounts) {
  for (const char* w :
       {"no", "not", "never", "nothing", "nobody", "none", "haven't", "NO", "Won't"})
    EXPECT_EQ(read_one(std::string("well ") + w + " ok").negations, 1) << w;
  EXPECT_EQ(read_one("well ok").negations, 0);
}

TEST(LastWords, EachWordOfElapsedTimeCounts) {
  for (const char* w : {"minutes", "mins", "hours", "hrs", "days", "weeks", "months", "wait",
                        "waiting", "waited", "Days"})
    EXPECT_EQ(read_one(std::string("so many ") + w + " here").last_time_words, 1) << w;
  EXPECT_EQ(read_one("this week").last_time_words, 0);
}

TEST(LastWords, EachThanksCountsButNotThanksForNothing) {
  for (const char* w : {"thanks", "thank you", "thx", "ty", "appreciate", "cheers", "Thanks"})
    EXPECT_TRUE(read_one(std::string(w) + " again").last_thanks) << w;
  EXPECT_FALSE(read_one("thanks for nothing").last_thanks);
  EXPECT_FALSE(read_one("thank you for not telling me").last_thanks);
}

TEST(LastWords, ChallengesAndWordsThatTellOfUs) {
  for (const char* text : {"why is it late", "where is it", "how come it broke", "WHY"})
    EXPECT_TRUE(read_one(text).last_challenges) << text;
  EXPECT_FALSE(read_one("how do I log in").last_challenges);
  for (const char* text : {"your driver left", "you cancelled it", "You said so"})
    EXPECT_TRUE(read_one(text).last_holds_us) << text;
  for (const char* text : {"can you check", "thank you", "would you look"})
    EXPECT_FALSE(read_one(text).last_holds_us) << text;
}

}  // namespace
}  // namespace tactful::customer
