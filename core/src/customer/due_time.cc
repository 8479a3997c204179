// Lateness told by the clock: "The glazier was booked for 9-11am. It's 2:30." The customer
// names when we were due and what time it is now, and the second is past the first; no word of
// lateness need be said. Read from the tokens of one message:
//  - a due time: "due | expected | booked | scheduled | promised | supposed | slot | window"
//    and, later in the same sentence, "between A and B" (or "A-B", "A to B": due by B) or
//    "at | by | before | for | around A" (due at A, late half an hour after it);
//  - a time now: "it's | it is | its | now it's" [now | already | gone | past | nearly | almost]
//    followed by a clock time.
// Clock times are "8", "8am", "8 pm", "8:30", "13:00", "noon", "midday". An hour without am or
// pm is read as a working-day hour: 8 to 12 as the morning and noon, 1 to 7 as the afternoon.
// Each token is read a bounded number of times (a due word reads at most the dozen words after
// it), so the reading is linear in the message.
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"

namespace tactful::customer {
namespace {

struct Clock {
  int minutes = 0;      // since midnight
  std::size_t end = 0;  // the token after the time
};

std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 2) return std::nullopt;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "8", "8am", "8pm", "8:30", "8:30pm", "13:00" in one token's norm; `half` is "am", "pm" or
// empty when the next token may still say.
std::optional<int> clock_of(std::string_view norm, std::string_view& half) {
  half = {};
  if (norm.ends_with("am") || norm.ends_with("pm")) {
    half = norm.substr(norm.size() - 2);
    norm.remove_suffix(2);
  }
  std::optional<int> hour, minute = 0;
  if (const auto colon = norm.find(':'); colon != std::string_view::npos) {
    hour = parse_int(norm.substr(0, colon));
    minute = parse_int(norm.substr(colon + 1));
    if (!minute || norm.size() - colon - 1 != 2 || *minute > 59) return std::nullopt;
  } else {
    hour = parse_int(norm);
  }
  if (!hour || *hour > 23) return std::nullopt;
  return *hour * 60 + *minute;
}

// The clock time starting at token i, if one does.
std::optional<Clock> clock_at(const TextModel& model, std::size_t i, std::size_t end) {
  const auto& toks = model.tokens;
  if (i >= end) return std::nullopt;
  const std::string_view norm = toks[i].norm;
  if (norm == "noon" || norm == "midday") return Clock{12 * 60, i + 1};
  if (toks[i].kind != TokenKind::number && toks[i].kind != TokenKind::identifier)
    return std::nullopt;
  std::string_view half;
  auto m = clock_of(norm, half);
  if (!m) return std::nullopt;
  std::size_t next = i + 1;
  if (half.empty() && next < end && word_is(toks[next], {"am", "pm"})) half = toks[next++].norm;
  // A bare number is a time only where nothing counts it: "at 8.", "between 9 and 11", "it's 2
  // now", not "for 2 people" or "it's 2 hours late".
  if (half.empty() && norm.find(':') == std::string_view::npos && next < end &&
      toks[next].kind != TokenKind::punct &&
      !word_is(toks[next], {"and", "to", "till", "until", "now", "already", "o'clock", "here",
                            "today", "tonight", "this"}))
    return std::nullopt;
  int minutes = *m;
  const int hour = minutes / 60;
  if (half == "pm" && hour < 12) minutes += 12 * 60;
  if (half == "am" && hour == 12) minutes -= 12 * 60;
  if (half.empty() && hour >= 1 && hour <= 7) minutes += 12 * 60;  // a working-day hour
  return Clock{minutes, next};
}

// The latest time we were due by, read from a due word's sentence after it.
std::optional<int> due_by(const TextModel& model, std::size_t from, std::size_t end) {
  const auto& toks = model.tokens;
  for (std::size_t i = from; i < end; ++i) {
    // "9-11am" ("9", "-", "11am"), with or without a word before it: due by its second time.
    if (const auto a = clock_at(model, i, end); a && a->end + 1 < end && toks[a->end].norm == "-") {
      if (const auto b = clock_at(model, a->end + 1, end)) return b->minutes;
    }
    if (i + 1 >= end) break;
    if (word_is(toks[i], {"between", "from"})) {
      const auto a = clock_at(model, i + 1, end);
      if (!a || a->end + 1 >= end || !word_is(toks[a->end], {"and", "to", "till", "until"}))
        continue;
      if (const auto b = clock_at(model, a->end + 1, end)) return b->minutes;
    }
    if (word_is(toks[i], {"at", "by", "before", "for", "around"})) {
      const auto a = clock_at(model, i + 1, end);
      if (!a) continue;
      // "8-12" or "8 to 12": a window after the preposition.
      if (a->end + 1 < end && (toks[a->end].norm == "-" || word_is(toks[a->end], {"to"})))
        if (const auto b = clock_at(model, a->end + 1, end)) return b->minutes;
      return a->minutes + (word_is(toks[i], {"by", "before"}) ? 0 : 30);
    }
  }
  return std::nullopt;
}

constexpr std::string_view kDueWords[] = {"due",      "expected", "booked", "scheduled", "promised",
                                          "supposed", "slot",     "window", "arriving",  "coming"};
constexpr auto kDueSet = HashedWordSet<5, 4>::of(kDueWords);
static_assert(kDueSet.ok());

// Looked up by the token's hash: every word of every customer message is.
bool due_word(const Token& t) {
  return t.kind == TokenKind::word && kDueSet.contains(t.hash, t.norm);
}

}  // namespace

std::optional<Span> due_time_passed(const TextModel& model) {
  const auto& toks = model.tokens;
  // Most messages name no due time: one lookup per word tells, before any clock is read.
  if (std::none_of(toks.begin(), toks.end(), [](const Token& t) { return due_word(t); }))
    return std::nullopt;
  std::optional<int> due;  // the earliest deadline named
  struct Now {
    int minutes;
    Span bytes;
  };
  std::vector<Now> nows;
  for (const auto& s : model.sentences) {
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      if (due_word(toks[i])) {
        // The time follows within a dozen words ("was meant to be here between 9 and 11"); the
        // bound keeps the reading linear when a sentence holds many due words.
        const std::size_t window = std::min<std::size_t>(s.end_token, i + 13);
        if (const auto by = due_by(model, i + 1, window); by && (!due || *by < *due)) due = by;
      }
      // "it's 1pm", "it is now 2:30", "now it's gone 3".
      if (!word_is(toks[i], {"it's", "its"}) &&
          !(word_is(toks[i], {"it"}) && i + 1 < s.end_token && word_is(toks[i + 1], {"is"})))
        continue;
      std::size_t k = i + (word_is(toks[i], {"it"}) ? 2 : 1);
      while (k < s.end_token &&
             word_is(toks[k], {"now", "already", "gone", "past", "nearly", "almost", "after"}))
        ++k;
      if (const auto now = clock_at(model, k, s.end_token))
        nows.push_back({now->minutes, {toks[i].bytes.begin, toks[now->end - 1].bytes.end}});
    }
  }
  if (!due) return std::nullopt;
  for (const Now& n : nows)
    if (n.minutes > *due) return n.bytes;
  return std::nullopt;
}

}  // namespace tactful::customer
