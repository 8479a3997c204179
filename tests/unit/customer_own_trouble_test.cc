// Trouble the customer owns by its shape (customer/cue_lexicon.cc, customer/problem_scope.cc):
// their own act of damage or loss to a thing of theirs, their own wrong entry, their saying it
// is not us, and a wish told as advice. Each is owed no apology; the same verbs told of us are.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "one_customer_message.h"
#include "tactful/customer.h"

namespace tactful {
namespace {

using testing::slips_of;

bool harmed(const CustomerSignals& s) {
  for (const char* harm :
       {"product.bug", "delivery.damaged", "service.failure", "account-access", "delivery.lost"})
    if (s.has_intent(harm)) return true;
  return false;
}

TEST(OwnTrouble, TheCustomersOwnDamageOrLossIsASlip) {
  for (const char* text : {"I broke my old phone so the login codes don't reach me now.",
                           "i just dropped my tablet and the screen cracked.",
                           "We smashed our new camera on the first day of the trip.",
                           "I lost my work laptop on the train, so I can't open the planner.",
                           "I spilled coffee on my keyboard and half the keys stopped working.",
                           "I got my phone wet at the pool and now it won't charge."}) {
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
    const auto s = testing::read_one_customer_message(text);
    EXPECT_FALSE(harmed(s)) << text;
    EXPECT_LT(s.problem_report, 0.8) << text;
  }
}

TEST(OwnTrouble, TheThingMayBeNamedAfterABrandOrModel) {
  // Up to four tokens between "my" and the thing: a handle, a brand, a model.
  EXPECT_EQ(slips_of("i dropped my @Brand pavilion laptop tonight and it cracked :(((").size(), 1u);
  EXPECT_EQ(slips_of("We accidentally smashed our brand new 4k tv.").size(), 1u);
  // Not a thing of the list, or too far from "my": no slip.
  EXPECT_TRUE(slips_of("I dropped my car off at your garage and it came back scratched.").empty());
  EXPECT_TRUE(slips_of("I broke my promise to my kids because the tickets never came.").empty());
}

TEST(OwnTrouble, TheSameVerbsToldOfUsAreNoSlip) {
  for (const char* text : {"Your courier dropped my parcel and the vase inside is smashed.",
                           "The engineer broke my tap yesterday and now it won't stop dripping.",
                           "Your driver cracked my windscreen while loading the van.",
                           "My phone got wet in your car wash and now it won't charge."}) {
    EXPECT_TRUE(slips_of(text).empty()) << text;
  }
  EXPECT_TRUE(testing::read_one_customer_message(
                  "Your courier dropped my parcel and the vase inside is smashed.")
                  .has_intent("delivery.damaged"));
  // A slip and then a failure of ours: the failure is still a harm.
  EXPECT_TRUE(
      testing::read_one_customer_message("I dropped my phone and now your app won't open at all.")
          .has_intent("product.bug"));
}

TEST(OwnTrouble, TheCustomersOwnWrongEntryIsASlip) {
  for (const char* text : {"trouble signing in, I put in wrong phone number",
                           "I entered the wrong card number at the till page.",
                           "I must have typed in an old email address when I signed up.",
                           "I used the wrong postcode so the map shows another town."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // Entered by us, it is ours.
  for (const char* text : {"You put in the wrong address and my parcel went to the next town.",
                           "Your receptionist entered the wrong date for my scan."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnTrouble, SayingItIsNotUsLeavesEveryOtherSentenceOut) {
  const std::string text =
      "My photo editor crashes every time I export. I don't believe it's the application, it's "
      "just my slow old computer.";
  EXPECT_EQ(slips_of(text).size(), 2u);
  const auto s = testing::read_one_customer_message(text);
  EXPECT_FALSE(s.has_intent("product.bug"));
  EXPECT_FALSE(s.has_intent("product.bug.recurring"));
  EXPECT_LT(s.problem_report, 0.8);
  // "your app" inside the customer's own words does not point at us.
  EXPECT_EQ(slips_of("The sync stalls. I don't think it's your app, it's my rural wifi.").size(),
            2u);
  // The probable cause on their side: "the problem is on my end".
  EXPECT_EQ(slips_of("The video keeps freezing. The problem is on my end, I think.").size(), 2u);
}

TEST(OwnTrouble, SayingItIsNotUsLaterMakesEarlierHarmsTheirs) {
  std::vector<Message> history{
      Message{Role::customer, "My photo editor keeps freezing and crashing.", std::nullopt},
      Message{Role::agent, "Which version are you on?", std::nullopt},
      Message{Role::customer,
              "Version 12. I don't believe it's the application, it's just my slow old computer.",
              std::nullopt}};
  Context ctx;
  ctx.history = history;
  EXPECT_FALSE(analyze_customer(ctx).has_intent("product.bug"));
  // Without the customer's word, the earlier crash is a harm.
  history[2].text = "Version 12, on a new computer.";
  EXPECT_TRUE(analyze_customer(ctx).has_intent("product.bug"));
}

TEST(OwnTrouble, AFeelingToldBesideASlipIsStillRead) {
  // Empathy yes, apology no: the feeling reading reads the slip's sentence.
  const auto s = testing::read_one_customer_message(
      "i dropped my laptop tonight and it cracked :((( I've had it for years and I'm so sad about "
      "it :((");
  EXPECT_FALSE(harmed(s));
  EXPECT_LT(s.problem_report, 0.8);
  EXPECT_GE(s.feeling_report, 0.7);
}

TEST(OwnTrouble, ASentenceThatPointsAtUsStaysAfterSayingItIsNotUs) {
  // Not a not-us: blaming their own wifi is not the shape ("it's not my wifi").
  EXPECT_TRUE(
      testing::read_one_customer_message("I don't think it's my wifi, your app keeps crashing.")
          .has_intent("product.bug"));
  // Not-us said, but another sentence tells a failure of ours.
  const std::string text =
      "It's probably just my old laptop. But your support line hung up on me twice.";
  const auto slips = slips_of(text);
  ASSERT_EQ(slips.size(), 1u);
  EXPECT_EQ(slips[0].begin, 0u);
}

TEST(OwnTrouble, AWishToldAsAdviceIsAFeatureRequest) {
  for (const char* text : {"you should get rid of the 40 min limit for free accounts",
                           "You guys should add a way to pause my box for a month.",
                           "you ought to bring back the Sunday opening hours"}) {
    const auto s = testing::read_one_customer_message(text);
    EXPECT_TRUE(s.has_intent("feature-request")) << text;
    EXPECT_LT(s.problem_report, 0.8) << text;
    // A wish is not a slip: it adds no own-slip reading.
    EXPECT_TRUE(slips_of(text).empty()) << text;
  }
  // "you should make sure" is a demand, not a wish; a wish beside a grievance keeps it.
  EXPECT_FALSE(
      testing::read_one_customer_message("You should make sure your drivers shut the gate.")
          .has_intent("feature-request"));
  EXPECT_TRUE(
      testing::read_one_customer_message("You should remove the charge, your app billed me twice.")
          .has_intent("billing.double-charge"));
}

}  // namespace
}  // namespace tactful
