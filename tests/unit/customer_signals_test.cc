// analyze_customer: intents with evidence, repeat contact, self-inflicted slips, waiting time,
// frustration ordering, other languages and hostile histories.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "tactful/customer.h"
#include "tactful/timestamp.h"

namespace tactful {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

Message customer(std::string text, std::optional<sys_seconds> at = std::nullopt) {
  return Message{Role::customer, std::move(text), at};
}
Message agent(std::string text) {
  return Message{Role::agent, std::move(text), std::nullopt};
}

CustomerSignals read(const std::vector<Message>& history, sys_seconds now = sys_seconds{}) {
  Context ctx;
  ctx.history = history;
  ctx.now = now;
  return analyze_customer(ctx);
}

std::string evidence(const std::vector<Message>& history, const CustomerSignals& s,
                     std::string_view id) {
  for (const Intent& i : s.intents)
    if (i.id == id)
      return history[i.message_index].text.substr(i.evidence.begin, i.evidence.size());
  return "(none)";
}

sys_seconds at(const char* text) {
  return *parse_rfc3339(text);
}

TEST(CustomerIntents, EachIntentWithItsEvidence) {
  struct Case {
    const char* text;
    const char* intent;
    const char* words;
  };
  const Case cases[] = {
      {"You charged me twice for one order.", "billing.double-charge", "charged me twice"},
      {"Where is my refund? You approved it on the 2nd.", "billing.refund-late",
       "Where is my refund"},
      {"I cancelled in January and you charged me again.", "billing.unexpected-charge",
       "you charged me again"},
      {"The parcel has vanished, the courier has no idea.", "delivery.lost", "parcel has vanished"},
      {"The delivery date keeps moving. When will it come?", "delivery.late", "date keeps moving"},
      {"Your driver left my fridge outside in the rain.", "delivery.damaged",
       "left my fridge outside"},
      {"The hotel was overbooked and we had nowhere to sleep.", "service.failure", "overbooked"},
      {"The engineer never turned up.", "service.failure", "never turned up"},
      {"Your update wiped my saved templates.", "product.bug", "wiped"},
      {"WHY CAN'T I LOG IN???", "account-access", "CAN'T I LOG IN"},
      {"I'd like to speak to the pharmacist in charge, please.", "escalation-request", "in charge"},
      {"I'll open a PayPal dispute if this drags on.", "dispute-threat", "dispute"},
      {"I'm reporting you to the housing team.", "dispute-threat", "reporting you"},
      {"Ok that's it, cancelling Premium altogether.", "cancellation", "that's it, cancelling"},
      {"Karen told me my refund was approved.", "broken-promise", "told me my"},
      {"My husband passed away last month.", "hardship", "passed away"},
      {"Third cut this week and I lost an entire morning of work.", "stakes",
       "lost an entire morning"},
      {"My card is blocked and rent is due tomorrow.", "stakes", "rent is due"},
      {"Power is off and my dad's on oxygen, this is frightening.", "stakes", "on oxygen"},
  };
  for (const Case& c : cases) {
    const std::vector<Message> h = {customer(c.text)};
    const CustomerSignals s = read(h);
    EXPECT_TRUE(s.has_intent(c.intent)) << c.text;
    EXPECT_EQ(evidence(h, s, c.intent), c.words) << c.text;
  }
}

// Whole classes of wording, each with its evidence: refused or cut-off service, pushy staff,
// unwanted contact, sessions cancelled on the customer, bans, counterfeit or tampered goods,
// overcharging, noises and things that never activated, money for essentials, health and
// safety, and threats made through an owner, a card issuer or a review site.
TEST(CustomerIntents, WholeFamiliesOfWording) {
  struct Case {
    const char* text;
    const char* intent;
    const char* words;
  };
  const Case cases[] = {
      {"I was turned away at the gate even though I had a ticket.", "service.failure",
       "was turned away"},
      {"We've had no heating since Friday.", "service.failure", "no heating"},
      {"Your salesman was really pushy with my dad.", "service.failure", "was really pushy"},
      {"Please stop texting me about offers.", "service.failure", "stop texting me"},
      {"The venue cancelled 3 of the 8 concerts on our pass.", "service.failure",
       "venue cancelled"},
      {"My account got suspended for no reason.", "account-access", "account got suspended"},
      {"The courier's bag had been opened when it reached me.", "delivery.damaged",
       "bag had been opened"},
      {"They sold me a counterfeit perfume.", "delivery.damaged", "counterfeit"},
      {"The pizza arrived stone cold.", "delivery.damaged", "stone cold"},
      {"Our taxi was 40 minutes late.", "delivery.late", "taxi was 40 minutes late"},
      {"You overcharged me on the last invoice.", "billing.unexpected-charge", "overcharged"},
      {"The dryer is making a grinding noise.", "product.bug", "making a grinding noise"},
      {"The gift voucher hasn't activated.", "product.bug", "hasn't activated"},
      {"that's my mortgage money gone", "hardship", "my mortgage money"},
      {"I had an allergic reaction to the cream.", "stakes", "allergic reaction"},
      {"The storm broke the latch and I can't lock the back door.", "stakes", "can't lock"},
      {"I'm taking my savings to another bank.", "churn-threat", "taking my savings to another"},
      {"We may start moving our orders elsewhere.", "churn-threat", "moving our orders elsewhere"},
      {"I'd like to speak to the director about this.", "escalation-request",
       "speak to the director"},
      {"I'll be writing a review on Tripadvisor tonight.", "review-threat", "writing a review"},
      {"I'm going to my card issuer about this.", "dispute-threat", "going to my card issuer"},
      // Threats and requests told in other shapes: after a negated condition, leaning to
      // cancel, an account of any kind closed, "I'm done.", telling it on a public site.
      {"If the boiler isn't fixed by Friday I'm disputing the invoice.", "dispute-threat",
       "disputing"},
      {"Half minded to cancel the whole thing.", "cancellation", "minded to cancel"},
      {"Please close my business account.", "cancellation", "close my business account"},
      {"Third late box. I'm done.", "churn-threat", "I'm done."},
      {"I'll be posting about it on Facebook.", "review-threat", "posting about it on Facebook"},
      {"They said Friday, and it's Monday.", "broken-promise", "They said Friday,"},
      {"The fitter said the decking would be finished by Friday. Still half done.",
       "broken-promise", "would be finished by Friday"},
      {"You took a payment even though I paused my plan.", "billing.unexpected-charge",
       "even though I paused"},
  };
  for (const Case& c : cases) {
    const std::vector<Message> h = {customer(c.text)};
    const CustomerSignals s = read(h);
    EXPECT_TRUE(s.has_intent(c.intent)) << c.text;
    EXPECT_EQ(evidence(h, s, c.intent), c.words) << c.text;
  }
  // Reporting a bug as a favour, or asking whether a message is genuine, is not a harm.
  EXPECT_TRUE(
      read({customer("Found a small bug in the settings page, thought you'd like to know.")})
          .intents.empty());
  EXPECT_TRUE(read({customer("Is this a fake email from you?")}).intents.empty());
  // Asking when a thing will be done is no promise recounted.
  EXPECT_FALSE(
      read({customer("Will the decking be finished by Friday?")}).has_intent("broken-promise"));
}

TEST(CustomerIntents, SeveralAtOnceAndNoneForAPlainQuestion) {
  const std::vector<Message> h = {
      customer("I was charged twice AGAIN. Get me a manager or I'm switching to a competitor.")};
  const CustomerSignals s = read(h);
  EXPECT_TRUE(s.has_intent("billing.double-charge"));
  EXPECT_TRUE(s.has_intent("escalation-request"));
  EXPECT_TRUE(s.has_intent("churn-threat"));
  EXPECT_TRUE(read({customer("Do you ship to Norway?")}).intents.empty());
}

TEST(CustomerIntents, AThreatAnsweredAndLetGoIsNoLongerLive) {
  const Message threat =
      customer("The kiln arrived cracked. Refund me or I'm disputing it with my bank.");
  const Message answer = agent(
      "You're right, and I'm sorry: I've refunded the full £420 today, so there's no need to go "
      "to your bank.");
  // Answered, and the customer carries on calmly: no threat is left to acknowledge.
  EXPECT_FALSE(read({threat, answer, customer("Thanks. Can I reorder the same model?")})
                   .has_intent("dispute-threat"));
  // Renewed, or met with exasperation since: still live.
  EXPECT_TRUE(read({threat, answer, customer("It's not there. I'm calling my bank today.")})
                  .has_intent("dispute-threat"));
  EXPECT_TRUE(read({threat, answer, customer("Unbelievable. Still nothing on my card!!")})
                  .has_intent("dispute-threat"));
  // A holding line is no answer; nor is a reply the customer has not written after.
  EXPECT_TRUE(read({threat, agent("Let me check."), customer("ok")}).has_intent("dispute-threat"));
  EXPECT_TRUE(read({threat, answer}).has_intent("dispute-threat"));
  // A manager asked for, answered, and the customer moves on.
  EXPECT_FALSE(read({customer("Put me through to your manager."),
                     agent("I've asked our team lead, Priya, to ring you at 2pm today."),
                     customer("Fine. What's the returns address, while I have you?")})
                   .has_intent("escalation-request"));
}

TEST(CustomerIntents, TopicsAreNotHarms) {
  // Talking about 2FA or asking whether something is a scam is not a locked-out customer or a
  // dispute threat.
  EXPECT_FALSE(read({customer("If I turn on 2FA, will I lose access on my laptop?")})
                   .has_intent("account-access"));
  EXPECT_FALSE(read({customer("Your email says my account will be deleted?! Is this a scam??")})
                   .has_intent("dispute-threat"));
  EXPECT_FALSE(read({customer("I reported this on Monday and it's still broken.")})
                   .has_intent("dispute-threat"));
  // A court that is a place is no court of law; taking us to court still threatens.
  EXPECT_FALSE(read({customer("She slipped on the wet floor by the squash court. No one helped.")})
                   .has_intent("dispute-threat"));
  EXPECT_TRUE(
      read({customer("Refund me or I'll take you to court.")}).has_intent("dispute-threat"));
  EXPECT_TRUE(read({customer("I've started a county court claim.")}).has_intent("dispute-threat"));
  EXPECT_TRUE(read({customer("See you in court.")}).has_intent("dispute-threat"));
}

TEST(CustomerRepeat, StrongCuesAloneWeakOnesOnlyWithAHarm) {
  EXPECT_TRUE(
      read({customer("I'm writing for the fourth time about this invoice.")}).repeat_contact);
  EXPECT_TRUE(read({customer("This is the third agent I've explained this to.")}).repeat_contact);
  EXPECT_TRUE(read({customer("It's STILL broken.")}).repeat_contact);
  EXPECT_FALSE(read({customer("Can I still download my designs if I cancel?")}).repeat_contact);
  EXPECT_FALSE(read({customer("How long until I can try again?")}).repeat_contact);
  const CustomerSignals bug = read({customer("The app crashed again.")});
  EXPECT_TRUE(bug.has_intent("product.bug.recurring"));
}

TEST(CustomerRepeat, HowOftenIsNotContactingUsAgain) {
  EXPECT_FALSE(
      read({customer("Do we pay for parking every time or is it in the ticket?")}).repeat_contact);
  // A fault each time they try is a recurrence, held against us, but no contact counted.
  const CustomerSignals each = read({customer("Every time I open the app it logs me out.")});
  EXPECT_FALSE(each.repeat_contact);
  EXPECT_TRUE(each.grievance);
  EXPECT_TRUE(each.has_intent("product.bug.recurring") || each.has_intent("problem.recurring"));
}

TEST(CustomerRepeat, CallsAndVoicemailsCountedAreContacts) {
  // A phone line is contacted as an inbox is: its calls counted, its voicemails left.
  EXPECT_TRUE(read({customer("I rang 4 times on Friday about the leak.")}).repeat_contact);
  EXPECT_TRUE(read({customer("I've left three voicemails about the invoice.")}).repeat_contact);
  EXPECT_FALSE(
      read({customer("The doorbell rang 4 times last night, can I turn it down?")}).repeat_contact);
}

TEST(CustomerRepeat, ACountOfSomethingElseIsNoContact) {
  // Uses, the customer's own tries, a fault that recurs: none is having to write again.
  EXPECT_FALSE(read({customer("That was the fourth time my card was used at the bakery today.")})
                   .repeat_contact);
  EXPECT_FALSE(read({customer("That was the fourth time my card was used at the bakery today.")})
                   .has_intent("problem.recurring"));
  const CustomerSignals tries = read({customer(
      "I can't log in to my account, I have changed the password multiple times. Ideas?")});
  EXPECT_FALSE(tries.repeat_contact);
  EXPECT_FALSE(tries.has_intent("problem.recurring"));
  EXPECT_TRUE(read({customer("Each time I start the mower the blade guard flies off.")})
                  .has_intent("problem.recurring"));
  EXPECT_FALSE(
      read({customer("Each time I start the mower the blade guard flies off.")}).repeat_contact);
  // The contact itself counted is repeat contact.
  EXPECT_TRUE(read({customer("Third time I'm writing about the boiler.")}).repeat_contact);
  EXPECT_TRUE(read({customer("This is my third email about the boiler.")}).repeat_contact);
  EXPECT_TRUE(read({customer("I've called twice about the boiler.")}).repeat_contact);
  EXPECT_TRUE(read({customer("How many times do I have to explain the boiler is leaking?")})
                  .repeat_contact);
  EXPECT_TRUE(
      read({customer("I'm asking for the fourth time: where is the engineer?")}).repeat_contact);
}

TEST(CustomerGrievance, NegativeWordsInAWorriedQuestionAreNone) {
  EXPECT_FALSE(read({customer("is the match still on tonight? the rain is crazy here")}).grievance);
  EXPECT_FALSE(
      read({customer("I'm so nervous about the exam. Is it normal to feel sick?")}).grievance);
  EXPECT_FALSE(read({customer("Thanks so much, that worked!")}).grievance);
  // A statement of what went wrong, a challenging question, or one that tells of us.
  EXPECT_TRUE(read({customer("I lost a whole day of work and nobody told me.")}).grievance);
  EXPECT_TRUE(read({customer("Why was my claim turned down? It makes no sense.")}).grievance);
  EXPECT_TRUE(
      read({customer("Your fitter cracked the tiles, it's awful. Can you fix it?")}).grievance);
  EXPECT_TRUE(read({customer("is anyone there?? this is ridiculous, totally useless")}).grievance);
}

TEST(CustomerFrustration, OrdersCalmBelowAngryAndOwnSlipsBelowComplaints) {
  const double calm = read({customer("Hi, could you send me a copy of our contract?")}).frustration;
  const double angry =
      read({customer("This is the THIRD time your app lost my work. UNACCEPTABLE!!! I'm done.")})
          .frustration;
  EXPECT_LT(calm, 0.3);
  EXPECT_GT(angry, 0.6);
  const double own_slip =
      read({customer("Oops, I typed the wrong postcode, it should be M4 1HN.")}).frustration;
  const double our_slip =
      read({customer("You shipped it to the wrong address, I typed it correctly!!")}).frustration;
  EXPECT_LT(own_slip, our_slip);
  EXPECT_LT(own_slip, 0.36);
}

TEST(CustomerFrustration, APlainQuestionReadsCalmerThanTheSameWordsAsAComplaint) {
  // VADER and length score a plain question mildly negative; asking is not being upset.
  const double question =
      read({customer("Hi! My order says dispatched but there is no tracking link yet. Is that "
                     "normal?")})
          .frustration;
  const double complaint =
      read({customer("My order says dispatched but there is no tracking link yet. Not happy.")})
          .frustration;
  EXPECT_LT(question, complaint);
  EXPECT_LT(question, 0.36);
  // "??", shouting or exasperation make a question heated again.
  const double heated =
      read({customer("My order says dispatched but there is no tracking link yet. Is that "
                     "NORMAL??")})
          .frustration;
  EXPECT_GT(heated, question);
}

TEST(CustomerFrustration, ThanksCalmsTheLatestMessageButSarcasticThanksDoesNot) {
  const auto latest = [](const char* text) { return read({customer(text)}).frustration; };
  const double plain = latest("The replacement card still has not arrived.");
  const double thanks = latest("The replacement card still has not arrived. Thanks for checking.");
  EXPECT_LT(thanks, plain);
  EXPECT_GT(latest("The replacement card still has not arrived. Thanks for nothing."), thanks);
  EXPECT_GT(latest("The replacement card still has not arrived. Thank you for not telling me."),
            thanks);
}

TEST(CustomerFrustration, TalkOfWeeksWaitedCountsWhenNoWaitIsRead) {
  // "weeks ago" says how long; "last week" says when.
  const auto latest = [](const char* text) { return read({customer(text)}).frustration; };
  EXPECT_GT(latest("The parcel was due weeks ago. Where is it?"),
            latest("The parcel was due last week. Where is it?"));
  // A wait read from the words already counts; the same words don't count twice.
  ASSERT_TRUE(read({customer("Waiting 2 days now. Where is the parcel, Sam?")}).waited_minutes);
  EXPECT_DOUBLE_EQ(latest("Waiting 2 days now. Where is the parcel, weeks?"),
                   latest("Waiting 2 days now. Where is the parcel, Sam?"));
}

TEST(CustomerFrustration, AnAnswerToTheAgentReadsCalmerUnlessItRaisesSomething) {
  const Message opened = customer("My invoice shows the wrong company name.");
  const Message asked = agent("Which invoice number is it?");
  const Message answer = customer("It is number 4471.");
  EXPECT_LT(read({opened, asked, answer}).frustration, read({opened, answer}).frustration);
  // A reply that complains again is no plain answer.
  const Message complaint = customer("It is number 4471. This is ridiculous.");
  EXPECT_DOUBLE_EQ(read({opened, asked, complaint}).frustration,
                   read({opened, complaint}).frustration);
}

TEST(CustomerRepeat, ANudgeIsNotRepeatContact) {
  // "still there" asks whether the agent is present; "still broken" is repeat contact.
  EXPECT_FALSE(read({customer("My promo code isn't working"), agent("Let me check that."),
                     customer("Hello? Are you still there?")})
                   .repeat_contact);
  EXPECT_TRUE(read({customer("My promo code isn't working"), agent("Let me check that."),
                    customer("Hello? It's still not working.")})
                  .repeat_contact);
}

TEST(CustomerWaiting, FromTimestampsAndFromWords) {
  const sys_seconds now = at("2026-11-22T10:40:00Z");
  // From the first unanswered customer message; an answered one does not count.
  CustomerSignals s = read({customer("Hello?", at("2026-11-22T08:00:00Z")), agent("Hi!"),
                            customer("Where is my order?", at("2026-11-22T10:00:00Z")),
                            customer("Anyone?", at("2026-11-22T10:30:00Z"))},
                           now);
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_DOUBLE_EQ(*s.waited_minutes, 40);
  // Words: the longer of the two wins.
  s = read({customer("I've been on hold for an hour and a half.", at("2026-11-22T10:30:00Z"))},
           now);
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_DOUBLE_EQ(*s.waited_minutes, 90);
  s = read({customer("3 days and no answer.")});
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_DOUBLE_EQ(*s.waited_minutes, 3 * 24 * 60);
  s = read({customer("Waited two and a half hours on the phone.")});
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_DOUBLE_EQ(*s.waited_minutes, 150);
}

TEST(CustomerWaiting, NobodyRepliedCountsButNobodyCheckingDoesNot) {
  CustomerSignals s = read({customer("It's been 2 days and nobody has replied.")});
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_DOUBLE_EQ(*s.waited_minutes, 2 * 1440);
  // A duration beside "nobody" that is not about a reply is not a wait for us.
  s = read({customer("He was left in a kennel for 4 hours with nobody checking him.")});
  EXPECT_FALSE(s.waited_minutes);
}

TEST(CustomerWaiting, MissingFutureAndUnknownNowAreIgnored) {
  const sys_seconds now = at("2026-11-22T10:00:00Z");
  EXPECT_FALSE(read({customer("Hi", at("2026-11-22T11:00:00Z"))}, now).waited_minutes);
  EXPECT_FALSE(read({customer("Hi")}, now).waited_minutes);
  EXPECT_FALSE(read({customer("Hi", at("2026-11-22T09:00:00Z"))}).waited_minutes);
}

TEST(CustomerLanguage, OtherLanguagesReadWithLowConfidence) {
  EXPECT_GT(
      read({customer("You charged me twice and nobody answers my emails.")}).english_confidence,
      0.5);
  EXPECT_LT(read({customer("Sie haben mir zweimal etwas berechnet und niemand antwortet mir.")})
                .english_confidence,
            0.5);
  EXPECT_LT(read({customer("二重に請求されました。返金してください。")}).english_confidence, 0.5);
}

TEST(CustomerHostile, SystemMessagesHugeTextAndLongHistories) {
  // System lines are not the customer's words.
  EXPECT_FALSE(read({Message{Role::system, "Customer was charged twice", std::nullopt}})
                   .has_intent("billing.double-charge"));
  // A megabyte message and ten thousand messages are read within their caps.
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "I was charged twice!!! ";
  EXPECT_TRUE(read({customer(huge)}).has_intent("billing.double-charge"));
  std::vector<Message> many(10000, customer("still waiting"));
  many.push_back(customer("You charged me twice."));
  const CustomerSignals s = read(many);
  EXPECT_TRUE(s.has_intent("billing.double-charge"));
  EXPECT_GE(s.frustration, 0.0);
  EXPECT_LE(s.frustration, 1.0);
  // Invalid UTF-8 and NULs never break the reading.
  const std::string bad("charged twice \xff\xfe\0 again", 23);
  EXPECT_TRUE(read({customer(bad)}).has_intent("billing.double-charge"));
}

}  // namespace
}  // namespace tactful
