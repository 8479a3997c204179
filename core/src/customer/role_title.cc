// A role word ("manager", "supervisor") that names the customer's own job, not someone of ours
// they ask for: a sign-off ("Andrea Kent, Estate Manager", "Sian, practice manager", a last line
// "Site Manager"), the customer saying what they are ("I'm the office manager here", "as a
// manager myself") or their own boss ("my manager wants an answer"). Read by the shape around
// the word, so any trade's titles are covered without a list of them.
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

}  // namespace

bool role_is_customers_own(const TextModel& model, std::size_t role) {
  if (!word_is(model.tokens[role], {"manager", "supervisor"})) return false;
  const auto first = model.sentences[model.sentence_of_token[role]].first_token;
  if (role > first && word_is(model.tokens[role - 1], {"my"})) return true;
  return signs_off(model, role) || says_what_they_are(model, role);
}

}  // namespace tactful::customer
