// RFC 3339 timestamps ("2026-11-22T10:00:00Z", "2026-11-22T11:00:00+01:00", fractions allowed).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tactful {

// Parses an RFC 3339 date-time to UTC seconds (fractions truncated). Returns nullopt for
// anything else, including out-of-range fields ("2026-13-01T…", "…T25:00:00Z").
std::optional<std::chrono::sys_seconds> parse_rfc3339(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_rfc3339(std::chrono::sys_seconds t);

}  // namespace tactful
