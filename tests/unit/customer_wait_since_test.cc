// Waits stated by when they began ("waiting since Monday", "no reply since 9am"): what is read
// as a start, what is not, and how a start is placed against the time of writing and the draft.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "tactful/customer.h"
#include "tactful/timestamp.h"

namespace tactful {
namespace {

using customer::minutes_since;
using customer::stated_wait_start;
using K = customer::WaitStart::Kind;

std::chrono::sys_seconds at(const char* rfc3339) {
  return *parse_rfc3339(rfc3339);
}

TEST(WaitSince, ReadsStartsAfterAWordOfWaitingOrSilence) {
  using W = customer::WaitStart;
  EXPECT_EQ(stated_wait_start("I've been waiting since Monday for a callback."),
            (W{K::weekday, 1}));
  EXPECT_EQ(stated_wait_start("No reply since last Thursday!"), (W{K::weekday, 4}));
  EXPECT_EQ(stated_wait_start("on hold since 9am"), (W{K::clock, 9 * 60}));
  EXPECT_EQ(stated_wait_start("Nobody has called since 2:30 p.m."), (W{K::clock, 14 * 60 + 30}));
  EXPECT_EQ(stated_wait_start("haven't heard anything since 12am"), (W{K::clock, 0}));
  EXPECT_EQ(stated_wait_start("waiting since 07:45 in the car park"), (W{K::clock, 7 * 60 + 45}));
  EXPECT_EQ(stated_wait_start("Heard nothing since yesterday."), (W{K::from_midnight, -720}));
  EXPECT_EQ(stated_wait_start("no update since last night"), (W{K::from_midnight, -180}));
  EXPECT_EQ(stated_wait_start("WAITING SINCE THIS MORNING"), (W{K::from_midnight, 480}));
  EXPECT_EQ(stated_wait_start("heard nothing since last week"), (W{K::from_midnight, -7 * 1440}));
  EXPECT_EQ(stated_wait_start("I've been trying to get through since 8am."), (W{K::clock, 8 * 60}));
  EXPECT_EQ(stated_wait_start("Trying to reach someone since Tuesday"), (W{K::weekday, 2}));
}

TEST(WaitSince, SinceAloneOrAProblemSinceIsNoWait) {
  for (const char* text :
       {"Since Monday the app crashes.", "since you asked, it's the blue one",
        "I've had this phone since 2019.", "Waiting. Since Monday it has been broken.",
        "waiting since 9", "waiting since 13pm", "waiting since 9:75", "waiting since 25:10",
        "waiting since Mondays", "", "since", "waiting since the 3rd",
        "Nothing has synced since Monday."}) {
    EXPECT_EQ(stated_wait_start(text), std::nullopt) << text;
  }
}

// "since" is looked for eight bytes at a time: found wherever it starts against those blocks
// (across a block's end, in the tail after the last whole block), in any case.
TEST(WaitSince, FindsSinceAtEveryOffset) {
  using W = customer::WaitStart;
  for (std::size_t pad = 0; pad < 17; ++pad) {
    for (const char* since : {"since", "SINCE", "SiNcE"}) {
      const std::string text = std::string(pad, 'x') + " waiting " + since + " monday";
      EXPECT_EQ(stated_wait_start(text), (W{K::weekday, 1})) << text;
    }
  }
  // An 's' in every block but no "since": none, and a "sinc" cut off by the end is none.
  EXPECT_EQ(stated_wait_start("waiting s s s s s s s s s s s s s s s monday sinc"), std::nullopt);
}

// A request made at a point in time and then silence: the wait runs from the request. Read
// from the cue lexicon's hits on the message.
std::optional<customer::WaitStart> request_start(const char* text) {
  const TextModel model(text);
  const auto cues = customer::find_cues(model);
  return customer::request_then_silence_start(text, cues);
}

TEST(WaitSince, ReadsARequestMadeThenSilence) {
  using W = customer::WaitStart;
  EXPECT_EQ(request_start("I emailed on Monday and nobody has replied."), (W{K::weekday, 1}));
  // The contraction is one token: "nobody's" read as "nobody has".
  EXPECT_EQ(request_start("I phoned on Tuesday and nobody's called back."), (W{K::weekday, 2}));
  EXPECT_EQ(request_start("Sent my form last week and haven't heard back, did it arrive?"),
            (W{K::from_midnight, -7 * 1440}));
  EXPECT_EQ(request_start("I rang yesterday, heard nothing."), (W{K::from_midnight, -720}));
  EXPECT_EQ(request_start("I sent my membership form on Sunday and no reply"), (W{K::weekday, 0}));
  EXPECT_EQ(request_start("Emailed three times last Friday and got nothing back"),
            (W{K::weekday, 5}));
  EXPECT_EQ(request_start("I called this morning and still no callback"),
            (W{K::from_midnight, 480}));
  for (const char* text :
       {"I ordered on Monday and nobody has replied.", "I emailed on Monday and you fixed it.",
        "I emailed on Monday. Nobody has replied.", "Emailed you Monday, thanks for the reply!",
        "No rush, I emailed on Monday.", ""}) {
    EXPECT_EQ(request_start(text), std::nullopt) << text;
  }
}

TEST(WaitSince, PlacedAgainstTheTimeOfWriting) {
  // Written Wednesday 2026-12-02 10:00 UTC.
  const auto written = at("2026-12-02T10:00:00Z");
  EXPECT_EQ(minutes_since({K::clock, 9 * 60}, written, written), 60);
  EXPECT_EQ(minutes_since({K::clock, 9 * 60}, written, at("2026-12-02T10:30:00Z")), 90);
  // A clock time still to come that day is the day before, unless that is over 18 hours.
  EXPECT_EQ(minutes_since({K::clock, 20 * 60}, written, written), 14 * 60);
  EXPECT_EQ(minutes_since({K::clock, 11 * 60}, written, written), std::nullopt);
  // Monday noon is 46 hours before; "since Wednesday" on a Wednesday is the week before.
  EXPECT_EQ(minutes_since({K::weekday, 1}, written, written), 46 * 60);
  EXPECT_EQ(minutes_since({K::weekday, 3}, written, written), 7 * 1440 - 120);
  EXPECT_EQ(minutes_since({K::from_midnight, -720}, written, written), 22 * 60);
  EXPECT_EQ(minutes_since({K::from_midnight, 480}, written, written), 120);
  // "This morning" written at 06:00 comes to no wait; a draft time before the message counts
  // from the message.
  EXPECT_EQ(minutes_since({K::from_midnight, 480}, at("2026-12-02T06:00:00Z"),
                          at("2026-12-02T06:00:00Z")),
            std::nullopt);
  EXPECT_EQ(minutes_since({K::clock, 9 * 60}, written, at("2026-12-01T00:00:00Z")), 60);
}

TEST(WaitSince, MakesTheWaitOfTheConversation) {
  std::vector<Message> history = {{Role::customer,
                                   "I've been waiting since 9am for the engineer. Where is he?",
                                   at("2026-12-02T11:00:00Z")}};
  Context ctx;
  ctx.history = history;
  ctx.now = at("2026-12-02T11:05:00Z");
  const CustomerSignals s = analyze_customer(ctx);
  ASSERT_TRUE(s.waited_minutes);
  EXPECT_EQ(*s.waited_minutes, 125);  // 09:00 to the draft, not from the message
  // Without any time at all, no wait is made up.
  history[0].at.reset();
  ctx.now = {};
  EXPECT_EQ(analyze_customer(ctx).waited_minutes, std::nullopt);
  // With the draft's time only, the message is taken as written then.
  ctx.now = at("2026-12-02T11:05:00Z");
  EXPECT_EQ(analyze_customer(ctx).waited_minutes, 125);
  // An answered message's stated start still counts (the wait began then), as stated waits do.
  history.push_back({Role::agent, "Checking now.", at("2026-12-02T11:06:00Z")});
  ctx.history = history;
  ctx.now = at("2026-12-02T11:10:00Z");
  EXPECT_EQ(analyze_customer(ctx).waited_minutes, 130);
}

}  // namespace
}  // namespace tactful
