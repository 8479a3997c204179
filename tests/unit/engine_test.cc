// Engine::analyze with the built-in packs: negation, skip regions, metric and repeat rules,
// personalization and scores (DESIGN.md "Rules", docs/rules.md "What never gets hints").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

struct Call {
  std::string draft;
  std::vector<Message> history;
  std::string name;
  std::string channel;
  std::vector<Span> skip;
};

Report analyze(const Call& c) {
  Context ctx;
  ctx.history = c.history;
  ctx.customer_name = c.name;
  ctx.channel = c.channel;
  return Engine(RuleSet::builtin()).analyze(ctx, Draft{c.draft, c.skip});
}
Report analyze(const std::string& draft) {
  return analyze(Call{draft, {}, "", "", {}});
}

std::size_t count(const Report& r, std::string_view category_or_rule) {
  return static_cast<std::size_t>(
      std::count_if(r.suggestions.begin(), r.suggestions.end(), [&](const Suggestion& s) {
        return s.category == category_or_rule || s.rule == category_or_rule;
      }));
}

const Suggestion* find(const Report& r, std::string_view rule) {
  for (const auto& s : r.suggestions)
    if (s.rule == rule) return &s;
  return nullptr;
}

std::string hinted(const std::string& draft, const Suggestion& s) {
  return draft.substr(s.span.begin, s.span.size());
}

Message customer(std::string text) {
  return {Role::customer, std::move(text), std::nullopt};
}
Message agent(std::string text) {
  return {Role::agent, std::move(text), std::nullopt};
}

TEST(Engine, NegationAware) {
  EXPECT_EQ(count(analyze("I can't wait to help you"), "negative-language"), 0u);
  EXPECT_EQ(count(analyze("That's not a problem at all"), "negative-language"), 0u);
  EXPECT_EQ(count(analyze("I can't imagine how stressful that was."), "negative-language"), 0u);
  const std::string d = "I can't refund it";
  const Report r = analyze(d);
  ASSERT_EQ(count(r, "negative-language"), 1u);
  EXPECT_EQ(hinted(d, *find(r, "negative.cant")), "I can't");
}

TEST(Engine, BuiltinExceptions) {
  // "just" meaning "only recently" is not minimizing.
  EXPECT_EQ(count(analyze("Your parcel just arrived at the depot."), "dismissive"), 0u);
  EXPECT_EQ(count(analyze("I've just sent you a new link."), "dismissive"), 0u);
  const std::string d = "Just restart the router.";
  const Report r = analyze(d);
  ASSERT_NE(find(r, "dismissive.minimizing-just"), nullptr);
  EXPECT_EQ(hinted(d, *find(r, "dismissive.minimizing-just")), "Just restart");
  EXPECT_EQ(find(r, "dismissive.minimizing-just")->replacements,
            std::vector<std::string>{"Restart"});
  EXPECT_EQ(r.revised, "Restart the router.");
}

TEST(Engine, MarkerWaivesVagueTimeEvenWhenANumberIsNamedElsewhere) {
  EXPECT_EQ(count(analyze("We'll ship it soon."), "vague.soon"), 1u);
  EXPECT_EQ(count(analyze("We'll ship it soon, by Friday."), "vague.soon"), 0u);
  // "24" is also a literal phrase token ("24 hours"); "by <number> june" must still match.
  EXPECT_EQ(count(analyze("We'll ship it soon, by 24 June."), "vague.soon"), 0u);
  EXPECT_EQ(count(analyze("We'll ship it soon, within 100 days."), "vague.soon"), 0u);
}

// A control first: the same words outside the region do get the hint.
constexpr const char* kPolicy = "Per our policy, no refunds after 30 days.";

TEST(Engine, SkipRegionsNeverGetHints) {
  ASSERT_EQ(count(analyze(kPolicy), "policy-language"), 1u);
  const std::string p = kPolicy;
  const std::vector<std::string> drafts = {
      "> " + p + "\nI've pushed your refund through today.",
      "I've pushed your refund through today.\n-- \n" + p,
      "I've pushed your refund through today.\n\nBest regards,\nSam\nPer our policy team",
      "Read https://example.com/per-our-policy/unfortunately today.",
      "Write to unfortunately.calm.down@example.com today.",
      "Ticket {{ticket.id}} is open; {{per_our_policy}} and %{calm_down} stay as they are.",
      "Dear [Customer Name], your refund is on its way.",
  };
  for (const auto& d : drafts) {
    const Report r = analyze(d);
    for (const auto& s : r.suggestions)
      ADD_FAILURE() << d << "\n  got " << s.rule << " on [" << hinted(d, s) << "]";
  }
}

TEST(Engine, SignOffBlockIsSkippedButNotTheReplyAfterAThanksLine) {
  const std::string sig = "Your refund is on its way.\n\nBest regards,\nCalm Down\nSupport Lead";
  EXPECT_TRUE(analyze(sig).suggestions.empty());
  // "Thanks!" opening a chat reply is not a sign-off when real sentences follow it.
  const std::string d = "Thanks!\nPer our policy, no refunds after 30 days.";
  EXPECT_EQ(count(analyze(d), "policy.per-policy"), 1u);
  EXPECT_EQ(
      count(analyze("Hi Dana,\nThank you!\nUnfortunately, we can't do that."), "negative-language"),
      2u);
}

TEST(Engine, CustomerQuotesAreSkipped) {
  const std::string d = "You wrote \"calm down and refund me\" and I hear you.";
  EXPECT_EQ(count(analyze(d), "dismissive"), 1u);  // no such customer message: hinted
  Call c{d, {customer("Calm down and refund me, this is useless!")}, "", "", {}};
  EXPECT_EQ(count(analyze(c), "dismissive"), 0u);
  // Curly quotes, and text after the quote still gets hints.
  c.draft =
      "You said \xE2\x80\x9C"
      "calm down and refund me\xE2\x80\x9D. Calm down, please.";
  const Report r = analyze(c);
  ASSERT_EQ(count(r, "dismissive.calm-down"), 1u);
  EXPECT_EQ(find(r, "dismissive.calm-down")->span.begin, c.draft.rfind("Calm down"));
}

TEST(Engine, CallerSkipSpans) {
  const std::string d = std::string(kPolicy) + " Calm down.";
  Call c{d, {}, "", "", {{0, 14}}};
  Report r = analyze(c);
  EXPECT_EQ(count(r, "policy-language"), 0u);
  EXPECT_EQ(count(r, "dismissive"), 1u);
  c.skip = {{5, 6}};  // one byte inside the phrase is enough
  EXPECT_EQ(count(analyze(c), "policy-language"), 0u);
  c.skip = {{0, 100000}};  // past the end is clamped
  EXPECT_TRUE(analyze(c).suggestions.empty());
  c.skip = {{30, 20}};  // an inverted span skips nothing
  EXPECT_EQ(count(analyze(c), "policy-language"), 1u);
}

TEST(Engine, CapsAndExclamationRuns) {
  std::string d = "Please READ THE EMAIL we sent.";
  Report r = analyze(d);
  ASSERT_NE(find(r, "tone.shouting"), nullptr);
  EXPECT_EQ(hinted(d, *find(r, "tone.shouting")), "READ THE EMAIL");
  EXPECT_EQ(r.revised, "Please read the email we sent.");
  EXPECT_EQ(count(analyze("Check the FAQ and the USA page."), "tone.shouting"), 0u);
  d = "Your order has shipped!!!";
  r = analyze(d);
  ASSERT_NE(find(r, "tone.exclamations"), nullptr);
  EXPECT_EQ(hinted(d, *find(r, "tone.exclamations")), "!!!");
  EXPECT_EQ(r.revised, "Your order has shipped!");
  EXPECT_EQ(count(analyze("Great news! It shipped!"), "tone.exclamations"), 0u);
}

TEST(Engine, LongSentenceAndWallOfText) {
  const std::string long_sentence =
      "I have checked your account and I can see that the payment was taken twice because the "
      "first attempt timed out on our side and the system retried it automatically which should "
      "not happen but sometimes does when the bank is slow.";
  Report r = analyze(long_sentence + " It is fixed now.");
  ASSERT_NE(find(r, "clarity.long-sentence"), nullptr);
  EXPECT_EQ(find(r, "clarity.long-sentence")->span, (Span{0, long_sentence.size()}));
  EXPECT_EQ(count(analyze("I have checked your account. It is fixed now."), "clarity"), 0u);

  std::string wall;
  for (int i = 0; i < 16; ++i)
    wall += (i ? " " : "") + std::string("I checked the order and it is fine.");
  EXPECT_EQ(count(analyze(Call{wall, {}, "", "chat", {}}), "clarity.wall-of-text"), 1u);
  EXPECT_EQ(count(analyze(Call{wall, {}, "", "email", {}}), "clarity.wall-of-text"), 0u);
  std::string split = wall;
  split[split.size() / 2 - 1] = '\n';
  split.insert(split.size() / 2, "\n");
  EXPECT_EQ(count(analyze(Call{split, {}, "", "chat", {}}), "clarity.wall-of-text"), 0u);
}

TEST(Engine, CurtReplyOnlyToARealMessage) {
  const Message real = customer("My order still hasn't arrived and it's been two weeks, what now?");
  Report r = analyze(Call{"ok", {real}, "", "", {}});
  ASSERT_NE(find(r, "tone.curt"), nullptr);
  EXPECT_EQ(find(r, "tone.curt")->span, (Span{0, 2}));
  EXPECT_EQ(count(analyze(Call{"ok", {customer("ok?")}, "", "", {}}), "tone.curt"), 0u);
  EXPECT_EQ(count(analyze("ok"), "tone.curt"), 0u);
  EXPECT_EQ(count(analyze(Call{"Thanks!", {real}, "", "", {}}), "tone.curt"), 0u);
  EXPECT_EQ(count(analyze(Call{"Thanks! Bye", {real}, "", "", {}}), "tone.curt"), 0u);
  EXPECT_EQ(count(analyze(Call{"Done.", {real}, "", "", {}}), "tone.curt"), 1u);
}

// The metric counts stop early where no part can pass the bound; the bounds themselves still
// hold to the word: 36 words is a long sentence and 35 is not, and a curt reply's words in a
// signature don't count toward the three it needs.
TEST(Engine, MetricBoundsToTheWord) {
  const auto words = [](int n) {
    std::string s = "I";
    for (int i = 1; i < n; ++i) s += " checked";
    return s + ".";
  };
  EXPECT_EQ(count(analyze(words(36) + " Done."), "clarity.long-sentence"), 1u);
  EXPECT_EQ(count(analyze(words(35) + " Done."), "clarity.long-sentence"), 0u);
  const Message real = customer("My order still hasn't arrived and it's been two weeks, what now?");
  EXPECT_EQ(
      count(analyze(Call{"ok\n\nBest regards,\nSam Lee Parker", {real}, "", "", {}}), "tone.curt"),
      1u);
  EXPECT_EQ(count(analyze(Call{"ok, done now.", {real}, "", "", {}}), "tone.curt"), 0u);
}

TEST(Engine, RepeatedCannedReply) {
  const std::string canned =
      "Please clear your browser cache and cookies, then try logging in again.";
  const std::vector<Message> h = {agent(canned),
                                  customer("I did that already and it still doesn't work.")};
  Report r = analyze(Call{canned, h, "", "", {}});
  ASSERT_NE(find(r, "repetition.parroting"), nullptr);
  EXPECT_EQ(find(r, "repetition.parroting")->span, (Span{0, canned.size()}));
  const std::string edited =
      "Thanks. Hi Sam, please clear the browser cache and cookies, then try logging in again.";
  r = analyze(Call{edited, h, "", "", {}});
  ASSERT_NE(find(r, "repetition.parroting"), nullptr);
  EXPECT_EQ(hinted(edited, *find(r, "repetition.parroting")),
            "Hi Sam, please clear the browser cache and cookies, then try logging in again.");
  const std::string fresh =
      "Thanks for trying that. Since clearing the cache didn't help, I've reset your session on "
      "our side; please try once more now.";
  EXPECT_EQ(count(analyze(Call{fresh, h, "", "", {}}), "repetition"), 0u);
  // The customer's own words are not the agent's earlier reply.
  const std::vector<Message> from_customer = {customer(canned)};
  EXPECT_EQ(count(analyze(Call{canned, from_customer, "", "", {}}), "repetition"), 0u);
}

TEST(Engine, RepeatOfAShortReplyOrWrappedInNewWords) {
  // A whole earlier sentence of seven words or more, sent again: too short for the share of the
  // draft sentence alone, but it restates one.
  const std::string short_reply = "I've passed this to our accounts team.";
  const std::vector<Message> h = {agent(short_reply), customer("Any news? It's been a week.")};
  Report r = analyze(Call{short_reply, h, "", "", {}});
  ASSERT_NE(find(r, "repetition.parroting"), nullptr);
  EXPECT_EQ(hinted(short_reply, *find(r, "repetition.parroting")), short_reply);
  // The same answer wrapped in new words is still the same answer.
  const std::vector<Message> rule = {agent("Gift cards can be used in the shop but not online."),
                                     customer("So I can't use it on the website?")};
  const std::string wrapped =
      "Like I mentioned before, gift cards can be used in the shop but not online.";
  r = analyze(Call{wrapped, rule, "", "", {}});
  ASSERT_NE(find(r, "repetition.parroting"), nullptr);
  EXPECT_EQ(hinted(wrapped, *find(r, "repetition.parroting")), wrapped);
  // A greeting or set phrase under seven words is no reply restated; nor is a new answer that
  // shares a few words with the old one.
  const std::vector<Message> greeted = {agent("Hi Lena, thanks for your patience! The refund left "
                                              "on the 3rd."),
                                        customer("My bank says nothing has arrived.")};
  EXPECT_EQ(count(analyze(Call{"Hi Lena, thanks for checking with your bank! It went to the card "
                               "ending 0932; I've reissued it to your current card.",
                               greeted,
                               "",
                               "",
                               {}}),
                  "repetition"),
            0u);
  EXPECT_EQ(count(analyze(Call{"Gift cards bought online can be used online from next month, and "
                               "I've moved yours over already.",
                               rule,
                               "",
                               "",
                               {}}),
                  "repetition"),
            0u);
}

TEST(Engine, PersonalizationUsesTheName) {
  const std::string d = "Hi there! Your order is on its way.";
  Report r = analyze(Call{d, {}, "Dana", "", {}});
  const Suggestion* s = find(r, "personalization.generic-greeting");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(hinted(d, *s), "Hi there");
  ASSERT_FALSE(s->replacements.empty());
  EXPECT_EQ(s->replacements[0], "Hi Dana");
  EXPECT_EQ(r.revised, "Hi Dana! Your order is on its way.");
  EXPECT_EQ(count(analyze(d), "personalization"), 0u);  // name unknown
}

void expect_valid(const Score& s, const char* name) {
  EXPECT_GE(s.value, 0) << name;
  EXPECT_LE(s.value, 100) << name;
  EXPECT_FALSE(s.reasons.empty()) << name;
}

TEST(Engine, ScoresRankAWarmReplyAboveAPoorOne) {
  const std::vector<Message> h = {
      customer("I was charged TWICE this month!! This is ridiculous, I want my money back.")};
  const Report good = analyze(
      Call{"Hi Dana, I'm so sorry about the double charge, I understand how frustrating that is. "
           "I've refunded the duplicate payment and you'll see it by Friday.",
           h,
           "Dana",
           "chat",
           {}});
  const Report bad = analyze(
      Call{"Dear customer, per our policy refunds take 5-10 days. Unfortunately there is nothing I "
           "can do, so calm down. As I already said, WE WILL LOOK INTO IT soon!!!",
           h,
           "Dana",
           "chat",
           {}});
  for (const Report* r : {&good, &bad}) {
    expect_valid(r->scores.empathy, "empathy");
    expect_valid(r->scores.positivity, "positivity");
    expect_valid(r->scores.clarity, "clarity");
    expect_valid(r->scores.overall, "overall");
  }
  EXPECT_GT(good.scores.overall.value, bad.scores.overall.value + 20);
  // Both sides count: a warm, concrete reply to this customer scores high; "ok" very low, and
  // lower than "ok" to a calm customer asking a simple question.
  EXPECT_GE(good.scores.overall.value, 80);
  const Report curt = analyze(Call{"ok", h, "Dana", "chat", {}});
  EXPECT_LE(curt.scores.overall.value, 25);
  const Report curt_calm =
      analyze(Call{"ok", {customer("Can I pay by bank transfer?")}, "Dana", "chat", {}});
  EXPECT_GT(curt_calm.scores.overall.value, curt.scores.overall.value + 20);
  EXPECT_GT(good.scores.empathy.value, bad.scores.empathy.value);
  EXPECT_GT(good.scores.positivity.value, bad.scores.positivity.value);
  EXPECT_GT(good.scores.clarity.value, bad.scores.clarity.value);
  EXPECT_GE(bad.suggestions.size(), 6u);
  // Reasons say what moved the score.
  const auto& why = bad.scores.positivity.reasons;
  EXPECT_TRUE(std::any_of(why.begin(), why.end(), [](const std::string& r) {
    return r.find("policy") != std::string::npos && r[0] == '-';
  }));
}

TEST(Engine, ConcreteTimeOrActionRaisesClarity) {
  const Report vague = analyze("Thanks for your message, we will check it.");
  const Report concrete =
      analyze("Thanks for your message, I've refunded it and it lands by Friday.");
  EXPECT_GT(concrete.scores.clarity.value, vague.scores.clarity.value);
  const auto& why = concrete.scores.clarity.reasons;
  EXPECT_TRUE(std::any_of(why.begin(), why.end(), [](const std::string& r) {
    return r.find("next step or time") != std::string::npos && r[0] == '+';
  }));
}

TEST(Engine, EmptyAndOddDrafts) {
  for (const std::string& d : {std::string(), std::string("   \n\n "), std::string("\xFF\xFE"),
                               std::string(3, '\0'), std::string(5000, '!')}) {
    const Report r = analyze(d);
    expect_valid(r.scores.overall, "overall");
    for (const auto& s : r.suggestions) {
      EXPECT_LE(s.span.end, d.size());
      EXPECT_FALSE(s.span.empty());
    }
  }
}

}  // namespace
}  // namespace tactful
