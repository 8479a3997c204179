// What the customer's side of the conversation tells us: sentiment, frustration, intents and
// how long they waited. Computed from Context alone; pure and linear in the history length.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/conversation.h"

namespace tactful {

// An intent with the words that showed it: message_index is into Context::history.
struct Intent {
  std::string id;  // e.g. "billing.double-charge"
  std::size_t message_index = 0;
  Span evidence;  // bytes inside history[message_index].text
};

struct CustomerSignals {
  bool has_customer = false;  // at least one customer message in the history
  double sentiment = 0;       // -1..1 (VADER compound of the recent customer messages)
  double frustration = 0;     // 0..1
  std::vector<Intent> intents;
  std::optional<double> waited_minutes;
  bool repeat_contact = false;  // the customer says they have written/called before
  // The customer holds something against us: a harm or problem they report, repeat contact, a
  // threat, shouting, a wait they state, or exasperation outside a plain question. Negative
  // words alone ("the forecast looks windy", "I'm nervous"), or beside a slip of their own with
  // no harm of ours ("I forgot the appointment and feel awful"), are not one.
  bool grievance = false;
  // 0..1: how likely the customer's words report a problem we owe an apology for, by a model
  // learned from the labelled corpus (eval/train_customer_readings.py); it reads problems told
  // in plain words that no lexicon lists ("I ordered a blue one and it came red").
  double problem_report = 0;
  // 0..1: how likely the customer's words tell a feeling, or what the problem cost them, that
  // the reply owes an acknowledgement for, by a second head of the same learned model; it reads
  // feelings and costs told in plain words ("I had to explain to my kids why there was no
  // party"). Both read only the customer messages the agent has not answered yet.
  double feeling_report = 0;
  double english_confidence = 1;  // 0..1; English-specific hints need a confident reading
  int last_customer_words = 0;    // words in the customer's latest message

  bool has_intent(std::string_view id) const;
};

// Reads the customer's messages of `ctx`. Unknown roles are ignored, timestamps in the future
// or missing are ignored, and only the most recent customer messages count.
CustomerSignals analyze_customer(const Context& ctx);

}  // namespace tactful
