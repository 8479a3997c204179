// Damage told as the job the customer asks us to do: "Hail dented the bonnet. Could you look at
// it this Friday?", "how much to reglaze the pane the frost split?". The
// damage is why they came to us, not a harm of ours, and is owed no apology. Read by shape:
//  - some sentence asks us to do work or to price it: "can | could | would | will you" with a
//    verb of work within four words ("can you come and repair it"), "how much", "please fix",
//    "I'd like a quote", "can I book someone";
//  - and nothing in the message makes the damaged thing ours: no "you" or "your" but the one
//    asked ("can you"), none of the words that tell of our goods or earlier work ("arrived",
//    "delivered", "bought", "fitted", "warranty", "again" …), and no "new" thing told of.
// Each sentence is read once, so the reading is linear in the message's tokens.
#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"

namespace tactful::customer {
namespace {

constexpr std::string_view kWorkWords[] = {
    "fix",     "repair",    "replace",     "fill",    "mend",       "patch",   "seal",
    "reseal",  "regrout",   "reglaze",     "look",    "quote",      "sort",    "unblock",
    "come",    "send",      "clean",       "remove",  "cut",        "service", "re-hang",
    "rehang",  "restore",   "reupholster", "respray", "straighten", "board",   "glaze",
    "recover", "resurface", "rebuild",     "reroof",  "retile"};
constexpr auto kWorkSet = HashedWordSet<6, 4>::of(kWorkWords);
static_assert(kWorkSet.ok());

bool work_asked(const Token& t) {
  return t.kind == TokenKind::word && kWorkSet.contains(t.hash, t.norm);
}

// Sentence [first, end) asks us to do work or to price it.
bool asks_for_work(const TextModel& model, std::size_t first, std::size_t end) {
  const auto& toks = model.tokens;
  for (std::size_t i = first; i < end; ++i) {
    const Token& t = toks[i];
    if (word_is(t, {"can", "could", "would", "will"}) && i + 1 < end &&
        word_is(toks[i + 1], {"you"})) {
      for (std::size_t k = i + 2; k < std::min(end, i + 6); ++k)
        if (work_asked(toks[k])) return true;
    }
    if (word_is(t, {"how"}) && i + 1 < end && word_is(toks[i + 1], {"much"})) return true;
    if (word_is(t, {"please"}) && i + 1 < end && work_asked(toks[i + 1])) return true;
    // "I'd like a quote", "can I get an estimate", "can I book someone"; not "the quote said".
    if (word_is(t, {"quote", "estimate"}) && i >= first + 2 && word_is(toks[i - 1], {"a", "an"}) &&
        word_is(toks[i - 2], {"like", "want", "need", "get", "have", "give", "send", "me", "for"}))
      return true;
    // "can I book someone", "I'd like to get a plumber out": someone booked to do work.
    if (word_is(t, {"book", "get"}) && i + 1 < end &&
        (word_is(toks[i + 1], {"someone", "somebody"}) ||
         (i + 2 < end && word_is(toks[i + 1], {"a", "an"}) &&
          word_is(toks[i + 2], {"repair", "engineer", "technician", "plumber", "roofer", "glazier",
                                "electrician", "visit", "callout", "call-out"}))))
      return true;
  }
  return false;
}

// Words that make the damaged thing ours, wherever they stand: our goods and earlier work
// ("arrived", "fitted", "again"), our product or service ("app", "account"), our people named by
// their trade ("crew", "plumber"). Looked up by the token's hash: every word of a message is.
constexpr std::string_view kOursWords[] = {
    "arrived",   "arrive",       "delivered",   "delivery",  "parcel",      "package",  "ordered",
    "bought",    "purchased",    "fitted",      "installed", "serviced",    "repaired", "warranty",
    "guarantee", "guaranteed",   "again",       "engineer",  "technician",  "fitter",   "driver",
    "courier",   "supplied",     "sold",        "app",       "website",     "site",     "account",
    "login",     "subscription", "game",        "server",    "servers",     "update",   "online",
    "system",    "engineers",    "technicians", "fitters",   "drivers",     "crew",     "team",
    "workmen",   "staff",        "installer",   "plumber",   "electrician", "roofer",   "cleaner",
    "cleaners",  "builder",      "builders"};
constexpr auto kOursSet = HashedWordSet<7, 4>::of(kOursWords);
static_assert(kOursSet.ok());

bool ours(const Token& t) {
  return t.kind == TokenKind::word && kOursSet.contains(t.hash, t.norm);
}

// "you" and its kin: ours outside the asking sentences ("the tap you put in"), and in them
// unless it is the one asked ("can you", "would you", "if you can").
bool you_word(const Token& t) {
  return word_is(t, {"you", "your", "yours", "you've", "you're", "you'd", "you'll", "u", "ur"});
}

}  // namespace

bool damage_is_the_job(const TextModel& model) {
  const auto& toks = model.tokens;
  bool asked = false;
  for (const auto& s : model.sentences) {
    const bool asking = asks_for_work(model, s.first_token, s.end_token);
    asked = asked || asking;
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = toks[i];
      if (ours(t)) return false;
      if (!you_word(t)) continue;
      const bool the_one_asked =
          asking && i > s.first_token &&
          word_is(toks[i - 1], {"can", "could", "would", "will", "do", "did", "if"});
      if (!the_one_asked) return false;
    }
    // "my new sofa has a tear": a thing just had, likely from us; "how much would a new pane cost?"
    // only asks.
    if (!asking)
      for (std::size_t i = s.first_token; i < s.end_token; ++i)
        if (word_is(toks[i], {"new"})) return false;
  }
  return asked;
}

}  // namespace tactful::customer
