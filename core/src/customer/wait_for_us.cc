// Whether a duration the wait regexes found (waiting.cc) is a wait for us, the business, to
// answer: the only kind `responsiveness` owes an acknowledgement for. Decided by the shape of
// the words around the match, not by a list of what was waited for. RE2, anchored at the
// match's ends, so each check reads a few words; run only on the rare texts that state a wait.
//
// Before each regex a byte check of a word it needs ("for" after the match, "wait" at its
// start): most stated waits have none of them, and then no regex runs. An RE2 call costs some
// 700 instructions even on a few bytes, and the seven of a typical match were a third of
// stated_wait_minutes. The words checked hold no 'k' or 's', the ASCII letters that (?i) in RE2
// also matches to other characters (the Kelvin sign, the long s), so an ASCII comparison in any
// case finds every text the regex can match.
#include <re2/re2.h>

#include <initializer_list>

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

// Whether `text` starts with `word` (lower-case ASCII letters), in any case.
bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if ((text[k] | 0x20) != word[k]) return false;
  return true;
}

// Whether `text` holds `word` (lower-case ASCII letters), in any case.
bool contains_word(std::string_view text, std::string_view word) {
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i)
    if (starts_with_word(text.substr(i), word)) return true;
  return false;
}

// Whether `rest` is whitespace and then one of `words`: the start every check of the words
// after the match needs. RE2's \s is [\t\n\f\r ]; \v is taken too, as it costs nothing to.
bool space_then(std::string_view rest, std::initializer_list<std::string_view> words) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\n' ||
                             rest[i] == '\f' || rest[i] == '\r' || rest[i] == '\v'))
    ++i;
  if (i == 0) return false;
  for (std::string_view word : words)
    if (starts_with_word(rest.substr(i), word)) return true;
  return false;
}

// "a 3 month wait for a new test date": a wait still to come, for a rebooking, tells how long
// an outcome takes, not how long the customer has waited for us to reply.
bool wait_for_a_rebooking_after(std::string_view rest) {
  static const RE2 re(
      R"((?i)\s+(?:for|until|till)\s+(?:(?:a|an|the|my|our|your)\s+)?(?:new|next|another|later|fresh)\s+(?:\w+\s+)?(?:date|slot|appointment|booking|test|exam|session|lesson|place|opening|space)s?\b)");
  return space_then(rest, {"for", "until", "till"}) && starts_with(re, rest);
}

// "half a day's pay", "two weeks' notice": the unit qualifies a noun, so the amount is of pay or
// notice, not of waiting; "an hour's wait" and "a day's silence" still are waits.
bool unit_qualifies_a_noun(std::string_view rest) {
  static const RE2 possessive(R"((?:'|\x{2019})s?\s)");
  static const RE2 waiting(
      R"((?i)(?:'|\x{2019})s?\s+(?:wait|hold|queue|delay|silence|radio\s+silence)\b)");
  const bool apostrophe = (!rest.empty() && rest[0] == '\'') || rest.starts_with("\xE2\x80\x99");
  return apostrophe && starts_with(possessive, rest) && !starts_with(waiting, rest);
}

// "waited 40 minutes in the rain for the briefing", "waited an hour past pickup time for my dog":
// where or past when the customer waited, told between the duration and what was waited for.
// Returns `rest` from the space before that "for" (up to five words on), or `rest` itself.
std::string_view past_a_place(std::string_view rest) {
  static const RE2 re(
      R"((?i)\s+(?:in|at|on|outside|past|by|under|out)\s+(?:[\w'\x{2019}-]+\s+){0,4}?for\s)");
  if (!space_then(rest, {"in", "at", "on", "outside", "past", "by", "under", "out"})) return rest;
  re2::StringPiece input(rest.data(), rest.size()), found;
  if (!re.Match(input, 0, rest.size(), RE2::ANCHOR_START, &found, 1)) return rest;
  // The match ends with "for" and one space: `rest` from the space before "for".
  return rest.substr(found.size() - 5);
}

// "waited an hour and a half for your tow", "after waiting 10 weeks for it", "I've waited four
// months for that slot": a wait told in the past tense for a thing (a delivery, a visit, a
// booking), not for a reply; the problem is what came or didn't, and the apology rules own it.
// A wait for an answer, a call or someone to help ("waited two days for a reply", "for you")
// still counts, and so does any wait still going on ("I've been waiting 6 weeks for my payout");
// "you" further on names who arranged the thing ("for the shuttle you booked"), not the wait.
bool finished_wait_for_a_thing(std::string_view before, std::string_view match,
                               std::string_view rest) {
  static const RE2 past(R"((?is)waited\b.*)");
  static const RE2 after_waiting(R"((?is)(?:.*\W)?after\s+)");
  static const RE2 waiting(R"((?is)waiting\b.*)");
  static const RE2 for_something(R"((?i)\s+for\s)");
  static const RE2 for_a_reply(
      R"((?i)\s+for\s+(?:(?:you|us)\b|(?:[\w'\x{2019}-]+\s+){0,3}?(?:repl\w*|answer\w*|respon\w*|call\w*|update\w*|news|word|human|agent|person|someone|somebody|anyone|anybody|staff|support|help|contact\w*|confirm\w*|acknowledg\w*|e-?mails?|messages?|feedback|decision|quote|explanation)\b))");
  if (!starts_with_word(match, "wait")) return false;
  rest = past_a_place(rest);
  if (!space_then(rest, {"for"})) return false;
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
  return (starts_with_word(match, "wait") && matches_whole(starts_waiting_in, match)) ||
         (space_then(rest, {"in"}) && matches_whole(ends_waiting, match) &&
          starts_with(in_for, rest));
}

// "It's three days later and nothing": time since an event (a release day, a delivery date)
// and nothing arrived. No one was asked; a wait for a reply names the reply ("three days later
// and no answer").
bool time_since_an_event(std::string_view match) {
  static const RE2 re(
      R"((?is).*\b(?:mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+later\b.*\bnothing)");
  return contains_word(match, "later") && contains_word(match, "nothing") &&
         matches_whole(re, match);
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
