// What analyze returns: hints on the draft, what it read of the customer, scores and a revision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tactful/customer.h"
#include "tactful/rule.h"
#include "tactful/text.h"

namespace tactful {

// Text to insert at a byte offset of the draft (an apology at the start, say).
struct Insertion {
  std::string text;
  std::size_t at = 0;
};

// One hint. `span` is in bytes of the draft; `utf16` is the same range in UTF-16 code units.
// An insertion is anchored on a non-empty span (the words it goes before or after).
struct Suggestion {
  std::string rule;
  std::string category;
  Severity severity = Severity::suggestion;
  Span span;
  Span utf16;
  std::string message;
  std::string why;
  std::vector<std::string> replacements;  // ranked; "" means delete the span
  std::optional<Insertion> insert;
  double confidence = 1.0;
};

// A 0-100 score and the reasons that moved it from its base, e.g. "-15 policy language".
struct Score {
  int value = 0;
  std::vector<std::string> reasons;
};

struct Scores {
  Score empathy;
  Score positivity;
  Score clarity;
  Score overall;
};

struct Report {
  std::vector<Suggestion> suggestions;  // ordered by position, de-duplicated
  CustomerSignals customer;
  Scores scores;
  std::string revised;  // the draft with every top replacement and insertion applied
};

}  // namespace tactful
