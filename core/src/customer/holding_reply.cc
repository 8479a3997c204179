// Whether an agent's message only holds the thread ("Let me check with the team.", "Thanks,
// looking at this.", "Thanks for letting us know."): it promises a look and answers nothing, so
// the problem the customer told before it is still theirs to be answered, and still owed its
// apology. A byte scan of short messages only: most agent messages are longer and are read as
// answers without a look at their words.
#include <array>
#include <cctype>
#include <string>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// Longer than this, a message says more than that it will look.
constexpr std::size_t kMaxHoldingBytes = 90;

constexpr std::array<std::string_view, 22> kHolding = {
    "let me check",     "let me look",  "let me see",      "let me find out",    "let me ask",
    "i'll check",       "i will check", "i'll look",       "i will look",        "i'll find out",
    "we'll check",      "we'll look",   "looking at this", "looking into",       "checking now",
    "checking this",    "one moment",   "bear with me",    "thanks for letting", "give me a moment",
    "give me a minute", "i'm checking"};

}  // namespace

bool holding_reply(std::string_view text) {
  if (text.size() > kMaxHoldingBytes) return false;
  std::string lower;
  lower.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xe2\x80\x99") {  // a curly apostrophe ("I’ll check")
      lower.push_back('\'');
      i += 2;
      continue;
    }
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
  }
  // An apology is an answer of its own: "I'm so sorry, let me look at what happened".
  if (lower.find("sorry") != std::string::npos || lower.find("apolog") != std::string::npos)
    return false;
  for (std::string_view h : kHolding)
    if (lower.find(h) != std::string::npos) return true;
  return false;
}

}  // namespace tactful::customer
