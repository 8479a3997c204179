// The post-send note text, and the delivery ledger that decides what a vendor retry gets.
#include <gtest/gtest.h>

#include "delivery_ledger.h"
#include "note_composer.h"
#include "tactful/text.h"

namespace tactful::server {
namespace {

Suggestion hint(std::string category, Severity severity, std::size_t begin, std::size_t end,
                std::string message) {
  Suggestion s;
  s.rule = category + ".rule";
  s.category = std::move(category);
  s.severity = severity;
  s.span = {begin, end};
  s.message = std::move(message);
  s.why = "Because customers read it that way.";
  return s;
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

const std::string kReply = "Per our policy, refunds take 5-10 days. Calm down.";

Report sample() {
  Report r;
  r.suggestions.push_back(
      hint("policy-language", Severity::warning, 0, 14, "Say what you can do."));
  r.suggestions.back().replacements = {"Here is what I can do:"};
  r.suggestions.push_back(hint("vague-commitment", Severity::suggestion, 16, 38, "Be concrete."));
  r.suggestions.push_back(hint("dismissive", Severity::warning, 40, 50, "Drop it."));
  r.suggestions.back().replacements = {""};
  Suggestion apology = hint("apology", Severity::warning, 0, 3, "An apology is owed.");
  apology.insert = Insertion{"I'm sorry about the double charge. ", 0};  // spaces trimmed
  r.suggestions.push_back(apology);
  return r;
}

TEST(NoteComposer, StrongestHintsFirstWithWhyAndFix) {
  const std::string note = compose_note(sample(), kReply, Severity::warning);
  EXPECT_EQ(note,
            "tactful post-send check: 3 hints on this reply\n"
            "1. policy-language (warning) \"Per our policy\": Say what you can do.\n"
            "   Why: Because customers read it that way.\n"
            "   Try: \"Here is what I can do:\"\n"
            "2. apology (warning): An apology is owed.\n"
            "   Why: Because customers read it that way.\n"
            "   Add: \"I'm sorry about the double charge.\"\n"
            "3. dismissive (warning) \"Calm down.\": Drop it.\n"
            "   Why: Because customers read it that way.\n"
            "   Fix: leave it out");
  EXPECT_EQ(compose_note(sample(), kReply, Severity::warning), note);  // deterministic
}

TEST(NoteComposer, MinimumSeverityAndHintCount) {
  EXPECT_EQ(compose_note(Report{}, kReply, Severity::hint), "");
  Report only_suggestion;
  only_suggestion.suggestions.push_back(
      hint("vague-commitment", Severity::suggestion, 16, 38, "Be concrete."));
  EXPECT_EQ(compose_note(only_suggestion, kReply, Severity::warning), "");
  EXPECT_TRUE(contains(compose_note(only_suggestion, kReply, Severity::suggestion),
                       "1 hint on this reply"));
  const std::string two = compose_note(sample(), kReply, Severity::hint, 2);
  EXPECT_TRUE(contains(two, "4 hints on this reply")) << two;
  EXPECT_FALSE(contains(two, "\n3. ")) << two;
  EXPECT_TRUE(contains(two, "(2 more in the tactful widget)")) << two;
}

TEST(NoteComposer, StaysUnderTheLengthLimitInValidUtf8) {
  Report r;
  for (int i = 0; i < 10; ++i) {
    r.suggestions.push_back(
        hint("tone", Severity::warning, 0, 4, std::string(400, 'x') + "\xC3\xA9\xC3\xA9"));
    r.suggestions.back().why = "\xF0\x9F\x98\x80" + std::string(500, 'y');
  }
  for (std::size_t limit : {1000u, 600u, 300u, 40u}) {
    const std::string note = compose_note(r, "Nope", Severity::warning, 3, limit);
    EXPECT_LE(note.size(), limit);
    EXPECT_FALSE(note.empty());
    EXPECT_EQ(sanitize_utf8(note), note);  // nothing cut inside a character
  }
  const std::string note = compose_note(r, "Nope", Severity::warning);
  EXPECT_TRUE(contains(note, "\xE2\x80\xA6")) << note;  // long fields end in "…"
}

TEST(DeliveryLedger, HandledOnlyAfterCompleteAndOneHolderAtATime) {
  DeliveryLedger ledger(2);
  using C = DeliveryLedger::Claim;
  EXPECT_EQ(ledger.claim("a"), C::fresh);
  EXPECT_EQ(ledger.claim("a"), C::in_flight);
  ledger.abandon("a");  // failed half-way: the retry is handled afresh
  EXPECT_EQ(ledger.claim("a"), C::fresh);
  ledger.complete("a");
  EXPECT_EQ(ledger.claim("a"), C::handled);
  EXPECT_EQ(ledger.claim(""), C::fresh);  // no id, nothing to remember
  EXPECT_EQ(ledger.claim(""), C::fresh);
  for (const char* k : {"b", "c"}) {
    ledger.claim(k);
    ledger.complete(k);
  }
  EXPECT_EQ(ledger.claim("a"), C::fresh);  // capacity 2: the oldest was forgotten
}

TEST(DeliveryLedger, ClaimsAreAbandonedUnlessCompleted) {
  DeliveryLedger ledger;
  {
    LedgerClaims claims(ledger);
    EXPECT_EQ(claims.claim("x"), DeliveryLedger::Claim::fresh);
    EXPECT_EQ(claims.claim("y"), DeliveryLedger::Claim::fresh);
  }  // an early return: both released
  EXPECT_EQ(ledger.claim("x"), DeliveryLedger::Claim::fresh);
  ledger.abandon("x");
  {
    LedgerClaims claims(ledger);
    claims.claim("x");
    claims.claim("y");
    claims.complete_all();
  }
  EXPECT_EQ(ledger.claim("x"), DeliveryLedger::Claim::handled);
  EXPECT_EQ(ledger.claim("y"), DeliveryLedger::Claim::handled);
}

}  // namespace
}  // namespace tactful::server
