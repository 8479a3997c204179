// contact.unanswered: earlier contacts the customer says went unanswered, read only until the
// agent answers (a holding line does not), and responsiveness.unanswered, the hint it gates.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tactful/customer.h"
#include "tactful/engine.h"

namespace tactful {
namespace {

Message customer(std::string text) {
  return Message{Role::customer, std::move(text), std::nullopt};
}
Message agent(std::string text) {
  return Message{Role::agent, std::move(text), std::nullopt};
}

bool unanswered(const std::vector<Message>& history) {
  Context ctx;
  ctx.history = history;
  return analyze_customer(ctx).has_intent("contact.unanswered");
}

TEST(ContactUnanswered, ToldInManyWords) {
  EXPECT_TRUE(
      unanswered({customer("I've emailed twice about the invoice and heard nothing back.")}));
  EXPECT_TRUE(unanswered({customer("Left two voicemails and nobody has rung me back.")}));
  EXPECT_TRUE(unanswered({customer("Still no reply to my emails about the fence panels.")}));
  EXPECT_TRUE(unanswered({customer("Why are my messages being ignored?")}));
  EXPECT_TRUE(unanswered({customer("You never got back to me about the quote.")}));
  EXPECT_TRUE(unanswered({customer("No one ever answers the phone at your depot.")}));
}

TEST(ContactUnanswered, NotWhatMayHappenNorAFaultNorAContactAlone) {
  EXPECT_FALSE(unanswered({customer("If nobody replies by Friday I'll come in.")}));
  EXPECT_FALSE(unanswered({customer("The app gives no response when I tap Pay.")}));
  EXPECT_FALSE(unanswered({customer("I emailed you yesterday about the invoice.")}));
}

TEST(ContactUnanswered, AnAnswerEndsItAHoldingLineDoesNot) {
  const Message told = customer("I sent two emails and got nothing back. Where is my order?");
  EXPECT_FALSE(unanswered({told, agent("Sorry, Jo. Your order left the warehouse this morning."),
                           customer("OK, which courier?")}));
  EXPECT_TRUE(unanswered({told, agent("Let me check.")}));
  EXPECT_TRUE(unanswered({told}));
}

// The hint: asked of a reply that answers as if nothing were missed; not of one that owns the
// silence, in words of its own too.
TEST(ContactUnanswered, TheReplyOwesALineForTheSilence) {
  const Engine engine(RuleSet::builtin());
  Context ctx;
  const std::vector<Message> history = {
      customer("I've emailed twice about my order and heard nothing back.")};
  ctx.history = history;
  const auto rules_fired = [&](const std::string& draft) {
    std::vector<std::string> ids;
    for (const Suggestion& s : engine.analyze(ctx, Draft{draft, {}}).suggestions)
      ids.push_back(s.rule);
    return ids;
  };
  const auto has = [](const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  EXPECT_TRUE(has(rules_fired("Your order ships today."), "responsiveness.unanswered"));
  EXPECT_FALSE(has(rules_fired("Sorry nobody got back to you. Your order ships today."),
                   "responsiveness.unanswered"));
  EXPECT_FALSE(has(rules_fired("I'm sorry it's dragged on so long. Your order ships today."),
                   "responsiveness.unanswered"));
}

}  // namespace
}  // namespace tactful
