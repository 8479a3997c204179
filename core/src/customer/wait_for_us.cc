// Whether a duration the wait regexes found (waiting.cc) is a wait for us, the business, to
// answer: the only kind `responsiveness` owes an acknowledgement for. Decided by the shape of
// the words around the match, not by a list of what was waited for. RE2, anchored at the
// match's ends, so each check reads a few words; run only on the rare texts that state a wait.
#include <re2/re2.h>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

bool starts_with(const RE2& re, std::string_view text) {
  return re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_START,
                  nullptr, 0);
}

bool matches_whole(const RE2& re, std::string_view text) {
  return re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH,
                  nullptr, 0);
}

// "a 3 month wait for a new test date": a wait still to come, for a rebooking, tells how long
// an outcome takes, not how long the customer has waited for us to reply.
bool wait_for_a_rebooking_after(std::string_view rest) {
  static const RE2 re(
      R"((?i)\s+(?:for|until|till)\s+(?:(?:a|an|the|my|our|your)\s+)?(?:new|next|another|later|fresh)\s+(?:\w+\s+)?(?:date|slot|appointment|booking|test|exam|session|lesson|place|opening|space)s?\b)");
  return starts_with(re, rest);
}

// "half a day's pay", "two weeks' notice": the unit qualifies a noun, so the amount is of pay or
// notice, not of waiting; "an hour's wait" and "a day's silence" still are waits.
bool unit_qualifies_a_noun(std::string_view rest) {
  static const RE2 possessive(R"((?:'|\x{2019})s?\s)");
  static const RE2 waiting(
      R"((?i)(?:'|\x{2019})s?\s+(?:wait|hold|queue|delay|silence|radio\s+silence)\b)");
  return starts_with(possessive, rest) && !starts_with(waiting, rest);
}

// "waited an hour and a half for your tow", "after waiting 10 weeks for it", "I've waited four
// months for that slot": a wait told in the past tense for a thing (a delivery, a visit, a
// booking), not for a reply; the problem is what came or didn't, and the apology rules own it.
// A wait for an answer, a call or someone to help ("waited two days for a reply") still counts,
// and so does any wait still going on ("I've been waiting 6 weeks for my payout").
bool finished_wait_for_a_thing(std::string_view before, std::string_view match,
                               std::string_view rest) {
  static const RE2 past(R"((?is)waited\b.*)");
  static const RE2 after_waiting(R"((?is)(?:.*\W)?after\s+)");
  static const RE2 waiting(R"((?is)waiting\b.*)");
  static const RE2 for_something(R"((?i)\s+for\s)");
  static const RE2 for_a_reply(
      R"((?i)\s+for\s+(?:[\w'\x{2019}-]+\s+){0,3}?(?:repl\w*|answer\w*|respon\w*|call\w*|update\w*|news|word|human|agent|person|someone|somebody|anyone|anybody|you|us|staff|support|help|contact\w*|confirm\w*|acknowledg\w*|e-?mails?|messages?|feedback|decision|quote|explanation)\b)");
  const bool told_as_past = matches_whole(past, match) ||
                            (matches_whole(waiting, match) && matches_whole(after_waiting, before));
  return told_as_past && starts_with(for_something, rest) && !starts_with(for_a_reply, rest);
}

// "waited in all morning", "taken two days off work waiting in for you": staying at home for a
// visit. The visit that did not come is the problem (apology and empathy rules read it); the
// customer was not waiting for a reply.
bool waiting_in_for_a_visit(std::string_view match, std::string_view rest) {
  static const RE2 starts_waiting_in(
      R"((?is)wait\w*\s+in\s+(?:for|all|until|till|at\s+home|the\s+whole|from)\b.*)");
  static const RE2 ends_waiting(R"((?is).*\bwait\w*)");
  static const RE2 in_for(R"((?i)\s+in\s+(?:for|all|until|till|at\s+home|the\s+whole|from)\b)");
  return matches_whole(starts_waiting_in, match) ||
         (matches_whole(ends_waiting, match) && starts_with(in_for, rest));
}

// "It's three days later and nothing": time since an event (a release day, a delivery date)
// and nothing arrived. No one was asked; a wait for a reply names the reply ("three days later
// and no answer").
bool time_since_an_event(std::string_view match) {
  static const RE2 re(
      R"((?is).*\b(?:mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+later\b.*\bnothing)");
  return matches_whole(re, match);
}

}  // namespace

bool no_wait_for_us(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view before = text.substr(0, begin);
  const std::string_view match = text.substr(begin, end - begin);
  const std::string_view rest = text.substr(end);
  return wait_for_a_rebooking_after(rest) || unit_qualifies_a_noun(rest) ||
         finished_wait_for_a_thing(before, match, rest) || waiting_in_for_a_visit(match, rest) ||
         time_since_an_event(match);
}

}  // namespace tactful::customer
