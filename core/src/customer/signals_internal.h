// Pieces of the customer analysis, each pure and linear in its input. Internal to core.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tactful/customer.h"
#include "tactful/text.h"

namespace tactful::customer {

// One match of the intent lexicon in a message: its family id ("billing.refund", "cue.repeat")
// and the bytes it covers.
struct CueHit {
  std::string_view family;
  Span bytes;
};

// Every non-negated lexicon match in `text` (whose model is `model`).
std::vector<CueHit> find_cues(const TextModel& model);

// Minutes the customer says they waited ("on hold for an hour", "3 days and no answer").
std::optional<double> stated_wait_minutes(std::string_view text);

// Share-based confidence (0..1) that the customer writes English, counted over the models of
// their messages (already tokenized for the other signals). Tokens never cross a line break,
// so this equals counting over the messages joined with '\n'.
struct EnglishCounts {
  int words = 0, english = 0, non_latin = 0, accented = 0;
  void add(const TextModel& model);
  double confidence() const;
};

// Share of words written in capitals (of words with at least 3 letters), and the longest run
// of "!"/"?" marks, for frustration.
struct Shouting {
  double caps_share = 0;
  int caps_words = 0;
  int longest_mark_run = 0;
  int exclamations = 0;
};
Shouting measure_shouting(const TextModel& model);

}  // namespace tactful::customer
