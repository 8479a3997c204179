// Whether a role word ("manager", "supervisor") asks for someone of ours. Not when it names the
// customer's own job: a sign-off ("Andrea Kent, Estate Manager", "Sian, practice manager", a last
// line "Site Manager"), the customer saying what they are ("I'm the office manager here", "as a
// manager myself") or their own boss ("my manager wants an answer"). Not when its sentence only
// tells of them ("your manager was lovely"). Read by the shape around the word, so any trade's
// titles are covered without a list of them.
#include <initializer_list>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// Words that make a clause of the words before the role, so no bare title: determiners,
// pronouns, verbs of asking and the like ("get me your manager", "a supervisor please").
bool clause_word(const Token& t) {
  return word_is(
      t, {"a",    "an",   "the",    "your",   "ur",    "yr",    "to",   "me",  "i",     "i'm",
          "im",   "we",   "you",    "my",     "our",   "want",  "need", "get", "speak", "talk",
          "call", "put",  "let",    "please", "now",   "with",  "and",  "or",  "for",   "this",
          "that", "is",   "be",     "from",   "ask",   "asked", "some", "any", "where", "who",
          "why",  "what", "senior", "real",   "human", "duty",  "give", "see"});
}

// The role word ends the last sentence of the message (a stop after it at most), and the
// sentence before it holds only a name and title words: "<name>, <title words> manager" or
// "<title words> manager" on a line of its own.
bool signs_off(const TextModel& model, std::size_t role) {
  const auto sentence_index = model.sentence_of_token[role];
  const auto& sentence = model.sentences[sentence_index];
  for (std::size_t k = sentence_index + 1; k < model.sentences.size(); ++k)
    if (model.sentences[k].end_token > model.sentences[k].first_token) return false;
  for (std::size_t k = role + 1; k < sentence.end_token; ++k)
    if (model.tokens[k].kind != TokenKind::punct || model.tokens[k].norm != ".") return false;
  if (role == sentence.first_token || role - sentence.first_token > 6) return false;
  for (std::size_t k = sentence.first_token; k < role; ++k) {
    const Token& t = model.tokens[k];
    if (t.kind == TokenKind::punct ? t.norm != "," : t.kind != TokenKind::word || clause_word(t))
      return false;
  }
  return true;
}

// "I'm the site manager", "as a manager myself", "I am an assistant manager": up to two title
// words between the article and the role.
bool says_what_they_are(const TextModel& model, std::size_t role) {
  const auto first = model.sentences[model.sentence_of_token[role]].first_token;
  std::size_t k = role;
  for (int title_words = 0; k > first && title_words <= 2; ++title_words) {
    const Token& before = model.tokens[k - 1];
    if (word_is(before, {"the", "a", "an"})) break;
    if (before.kind != TokenKind::word || clause_word(before)) return false;
    --k;
  }
  if (k == first || !word_is(model.tokens[k - 1], {"the", "a", "an"})) return false;
  const std::size_t article = k - 1;
  if (article == first) return false;
  const Token& verb = model.tokens[article - 1];
  if (word_is(verb, {"i'm", "im", "as"})) return true;
  return word_is(verb, {"am"}) && article - 1 > first && word_is(model.tokens[article - 2], {"i"});
}

// Words before the role, in its sentence, that ask for someone ("put me through to your
// manager", "can a supervisor call me", "I've asked for a manager twice", "is there a manager").
bool asks_before(const Token& t) {
  return word_is(
      t, {"speak",   "talk",     "speaking",  "talking",    "want",     "wanna",       "need",
          "get",     "put",      "see",       "let",        "give",     "ask",         "asked",
          "asking",  "escalate", "escalated", "pass",       "transfer", "connect",     "bring",
          "fetch",   "demand",   "demanding", "contact",    "call",     "ring",        "email",
          "chat",    "deal",     "refer",     "report",     "complain", "complaining", "tell",
          "involve", "loop",     "go",        "raise",      "take",     "promised",    "there",
          "where",   "who",      "can",       "could",      "have",     "send",        "until",
          "unless",  "request",  "requested", "requesting", "or"});
}

// Words right after the role that ask for them ("a manager, now", "your supervisor needs to
// call me", "is a manager available", "a manager who can sort it"; not "the manager who came").
bool asks_after(const TextModel& model, std::size_t k, std::size_t end) {
  const Token& t = model.tokens[k];
  if (word_is(t, {"who", "that"}))
    return k + 1 < end &&
           word_is(model.tokens[k + 1], {"can", "could", "will", "would", "actually"});
  return word_is(t, {"now", "please", "pls", "asap", "immediately", "needs", "should", "must",
                     "has", "to", "call", "contact", "ring", "available", "here", "today", "i"}) ||
         (t.kind == TokenKind::punct && (t.norm == "!" || t.norm == "?"));
}

// Whether the sentence of the role word at `role` asks for them, not only tells of them.
bool role_is_asked_for(const TextModel& model, std::size_t role) {
  const auto& sentence = model.sentences[model.sentence_of_token[role]];
  std::size_t words = 0;
  for (std::size_t k = sentence.first_token; k < sentence.end_token; ++k)
    words += model.tokens[k].kind == TokenKind::word;
  if (words <= 4) return true;  // "Manager please.", "Get me a supervisor!"
  for (std::size_t k = sentence.first_token; k < role; ++k)
    if (asks_before(model.tokens[k])) return true;
  std::size_t next = role + 1;
  while (next < sentence.end_token && model.tokens[next].kind == TokenKind::punct &&
         model.tokens[next].norm == ",")
    ++next;
  return next < sentence.end_token && asks_after(model, next, sentence.end_token);
}

// Whether the singular role word at `role` names the customer's own job or boss.
bool role_is_customers_own(const TextModel& model, std::size_t role) {
  const auto first = model.sentences[model.sentence_of_token[role]].first_token;
  // "my manager", "our line manager", "my new area supervisor": up to two title words between.
  for (std::size_t k = role, title_words = 0; k > first && title_words <= 2; --k, ++title_words) {
    const Token& before = model.tokens[k - 1];
    if (word_is(before, {"my", "our"})) return true;
    if (before.kind != TokenKind::word || clause_word(before)) break;
  }
  return signs_off(model, role) || says_what_they_are(model, role);
}

}  // namespace

bool role_asks_for_ours(const TextModel& model, std::size_t role) {
  const Token& t = model.tokens[role];
  if (word_is(t, {"manager", "supervisor"}))
    return !role_is_customers_own(model, role) && role_is_asked_for(model, role);
  if (word_is(t, {"managers", "supervisors"})) return role_is_asked_for(model, role);
  return true;  // not a role word: whatever phrase it is asks as it stands
}

}  // namespace tactful::customer
