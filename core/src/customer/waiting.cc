// Waits the customer states in words: "waiting for 40 minutes", "on hold for an hour",
// "3 days and no answer". RE2, so linear in the text.
//
// Each match is found in two steps. The search regex runs without captures (RE2's DFA alone,
// about 3,000 instructions on a 100-byte message), then a small regex of just the amount and
// unit reads the captures inside the match. Asking the search regex itself for its captures ran
// RE2's backtracker over its ~900-instruction program, which cost about 40,000 instructions per
// stated wait. The two steps give the same captures (why: `amount_parse`), and a test compares
// them with the one-step form (stated_wait_minutes_reference) on generated texts. When the amount
// starts the match (amount_then_wait) in an ASCII text, the second step is done by hand
// (wait_amount.cc), without RE2.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <string>

#include "customer/signals_internal.h"
#include "customer/words_by_first_letter.h"

namespace tactful::customer {
namespace {

constexpr const char* kAmount =
    R"((\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|several|a\s+few|a\s+couple\s+of|couple\s+of|few)\s*(?:more\s+than\s+)?(and\s+a\s+half\s+)?(mins?\b|minutes?|hours?|hrs?\b|days?|weeks?|months?)(\s+and\s+a\s+half)?)";

double amount(const std::string& word) {
  static const std::pair<const char*, double> kWords[] = {
      {"a", 1},       {"an", 1},      {"one", 1},     {"two", 2},         {"three", 3},
      {"four", 4},    {"five", 5},    {"six", 6},     {"seven", 7},       {"eight", 8},
      {"nine", 9},    {"ten", 10},    {"eleven", 11}, {"twelve", 12},     {"fifteen", 15},
      {"twenty", 20}, {"thirty", 30}, {"forty", 40},  {"forty-five", 45}, {"fifty", 50},
      {"sixty", 60},  {"ninety", 90}, {"several", 3}, {"few", 3}};
  std::string w = word;
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) return std::atof(w.c_str());
  if (w.find("couple") != std::string::npos) return 2;
  if (w.find("few") != std::string::npos) return 3;
  for (const auto& [name, v] : kWords)
    if (w == name) return v;
  return 0;
}

double unit_minutes(const std::string& unit) {
  switch (std::tolower(static_cast<unsigned char>(unit[0]))) {
    case 'm':
      return unit.size() > 1 && std::tolower(static_cast<unsigned char>(unit[1])) == 'o' ? 43200
                                                                                         : 1;
    case 'h':
      return 60;
    case 'd':
      return 1440;
    case 'w':
      return 10080;
  }
  return 0;
}

const RE2& wait_then_amount() {
  static const RE2 re(
      std::string(
          R"((?i)(?:wait\w*|on\s+hold|holding|trying\s+to\s+(?:get\s+(?:through|help|hold\s+of\s+\w+|an?\s+(?:answer|reply))|reach\s+\w+|contact\s+\w+)|on\s+(?:this|the)\s+(?:chat|phone|line|call)\s+(?:with\s+(?:you|your\s+\w+)\s+)?for\s|in\s+circles|no\s*-?\s*(?:one|body)\s+(?:has\s+)?(?:answered|replied|responded|got\s+back)|(?:no|without\s+an?)\s+(?:answer|reply|response|update|word)|haven'?t\s+heard|(?:standing|stood|sitting|sat|queu(?:e|ed|ing))\s+(?:in|at|outside)\s+(?:your\s+\w+|the\s+(?:shop|store|branch|office|counter|desk|reception|showroom|depot|queue|line)))[^.!?\n]{0,40}?\b)") +
      kAmount);
  return re;
}

// "3 days and nothing" is silence; "I drove 40 minutes for nothing" is a wasted trip, not a wait:
// "nothing" counts unless "for" comes right before it.
const RE2& amount_then_wait() {
  static const RE2 re(
      std::string(R"((?i)\b)") + kAmount +
      R"([^.!?\n]{0,30}?(?:wait\w*|on\s+hold|no\s+(?:answer|reply|response|update|word)|no\s*-?\s*(?:one|body)\s+(?:has\s+)?(?:answered|replied|responded|got\s+back|called|contacted)|(?:[^r.!?\n]\s|[^o.!?\n]r\s|[^f.!?\n]or\s)nothing|without\s+(?:an?\s+)?(?:answer|reply|response)|since\s+I\s+(?:first\s+|last\s+)?(?:asked|e-?mailed|called|rang|phoned|wrote|messaged|reported|requested|contacted|complained|chased|raised|got\s+in\s+touch|reached\s+out|sent|submitted|(?:re-?)?appl(?:y|ied)|enquired|inquired|posted|tweeted|dm'?e?d|logged|opened|filed|spoke|talked|left\s+a|made\s+the|put\s+in)\b|of\s+silence|ago[^.!?\n]{0,20}?\bI\s+(?:first\s+)?(?:asked|e-?mailed|called|rang|wrote|messaged|reported|requested|contacted)\b))");
  return re;
}

// Both regexes end in a unit: without one of these (in any case) neither can match. "wee",
// not "week": under (?i) RE2 also reads the Kelvin sign U+212A as k.
// The first byte of a unit, in either case: the cheap test that comes first.
inline bool unit_start(char b) {
  const char c = static_cast<char>(b | 0x20);
  return c == 'm' || c == 'h' || c == 'd' || c == 'w';
}

// One of "min", "hour", "hr", "day", "wee", "month" starts at i, in any case. Decided by the
// first two bytes for most text: 'h', 'd' and 'm' are common letters, units are not.
bool unit_at(std::string_view text, std::size_t i) {
  const auto rest_is = [&](std::string_view unit) {  // unit[0] and unit[1] already match
    if (text.size() - i < unit.size()) return false;
    for (std::size_t k = 2; k < unit.size(); ++k)
      if ((text[i + k] | 0x20) != unit[k]) return false;
    return true;
  };
  if (text.size() - i < 2) return false;
  const char second = static_cast<char>(text[i + 1] | 0x20);
  switch (text[i] | 0x20) {
    case 'm':
      return (second == 'i' && rest_is("min")) || (second == 'o' && rest_is("month"));
    case 'h':
      return (second == 'o' && rest_is("hour")) || second == 'r';
    case 'd':
      return second == 'a' && rest_is("day");
    case 'w':
      return second == 'e' && rest_is("wee");
  }
  return false;
}

bool names_a_unit(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (unit_start(text[i]) && unit_at(text, i)) return true;
  return false;
}

// In both regexes the unit follows AMOUNT \s* (more\s+than\s+)? (and\s+a\s+half\s+)?, so
// after the whitespace before it (none is fine) comes the end of an amount (a digit, or a word
// among the amounts, "of" of "a couple of"), "than" or "half", after a word boundary. In an
// ASCII text that is a word, read backwards, from this list or ending in a digit. The check
// over-approximates (whitespace that \s does not take, '_' before the word, "than" without
// "more"): it only has to be true whenever a regex can match.
bool amount_before(std::string_view text, std::size_t unit) {
  static constexpr std::string_view kEnds[] = {
      "a",     "an",    "one",    "two",     "three",  "four",    "five",   "six",    "seven",
      "eight", "nine",  "ten",    "eleven",  "twelve", "fifteen", "twenty", "thirty", "forty",
      "fifty", "sixty", "ninety", "several", "few",    "of",      "than",   "half"};
  std::size_t p = unit;
  while (p > 0 && (text[p - 1] == ' ' || (text[p - 1] >= '\t' && text[p - 1] <= '\r'))) --p;
  if (p > 0 && text[p - 1] >= '0' && text[p - 1] <= '9') return true;
  std::size_t b = p;
  while (b > 0 && p - b <= 7) {
    const char c = static_cast<char>(text[b - 1] | 0x20);
    if (c < 'a' || c > 'z') break;
    --b;
  }
  if (b == p || p - b > 7) return false;
  char word[8];
  for (std::size_t k = b; k < p; ++k) word[k - b] = static_cast<char>(text[k] | 0x20);
  const std::string_view w(word, p - b);
  for (std::string_view end : kEnds)
    if (w == end) return true;
  return false;
}

// Whether a stated wait can be in the text: a unit, and in an ASCII text an amount before it.
// Most messages that name a unit don't state a wait ("this month", "today"); for them the
// regexes are skipped. Texts with other characters get the regexes whenever a unit occurs:
// (?i) also reads the long s U+017F as s and the Kelvin sign as k, which a byte check would miss.
// The scan reads one table per byte: 0 for most, kUnitByte for the first byte of a unit
// (unit_start), kHighByte for bytes of other characters.
constexpr std::uint8_t kUnitByte = 1, kHighByte = 2;
constexpr auto kWaitScan = [] {
  std::array<std::uint8_t, 256> table{};
  for (const char c : std::string_view("mhdwMHDW"))
    table[static_cast<unsigned char>(c)] = kUnitByte;
  for (int b = 0x80; b <= 0xFF; ++b) table[b] = kHighByte;
  return table;
}();

// What one scan of the text tells about stated waits: whether a regex can match (as
// may_state_a_wait below), and for an ASCII text the last unit with an amount before it (every
// match of either regex ends at or after a unit of that kind, the one it contains).
constexpr std::size_t kMostUnits = 8;  // units kept, for amount_then_wait_at_starts
struct WaitScan {
  bool possible = false;
  bool ascii = true;
  std::size_t last_unit = 0;                    // when possible and ascii
  std::array<std::size_t, kMostUnits> units{};  // when ascii: the first `unit_count`, in order
  std::size_t unit_count = 0;                   // more than kMostUnits: all of them not kept
};

WaitScan scan_for_waits(std::string_view text) {
  WaitScan scan;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint8_t kind = kWaitScan[static_cast<unsigned char>(text[i])];
    if (kind == 0) [[likely]]
      continue;
    if (kind == kHighByte) {
      scan.ascii = false;
      scan.possible = names_a_unit(text);
      return scan;
    }
    if (unit_at(text, i) && amount_before(text, i)) {
      scan.possible = true;
      scan.last_unit = i;
      if (scan.unit_count < kMostUnits) scan.units[scan.unit_count] = i;
      ++scan.unit_count;
    }
  }
  return scan;
}

bool may_state_a_wait(std::string_view text) {
  return scan_for_waits(text).possible;
}

// may_state_a_wait of the text after `from`, where a match ended, told by the whole text's scan
// where it can be. In an ASCII text a unit of the rest with an amount before it (read in the
// rest, as amount_before does) has the same amount before it in the whole text, so it is at or
// before scan.last_unit, unless the rest starts inside a word: the word read in the rest may
// then be the tail of a longer one ("...nothingone hour": "one" in the rest, "nothingone" in
// the text). That case, and texts with other characters, are scanned again.
bool rest_may_state_a_wait(std::string_view text, const WaitScan& scan, std::size_t from) {
  const std::string_view rest = text.substr(from);
  if (!scan.ascii || (!rest.empty() && ((rest[0] | 0x20) >= 'a' && (rest[0] | 0x20) <= 'z')))
    return may_state_a_wait(rest);
  return scan.possible && scan.last_unit >= from;
}

// Whether wait_then_amount can match an ASCII text whose last unit with an amount before it is
// at `last_unit`: its wait phrase comes before the amount, and each alternative of the phrase
// holds one of these words (in any case; in ASCII only ASCII letters fold to ASCII letters):
// wait\w*; on hold, holding; trying to; on the chat/phone/line/call; in circles; no one/nobody
// answered/replied/responded/got back; no answer/reply/response/update/word; haven't heard;
// standing/stood/sitting/sat/queuing in or at your place or the counter.
// Most messages that state an amount of time have none of them before it ("it's been an hour
// and nobody has replied"): then the regex, a scan of the whole text, is skipped.
bool wait_phrase_before(std::string_view text, std::size_t last_unit) {
  static constexpr std::string_view kWords[] = {
      "wait",   "hold", "trying", "chat", "phone", "line",  "call",  "circles", "answer", "repl",
      "respon", "back", "update", "word", "heard", "stand", "stood", "sitting", "sat",    "queu"};
  // By first letter (at most four share one), so a byte that starts one is compared with those
  // words only, not with all twenty: 'a', 'h', 's', 't', 'w' and the others are common letters.
  static constexpr WordsByFirstLetter<4> kByFirst(kWords);
  for (std::size_t i = 0; i < last_unit; ++i)
    if (kByFirst.any_at(text, i, [](std::size_t) { return true; })) return true;
  return false;
}

// The first match of amount_then_wait in a whole ASCII text, as the unanchored search finds it:
// searches anchored, in order, where amount_starts.cc says a match may start. The first to match
// is the leftmost match, and RE2 prefers the same match at a start anchored or not. Linear: at
// most kMostUnits windows and kMostTries searches; past those nullopt (the unanchored search).
std::optional<bool> amount_then_wait_at_starts(const RE2& re, const WaitScan& scan,
                                               std::string_view text, re2::StringPiece* whole) {
  if (!scan.ascii || scan.unit_count > kMostUnits) return std::nullopt;
  constexpr int kMostTries = 16;
  const re2::StringPiece input(text.data(), text.size());
  int tries = 0;
  std::size_t from = 0;
  for (std::size_t k = 0; k < scan.unit_count; ++k) {
    const std::size_t unit = scan.units[k];
    for (std::size_t at =
             next_amount_start(text, std::max(from, amount_window_start(text, unit)), unit);
         at < unit; at = next_amount_start(text, at + 1, unit)) {
      if (++tries > kMostTries) return std::nullopt;
      if (re.Match(input, at, input.size(), RE2::ANCHOR_START, whole, 1)) return true;
    }
    from = std::max(from, unit);
  }
  return false;
}

// The captures of one match (the amount, "and a half" before and after the unit, the unit) as
// minutes; 0 when they name no duration.
double minutes_of(const std::string& num, const std::string& half_before, const std::string& unit,
                  const std::string& half_after) {
  // "two and a half hours", "an hour and a half"
  const double half = half_before.empty() && half_after.empty() ? 0 : 0.5;
  return (amount(num) + half) * unit_minutes(unit);
}

// The amount and unit alone, with the same four groups, to read the captures of a match the
// search regexes found. Run on exactly the match [b, e):
//
// - amount_then_wait is \b AMOUNT TAIL, so AMOUNT starts at b. Its first parse there (RE2 and
//   Perl prefer the longest `s?`, "and a half" and digits, and of the alternatives only one can
//   be followed by a unit) is the parse of the whole match: TAIL ([^.!?\n]{0,30}? then a wait
//   phrase) succeeds after it whenever it succeeds after a shorter parse, since no wait phrase
//   starts inside "and a half". The one exception, "hour" + "since I" written as
//   "hoursince I", reads "hours" instead of "hour": the same minutes.
// - wait_then_amount is WAIT GAP \b AMOUNT with AMOUNT last, so AMOUNT ends at e and starts at
//   the earliest word start after WAIT (GAP is lazy) from which it reaches e. No AMOUNT can start
//   inside a wait phrase and reach past it (none of their words is an amount followed by a
//   unit), so the earliest start in [b, e) from which AMOUNT spans to e is that one: `.*?` finds
//   it, and (?s) lets it cross the line breaks \s+ allows inside a wait phrase.
const RE2& amount_parse(bool anywhere) {
  static const RE2 at_start(std::string(R"((?i)\b)") + kAmount);
  static const RE2 at_end(std::string(R"((?is).*?\b)") + kAmount);
  return anywhere ? at_end : at_start;
}

}  // namespace

std::optional<double> stated_wait_minutes(std::string_view text) {
  std::optional<double> best;
  const WaitScan scan = scan_for_waits(text);
  if (!scan.possible) return best;
  const bool skip_wait_first = scan.ascii && !wait_phrase_before(text, scan.last_unit);
  const struct {
    const RE2& search;
    const RE2& parse;
    RE2::Anchor anchor;
  } steps[] = {{wait_then_amount(), amount_parse(true), RE2::ANCHOR_BOTH},
               {amount_then_wait(), amount_parse(false), RE2::ANCHOR_START}};
  std::string num, half_before, unit, half_after;
  for (const auto& step : steps) {
    if (&step.search == &wait_then_amount() && skip_wait_first) continue;
    // As RE2::FindAndConsume: each search starts where the last match ended, on the rest of
    // the text as a text of its own.
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece whole;
    int guard = 0;
    const auto search = [&] {  // amount_then_wait's first search: where a match may start
      if (input.data() == text.data() && step.anchor == RE2::ANCHOR_START)
        if (const auto found = amount_then_wait_at_starts(step.search, scan, text, &whole))
          return *found;
      return step.search.Match(input, 0, input.size(), RE2::UNANCHORED, &whole, 1);
    };
    while (guard++ < 20 && search()) {
      const auto b = static_cast<std::size_t>(whole.data() - input.data());
      const std::size_t e = b + whole.size();
      re2::StringPiece g[5];
      const std::string_view rest(input.data(), input.size());
      // An amount at the match's start in an ASCII text is read by hand (wait_amount.cc), the
      // same captures as RE2's; otherwise by RE2.
      const auto by_hand =
          scan.ascii && step.anchor == RE2::ANCHOR_START ? amount_at(rest, b, e) : std::nullopt;
      if (by_hand) {
        const auto piece = [&](Span s) {
          return re2::StringPiece(rest.data() + s.begin, s.size());
        };
        g[1] = piece(by_hand->amount);
        g[2] = piece(by_hand->half_before);
        g[3] = piece(by_hand->unit);
        g[4] = piece(by_hand->half_after);
      } else if (!step.parse.Match(input, b, e, step.anchor, g, 5)) {
        // Never expected to fail (see amount_parse); if it did, the one-step form decides.
        return stated_wait_minutes_reference(text);
      }
      num.assign(g[1].data(), g[1].size());
      half_before.assign(g[2].data(), g[2].size());
      unit.assign(g[3].data(), g[3].size());
      half_after.assign(g[4].data(), g[4].size());
      const double minutes = minutes_of(num, half_before, unit, half_after);
      if (minutes > 0 && (!best || minutes > *best) &&
          !no_wait_for_us(std::string_view(input.data(), input.size()), b, e))
        best = minutes;
      input.remove_prefix(e);
      // The rest is searched as a text of its own: one that cannot state a wait is not.
      if (!rest_may_state_a_wait(text, scan, static_cast<std::size_t>(input.data() - text.data())))
        break;
    }
  }
  return best;
}

std::optional<AmountCaptures> amount_at_reference(std::string_view text, std::size_t begin,
                                                  std::size_t end) {
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece g[5];
  if (!amount_parse(false).Match(input, begin, end, RE2::ANCHOR_START, g, 5)) return std::nullopt;
  const auto span = [&](const re2::StringPiece& p) {
    if (p.data() == nullptr) return Span{};
    const auto at = static_cast<std::size_t>(p.data() - text.data());
    return Span{at, at + p.size()};
  };
  return AmountCaptures{span(g[1]), span(g[2]), span(g[3]), span(g[4])};
}

std::optional<double> stated_wait_minutes_reference(std::string_view text) {
  std::optional<double> best;
  if (!names_a_unit(text)) return best;
  for (const RE2* re : {&wait_then_amount(), &amount_then_wait()}) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece g[5];  // the whole match, then the amount, halves and unit
    int guard = 0;
    while (guard++ < 20 && re->Match(input, 0, input.size(), RE2::UNANCHORED, g, 5)) {
      const auto b = static_cast<std::size_t>(g[0].data() - input.data());
      const std::size_t e = b + g[0].size();
      const double minutes =
          minutes_of(std::string(g[1].data(), g[1].size()), std::string(g[2].data(), g[2].size()),
                     std::string(g[3].data(), g[3].size()), std::string(g[4].data(), g[4].size()));
      if (minutes > 0 && (!best || minutes > *best) &&
          !no_wait_for_us(std::string_view(input.data(), input.size()), b, e))
        best = minutes;
      input.remove_prefix(e);
      if (e == 0) break;  // an empty match would not move (the regexes cannot match empty)
    }
  }
  return best;
}

}  // namespace tactful::customer
