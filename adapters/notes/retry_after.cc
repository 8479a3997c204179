// Retry-After (RFC 9110 section 10.2.3) and the vendors' own rate-limit headers.
#include <array>
#include <vector>

#include "tactful/adapters/notes/response.h"

namespace tactful::notes {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr std::int64_t kMaxDelay = 10LL * 365 * 24 * 3600;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> digits(std::string_view s, std::size_t max_len) {
  if (s.empty() || s.size() > max_len) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<unsigned> month_of(std::string_view m) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (unsigned i = 0; i < kMonths.size(); ++i)
    if (m == kMonths[i]) return i + 1;
  return std::nullopt;
}

// "hh:mm:ss" as seconds of the day.
std::optional<std::int64_t> time_of_day(std::string_view t) {
  if (t.size() != 8 || t[2] != ':' || t[5] != ':') return std::nullopt;
  const auto h = digits(t.substr(0, 2), 2), m = digits(t.substr(3, 2), 2),
             s = digits(t.substr(6, 2), 2);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
  return *h * 3600 + *m * 60 + *s;
}

std::vector<std::string_view> split_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 8) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '-') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and
// asctime "Sun Nov  6 08:49:37 1994".
std::optional<sys_seconds> parse_http_date(std::string_view s) {
  const auto t = split_tokens(s);
  std::string_view day_t, month_t, year_t, hms;
  if (t.size() == 6 && t[5] == "GMT") {  // IMF-fixdate or RFC 850 (after splitting on ", -")
    day_t = t[1], month_t = t[2], year_t = t[3], hms = t[4];
  } else if (t.size() == 5) {  // asctime
    month_t = t[1], day_t = t[2], hms = t[3], year_t = t[4];
    if (year_t.size() != 4) return std::nullopt;
  } else {
    return std::nullopt;
  }
  const auto day = digits(day_t, 2);
  const auto month = month_of(month_t);
  auto year = digits(year_t, 4);
  const auto tod = time_of_day(hms);
  if (!day || !month || !year || !tod) return std::nullopt;
  if (year_t.size() == 2)
    *year += *year < 70 ? 2000 : 1900;  // RFC 850's two-digit years
  else if (year_t.size() != 4)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(year.value())),
                                        std::chrono::month(month.value()),
                                        std::chrono::day(static_cast<unsigned>(day.value()))};
  if (!ymd.ok()) return std::nullopt;
  return sys_seconds(std::chrono::sys_days(ymd)) + seconds(tod.value());
}

std::optional<seconds> until(sys_seconds when, sys_seconds now) {
  const auto d = (when - now).count();
  if (d > kMaxDelay) return std::nullopt;
  return seconds(d < 0 ? 0 : d);
}

}  // namespace

std::optional<seconds> parse_retry_after(std::string_view value, sys_seconds now) {
  value = trim(value);
  if (auto n = digits(value, 12)) {
    if (*n > kMaxDelay) return std::nullopt;
    return seconds(*n);
  }
  if (auto date = parse_http_date(value)) return until(*date, now);
  return std::nullopt;
}

std::optional<seconds> requested_wait(webhooks::Vendor vendor, int status,
                                      const webhooks::Headers& headers, sys_seconds now) {
  if (auto v = headers.get("Retry-After"))
    if (auto d = parse_retry_after(*v, now)) return d;
  if (status != 429 && status != 503) return std::nullopt;
  // Help Scout: X-RateLimit-Retry-After in seconds (developer.helpscout.com rate limiting).
  if (auto v = headers.get("X-RateLimit-Retry-After"))
    if (auto n = digits(trim(*v), 12); n && *n <= kMaxDelay) return seconds(*n);
  // Intercom and Front: X-RateLimit-Reset is the unix time the window resets.
  if (vendor == webhooks::Vendor::intercom || vendor == webhooks::Vendor::front)
    if (auto v = headers.get("X-RateLimit-Reset"))
      if (auto n = digits(trim(*v), 12)) return until(sys_seconds(seconds(*n)), now);
  return std::nullopt;
}

}  // namespace tactful::notes
