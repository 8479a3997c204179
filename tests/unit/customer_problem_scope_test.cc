// What the learned problem reading reads of a customer message (customer/problem_scope.cc): the
// customer's own slip is left out, unless the sentence also tells of us; a calm message that
// leads with a how-to question carries the "how-to" intent.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "one_customer_message.h"
#include "tactful/customer.h"

namespace tactful {
namespace {

std::string scope(const std::string& text, std::vector<Span>* slips = nullptr) {
  const TextModel model(text);
  return customer::problem_text(model, customer::find_cues(model), slips);
}

TEST(ProblemScope, APureSlipIsLeftOutOfTheProblemReading) {
  std::vector<Span> slips;
  const std::string text =
      "I wrote my vows in a locked note and forgot the passcode. Please let me open it.";
  const std::string s = scope(text, &slips);
  ASSERT_EQ(s.size(), text.size());
  EXPECT_EQ(s.find("passcode"), std::string::npos);
  EXPECT_NE(s.find("Please let me open it."), std::string::npos);
  ASSERT_EQ(slips.size(), 1u);
  EXPECT_EQ(slips[0].begin, 0u);
}

TEST(ProblemScope, ASlipThatAlsoTellsOfUsIsKept) {
  std::vector<Span> slips;
  // A failure of ours after the slip: by "your", by "but", by "you" as a subject.
  EXPECT_EQ(scope("I forgot my password and your reset link never arrives.", &slips), "");
  // After a contrast, only what follows it is read: the slip's own words are left out.
  const std::string contrast = "I forgot my password, but the reset code never comes through.";
  const std::string read = scope(contrast, &slips);
  ASSERT_EQ(read.size(), contrast.size());
  EXPECT_EQ(read.find("password"), std::string::npos);
  EXPECT_EQ(read.find("but"), std::string::npos);
  EXPECT_NE(read.find("the reset code never comes through."), std::string::npos);
  EXPECT_EQ(scope("I lost my phone and then you cut off my number.", &slips), "");
  EXPECT_TRUE(slips.empty());
  // "you" as an object is no failure of ours: "I gave you the wrong number" stays a slip.
  EXPECT_NE(scope("My bad, I gave you the wrong flat number.", &slips), "");
  EXPECT_EQ(slips.size(), 1u);
}

TEST(ProblemScope, AWrongChoiceToldByTheRightOneIsASlip) {
  // "but meant", "got the dates wrong", "got mixed up", "we got lost": the customer's own slip.
  for (const char* text : {"I picked the small frame but meant the large one.",
                           "We got the dates wrong when we booked the cabin.",
                           "I got mixed up and paid for the wrong course.",
                           "We got lost on the ring road and missed the start."}) {
    std::vector<Span> slips;
    scope(text, &slips);
    EXPECT_EQ(slips.size(), 1u) << text;
  }
  // The same words about us are no slip of the customer's.
  std::vector<Span> slips;
  scope("Your courier got lost and left the parcel at the wrong house.", &slips);
  EXPECT_TRUE(slips.empty());
}

TEST(ProblemScope, QuestionsAreReadAsTheyAre) {
  // The model learned that "how do I" tells no problem: taking questions out raised its reading.
  EXPECT_EQ(scope("The blender you sent is great. If I cancel now, do I get a refund?"), "");
  EXPECT_EQ(scope("Is there a setting for dark mode?"), "");
}

TEST(ProblemScope, HowToQuestionsByTheirShape) {
  const auto how_to = [](const std::string& text) {
    const TextModel model(text);
    return customer::how_to_question(model, 0);
  };
  EXPECT_TRUE(how_to("How do I export my playlist?"));
  EXPECT_TRUE(how_to("@Brand hi, how can I change my email?"));
  EXPECT_TRUE(how_to("Is there a way to swap it?"));
  EXPECT_TRUE(how_to("Can I still move my booking?"));
  EXPECT_TRUE(how_to("What do I need to bring?"));
  EXPECT_TRUE(how_to("If I cancel halfway through the month, would I get a refund?"));
  EXPECT_TRUE(how_to("What if the courier comes while I'm out?"));
  // Challenges, status questions, favours asked and more than one mark are not how-tos.
  EXPECT_FALSE(how_to("Why was my order cancelled?"));
  EXPECT_FALSE(how_to("How come nobody called me back?"));
  EXPECT_FALSE(how_to("How long do I have to wait?"));
  EXPECT_FALSE(how_to("How is this acceptable?"));
  EXPECT_FALSE(how_to("Is it ready?"));
  EXPECT_FALSE(how_to("Is there a reason you refuse to open on Sundays?"));
  EXPECT_FALSE(how_to("Is there any excuse for a wait like this?"));
  EXPECT_FALSE(how_to("When do I get my deposit back?"));
  EXPECT_FALSE(how_to("Can you refund it?"));
  EXPECT_FALSE(how_to("How do I cancel??"));
  EXPECT_FALSE(how_to("If it isn't fixed by Friday I'm going to my bank."));
}

TEST(ProblemScope, OwnSlipsNoLongerOweAnApology) {
  // Each read above apology.owed.problem-told's bar (0.8) before the slip was left out.
  EXPECT_LT(testing::read_one_customer_message(
                "I wrote my wedding vows in a locked note last year and forgot the passcode. I "
                "don't know it anymore and I need them on Saturday, please let me open it.")
                .problem_report,
            0.8);
  const auto tablet = testing::read_one_customer_message(
      "My daughter reset her tablet and lost the authenticator app, so now she has no way of "
      "getting her login codes. Please help!");
  EXPECT_LT(tablet.problem_report, 0.8);
  EXPECT_LT(tablet.frustration, 0.15);
  // A harm the lexicon reads in the slip's own sentence is the slip's consequence.
  EXPECT_FALSE(testing::read_one_customer_message(
                   "My son wiped his tablet and lost the authenticator app, so now he can't get "
                   "the codes.")
                   .has_intent("product.bug"));
}

TEST(ProblemScope, ASlipFollowedByOurFailureStillReadsAsAProblem) {
  const auto s = testing::read_one_customer_message(
      "I forgot my password, but the code your app texts me to reset it never "
      "comes through.");
  EXPECT_GE(s.problem_report, 0.8);
  EXPECT_GE(s.frustration, 0.15);
}

TEST(ProblemScope, AHowToLeadingTheMessageIsAnIntent) {
  EXPECT_TRUE(testing::read_one_customer_message("How do I move my saved recipes to a new account?")
                  .has_intent("how-to"));
  EXPECT_TRUE(testing::read_one_customer_message(
                  "Quick question. I've posted videos for years and they get ten plays each. "
                  "Is there a setting I need to change?")
                  .has_intent("how-to"));
  EXPECT_TRUE(testing::read_one_customer_message("Can I change the date of my eye test?")
                  .has_intent("how-to"));
}

TEST(ProblemScope, AProblemToldBeforeAHowToIsNotOne) {
  // The problem comes first: a report with a question after it.
  EXPECT_FALSE(testing::read_one_customer_message(
                   "I ordered the oak shelf and the one that came is pine. Is there a way to "
                   "swap it?")
                   .has_intent("how-to"));
  // Status and challenge questions are not how-tos.
  EXPECT_FALSE(testing::read_one_customer_message(
                   "My car has been at your garage since Monday. Is it ready?")
                   .has_intent("how-to"));
  EXPECT_FALSE(
      testing::read_one_customer_message("When do I get my deposit back?").has_intent("how-to"));
  EXPECT_FALSE(
      testing::read_one_customer_message("How come I was charged twice?").has_intent("how-to"));
  // Harm, exasperation or shouting: not calm, not a how-to.
  EXPECT_FALSE(testing::read_one_customer_message(
                   "How do I get a refund? The kettle you sent stopped working.")
                   .has_intent("how-to"));
  EXPECT_FALSE(
      testing::read_one_customer_message("How do I cancel this useless app?").has_intent("how-to"));
  EXPECT_FALSE(testing::read_one_customer_message("HOW DO I CANCEL THIS???").has_intent("how-to"));
}

TEST(ProblemScope, ReportingOthersIsNoRepeatContact) {
  EXPECT_FALSE(testing::read_one_customer_message(
                   "I've reported at least a dozen sellers on your site charging crazy prices "
                   "for baby formula.")
                   .repeat_contact);
  EXPECT_TRUE(testing::read_one_customer_message(
                  "I've reported at least a dozen sellers on your site charging crazy prices "
                  "for baby formula.")
                  .has_intent("others-conduct"));
  EXPECT_FALSE(
      testing::read_one_customer_message("I have reported 20 listings this week.").repeat_contact);
  EXPECT_TRUE(testing::read_one_customer_message(
                  "Sellers on your marketplace are asking 60 quid for a bag of dog food.")
                  .has_intent("others-conduct"));
  EXPECT_FALSE(
      testing::read_one_customer_message("The seller charged me twice for one bag of dog food.")
          .has_intent("others-conduct"));
  // Reporting our own problem again is.
  EXPECT_TRUE(
      testing::read_one_customer_message("I've reported this 3 times and it's still broken.")
          .repeat_contact);
}

}  // namespace
}  // namespace tactful
