// Stated waits: the two-step reading (search without captures, then the amount and unit alone)
// against the one-step reading it replaced, on the cases that decide how the captures fall and
// on generated texts built from the regexes' own pieces.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "customer/signals_internal.h"
#include "xorshift.h"

namespace tactful::customer {
namespace {

using tactful::testing::XorShift;

void expect_same(std::string_view text) {
  const std::optional<double> fast = stated_wait_minutes(text);
  const std::optional<double> reference = stated_wait_minutes_reference(text);
  ASSERT_EQ(fast.has_value(), reference.has_value()) << text;
  if (fast) {
    EXPECT_DOUBLE_EQ(*fast, *reference) << text;
  }
}

TEST(StatedWait, ReadsTryingToGetThroughTimeOnTheLineAndRequestsMadeAgo) {
  EXPECT_EQ(stated_wait_minutes("I've been trying to get through for 2 hours."), 120);
  EXPECT_EQ(stated_wait_minutes("trying to reach someone for three days"), 3 * 1440);
  EXPECT_EQ(stated_wait_minutes("I've been on this chat for over an hour."), 60);
  EXPECT_EQ(stated_wait_minutes("Your bot has sent me in circles for 40 minutes."), 40);
  EXPECT_EQ(stated_wait_minutes("Two days ago I asked for a refund. Nothing."), 2 * 1440);
  EXPECT_EQ(stated_wait_minutes("3 weeks ago I first emailed you about this"), 3 * 10080);
  // Not a wait: when something was bought or happened, a call's own length.
  EXPECT_EQ(stated_wait_minutes("Two days ago I ordered a lamp."), std::nullopt);
  EXPECT_EQ(stated_wait_minutes("I was on the phone to my mum for an hour, sorry"), std::nullopt);
  EXPECT_EQ(stated_wait_minutes("on the phone with you for 50 minutes"), 50);
  for (const char* text : {"I've been trying to get through for 2 hours.",
                           "Two days ago I asked for a refund.", "on the line for 20 minutes"})
    expect_same(text);
}

TEST(StatedWait, ReadsAmountsUnitsAndHalves) {
  EXPECT_EQ(stated_wait_minutes("I've been waiting for 40 minutes."), 40);
  EXPECT_EQ(stated_wait_minutes("on hold for an hour and a half"), 90);
  EXPECT_EQ(stated_wait_minutes("Waited two and a half hours on the phone."), 150);
  EXPECT_EQ(stated_wait_minutes("3 days and no answer."), 3 * 1440);
  EXPECT_EQ(stated_wait_minutes("It's been a couple of weeks without a reply"), 2 * 10080);
  EXPECT_EQ(stated_wait_minutes("waiting 1.5 hrs. Then 2 days and nobody has replied"), 2 * 1440);
  EXPECT_FALSE(stated_wait_minutes("I was charged twice this month."));
  EXPECT_FALSE(stated_wait_minutes("Thanks, see you in 5 minutes!"));
}

// A wait in person, at our counter or in our place ("stood in your showroom for an hour"), is a
// wait for us as much as one on the phone; sitting somewhere that is not ours is not.
TEST(StatedWait, ReadsAWaitInPersonAtOurPlace) {
  EXPECT_EQ(stated_wait_minutes("We've been standing in your showroom for an hour."), 60);
  EXPECT_EQ(stated_wait_minutes("I sat at the counter for 45 minutes and nobody came."), 45);
  EXPECT_EQ(stated_wait_minutes("Queuing in your depot for two hours now!"), 120);
  EXPECT_EQ(stated_wait_minutes("stood outside your office 20 minutes"), 20);
  EXPECT_FALSE(stated_wait_minutes("I sat in the car for an hour with the kids."));
  EXPECT_FALSE(stated_wait_minutes("We stood in the rain for a minute, it was fine."));
  for (const char* text : {"We've been standing in your showroom for an hour.",
                           "I sat at the counter for 45 minutes and nobody came.",
                           "Queuing in your depot for two hours now!",
                           "I sat in the car for an hour with the kids.", "Saturday, 3 hours"})
    expect_same(text);
  // The phrase built slot by slot, each slot sometimes a look-alike: the byte test that lets the
  // regex be skipped must never skip a text it matches.
  static constexpr std::string_view kSlots[][5] = {
      {"We", "I've been", "Saturday", "", "sat"},
      {"standing", "stood", "SAT", "sitting", "queued"},
      {"in", "at", "outside", "on", "in"},
      {"your shop", "the counter", "the car", "your", "the queue"},
      {"for", "", "now for", "waiting", "."},
      {"an", "2", "forty", "a", "x"},
      {"hour", "hours", "minutes", "days", "Hrs"}};
  XorShift next{0x6A09E667F3BCC909ULL};
  int with_wait = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (const auto& slot : kSlots) {
      text += slot[next(std::size(slot))];
      text += ' ';
    }
    expect_same(text);
    with_wait += stated_wait_minutes_reference(text).has_value();
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(with_wait, 100);
}

// A wait still to come for a rebooking ("a six week wait for the next free slot") tells how long
// an outcome takes, not how long the customer has waited for us; a wait for an answer still does.
TEST(StatedWait, AWaitForANewDateIsNoWaitForUs) {
  EXPECT_FALSE(stated_wait_minutes("The next slot is a six week wait for a new appointment."));
  EXPECT_FALSE(stated_wait_minutes("That's 2 months waiting for the next exam date."));
  EXPECT_EQ(stated_wait_minutes("I've waited two weeks for an answer about a new date."),
            2 * 10080);
  EXPECT_EQ(stated_wait_minutes("3 days and no reply. Then a 2 month wait for a new slot."),
            3 * 1440);
  for (const char* text : {"The next slot is a six week wait for a new appointment.",
                           "3 days and no reply. Then a 2 month wait for a new slot."})
    expect_same(text);
}

// Durations that are no wait for us to answer, by their shape: a unit that qualifies a noun, a
// finished wait for a thing, staying in for a visit, time since an event, time since a purchase.
// The same shapes with a reply, an ongoing wait or a contact still read as waits.
TEST(StatedWait, AWaitForAThingOrAVisitIsNoWaitForUs) {
  EXPECT_FALSE(stated_wait_minutes("Waited in for the fitter and lost a day's wages."));
  EXPECT_FALSE(stated_wait_minutes("I had to give two weeks' notice at work."));
  EXPECT_FALSE(stated_wait_minutes("We waited three hours for your breakdown van."));
  EXPECT_FALSE(stated_wait_minutes("The frame is bent, after waiting 6 weeks for it."));
  EXPECT_FALSE(stated_wait_minutes("I've waited five months for this operation."));
  EXPECT_FALSE(stated_wait_minutes("Took a day off, waiting in all day, and no engineer."));
  EXPECT_FALSE(stated_wait_minutes("Four days later and nothing in the post."));
  EXPECT_FALSE(stated_wait_minutes("It's been 2 weeks since I ordered it."));
  // A trip for nothing is wasted, not waited: "for" before "nothing".
  EXPECT_FALSE(stated_wait_minutes("I cycled 25 minutes for nothing, the shop was shut."));
  EXPECT_EQ(stated_wait_minutes("Three days on and nothing from you."), 3 * 1440);
  // Still waits for us: the reply is named, the wait goes on, or the customer contacted us.
  EXPECT_EQ(stated_wait_minutes("We waited three hours for someone to call back."), 180);
  EXPECT_EQ(stated_wait_minutes("I've waited two days for a reply."), 2 * 1440);
  EXPECT_EQ(stated_wait_minutes("I've been waiting 6 weeks for my refund."), 6 * 10080);
  EXPECT_EQ(stated_wait_minutes("An hour's wait on the phone, then cut off."), 60);
  EXPECT_EQ(stated_wait_minutes("Waiting in the queue for 40 minutes."), 40);
  EXPECT_EQ(stated_wait_minutes("Four days later and no answer."), 4 * 1440);
  EXPECT_EQ(stated_wait_minutes("It's been 2 weeks since I emailed."), 2 * 10080);
  EXPECT_EQ(stated_wait_minutes("Its been 3 months since I reapply for review"), 3 * 43200);
  for (const char* text :
       {"Waited in for the fitter and lost a day's wages.", "I had to give two weeks' notice.",
        "We waited three hours for your breakdown van.", "after waiting 6 weeks for it.",
        "Four days later and nothing.", "It's been 2 weeks since I ordered it.",
        "We waited three hours for someone to call back.", "An hour's wait on the phone",
        "3 days waiting in for you, then 2 hours and no reply", "I cycled 25 minutes for nothing.",
        "Three days on and nothing from you.", "Two hours. Nothing.", "two hours,nothing"})
    expect_same(text);
}

// Where or past when the wait happened may stand before "for <thing>"; "you" further on names who
// arranged the thing, while "for you" itself is a wait for us.
TEST(StatedWait, AWaitWithItsPlaceToldIsStillAWaitForAThing) {
  EXPECT_FALSE(stated_wait_minutes("We waited 50 minutes at the harbour gate for the shuttle."));
  EXPECT_FALSE(stated_wait_minutes("we waited 40 minutes in the rain for a safety briefing"));
  EXPECT_FALSE(stated_wait_minutes("I waited an hour past the pickup time for my cat."));
  EXPECT_FALSE(stated_wait_minutes("We waited 3 hours for the minibus you booked us on."));
  EXPECT_EQ(stated_wait_minutes("I waited 50 minutes on the phone for someone to pick up."), 50);
  EXPECT_EQ(stated_wait_minutes("Waited 2 hours in the queue for an agent."), 120);
  EXPECT_EQ(stated_wait_minutes("I waited 3 days for you to reply."), 3 * 1440);
  EXPECT_EQ(stated_wait_minutes("We waited 45 minutes at the desk for you."), 45);
  for (const char* text : {"We waited 50 minutes at the harbour gate for the shuttle.",
                           "I waited 50 minutes on the phone for someone to pick up.",
                           "We waited 3 hours for the minibus you booked us on."})
    expect_same(text);
}

// no_wait_for_us checks a word before each of its regexes ("for" after the match, "wait" at its
// start, "later" and "nothing"); the checks take any case, any of RE2's whitespace and the curly
// apostrophe, as the regexes do, so these shapes are still no waits for us.
TEST(StatedWait, NoWaitForUsShapesInAnyCaseAndWhitespace) {
  EXPECT_FALSE(stated_wait_minutes("A SIX WEEK WAIT\tUNTIL THE NEXT FREE SLOT."));
  EXPECT_FALSE(stated_wait_minutes("It's a 2 month wait Till a new date."));
  EXPECT_FALSE(stated_wait_minutes("I had to give two weeks\u2019 notice at work."));
  EXPECT_FALSE(stated_wait_minutes("WE WAITED THREE HOURS\nFOR YOUR BREAKDOWN VAN."));
  EXPECT_FALSE(stated_wait_minutes("The frame is bent, AFTER Waiting 6 weeks\r\nFor it."));
  EXPECT_FALSE(stated_wait_minutes("Took a day off, WAITING IN all day, and no engineer."));
  EXPECT_FALSE(stated_wait_minutes("3 days waiting\f\fIN for you."));
  EXPECT_FALSE(stated_wait_minutes("FOUR DAYS LATER AND NOTHING in the post."));
  // Without the word a check needs, the wait reads as one.
  EXPECT_EQ(stated_wait_minutes("An hour\u2019s wait on the phone, then cut off."), 60);
  EXPECT_EQ(stated_wait_minutes("We WAITED three hours\tFOR someone to call back."), 180);
  for (const char* text : {"A SIX WEEK WAIT\tUNTIL THE NEXT FREE SLOT.",
                           "I had to give two weeks\u2019 notice at work.",
                           "WE WAITED THREE HOURS\nFOR YOUR BREAKDOWN VAN.",
                           "3 days waiting\f\fIN for you.", "FOUR DAYS LATER AND NOTHING."})
    expect_same(text);
}

// Where the captures could fall differently: greedy optional parts ("and a half", a plural
// "s"), amounts that begin like others ("a few", "forty-five"), a wait phrase glued to the unit,
// line breaks inside a wait phrase, the Kelvin sign and long s that (?i) reads as k and s, and
// several matches in one text.
TEST(StatedWait, SameAsTheOneStepReadingOnEdgeCases) {
  for (std::string_view text : {
           "waiting for 2 hours and a half and nobody has replied",
           "an hoursince I wrote",
           "3 hours since I called",
           "a few hours and no answer",
           "forty-five minutes of silence",
           "forty five minutes of silence",
           "waited for a couple of days",
           "on\nhold for ten minutes",
           "no one has answered for 3 weeks and 2 days",
           "waiting 2 mins. waiting 3 hrs. waiting 4 days",
           "waiting2 hours",
           "haven't heard back in 6 months",
           "havent heard anything in an hour and a half",
           "without an answer for more than 3 days",
           "no-one has got back to me in two and a half weeks",
           "wait\xe2\x80\x8b 5 minutes",
           "waiting for 5 minutes, and 10 minutes and no reply",
           "ſix hours waiting",
           "waiting \xe2\x84\xaaind of 2 hours",
           "1.5.3 days no reply",
           "waitingwaiting 12 minutes no update",
           // A match ending inside a word: the rest starts with "one", which the whole text
           // reads as part of "answerone" (the rest is scanned again, not told by the first scan).
           "waiting 2 hours no answerone day no reply",
           // Many places an amount may start (and, a, an, the numbers): past kMostTries anchored
           // searches, and past kMostUnits units, the unanchored search decides.
           "and a and a day and a and a week and a and a day and a and a month and a and a day "
           "and a and an hour no reply",
           "one day two days three days four days five days six days seven days eight days "
           "nine days ten days no reply",
       })
    expect_same(text);
}

// The check before the regexes skips texts whose units have no amount before them ("this
// month", "today"): it must never skip one that states a wait. Units after words that only end
// like an amount, after whitespace \s does not take, glued to the amount, in capitals.
TEST(StatedWait, AmountCheckNeverSkipsAStatedWait) {
  for (std::string_view text : {
           "I was charged twice this month and no reply",
           "waiting since today, no answer since Monday",
           "waiting all day, holiday hours, no reply",
           "waiting an\thour",
           "waiting a\vhour",
           "waiting a\fday and no reply",
           "waiting x_an hour",
           "waiting often hours",
           "waiting anhour",
           "waiting 10minutes",
           "waiting 2_hours",
           "WAITING FOR A FEW HOURS",
           "no reply for more than\nfive hours",
           "no update in a couple of\r\nweeks",
           "no answer for seven and a half\tdays",
           "no answer for forty-five mins",
           "no answer for fiftyfive minutes",
           "no answer for SEVERAL MONTHS",
           "no answer for several  months",
           "waited eleven weeks",
           "waited ninety minutes",
           "waited twelve hrs",
           "waited thirty hours on hold",
           "waiting an hour ſ",
           "ſix hours waiting today",
           "Waited 1.5 hours. 2.5 days and no reply! 3 weeks? waiting",
           "waiting 5.hours. no reply for 10. 5 minutes",
           "no reply.2 hours waiting!3 days waiting?4 weeks waiting",
           "waiting 2 hours since Ian hour waiting",
           "It's been almost an hour and nobody has replied. I want a refund today.",
       })
    expect_same(text);
  EXPECT_FALSE(stated_wait_minutes("It's been a rough month, waiting on a new card"));
  EXPECT_EQ(stated_wait_minutes("waited 12 hours this month"), 720);
}

// Texts drawn from the pieces both regexes are made of, in random order and spacing.
TEST(StatedWait, SameAsTheOneStepReadingOnGeneratedTexts) {
  static constexpr std::string_view kPieces[] = {
      "waiting", "wait",       "waited",    "on hold",
      "holding", "nobody",     "no one",    "no-one",
      "has",     "answered",   "replied",   "got back",
      "no",      "answer",     "reply",     "update",
      "without", "an",         "a",         "haven't",
      "heard",   "for",        "about",     "since I",
      "nothing", "of",         "silence",   "2",
      "10",      "1.5",        "one",       "two",
      "few",     "couple",     "several",   "forty",
      "five",    "forty-five", "more than", "and a half",
      "min",     "mins",       "minutes",   "minute",
      "hour",    "hours",      "hrs",       "hr",
      "day",     "days",       "week",      "weeks",
      "month",   "months",     ".",         "!",
      "?",       ",",          "\n",        "it's been",
      "I",       "the",        "ſ",         "\xe2\x84\xaa",
  };
  XorShift next{0x9E3779B97F4A7C15ULL};
  static constexpr std::string_view kGlue[] = {" ", " ", " ", "", "  ", "\t"};
  int with_wait = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = 2 + next(14); n > 0; --n) {
      text += kPieces[next(std::size(kPieces))];
      text += kGlue[next(std::size(kGlue))];
    }
    expect_same(text);
    with_wait += stated_wait_minutes_reference(text).has_value();
    if (HasFatalFailure()) return;
  }
  // The generator must reach the interesting cases, or the comparison proves little.
  EXPECT_GT(with_wait, 2000);
}

// The amount read by hand (wait_amount.cc) against RE2's reading of the same regex, at every
// byte of ASCII texts built from the amount's pieces, ending at the text's end and inside it.
TEST(StatedWait, AmountByHandSameAsRe2) {
  static constexpr std::string_view kPieces[] = {
      "a",       "an",       "A",          "AN",         "one",     "six",     "sixty", "forty",
      "five",    "forty-",   "forty-five", "Forty-Five", "fifteen", "several", "few",   "couple",
      "of",      "more",     "than",       "MORE THAN",  "and",     "a half",  "half",  "2",
      "10",      "1.5",      "3.",         ".5",         "min",     "mins",    "MINS",  "minute",
      "minutes", "minsk",    "hour",       "Hours",      "hr",      "hrs",     "hrsx",  "day",
      "days",    "week",     "weeks",      "month",      "months",  "x",       "_",     ".",
      ",",       "no reply", "waiting"};
  static constexpr std::string_view kGlue[] = {" ", " ", "", "  ", "\t", "\n", "\v", "\f", "\r\n"};
  XorShift next{0x2545F4914F6CDD1DULL};
  int found = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = 1 + next(8); n > 0; --n) {
      text += kPieces[next(std::size(kPieces))];
      text += kGlue[next(std::size(kGlue))];
    }
    for (std::size_t b = 0; b <= text.size(); ++b) {
      for (const std::size_t e : {text.size(), b + next(text.size() - b + 1)}) {
        const auto by_hand = amount_at(text, b, e);
        ASSERT_EQ(by_hand, amount_at_reference(text, b, e)) << text << " at " << b << ".." << e;
        found += by_hand.has_value();
      }
    }
  }
  EXPECT_GT(found, 8000);
}

// Where the amount_then_wait search is tried (amount_starts.cc): at every byte of generated
// ASCII texts where RE2's reading of the amount finds one, may_start_an_amount must be true and
// the amount must start inside the window before its unit. Texts with the most whitespace runs
// the amount allows ("a couple of more than and a half") and glue that \s does and does not take.
TEST(StatedWait, AmountStartsCoverEveryAmountRe2Reads) {
  static constexpr std::string_view kPieces[] = {
      "a",      "an",         "A",          "one",     "six",     "sixty",  "forty",  "five",
      "forty-", "forty-five", "FORTY-FIVE", "fifteen", "several", "few",    "couple", "COUPLE",
      "of",     "more",       "than",       "and",     "a half",  "half",   "2",      "10",
      "1.5",    "3.",         ".5",         "min",     "mins",    "minute", "hour",   "Hours",
      "hr",     "hrs",        "day",        "week",    "month",   "x",      "_",      ".",
      "-",      "no reply",   "waiting",    "am"};
  static constexpr std::string_view kGlue[] = {" ", " ", "", "  ", "\t", "\n", "\v", "\f", "\r\n"};
  XorShift next{0xD1B54A32D192ED03ULL};
  int found = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = 1 + next(12); n > 0; --n) {
      text += kPieces[next(std::size(kPieces))];
      text += kGlue[next(std::size(kGlue))];
    }
    for (std::size_t b = 0; b < text.size(); ++b) {
      const auto amount = amount_at_reference(text, b, text.size());
      if (!amount) continue;
      ++found;
      ASSERT_TRUE(may_start_an_amount(text, b)) << text << " at " << b;
      ASSERT_LE(amount_window_start(text, amount->unit.begin), b) << text << " at " << b;
    }
  }
  EXPECT_GT(found, 8000);
  // The check is narrow: words that only begin like an amount, and amounts inside a word, are
  // not tried.
  EXPECT_FALSE(may_start_an_amount("almost an hour", 0));
  EXPECT_TRUE(may_start_an_amount("almost an hour", 7));
  EXPECT_FALSE(may_start_an_amount("xan hour", 1));
  EXPECT_FALSE(may_start_an_amount("10", 0));
  EXPECT_EQ(next_amount_start("It's been almost an hour", 0, 20), 17u);
  EXPECT_EQ(next_amount_start("It's been almost an hour", 18, 20), 20u);
  EXPECT_EQ(amount_window_start("it is a couple of more than and a half hours", 39), 6u);
}

}  // namespace
}  // namespace tactful::customer
