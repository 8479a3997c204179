// The word-level signs frustration reads in the latest customer message (read_history): a few
// listed words, found by a hashed word set so that most words cost one test.
#include <cstddef>
#include <string_view>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"

namespace tactful::customer {
namespace {

// Every word read_last_words tests a word itself against (not the words after it or before).
constexpr std::string_view kLastWords[] = {
    "no",  "not",  "never",      "nothing", "nobody", "none",    "minutes", "mins",  "hours",
    "hrs", "days", "weeks",      "months",  "wait",   "waiting", "waited",  "thank", "thanks",
    "thx", "ty",   "appreciate", "cheers",  "why",    "where",   "how",     "your",  "you"};

// The set of those words: a word its filter turns away (most words) is none of them, found by
// one test instead of some thirty compares.
constexpr auto kLastWordSet = HashedWordSet<6>::of(kLastWords);
static_assert(kLastWordSet.ok());

}  // namespace

// The word-level signs frustration reads in the latest message, in one pass over its tokens:
// negations ("no refund", "haven't heard"), words of elapsed time and thanks.
void read_last_words(const TextModel& model, HistoryReading& r) {
  const auto& tokens = model.tokens;
  const auto word_at = [&](std::size_t i, std::string_view w) {
    return i < tokens.size() && tokens[i].kind == TokenKind::word && tokens[i].norm == w;
  };
  std::string_view prev_word;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::word) continue;
    const std::string_view w = t.norm;
    if (!kLastWordSet.may_contain(t.hash)) {  // none of kLastWords: only "n't" can count
      r.negations += w.ends_with("n't");
      prev_word = w;
      continue;
    }
    r.negations += w == "no" || w == "not" || w == "never" || w == "nothing" || w == "nobody" ||
                   w == "none" || w.ends_with("n't");
    // Plurals only: "last week" and "this month" say when, not how long.
    r.last_time_words += w == "minutes" || w == "mins" || w == "hours" || w == "hrs" ||
                         w == "days" || w == "weeks" || w == "months" || w == "wait" ||
                         w == "waiting" || w == "waited";
    // "Thanks for nothing" and "thank you for not telling me" are not thanks.
    const std::size_t after = i + 1 + (w == "thank" && word_at(i + 1, "you"));
    const bool thanks = w == "thanks" || w == "thank" || w == "thx" || w == "ty" ||
                        w == "appreciate" || w == "cheers";
    const bool sarcastic =
        word_at(after, "for") && (word_at(after + 1, "nothing") || word_at(after + 1, "not"));
    r.last_thanks = r.last_thanks || (thanks && !sarcastic);
    r.last_challenges =
        r.last_challenges || w == "why" || w == "where" || (w == "how" && word_at(i + 1, "come"));
    // "you" as the subject of a statement, not of an asked favour ("can you check").
    const bool asked = prev_word == "can" || prev_word == "could" || prev_word == "would" ||
                       prev_word == "will" || prev_word == "do" || prev_word == "did" ||
                       prev_word == "are" || prev_word == "have" || prev_word == "thank";
    r.last_holds_us = r.last_holds_us || w == "your" || (w == "you" && !asked);
    prev_word = w;
  }
}

}  // namespace tactful::customer
