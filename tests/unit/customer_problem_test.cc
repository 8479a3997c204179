// The domain-free problem report (problem.reported): read from how any complaint is worded,
// whatever the trade, and not from how-to questions, hypotheticals, worries, the customer's own
// slips, praise, or a problem the customer says is solved.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tactful/customer.h"

namespace tactful {
namespace {

Message customer(std::string text) {
  return Message{Role::customer, std::move(text), std::nullopt};
}
Message agent(std::string text) {
  return Message{Role::agent, std::move(text), std::nullopt};
}

CustomerSignals read(const std::vector<Message>& history) {
  Context ctx;
  ctx.history = history;
  return analyze_customer(ctx);
}

std::string problem_evidence(const std::string& text) {
  const std::vector<Message> h = {customer(text)};
  const CustomerSignals s = read(h);
  for (const Intent& i : s.intents)
    if (i.id == "problem.reported") return text.substr(i.evidence.begin, i.evidence.size());
  return "(none)";
}

bool reports_problem(const std::vector<Message>& history) {
  return read(history).has_intent("problem.reported");
}

TEST(ProblemReported, ReadInTradesTheLexiconNeverNamed) {
  // A taxidermist, a piano tuner, a boat yard, a print shop: no word of these trades is known.
  EXPECT_EQ(problem_evidence("Your technician scratched the lid of my piano and left."),
            "Your technician scratched");
  EXPECT_EQ(problem_evidence("The mounted owl came back from you with a tear in the wing."),
            "with a tear");
  // Whatever the trade calls its people or machines: "your <doer> <did harm>".
  EXPECT_EQ(problem_evidence("Your tuner scratched the lid."), "Your tuner scratched");
  EXPECT_EQ(problem_evidence("Your car wash machine broke my mirror."),
            "Your car wash machine broke");
  EXPECT_FALSE(reports_problem({customer("Your tuner was lovely and fixed it in an hour.")}));
  EXPECT_EQ(problem_evidence("The boat was damaged while it sat in your yard."), "was damaged");
  EXPECT_EQ(problem_evidence("Nobody has called about the reprint and the event is Friday."),
            "Nobody has called");
  EXPECT_EQ(problem_evidence("The banners still haven't arrived."), "still haven't");
  EXPECT_EQ(problem_evidence("My gate pass was rejected at the entrance."), "was rejected");
}

TEST(ProblemReported, AccountabilityAndCostsReadAsReports) {
  EXPECT_EQ(problem_evidence("Water in the cellar after your visit. WHO IS PAYING FOR THIS?"),
            "WHO IS PAYING");
  EXPECT_EQ(problem_evidence("So what are you going to do about it?"),
            "what are you going to do about");
  EXPECT_EQ(problem_evidence("Now I have to hire a van myself."), "Now I have to");
  EXPECT_EQ(problem_evidence("You quoted £200 and now it's £340."), "You quoted £200 and now");
}

TEST(ProblemReported, HowToQuestionsHypotheticalsAndWorriesAreNotReports) {
  EXPECT_FALSE(reports_problem({customer("Do you repair frames that are broken at the hinge?")}));
  EXPECT_FALSE(reports_problem({customer("What happens if the parcel was damaged in the post?")}));
  EXPECT_FALSE(reports_problem({customer("I'm worried my form was lost in the post.")}));
  EXPECT_FALSE(reports_problem({customer("My speaker won't connect to the Wi-Fi.")}));
  EXPECT_FALSE(reports_problem({customer("Do you replace glass that your courier cracked?")}));
  EXPECT_FALSE(
      read({customer("What if the frame arrives cracked?")}).has_intent("delivery.damaged"));
  EXPECT_FALSE(reports_problem({customer("Sorry, I never replied to your email last week.")}));
}

TEST(ProblemReported, OwnSlipsPraiseAndSolvedProblemsAreNotReports) {
  EXPECT_FALSE(reports_problem(
      {customer("My bad, I typed the wrong postcode so the parcel is missing, can you resend?")}));
  EXPECT_FALSE(
      reports_problem({customer("Shoutout to your driver who came back with my forgotten bag!")}));
  EXPECT_FALSE(reports_problem({customer("It's sorted now, the screen is broken no more.")}));
  // Answered by the agent and then thanked for: nothing new to apologise for.
  EXPECT_FALSE(reports_problem({customer("The lock is jammed again."),
                                agent("Hold the button for ten seconds to reset it."),
                                customer("Thanks, that worked!")}));
  EXPECT_TRUE(reports_problem({customer("The lock is jammed again.")}));
}

TEST(ProblemReported, ALostAbilityCountsWithAWordThatMakesItALoss) {
  EXPECT_EQ(problem_evidence("Since the update the scanner won't feed paper at all."),
            "won't feed paper at all");
  EXPECT_EQ(problem_evidence("We paid for the course and can't open any of the videos."),
            "can't open any of");
  EXPECT_EQ(problem_evidence("The kiln won't heat because it can't find the sensor."),
            "won't heat because");
  EXPECT_EQ(problem_evidence("now I cant print nothing"), "cant print");
  // No completion: a how-to, the customer's own limit, praise or their own intention.
  EXPECT_FALSE(reports_problem({customer("I can't find the size chart on your site.")}));
  EXPECT_FALSE(reports_problem({customer("I can't make Tuesday at all, can we move it?")}));
  EXPECT_FALSE(reports_problem({customer("I can't fault the fitters at all, lovely job.")}));
  EXPECT_FALSE(reports_problem({customer("I won't need the van anymore, thanks.")}));
  EXPECT_TRUE(reports_problem({customer("Why can't I pay by card at all?")}));
  EXPECT_FALSE(reports_problem({customer("What if I can't log in at all tomorrow?")}));
}

TEST(ProblemReported, APartMissingAfterWith) {
  EXPECT_EQ(problem_evidence("The bookcase came with two shelf pins missing."),
            "with two shelf pins missing");
  EXPECT_FALSE(reports_problem({customer("It came with nothing missing, thanks!")}));
}

TEST(ProblemReported, HarmsToldAsOutcomes) {
  EXPECT_EQ(problem_evidence("The cream was off, so we had to throw it out."), "we had to throw");
  EXPECT_EQ(problem_evidence("The scarf faded after two washes."), "faded after two washes");
  EXPECT_EQ(problem_evidence("The plants were dead when we unpacked them."), "were dead when we");
  EXPECT_EQ(problem_evidence("Your tiler showed up 50 minutes late."), "showed up 50 minutes late");
  EXPECT_FALSE(reports_problem({customer("We ended up ordering two, can I return one?")}));
}

TEST(ProblemReported, LeavesFrustrationAsItWas) {
  // The frustration formula was fitted to human ratings; the problem reading feeds the packs'
  // gates, not the formula. The same message without the report's words reads the same.
  const std::vector<Message> report = {customer("The rack came back with a dent.")};
  const std::vector<Message> plain = {customer("The rack came back with a tag.")};
  ASSERT_TRUE(reports_problem(report));
  ASSERT_FALSE(reports_problem(plain));
  EXPECT_DOUBLE_EQ(read(report).frustration, read(plain).frustration);
}

}  // namespace
}  // namespace tactful
