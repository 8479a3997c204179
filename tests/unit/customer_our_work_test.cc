// Work of ours that has failed, read by the sentence's shape (customer/our_work.cc), a problem
// told before an agent's holding line (customer/holding_reply.cc), and the lexicon's told costs
// and events at hand: each makes a complaint in plain words a reported problem or a stake; the
// look-alikes (praise of the work, a fault ended, a question, someone else's work, a fault from
// before) stay silent.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "one_customer_message.h"
#include "tactful/customer.h"

namespace tactful {
namespace {

using testing::read_one_customer_message;

bool reads_problem(const std::string& text) {
  return read_one_customer_message(text).has_intent("problem.reported");
}

TEST(OurWork, OurJobThenAFault) {
  for (const char* text : {"The gate you rehung is sagging at the latch end.",
                           "The brake cable you replaced has snapped again.",
                           "You resealed the shower tray and it's leaking already.",
                           "The clock you restored loses time and the chime is wrong.",
                           "The dog bed you sewed for us is fraying along every edge.",
                           "The step you laid wobbles when anyone stands on it.",
                           "The patch you welded on the trailer has come apart.",
                           "The lawnmower blade you sharpened is blunter than before.",
                           "The boiler you serviced doesn't heat the water any more.",
                           "Collected the scooter after the service and the throttle sticks.",
                           // Water gathering where our work is: a leak told by where it ends up.
                           "Water is seeping out round the shower tray you sealed last week.",
                           "There's a puddle pooling behind the dishwasher you plumbed in."})
    EXPECT_TRUE(reads_problem(text)) << text;
}

TEST(OurWork, AFaultThatCameTooSoon) {
  for (const char* text : {"The grout has started crumbling after three weeks.",
                           "The new strap snapped within a fortnight.",
                           "The glaze crazed and cracked on the second firing.",
                           "The decking stain is peeling in a month."})
    EXPECT_TRUE(reads_problem(text)) << text;
}

TEST(OurWork, LookAlikesTellNoFault) {
  for (const char* text :
       {// praise, a fault ended, a fault denied
        "The boots you resoled are perfect, no more slipping on the wet cobbles.",
        "The tap you fitted has stopped dripping at last, thank you!",
        "The frame you glued is solid, not loose at all after a month.",
        // a question or a hypothetical
        "Will the varnish you applied crack in a hard frost?",
        "If the sealant you used starts peeling after a year, do you come back?",
        // someone else's work, or a fault from before our work
        "The shelf my brother put up came loose after a week, can you fit a new one?",
        "The old one (not yours) split after two winters.",
        "The hatch jammed every winter before you serviced it.",
        // time told with no fault
        "The coat you reproofed has kept me dry after two weeks of rain."})
    EXPECT_FALSE(reads_problem(text)) << text;
}

TEST(OurWork, TheCustomersOwnSlipOwnsTheFault) {
  // "I forgot": a slip of the customer's own, whose sentence does not point at us.
  EXPECT_FALSE(reads_problem("I forgot to let the varnish you applied dry and it's peeling."));
}

TEST(OurWork, TheProblemReadingOwesAnApology) {
  const auto s = read_one_customer_message(
      "The seat you re-caned split again after two weeks. I paid £80 for that.");
  EXPECT_TRUE(s.has_intent("problem.reported"));
  EXPECT_TRUE(s.has_intent("stakes"));  // the cost told
  EXPECT_TRUE(s.grievance);
}

TEST(HoldingReply, OnlyAShortLineThatPromisesALook) {
  for (const char* text :
       {"Let me ask the workshop.", "Looking into it now, Sam.", "I\u2019ll check now.",
        "Thanks for letting me know!", "One moment please", "Bear with me while I look.",
        "Give me a minute to look.", "We'll check with the driver.", "Checking now.",
        "OK, I'm checking the order."})
    EXPECT_TRUE(customer::holding_reply(text)) << text;
  for (const char* text :
       {"Sorry, I'll look at the booking now.", "Your refund went out this morning.",
        "Let me check, and apologies for the wait.", "The outlet me see is shut.",
        "Let me check: the part is in stock, our fitter has Tuesday at 10am free, and the "
        "labour is on us.",
        ""})
    EXPECT_FALSE(customer::holding_reply(text)) << text;
}

CustomerSignals read_thread(const std::string& agent_line) {
  std::vector<Message> history{
      Message{Role::customer, "The hinge you replaced on the wardrobe has snapped again.",
              std::nullopt},
      Message{Role::agent, agent_line, std::nullopt}};
  Context ctx;
  ctx.history = history;
  return analyze_customer(ctx);
}

TEST(HoldingReply, AProblemBeforeAHoldingLineIsStillUnanswered) {
  EXPECT_TRUE(read_thread("Thanks, let me check with the fitters.").has_intent("problem.reported"));
  // A real answer (or an apology) answers it: no new apology is owed for it.
  EXPECT_FALSE(read_thread("I'm sorry about that. Our fitter can replace it free on Thursday.")
                   .has_intent("problem.reported"));
}

TEST(CostsAndEvents, ToldAsStakes) {
  for (const char* text :
       {"The heating failed and the kids hardly slept.",
        "That's £35 wasted on a ticket we couldn't use.",
        "We have a gig on Friday and the bridge has shifted.",
        "We've lost three good evenings of fishing to it.",
        "I'd already booked the van for that weekend.", "It set off my asthma for days."})
    EXPECT_TRUE(read_one_customer_message(text).has_intent("stakes")) << text;
  EXPECT_FALSE(read_one_customer_message("I slept well, thanks for asking!").has_intent("stakes"));
}

TEST(Lexicon, ThePressIsAThreatOnlyAsTheNewspapers) {
  EXPECT_TRUE(read_one_customer_message("I'll be going to the local press about this.")
                  .has_intent("review-threat"));
  EXPECT_FALSE(read_one_customer_message("The press arrived without its handle.")
                   .has_intent("review-threat"));
  EXPECT_FALSE(read_one_customer_message("I saw on the local news that the road is shut.")
                   .has_intent("review-threat"));
}

TEST(Lexicon, FreezingAMembershipIsNoBug) {
  EXPECT_FALSE(read_one_customer_message("Could you freeze my climbing pass for six weeks?")
                   .has_intent("product.bug"));
  EXPECT_TRUE(read_one_customer_message("The booking page keeps freezing on my phone.")
                  .has_intent("product.bug"));
  // A broken bone is an injury, not a broken product.
  EXPECT_FALSE(read_one_customer_message("I've broken my ankle, can you pause my lessons?")
                   .has_intent("product.bug"));
}

TEST(Lexicon, LeftBehindAndMovedAtShortNotice) {
  EXPECT_TRUE(reads_problem("The ferry shuttle left without us at the second stop!"));
  EXPECT_TRUE(reads_problem("You moved my lesson with one day's notice."));
  EXPECT_TRUE(reads_problem("The courier isn't answering and the van is an hour late."));
}

}  // namespace
}  // namespace tactful
