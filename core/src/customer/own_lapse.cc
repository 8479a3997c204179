// The customer as the doer of a lapse, read by the shape of the clause rather than by listed
// phrases: "I completely forgot to book him on", "we overslept and missed the meet", "I moved out
// in June and forgot to update the address", "I've made a silly mistake", "I booked it for the
// wrong term", "I feel so stupid".
// The verb itself says the doer erred (forgot, overslept, misread, fell asleep, mixed up), and
// its subject is "I" or "we" (adverbs and "have" between, or an earlier "I" joined by "and").
// Told of us ("you forgot my order", "your driver misread the address") the subject is not the
// customer, so nothing is read; a sentence that also points at us is no pure slip
// (customer/problem_scope.cc). Also read as the customer's own: an accident ("spilt wine on
// the seat", its subject often left out), a thing of theirs in water of theirs, the right choice
// named with "instead of", an appointment of ours they missed, and self-reproach ("cross with
// myself", "kicking myself").
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"

namespace tactful::customer {
namespace {

bool subject_is_customer(const Token& t) {
  return word_is(t, {"i", "we", "i've", "we've", "i'd", "we'd", "ive"});
}

// Words that may stand between a subject and its verb: adverbs ("completely", "just",
// "stupidly") and the perfect's "have"/"had".
bool between_subject_and_verb(const Token& t) {
  if (t.kind != TokenKind::word) return false;
  if (t.norm.size() > 4 && t.norm.ends_with("ly")) return true;
  return word_is(t, {"just", "have", "had", "also", "then", "somehow", "clean", "even", "only",
                     "actually", "totally", "completely", "again", "both"});
}

// The one-word lapses: the verb names the doer's error whatever follows it.
bool lapse_verb(const Token& t) {
  return word_is(t, {"forgot", "forgotten", "overslept", "misread", "misheard", "misremembered",
                     "mistyped", "misspelled", "misspelt", "misplaced", "mislaid", "miscounted",
                     "miscalculated", "misjudged", "muddled"});
}

// Two-word lapses: "fell asleep", "slept in", "mixed up" ("mixed the dates up" too).
bool lapse_pair(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (v + 1 >= end) return false;
  const Token& next = tokens[v + 1];
  if (word_is(tokens[v], {"fell", "fallen"}) && word_is(next, {"asleep"})) return true;
  if (word_is(tokens[v], {"slept"}) && word_is(next, {"in", "through"})) return true;
  if (word_is(tokens[v], {"mixed", "muddled"})) {
    for (std::size_t k = v + 1; k < end && k <= v + 4; ++k)
      if (word_is(tokens[k], {"up"})) return true;
  }
  return false;
}

// "I forgot to mention ...", "I forgot to say": a way of adding something, no lapse.
bool only_an_aside(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  return v + 2 < end && word_is(tokens[v + 1], {"to"}) &&
         word_is(tokens[v + 2], {"mention", "say", "add", "ask", "tell", "attach", "include"});
}

// The subject of the verb at `v`: walking back over adverbs, the nearest word is "I"/"we"; or
// the verb joins an earlier clause by "and"/"then" ("I moved out in June and forgot ...") whose
// nearest subject pronoun, in the same sentence, is "I"/"we".
bool done_by_customer(const TextModel& model, std::size_t v, std::size_t first) {
  const auto& tokens = model.tokens;
  std::size_t k = v;
  while (k > first && between_subject_and_verb(tokens[k - 1])) --k;
  if (k == first) return false;
  if (subject_is_customer(tokens[k - 1])) return true;
  if (!word_is(tokens[k - 1], {"and", "then", "but", "so"})) return false;
  for (std::size_t j = k - 1; j-- > first;) {
    const Token& t = tokens[j];
    if (subject_is_customer(t)) return true;
    if (word_is(t, {"you", "your", "you've", "you're", "they", "they've", "he", "she", "it", "it's",
                    "someone", "somebody", "nobody", "driver", "courier", "staff"}))
      return false;
  }
  return false;
}

// "(I've) made a (silly|stupid|big) mistake": up to two words between "a" and the noun.
bool made_a_mistake(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (!word_is(tokens[v], {"made"}) || v + 2 >= end || !word_is(tokens[v + 1], {"a", "an"}))
    return false;
  for (std::size_t k = v + 2; k < end && k <= v + 4; ++k) {
    if (tokens[k].kind != TokenKind::word) return false;
    if (word_is(tokens[k], {"mistake", "error", "typo", "blunder", "mess", "boo-boo"})) return true;
  }
  return false;
}

// "I booked the kids' lessons for the wrong term", "we ordered the rug in the wrong size": a choice
// of the customer's and "wrong" later in the same clause. A comma or a new doer ends the clause:
// "I ordered a rug and you sent the wrong size" is ours.
bool chose_wrong(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (!word_is(tokens[v],
               {"booked", "ordered", "bought", "picked", "chose", "chosen", "selected", "entered",
                "typed", "put", "sent", "paid", "reserved", "registered", "clicked"}))
    return false;
  for (std::size_t k = v + 1; k < end && k <= v + 9; ++k) {
    if (tokens[k].kind == TokenKind::punct && tokens[k].norm != "'") return false;
    if (word_is(tokens[k], {"you", "your", "they", "he", "she", "and", "but", "which", "who"}))
      return false;
    if (word_is(tokens[k], {"wrong"})) return true;
    // "I reserved the hall for the 9th instead of the 19th": the right choice named beside it.
    // Not after "paid": "I paid for express instead of standard" is a choice, not a slip.
    if (word_is(tokens[k], {"instead"}) && k + 1 < end && word_is(tokens[k + 1], {"of"}) &&
        !word_is(tokens[v], {"paid"}))
      return true;
  }
  return false;
}

// "I feel so stupid.", "feeling like an idiot", "silly me": the customer calls themselves a fool,
// the clause ending there ("I felt like an idiot waiting two hours for you" is about us).
bool calls_self_a_fool(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (word_is(tokens[v], {"silly", "stupid", "daft"}) && v + 1 < end &&
      word_is(tokens[v + 1], {"me"}))
    return true;
  if (!word_is(tokens[v], {"feel", "felt", "feeling"})) return false;
  std::size_t k = v + 1;
  while (k < end && k <= v + 4 &&
         word_is(tokens[k], {"like", "such", "so", "a", "an", "really", "very", "bit", "pretty",
                             "quite", "total", "complete", "right", "proper"}))
    ++k;
  if (k >= end || !word_is(tokens[k], {"stupid", "silly", "idiot", "daft", "dumb", "foolish",
                                       "fool", "idiotic", "muppet", "numpty", "plonker"}))
    return false;
  // The clause ends at the word: punctuation, the sentence's end, or laughter after it.
  return k + 1 >= end || tokens[k + 1].kind != TokenKind::word ||
         word_is(tokens[k + 1], {"lol", "haha", "now"});
}

// "Annoyed with myself", "so cross at myself", "fed up with myself", "kicking myself": the customer
// reproaches themselves, so the upset they show is about their own doing.
bool reproaches_self(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (word_is(tokens[v], {"kicking"})) return v + 1 < end && word_is(tokens[v + 1], {"myself"});
  if (word_is(tokens[v], {"fed"}) && v + 1 < end && word_is(tokens[v + 1], {"up"})) ++v;
  if (!word_is(tokens[v], {"annoyed", "cross", "angry", "furious", "frustrated", "irritated", "mad",
                           "fuming", "livid", "up"}))  // "up": after "fed"
    return false;
  return v + 2 < end && word_is(tokens[v + 1], {"with", "at"}) &&
         word_is(tokens[v + 2], {"myself", "ourselves"});
}

// "Dropped my camera in with you", "dropped it off at the depot", "I dropped it off.": a
// particle, then where or to whom (or the sentence's end), hands a thing over.
bool hands_over(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  for (std::size_t k = v + 2; k < end && k <= v + 5; ++k) {
    if (!word_is(tokens[k], {"off", "in", "round", "by", "back", "over"})) continue;
    if (k + 1 >= end || tokens[k + 1].kind != TokenKind::word) return true;
    if (word_is(tokens[k + 1], {"at", "with", "to", "for", "on", "yesterday", "today"}))
      return true;
  }
  return false;
}

// "(I) dropped my phone", "spilt coffee on the seat", "knocked the stand off the table": an
// accident of the customer's, with its object next ("knocked on the door" and "dropped off"
// have none). A thing handed over, or a "you" in the clause, is no accident of theirs.
bool accident(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (!word_is(tokens[v], {"dropped", "spilled", "spilt", "knocked"}) || v + 1 >= end ||
      tokens[v + 1].kind != TokenKind::word)
    return false;
  // What follows is its object, not a particle or a place ("spilled all over the box", "knocked
  // on the door": the thing itself or someone else did it).
  if (word_is(tokens[v + 1], {"all", "over", "out", "everywhere", "in", "on", "into", "onto", "off",
                              "through", "down", "up", "everything", "at", "by", "me", "us"}))
    return false;
  if (word_is(tokens[v], {"dropped"}) &&
      (!word_is(tokens[v + 1], {"my", "our", "it", "his", "her"}) || hands_over(model, v, end)))
    return false;
  for (std::size_t k = v + 1; k < end && k <= v + 8; ++k)
    if (word_is(tokens[k], {"you", "your", "you've", "you'd"})) return false;
  return true;
}

// The subject is left out at a sentence's start ("dropped my phone again lol"): in the
// past tense of an accident it is the writer. Only greetings and punctuation may come before.
bool subject_left_out(const TextModel& model, std::size_t v, std::size_t first) {
  for (std::size_t k = first; k < v; ++k) {
    const Token& t = model.tokens[k];
    if (t.kind == TokenKind::word &&
        !word_is(t, {"hi", "hey", "hello", "so", "ok", "okay", "well", "oops", "argh", "ugh"}) &&
        !between_subject_and_verb(t))
      return false;
  }
  return true;
}

// "My watch went in the sea", "our speaker fell into the pond": a thing of the customer's and
// water of their own, no doer of ours named.
bool own_thing_in_water(const TextModel& model, std::size_t v, std::size_t first, std::size_t end) {
  const auto& tokens = model.tokens;
  if (!word_is(tokens[v], {"went", "fell", "slipped"})) return false;
  bool owner = false;
  for (std::size_t k = v; k > first && k + 4 > v; --k)
    owner = owner || word_is(tokens[k - 1], {"my", "our"});
  if (!owner || v + 1 >= end || !word_is(tokens[v + 1], {"in", "into"})) return false;
  std::size_t k = v + 2;
  if (k < end && word_is(tokens[k], {"the", "a", "my", "our"})) ++k;
  return k < end && word_is(tokens[k], {"bath", "toilet", "loo", "pool", "sea", "river", "lake",
                                        "sink", "pond", "puddle", "canal", "washing"});
}

// "I missed my lesson", "we missed Tuesday's session": an appointment of ours the customer
// missed. Not flights or trains (a connection someone else may have made them miss), nor
// "missed work" (a cost told).
bool missed_appointment(const TextModel& model, std::size_t v, std::size_t end) {
  const auto& tokens = model.tokens;
  if (!word_is(tokens[v], {"missed"})) return false;
  for (std::size_t k = v + 1; k < end && k <= v + 4; ++k) {
    if (tokens[k].kind != TokenKind::word) return false;
    if (word_is(tokens[k], {"lesson", "lessons", "class", "session", "appointment", "slot",
                            "booking", "delivery", "collection", "pickup", "deadline", "payment"}))
      return true;
  }
  return false;
}

// The words a lapse is read from (the verbs above and the first word of a self-reproach). This
// runs on every word of the customer's messages: the set's filter rules out most words with one
// test, and the rest take one or two probes of its table instead of a compare with each head.
constexpr std::string_view kHeads[] = {
    "forgot",     "forgotten", "overslept", "misread", "misheard",   "misremembered", "mistyped",
    "misspelled", "misspelt",  "misplaced", "mislaid", "miscounted", "miscalculated", "misjudged",
    "muddled",    "fell",      "fallen",    "slept",   "mixed",      "made",          "booked",
    "ordered",    "bought",    "picked",    "chose",   "chosen",     "selected",      "entered",
    "typed",      "put",       "sent",      "paid",    "reserved",   "registered",    "clicked",
    "silly",      "stupid",    "daft",      "feel",    "felt",       "feeling",       "kicking",
    "annoyed",    "cross",     "angry",     "furious", "frustrated", "irritated",     "mad",
    "fuming",     "livid",     "dropped",   "spilled", "spilt",      "knocked",       "went",
    "slipped",    "missed",    "fed"};
constexpr auto kHeadSet = HashedWordSet<7>::of(kHeads);
static_assert(kHeadSet.ok());

bool may_head_a_lapse(const Token& t) {
  return kHeadSet.contains(t.hash);
}

}  // namespace

void find_own_lapse(const TextModel& model, std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const auto& sentence : model.sentences) {
    const std::size_t first = sentence.first_token, end = sentence.end_token;
    for (std::size_t v = first; v < end; ++v) {
      if (tokens[v].kind != TokenKind::word || !may_head_a_lapse(tokens[v])) continue;
      bool lapse = false;
      if (lapse_verb(tokens[v]) || lapse_pair(model, v, end) || made_a_mistake(model, v, end) ||
          chose_wrong(model, v, end))
        lapse = !only_an_aside(model, v, end) && done_by_customer(model, v, first);
      if (accident(model, v, end))
        lapse = done_by_customer(model, v, first) || subject_left_out(model, v, first);
      if (missed_appointment(model, v, end)) lapse = done_by_customer(model, v, first);
      lapse = lapse || calls_self_a_fool(model, v, end) || reproaches_self(model, v, end) ||
              own_thing_in_water(model, v, first, end);
      if (!lapse) continue;
      out.push_back({"cue.self-error", {tokens[v].bytes.begin, tokens[v].bytes.end}});
      break;  // one per sentence: the sentence is what is read as the slip
    }
  }
}

}  // namespace tactful::customer
