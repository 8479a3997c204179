// A yes/no question whether a harm happened or will happen reads as a worry (customer/cues.cc,
// find_worry_question): the harm is not known to have happened. A question that accuses us, a
// request, and a harm told as a statement stay what they were; "I'm afraid" before a told harm
// is a softener, no worry (situation_lexicon.cc). The sentences are not in the corpus.
#include <gtest/gtest.h>

#include <string>

#include "one_customer_message.h"

namespace tactful {
namespace {

bool worry(const std::string& text) {
  return testing::read_one_customer_message(text).has_intent("worry");
}

TEST(CustomerWorryQuestion, AskingWhetherAHarmHappenedIsAWorry) {
  EXPECT_TRUE(worry("The boiler display shows F28 after I reset it. Have I broken the boiler??"));
  EXPECT_TRUE(
      worry("The decorator left at six and the hall smells of damp. Has anything been "
            "damaged?"));
  EXPECT_TRUE(worry("Frost forecast for Friday night 😬 will the seedlings be spoiled?"));
  EXPECT_TRUE(worry("My deposit shows pending since this morning. Is it lost?"));
  EXPECT_TRUE(worry("I ordered the curtain pole in 180 but the bay is 176. Will it still fit?"));
  EXPECT_TRUE(worry("There was a power cut at the kennels. Is my dog OK?"));
  EXPECT_TRUE(worry("The cattery lost power overnight. Is he safe?"));
}

TEST(CustomerWorryQuestion, AccusationsRequestsAndToldHarmsAreNoWorry) {
  EXPECT_FALSE(worry("The vase arrived in pieces. Did you even pack it?"));
  EXPECT_FALSE(worry("Your fitter cracked the basin. Is anyone going to call me back?"));
  EXPECT_FALSE(worry("Can you check whether the parcel is lost?"));
  EXPECT_FALSE(worry("The laptop you repaired is broken again."));
  EXPECT_FALSE(worry("Will the engineer come before noon?"));
  // A size asked before buying is no fear.
  EXPECT_FALSE(worry("Does the oak shelf fit a 90cm alcove?"));
}

TEST(CustomerWorryQuestion, ImAfraidSoftensAReportAndIsNoWorry) {
  // "I'm afraid" before a harm told is a softener, not a fear: the harm happened.
  EXPECT_FALSE(worry("I'm afraid the lamp arrived with the shade dented."));
  EXPECT_TRUE(worry("I'm worried the lamp will arrive with the shade dented."));
}

}  // namespace
}  // namespace tactful
