// VADER's built-in word lists, as in vaderSentiment.py v3.3.1 (MIT, Copyright (c) 2016
// C.J. Hutto): NEGATE, BOOSTER_DICT, SPECIAL_CASES, and the words its rules compare against.
// SENTIMENT_LADEN_IDIOMS is left out on purpose: upstream marks it future work and never
// calls the check that would use it.
#include <utility>

#include "sentiment/vader_internal.h"

namespace tactful::vader {

namespace {

// Any token containing "n't" is a negation too; that test lives in vader_tokens.cc.
constexpr std::string_view kNegate[] = {
    "aint",   "arent",    "cannot",  "cant",     "couldnt",  "darent",   "didnt",   "doesnt",
    "ain't",  "aren't",   "can't",   "couldn't", "daren't",  "didn't",   "doesn't", "dont",
    "hadnt",  "hasnt",    "havent",  "isnt",     "mightnt",  "mustnt",   "neither", "don't",
    "hadn't", "hasn't",   "haven't", "isn't",    "mightn't", "mustn't",  "neednt",  "needn't",
    "never",  "none",     "nope",    "nor",      "not",      "nothing",  "nowhere", "oughtnt",
    "shant",  "shouldnt", "uhuh",    "wasnt",    "werent",   "oughtn't", "shan't",  "shouldn't",
    "uh-uh",  "wasn't",   "weren't", "without",  "wont",     "wouldnt",  "won't",   "wouldn't",
    "rarely", "seldom",   "despite"};

// Single-token BOOSTER_DICT keys. The three two-word keys ("just enough", "kind of",
// "sort of") can never equal one whitespace-free token; they act only as bigrams in the
// idiom check (vader_rules.cc).
constexpr std::string_view kBoostUp[] = {
    "absolutely",    "amazingly",    "awfully",       "completely", "considerable", "considerably",
    "decidedly",     "deeply",       "effing",        "enormous",   "enormously",   "entirely",
    "especially",    "exceptional",  "exceptionally", "extreme",    "extremely",    "fabulously",
    "flipping",      "flippin",      "frackin",       "fracking",   "fricking",     "frickin",
    "frigging",      "friggin",      "fully",         "fuckin",     "fucking",      "fuggin",
    "fugging",       "greatly",      "hella",         "highly",     "hugely",       "incredible",
    "incredibly",    "intensely",    "major",         "majorly",    "more",         "most",
    "particularly",  "purely",       "quite",         "really",     "remarkably",   "so",
    "substantially", "thoroughly",   "total",         "totally",    "tremendous",   "tremendously",
    "uber",          "unbelievably", "unusually",     "utter",      "utterly",      "very"};

constexpr std::string_view kBoostDown[] = {
    "almost",   "barely",   "hardly",     "kinda",      "kindof",       "kind-of", "less",
    "little",   "marginal", "marginally", "occasional", "occasionally", "partly",  "scarce",
    "scarcely", "slight",   "slightly",   "somewhat",   "sorta",        "sortof",  "sort-of"};

constexpr std::pair<std::string_view, Word> kRuleWords[] = {
    {"no", Word::no},       {"kind", Word::kind},       {"of", Word::of},
    {"but", Word::but},     {"least", Word::least},     {"at", Word::at},
    {"very", Word::very},   {"never", Word::never},     {"so", Word::so},
    {"this", Word::this_},  {"without", Word::without}, {"doubt", Word::doubt},
    {"or", Word::or_},      {"nor", Word::nor},         {"the", Word::the},
    {"shit", Word::shit},   {"bomb", Word::bomb},       {"bad", Word::bad},
    {"ass", Word::ass},     {"bus", Word::bus},         {"stop", Word::stop},
    {"yeah", Word::yeah},   {"right", Word::right},     {"kiss", Word::kiss},
    {"death", Word::death}, {"to", Word::to},           {"die", Word::die},
    {"for", Word::for_},    {"beating", Word::beating}, {"broken", Word::broken},
    {"heart", Word::heart}, {"just", Word::just},       {"enough", Word::enough},
    {"sort", Word::sort}};

// SPECIAL_CASES. "badass" (one token) is also listed upstream but the check only ever looks
// at two- and three-token sequences, so it can never apply.
constexpr SpecialCase kSpecialCases[] = {
    {{Word::the, Word::shit, Word::none}, 2, 3.0},
    {{Word::the, Word::bomb, Word::none}, 2, 3.0},
    {{Word::bad, Word::ass, Word::none}, 2, 1.5},
    {{Word::bus, Word::stop, Word::none}, 2, 0.0},
    {{Word::yeah, Word::right, Word::none}, 2, -2.0},
    {{Word::kiss, Word::of, Word::death}, 3, -1.5},
    {{Word::to, Word::die, Word::for_}, 3, 3.0},
    {{Word::beating, Word::heart, Word::none}, 2, 3.1},
    {{Word::broken, Word::heart, Word::none}, 2, -2.9},
};

}  // namespace

void add_builtin_words(WordTable& table) {
  for (std::string_view w : kNegate) table.get_or_insert(w).negator = true;
  for (std::string_view w : kBoostUp) {
    WordInfo& info = table.get_or_insert(w);
    info.is_booster = true;
    info.booster = kBoosterIncr;
  }
  for (std::string_view w : kBoostDown) {
    WordInfo& info = table.get_or_insert(w);
    info.is_booster = true;
    info.booster = kBoosterDecr;
  }
  for (const auto& [w, id] : kRuleWords) table.get_or_insert(w).id = id;
}

std::span<const SpecialCase> special_cases() {
  return kSpecialCases;
}

}  // namespace tactful::vader
