// The phrases that show each customer intent, and the cues of repeat contact, threats and
// exasperation. Phrases use the rule-pack phrase syntax (docs/rules.md).
#pragma once

#include <string_view>
#include <vector>

namespace tactful::customer {

struct IntentPhrases {
  std::string_view intent;
  std::vector<std::string_view> phrases;
};

// Intents of DESIGN.md with the phrases that show them: harm_intent_phrases() followed by
// request_intent_phrases(), built once.
const std::vector<IntentPhrases>& intent_lexicon();

// The two halves of intent_lexicon(), one file each: what went wrong, and what the customer asks
// for or threatens.
const std::vector<IntentPhrases>& harm_intent_phrases();
const std::vector<IntentPhrases>& request_intent_phrases();

// What the customer tells about themselves: "hardship", "stakes", "feeling", "worry".
const std::vector<IntentPhrases>& situation_lexicon();

// The cue families frustration and repeat contact read ("cue.*" ids are not intents).
const std::vector<IntentPhrases>& cue_lexicon();

// The domain-free reading of a problem the customer reports ("problem.reported"): failure and
// damage verbs, work not done, nobody answering, accountability questions, costs to them.
const std::vector<IntentPhrases>& problem_lexicon();

}  // namespace tactful::customer
