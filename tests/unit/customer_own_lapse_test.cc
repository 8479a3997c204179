// The customer as the doer of a lapse, read by the clause's shape (customer/own_lapse.cc): a
// verb that says its doer erred, whose subject is "I" or "we" (adverbs between, or an earlier
// "I" joined by "and"), and the customer calling themselves a fool. Such a slip, with no harm of
// ours beside it, is no grievance; the same verbs told of us are.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "one_customer_message.h"
#include "tactful/customer.h"

namespace tactful {
namespace {

using testing::slips_of;

TEST(OwnLapse, AnAdverbMayStandBetweenTheCustomerAndTheLapse) {
  for (const char* text : {"I totally forgot to renew the parking permit before it ran out.",
                           "We stupidly overslept and the shuttle left without us.",
                           "I've somehow misread the timetable by a whole hour.",
                           "I clean forgot about the pottery class last night.",
                           "I just fell asleep on the sofa and missed the engineer's call."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
}

TEST(OwnLapse, AnEarlierSubjectJoinedByAndCounts) {
  EXPECT_EQ(slips_of("I changed banks in May and forgot to move the direct debit over.").size(),
            1u);
  EXPECT_EQ(slips_of("We packed in a rush and mixed the two boxes up.").size(), 1u);
  // The nearest doer before "and" is someone else: not the customer's lapse.
  EXPECT_TRUE(slips_of("I booked a slot and your fitter forgot the brackets.").empty());
  EXPECT_TRUE(slips_of("I rang twice and they forgot to pass the message on.").empty());
}

TEST(OwnLapse, AMistakeWithAnAdjectiveAndCallingOneselfAFool) {
  for (const char* text : {"I've made a really daft mistake with the seat numbers.",
                           "I made a silly error on the form, the surname is wrong.",
                           "I feel so stupid.", "Feeling like a right idiot now lol",
                           "Silly me, the voucher was in my other coat all along."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // "Stupid" said of a thing, or a fool's feeling that is about us, is no slip of theirs.
  EXPECT_TRUE(slips_of("Your stupid app logged me out again.").empty());
  EXPECT_TRUE(slips_of("I felt like an idiot waiting an hour for a table you never held.").empty());
}

TEST(OwnLapse, TheCustomersOwnChoiceWithWrongLaterInTheClause) {
  for (const char* text : {"Stupidly I booked the kids' lessons for the wrong term.",
                           "We ordered the rug in the wrong size for the hall.",
                           "I paid the deposit into the wrong account this morning."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // A new doer or a comma before "wrong": the wrong part is ours.
  for (const char* text : {"I ordered a rug and you sent the wrong size.",
                           "I booked the van, the driver went to the wrong address.",
                           "We ordered oak but they delivered the wrong wood."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnLapse, TheSameVerbsToldOfUsAreNoSlip) {
  for (const char* text : {"You forgot the side order and the dip.",
                           "Your driver misread the address and took it to number 81.",
                           "The courier mixed up the labels on our two parcels.",
                           "I think your receptionist forgot to write my booking down."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
  // A lapse of the customer's beside one of ours is not a pure slip.
  EXPECT_TRUE(slips_of("I forgot my PIN but your reset text never comes.").empty());
}

TEST(OwnLapse, ForgettingToMentionIsNoLapse) {
  EXPECT_TRUE(slips_of("I forgot to mention the lamp arrived with a cracked base.").empty());
  EXPECT_TRUE(testing::read_one_customer_message(
                  "I forgot to say, the lamp arrived with a cracked base and the shade is bent.")
                  .has_intent("delivery.damaged"));
}

TEST(OwnLapse, ASlipWithNoHarmOfOursIsNoGrievance) {
  const auto slip = testing::read_one_customer_message(
      "Ugh, I completely forgot the dentist this morning and now I feel awful. Can I rebook?");
  EXPECT_FALSE(slip.grievance);
  // The same feeling with a harm of ours beside the slip is one.
  const auto harmed = testing::read_one_customer_message(
      "I forgot my password and now your site charged me twice for the renewal. Awful.");
  EXPECT_TRUE(harmed.grievance);
  // No slip: the same negative words are held against us.
  EXPECT_TRUE(testing::read_one_customer_message(
                  "The dentist cancelled on me this morning with no warning and I feel awful.")
                  .grievance);
}

// "My own fault" says the slip was the customer's as plainly as "my fault" (the phrase list,
// customer/cue_lexicon.cc): the upset beside it is no grievance of ours.
TEST(OwnLapse, MyOwnFaultIsASlip) {
  EXPECT_EQ(slips_of("Sat in the wrong car park for ages, my own fault! Can I come at 2?").size(),
            1u);
  EXPECT_EQ(slips_of("Booked the wrong week, my own mistake.").size(), 1u);
  EXPECT_TRUE(slips_of("Sat in your car park for ages and nobody came. Can I come at 2?").empty());
}

TEST(OwnLapse, TheRightChoiceNamedWithInsteadOf) {
  for (const char* text : {"I reserved the hall for the 9th instead of the 19th.",
                           "We selected the oak finish instead of the walnut one."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // Ours, or a choice paid for rather than a slip.
  for (const char* text : {"You delivered the oak finish instead of the walnut.",
                           "Your form booked me for the 9th instead of the 19th.",
                           "I paid for express delivery instead of standard."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnLapse, ReproachingOneself) {
  for (const char* text : {"Honestly so cross with myself over this.",
                           "Kicking myself, the gift card was in my coat all along.",
                           "We're annoyed at ourselves for not checking the size."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // Annoyed with someone else, or kicking a thing, is no self-reproach.
  for (const char* text : {"I'm annoyed with your fitter for leaving the gate open.",
                           "Kicking off at the staff helps nobody."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnLapse, AnAccidentWithTheSubjectLeftOut) {
  for (const char* text : {"Spilt red wine on the cream sofa cover at the weekend.",
                           "Dropped my tablet down the stairs yesterday, the corner is dented.",
                           "Knocked the lamp off the shelf with the hoover.",
                           "I dropped my watch on the tiles at the gym."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  // A thing handed over, an accident of ours, or no object after the verb.
  for (const char* text :
       {"Dropped my watch in with you last week to have the strap changed.",
        "I dropped the laptop off at your counter yesterday.",
        "Your porter dropped my case on the steps.", "Dropped off at the wrong house, again.",
        "I knocked on the door for ten minutes."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnLapse, AThingOfTheirsInWaterAndAMissedAppointment) {
  for (const char* text : {"Our speaker slipped into the pond during the barbecue.",
                           "My earbuds fell in the sink while I was washing up.",
                           "I missed my Thursday fitting appointment, the meeting overran."})
    EXPECT_EQ(slips_of(text).size(), 1u) << text;
  for (const char* text : {"Your van went into the ditch with our sofa on it.",
                           "I missed two days of work waiting for your engineer.",
                           "The engineer missed our appointment and never called."})
    EXPECT_TRUE(slips_of(text).empty()) << text;
}

TEST(OwnLapse, MarksAtTheCustomersOwnSlipAreNoGrievance) {
  EXPECT_FALSE(testing::read_one_customer_message(
                   "I typed the old postcode on the order!! Fed up with myself. Can it be "
                   "changed before it ships?")
                   .grievance);
  // The same marks at a harm of ours are one.
  EXPECT_TRUE(testing::read_one_customer_message(
                  "You've posted it to a previous address!! I changed it weeks ago.")
                  .grievance);
}

// "Where's my parcel?" asked calmly with no time told asks where it is; with days passed it
// tells of a late delivery.
TEST(StatusQuestion, WhereIsMyOrderAloneIsNoLateDelivery) {
  const auto asked =
      testing::read_one_customer_message("Hiya, where's my parcel? It's the hamper for Friday.");
  EXPECT_FALSE(asked.has_intent("delivery.late"));
  for (const char* text : {"Where's my parcel? Ordered on the 2nd and it's been 12 days.",
                           "where is my order?? still nothing",
                           "Where is my parcel? It should have come on Monday, three days ago."})
    EXPECT_TRUE(testing::read_one_customer_message(text).has_intent("delivery.late")) << text;
}

}  // namespace
}  // namespace tactful
