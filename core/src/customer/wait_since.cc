// Waits the customer states by when they began: "waiting since Monday", "no reply since 9am",
// "on hold since this morning". The words carry no date, so the start is placed against the
// time the message was written, and the wait runs from there to the draft. RE2, linear in the
// text, and only run when the text holds "since". A request made at a point in time and then
// silence ("I emailed on Monday and nobody has replied") is read from the cue lexicon's hits,
// which the customer reading has already found: no second pass over the text.
#include <re2/re2.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

const RE2& since_re() {
  // A word of waiting, of trying to get through, or of silence, then within the clause
  // "since" and a point in time.
  static const RE2 re(
      R"((?i)(?:\bwait\w*|\bon\s+hold|\bholding|\btrying\s+to\s+(?:get\s+(?:through|hold\s+of\s+\w+|an?\s+(?:answer|reply))|reach\s+\w+|contact\s+\w+)|\bheard\s+(?:nothing|back|anything)|\bhaven'?t\s+heard|\bnot\s+heard|\bno\s*-?\s*(?:one|body)\s+(?:has\s+)?(?:answered|replied|responded|called|got\s+back)|\bno\s+(?:answer|reply|response|update|word|news|call\s*back|callback))[^.!?\n]{0,40}?\bsince\s+(?:(?:last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(yesterday)|(last\s+night)|(this\s+morning)|(last\s+week)|(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)|(\d{1,2}):(\d{2}))\b)");
  return re;
}

bool since_at(std::string_view text, std::size_t i) {
  return i + 5 <= text.size() && (text[i] | 0x20) == 's' && (text[i + 1] | 0x20) == 'i' &&
         (text[i + 2] | 0x20) == 'n' && (text[i + 3] | 0x20) == 'c' && (text[i + 4] | 0x20) == 'e';
}

// Whether "since" is in the text, in any case. Eight bytes at a time: a block with no 's' or
// 'S' (a byte that is 's' once 0x20 is set: only those two) is passed with a few word
// operations, and "since" is tried only where the block may have one. Linear in the text.
bool has_since(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t block;
    std::memcpy(&block, text.data() + i, 8);
    const std::uint64_t x = (block | 0x2020202020202020ULL) ^ ('s' * kOnes);  // 0 where s or S
    if (((x - kOnes) & ~x & kHighs) == 0) continue;  // no zero byte (never a false "none")
    for (std::size_t k = i; k < i + 8; ++k)
      if (since_at(text, k)) return true;
  }
  for (; i < text.size(); ++i)
    if (since_at(text, i)) return true;
  return false;
}

int weekday_of(std::string_view name) {
  static const char* kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                "thursday", "friday", "saturday"};
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (int d = 0; d < 7; ++d)
    if (lower == kDays[d]) return d;
  return -1;
}

}  // namespace

std::optional<WaitStart> stated_wait_start(std::string_view text) {
  if (!has_since(text)) return std::nullopt;
  std::string day, yesterday, night, morning, week, hour, minute, meridiem, hour24, minute24;
  if (!RE2::PartialMatch(text, since_re(), &day, &yesterday, &night, &morning, &week, &hour,
                         &minute, &meridiem, &hour24, &minute24))
    return std::nullopt;
  using K = WaitStart::Kind;
  if (!day.empty()) return WaitStart{K::weekday, weekday_of(day)};
  // Placed against the midnight that began the day of writing.
  if (!yesterday.empty()) return WaitStart{K::from_midnight, -12 * 60};  // noon the day before
  if (!night.empty()) return WaitStart{K::from_midnight, -3 * 60};       // 21:00 the day before
  if (!morning.empty()) return WaitStart{K::from_midnight, 8 * 60};      // 08:00 that day
  if (!week.empty()) return WaitStart{K::from_midnight, -7 * 1440};
  int h = std::stoi(hour.empty() ? hour24 : hour);
  const int m = std::stoi(hour.empty() ? minute24 : (minute.empty() ? "0" : minute));
  if (m > 59) return std::nullopt;
  if (!hour.empty()) {
    if (h < 1 || h > 12) return std::nullopt;
    const bool pm = (meridiem[0] | 0x20) == 'p';
    h = h % 12 + (pm ? 12 : 0);
  } else if (h > 23) {
    return std::nullopt;
  }
  return WaitStart{WaitStart::Kind::clock, h * 60 + m};
}

std::optional<WaitStart> request_then_silence_start(std::string_view text,
                                                    std::span<const CueHit> cues) {
  for (const CueHit& request : cues) {
    if (request.family != "cue.request-time") continue;
    for (const CueHit& silence : cues) {
      if (silence.family != "cue.silence" || silence.bytes.begin < request.bytes.end ||
          silence.bytes.begin - request.bytes.end > 80)
        continue;
      // The same sentence: no full stop, "!", "?" or line break between the two.
      const std::string_view between =
          text.substr(request.bytes.end, silence.bytes.begin - request.bytes.end);
      if (between.find_first_of(".!?\n") != std::string_view::npos) continue;
      // The point in time is the request phrase's last word.
      std::string_view phrase = text.substr(request.bytes.begin, request.bytes.size());
      const std::size_t space = phrase.find_last_of(" \t");
      const std::string_view last =
          space == std::string_view::npos ? phrase : phrase.substr(space + 1);
      std::string word(last);
      for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      using K = WaitStart::Kind;
      if (const int day = weekday_of(word); day >= 0) return WaitStart{K::weekday, day};
      if (word == "yesterday") return WaitStart{K::from_midnight, -12 * 60};
      if (word == "night") return WaitStart{K::from_midnight, -3 * 60};
      if (word == "morning") return WaitStart{K::from_midnight, 8 * 60};
      if (word == "week") return WaitStart{K::from_midnight, -7 * 1440};
    }
  }
  return std::nullopt;
}

std::optional<double> minutes_since(const WaitStart& start, std::chrono::sys_seconds written,
                                    std::chrono::sys_seconds until) {
  using namespace std::chrono;
  const sys_days day = floor<days>(written);
  sys_seconds begin;
  switch (start.kind) {
    case WaitStart::Kind::clock:
      // Today at that time, or yesterday when that is still to come. The customer's clock may
      // be hours off UTC, so a start more than 18 hours back is not trusted.
      begin = day + minutes(start.value);
      if (begin > written) begin -= days(1);
      if (written - begin > hours(18)) return std::nullopt;
      break;
    case WaitStart::Kind::weekday: {
      // The last such day before the day of writing (a week back when it is today), at noon.
      const int today = static_cast<int>(weekday(day).c_encoding());
      int back = (today - start.value + 7) % 7;
      if (back == 0) back = 7;
      begin = day - days(back) + hours(12);
      break;
    }
    case WaitStart::Kind::from_midnight:
      begin = day + minutes(start.value);
      break;
  }
  if (until < written) until = written;
  const double waited = duration<double>(until - begin).count() / 60.0;
  if (waited <= 0) return std::nullopt;
  return waited;
}

}  // namespace tactful::customer
